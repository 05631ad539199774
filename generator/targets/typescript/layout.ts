// Line breaking the templates cannot leave to prettier (which format.ts skips for modules that fit): a member
// whose type is too wide for one line is written the way prettier writes it, so the module stays a fixed point.
// Also the shapes of rendered lines that format.ts must recognize, kept here beside the decisions that make them.

export const PRINT_WIDTH = 120;

/**
 * The text after a member's colon, for a member starting with `head` (indent, modifiers, key, `?:`) whose type is
 * the union of `members` (one member: not a union). On one line when it fits; else a union goes on the next line,
 * one more indent in, or, when that does not fit either, one member per line, each after `| `. A type holding
 * non-ASCII text is kept on one line (prettier's column count for it is its own), and the module then goes
 * through prettier, as does one whose single-member type is too long.
 */
export function memberTypeText(head: string, members: readonly string[], indent: string): string {
  const type = members.join(" | ");
  const flat = ` ${type}`;
  if (head.length + flat.length + 1 <= PRINT_WIDTH || members.length < 2 || !isAscii(head + type)) return flat;
  const inner = `${indent}  `;
  if (inner.length + type.length + 1 <= PRINT_WIDTH) return `\n${inner}${type}`;
  return members.map((m) => `\n${inner}| ${m}`).join("");
}

/** What follows `head` (ending in `=`) before `value`: a space when the line fits, else a break and an indent. */
export function assignmentBreak(head: string, value: string): string {
  return fits(`${head} ${value}`) ? " " : "\n  ";
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Whether a line (indent included) fits the print width; only ASCII text is judged, anything else does not fit. */
export function fits(line: string): boolean {
  return line.length <= PRINT_WIDTH && isAscii(line);
}

/** The line that opens a schema text (`const requestSchema = rt.schema(\``, module.hbs); its lines are not code. */
export function isSchemaTextStart(line: string): boolean {
  return /= rt\.schema(<\w+>)?\(`$/.test(line);
}

export function isSchemaTextEnd(line: string): boolean {
  return line === "`);";
}

// A member whose type is one name (qualified, maybe a list of it): prettier has nowhere to break it.
const UNBREAKABLE_MEMBER =
  /^ *(readonly )?([A-Za-z_$][\w$]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\??: (readonly )?[A-Za-z_$][\w$.]*(\[\])?;$/;

export function isUnbreakableMember(line: string): boolean {
  return UNBREAKABLE_MEMBER.test(line);
}
