// The "no `any` in generated code" rule, by scanning the text: the word `any` used as a type, outside comments,
// strings and template literals. Both verify paths (native and in-process) use it, so they report the same lines;
// it needs no compiler, so it runs in the worker threads beside render and format.
//
// A word `any` is a use unless it is a member name: after `.`, or followed by `:`, `?:`, `!:` or `(` (a property,
// a parameter object key, a method). Generated code has no regular expression literals (the schema text is a
// template literal), so `/` is only a comment start or division.

/** A problem with a generated file, as either verify path reports it. */
export interface VerifyProblem {
  file: string;
  line: number;
  message: string;
}

export const ANY_MESSAGE = "generated code uses `any`";

/** Uses of `any` as a type in `text` (the file `file`), one per occurrence, with 1-based lines. */
export function anyUses(file: string, text: string): VerifyProblem[] {
  if (!/\bany\b/.test(text)) return [];
  const found: VerifyProblem[] = [];
  let line = 1;
  // Open template literals' `${` depths: a `}` at the recorded depth goes back into the template.
  const templates: number[] = [];
  let braces = 0;
  const n = text.length;
  let i = 0;
  const skipString = (quote: number) => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === quote) return;
      else if (c === 10) line++; // an unterminated string: the compiler reports it; keep the lines right
    }
  };
  // From inside a template literal (after ` or a closing }): to its end or to the next `${`.
  const skipTemplate = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        if (text.charCodeAt(i + 1) === 10) line++;
        i++;
      } else if (c === 10) line++;
      else if (c === 96 /* ` */) return;
      else if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
        i++;
        templates.push(braces++);
        return;
      }
    }
  };
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end - 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 10) line++;
      i = stop - 1;
    } else if (c === 34 || c === 39) skipString(c);
    else if (c === 96) {
      i++;
      skipTemplate();
    } else if (c === 123) braces++;
    else if (c === 125) {
      braces--;
      if (templates.length && templates[templates.length - 1] === braces) {
        templates.pop();
        i++;
        skipTemplate();
      }
    } else if (c === 97 /* a */ && text.startsWith("any", i) && !wordChar(text.charCodeAt(i - 1))) {
      if (wordChar(text.charCodeAt(i + 3))) continue;
      if (!memberName(text, i)) found.push({ file, line, message: ANY_MESSAGE });
      i += 2;
    } else if (wordChar(c)) {
      // the rest of an identifier or number: `many`, `company`
      while (i + 1 < n && wordChar(text.charCodeAt(i + 1))) i++;
    }
  }
  return found;
}

function wordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127 // _ $, non-ASCII
  );
}

/** `x.any`, `any: T`, `any?: T`, `any!: T`, `any(`: the word names a member (or a parameter), not the type. */
function memberName(text: string, at: number): boolean {
  let b = at - 1;
  while (b >= 0 && isSpace(text.charCodeAt(b))) b--;
  if (b >= 0 && text.charCodeAt(b) === 46 /* . */) return true;
  // `T extends U ? any : V`: after a `?`, `any :` is a conditional type's branch
  const afterQuestion = b >= 0 && text.charCodeAt(b) === 63;
  let a = at + 3;
  while (a < text.length && isSpace(text.charCodeAt(a))) a++;
  let c = text.charCodeAt(a);
  if (c === 63 /* ? */ || c === 33 /* ! */) c = text.charCodeAt(a + 1);
  return (c === 58 /* : */ && !afterQuestion) || c === 40; /* ( */
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
