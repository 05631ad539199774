// The only ways doc text reaches generated code. Each is registered as a Handlebars helper of the same name.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A UTF-16 surrogate that is not half of a pair: it has no UTF-8 form, so a file written with it gets U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `\uD800` as text: what a lone surrogate becomes in comments (visible) and template literals (the same value). */
function surrogateEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * A TypeScript string literal, safe for any input: quotes, backslashes, line terminators, control chars. Quoted
 * as prettier quotes it (double, unless the text holds more double quotes than single ones) so that prettier
 * leaves it as it is.
 */
export function tsString(text: string): string {
  const json = JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles <= singles) return json;
  const body = json
    .slice(1, -1)
    .replace(/\\(.)|'/g, (m: string, escaped: string | undefined) =>
      escaped === '"' ? '"' : escaped !== undefined ? m : "\\'",
    );
  return `'${body}'`;
}

/** A property key: the bare name when it is an identifier, else a string literal (wire names never change). */
export function propKey(name: string): string {
  return IDENTIFIER.test(name) ? name : tsString(name);
}

/**
 * Text for the inside of a block comment. `*` + `/` gets a backslash between them so it cannot close the comment,
 * and a line-leading `@` gets one before it so doc text cannot forge a tag; both add exactly one backslash to any
 * run already there, so unescapeJsdoc reads every text back exactly. Control characters become visible `\uXXXX`.
 */
export function jsdocText(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*(\\*)\//g, "*$1\\/")
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    )
    .replace(LONE_SURROGATE, surrogateEscape)
    .split("\n")
    .map((line) => line.trimEnd().replace(/^(\s*\\*)@/, "$1\\@"));
}

/** Inverse of jsdocText for the parts that changed the text (used by tests and tools reading the comments). */
export function unescapeJsdoc(text: string): string {
  return text.replace(/\*(\\*)\\\//g, "*$1/").replace(/^(\s*\\*)\\@/gm, "$1@");
}

/** A JSDoc block: paragraphs of doc text, then `@tag text` lines (the tag is ours, the text is escaped). */
export function jsdoc(
  paragraphs: readonly (string | undefined)[],
  tags: readonly (readonly [string, string | undefined])[] = [],
  indent = "",
): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    if (p === undefined || p.trim() === "") continue;
    if (lines.length) lines.push("");
    lines.push(...jsdocText(p.trim()));
  }
  const tagLines = tags.filter(([, text]) => text !== undefined);
  if (tagLines.length && lines.length) lines.push("");
  for (const [tag, text] of tagLines) {
    const [first = "", ...rest] = jsdocText(text!.trim());
    lines.push(`@${tag} ${first}`.trimEnd(), ...rest);
  }
  if (lines.length === 0) return "";
  return ["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"].map((l) => indent + l).join("\n");
}

/**
 * Text for the inside of a template literal: reads back exactly (no escape is interpreted, no `${` substitutes);
 * a lone surrogate is written as its `\uD800` escape, which the literal reads back as the same code unit.
 */
export function templateText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/`/g, "\\`")
    .replace(/\$\{/g, "\\${")
    .replace(LONE_SURROGATE, surrogateEscape);
}
