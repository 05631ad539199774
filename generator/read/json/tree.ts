// A strict JSON (RFC 8259) tree that keeps what the JSON reader needs and JSON.parse throws away: the 1-based
// line of every value and key, every member of an object in order (duplicates included), and the source text of
// every number (so no digit is ever lost). Syntax errors carry the line and column.
//
// The scanning and parsing is jsonc-parser's (its event API, `visit`, configured for strict JSON: no comments,
// no trailing commas, no empty input). This module only builds the tree from its events, maps offsets to lines,
// refuses nesting deeper than MAX_NESTING, and turns the first error into a message at the exact character.

import { ParseErrorCode, visit } from "jsonc-parser";

export interface JsonObject {
  kind: "object";
  line: number;
  entries: JsonEntry[];
}
export interface JsonArray {
  kind: "array";
  line: number;
  items: JsonNode[];
}
export interface JsonString {
  kind: "string";
  line: number;
  value: string;
}
export interface JsonNumber {
  kind: "number";
  line: number;
  /** The number exactly as written in the source. */
  text: string;
}
export interface JsonBoolean {
  kind: "boolean";
  line: number;
  value: boolean;
}
export interface JsonNull {
  kind: "null";
  line: number;
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonEntry {
  key: string;
  /** Line of the key (the value may start on a later line). */
  line: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (line ${line}, column ${column})`);
    this.name = "JsonSyntaxError";
  }
}

/** Deeper nesting than this is refused (keeps jsonc-parser's recursion far from the stack limit). */
export const MAX_NESTING = 512;

/** Parses one JSON text (surrounding whitespace allowed). Throws JsonSyntaxError. */
export function parseJsonTree(text: string): JsonNode {
  return new FastTree(text).build() ?? new TreeBuilder(text).build();
}

/** The same tree, always through jsonc-parser (the reference the fast path is tested against). */
export function parseJsonTreeByJsonc(text: string): JsonNode {
  return new TreeBuilder(text).build();
}

/** How a node's kind reads in a message: "an object", "a string", … */
export function describeKind(node: JsonNode): string {
  switch (node.kind) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "null":
      return "null";
  }
}

/** Converts a tree back to a plain value (numbers via Number(): only for tests and tooling). */
export function toPlainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // Same semantics as JSON.parse: the last duplicate wins, "__proto__" is an ordinary key.
        Object.defineProperty(out, e.key, {
          value: toPlainValue(e.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return node.items.map(toPlainValue);
    case "string":
    case "boolean":
      return node.value;
    case "number":
      return Number(node.text);
    case "null":
      return null;
  }
}

/** What the text must continue with at the current point; names the expectation in error messages. */
type Expect = "key" | "colon" | "value" | "next";

interface Frame {
  node: JsonObject | JsonArray;
  expect: Expect;
  /** The latest key of an object and its line (for the entry its value completes). */
  key: string;
  keyLine: number;
}

/** Builds the tree from jsonc-parser's events; throws at the first error. */
class TreeBuilder {
  /** Offset at which each line starts (line n starts at lineStarts[n - 1]). */
  private readonly lineStarts: number[];
  private readonly stack: Frame[] = [];
  private root: JsonNode | undefined;
  /** End offset of the latest number token (-1 if the latest token was not a number). */
  private numberEnd = -1;

  constructor(private readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  build(): JsonNode {
    visit(
      this.text,
      {
        onObjectBegin: (offset) =>
          this.begin({ kind: "object", line: this.lineAt(offset), entries: [] }, "key", offset),
        onArrayBegin: (offset) => this.begin({ kind: "array", line: this.lineAt(offset), items: [] }, "value", offset),
        onObjectEnd: (offset) => this.end(offset, 0x7d /* } */),
        onArrayEnd: (offset) => this.end(offset, 0x5d /* ] */),
        onObjectProperty: (key, offset) => {
          const frame = this.top();
          frame.key = key;
          frame.keyLine = this.lineAt(offset);
          frame.expect = "colon";
        },
        onSeparator: (character) => {
          this.numberEnd = -1;
          const frame = this.top();
          frame.expect = character === ":" || frame.node.kind === "array" ? "value" : "key";
        },
        onLiteralValue: (value: unknown, offset, length) => this.literal(value, offset, length),
        onError: (code, offset, length) => this.error(code, offset, length),
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
    // Unreachable: without an error (which throws) jsonc-parser always reports a value.
    if (this.root === undefined) throw this.fail(this.text.length, "expected a JSON value");
    return this.root;
  }

  private top(): Frame {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) throw new Error("JSON tree: a member event outside any object or array");
    return frame;
  }

  private begin(node: JsonObject | JsonArray, expect: Expect, offset: number): void {
    if (this.stack.length >= MAX_NESTING) throw this.fail(offset, `nested deeper than ${MAX_NESTING} levels`);
    this.attach(node);
    this.stack.push({ node, expect, key: "", keyLine: 0 });
  }

  /** jsonc-parser also signals the end at an unclosed container's end of input; the error follows. */
  private end(offset: number, closer: number): void {
    this.numberEnd = -1;
    if (this.text.charCodeAt(offset) === closer) this.stack.pop();
  }

  private literal(value: unknown, offset: number, length: number): void {
    const line = this.lineAt(offset);
    this.numberEnd = -1;
    if (typeof value === "number") {
      // jsonc-parser hands over a JS number; the tree keeps the digits as written.
      this.attach({ kind: "number", line, text: this.text.slice(offset, offset + length) });
      this.numberEnd = offset + length;
    } else if (typeof value === "string") {
      this.attach({ kind: "string", line, value });
    } else if (typeof value === "boolean") {
      this.attach({ kind: "boolean", line, value });
    } else {
      this.attach({ kind: "null", line });
    }
  }

  private attach(node: JsonNode): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.root = node;
    } else if (frame.node.kind === "array") {
      frame.node.items.push(node);
      frame.expect = "next";
    } else {
      frame.node.entries.push({ key: frame.key, line: frame.keyLine, value: node });
      frame.expect = "next";
    }
  }

  /**
   * The first error jsonc-parser reports, as a message at the character that is wrong. jsonc-parser locates
   * errors inside a string or number token at the token's start, so those tokens are re-read here to find the
   * offending character; other errors are at the unexpected token and named by what was expected there.
   */
  private error(code: ParseErrorCode, offset: number, length: number): never {
    const text = this.text;
    // "01": jsonc-parser reads the number 0 followed by another token; JSON calls it a leading zero.
    if (offset === this.numberEnd && isDigit(text.charCodeAt(offset))) {
      throw this.fail(offset, `invalid number: leading zero, found ${this.describeAt(offset)}`);
    }
    // A token that is wrong where a value (or key) is expected is reported inside it; where the text should
    // have continued otherwise, the token is unexpected as a whole (as in reading order, that error comes first).
    const frame = this.stack[this.stack.length - 1];
    const wantsValue = frame ? frame.expect === "value" : this.root === undefined;
    const wantsString = wantsValue || frame?.expect === "key";
    switch (code) {
      case ParseErrorCode.UnexpectedEndOfString:
      case ParseErrorCode.InvalidCharacter:
      case ParseErrorCode.InvalidEscapeCharacter:
      case ParseErrorCode.InvalidUnicode:
        if (wantsString) throw this.stringError(offset);
        break;
      case ParseErrorCode.UnexpectedEndOfNumber:
        if (wantsValue) {
          // The token ends where the missing digit should be: after "." or after "e" and its sign.
          const at = offset + length;
          const what =
            text.charCodeAt(at - 1) === 0x2e /* . */
              ? "expected a digit after '.'"
              : "expected a digit in the exponent";
          throw this.fail(at, `invalid number: ${what}, found ${this.describeAt(at)}`);
        }
        break;
      case ParseErrorCode.InvalidSymbol: {
        if (!wantsValue) break;
        // A "-" not followed by a digit is a token of its own; the digit is what is missing.
        if (text.charCodeAt(offset) === 0x2d /* - */)
          throw this.fail(offset + 1, `invalid number: expected a digit, found ${this.describeAt(offset + 1)}`);
        // jsonc-parser reads "nullx" as one unknown word; JSON reads null, then an unexpected "x".
        const keyword = /^(?:true|false|null)/.exec(text.slice(offset, offset + length))?.[0];
        if (keyword)
          throw this.fail(offset + keyword.length, this.unexpected(this.describeAt(offset + keyword.length), true));
        break;
      }
      default:
        break;
    }
    throw this.fail(offset, this.unexpected(this.describeAt(offset)));
  }

  /** The message for an unexpected token, after what the text should have continued with (`afterValue`: as if
   * the value just begun had been read). */
  private unexpected(found: string, afterValue = false): string {
    const frame = this.stack[this.stack.length - 1];
    if (!frame)
      return this.root === undefined && !afterValue
        ? `expected a JSON value, found ${found}`
        : `unexpected ${found} after the end of the JSON value`;
    const expect = afterValue ? "next" : frame.expect;
    const key = JSON.stringify(frame.key);
    if (frame.node.kind === "array")
      return expect === "next" ? `expected ',' or ']' in an array, found ${found}` : `expected a value, found ${found}`;
    switch (expect) {
      case "key":
        return `expected a quoted key, found ${found}`;
      case "colon":
        return `expected ':' after key ${key}, found ${found}`;
      case "value":
        return `expected a value for key ${key}, found ${found}`;
      case "next":
        return `expected ',' or '}' in an object, found ${found}`;
    }
  }

  /** The error in the string token at `offset` (its opening quote): the first character JSON does not allow. */
  private stringError(offset: number): JsonSyntaxError {
    const text = this.text;
    for (let pos = offset + 1; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x5c /* \ */) {
        const esc = text.charAt(pos + 1);
        if (esc === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            return this.fail(pos, "invalid \\u escape in a string (expected four hex digits)");
          pos += 5;
        } else if (esc !== "" && '"\\/bfnrt'.includes(esc)) {
          pos++;
        } else {
          return this.fail(
            pos,
            esc === "" ? "unterminated string" : `invalid escape \\${describeChar(esc)} in a string`,
          );
        }
      } else if (code === 0x0a || code === 0x0d) {
        return this.fail(pos, "unterminated string (a raw line break inside a string)");
      } else if (code < 0x20) {
        return this.fail(pos, `raw control character ${describeChar(text.charAt(pos))} inside a string`);
      } else if (code === 0x22 /* " */) {
        break; // not expected: jsonc-parser reported an error in a string that has none
      }
    }
    return this.fail(text.length, "unterminated string");
  }

  private describeAt(offset: number): string {
    if (offset >= this.text.length) return "the end of the input";
    return describeChar(String.fromCodePoint(this.text.codePointAt(offset) ?? 0));
  }

  /** 1-based line of an offset: binary search in the line-start table. */
  private lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private fail(offset: number, reason: string): JsonSyntaxError {
    const line = this.lineAt(offset);
    return new JsonSyntaxError(reason, line, offset - (this.lineStarts[line - 1] ?? 0) + 1);
  }
}

/**
 * The tree of a well-formed JSON text in one pass, or undefined at anything it does not accept: then the
 * jsonc-parser path reads the text again, and either gives the same tree or throws the error at the exact
 * character. It accepts only strict JSON (RFC 8259 whitespace, numbers, strings and escapes, at most MAX_NESTING
 * deep), a subset of what that path accepts, and lines counted the same way: it is a shortcut, never a second
 * dialect. Line breaks can only occur in whitespace (a raw one inside a string is not JSON), so lines are counted
 * while skipping it.
 */
class FastTree {
  private pos = 0;
  private line = 1;
  private depth = 0;

  constructor(private readonly text: string) {}

  build(): JsonNode | undefined {
    this.space();
    const root = this.value();
    if (root === undefined) return undefined;
    this.space();
    return this.pos === this.text.length ? root : undefined;
  }

  private space(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
      } else if (c === 0x0d) {
        this.pos++;
        if (text.charCodeAt(this.pos) !== 0x0a) this.line++;
      } else return;
    }
  }

  private value(): JsonNode | undefined {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    const line = this.line;
    if (c === 0x22 /* " */) {
      const value = this.string();
      return value === undefined ? undefined : { kind: "string", line, value };
    }
    if (c === 0x7b /* { */) return this.object();
    if (c === 0x5b /* [ */) return this.array();
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) return this.number();
    if (text.startsWith("true", this.pos)) return this.word(4, { kind: "boolean", line, value: true });
    if (text.startsWith("false", this.pos)) return this.word(5, { kind: "boolean", line, value: false });
    if (text.startsWith("null", this.pos)) return this.word(4, { kind: "null", line });
    return undefined;
  }

  /** A keyword, if what follows it ends the token (`nullx` is left to the other path). */
  private word(length: number, node: JsonNode): JsonNode | undefined {
    this.pos += length;
    return isWordChar(this.text.charCodeAt(this.pos)) ? undefined : node;
  }

  private object(): JsonObject | undefined {
    if (++this.depth > MAX_NESTING) return undefined;
    const node: JsonObject = { kind: "object", line: this.line, entries: [] };
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++;
      this.depth--;
      return node;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) return undefined;
      const line = this.line;
      const key = this.string();
      if (key === undefined) return undefined;
      this.space();
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) return undefined;
      this.pos++;
      this.space();
      const value = this.value();
      if (value === undefined) return undefined;
      node.entries.push({ key, line, value });
      this.space();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x7d) break;
      if (c !== 0x2c /* , */) return undefined;
      this.space();
    }
    this.depth--;
    return node;
  }

  private array(): JsonArray | undefined {
    if (++this.depth > MAX_NESTING) return undefined;
    const node: JsonArray = { kind: "array", line: this.line, items: [] };
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++;
      this.depth--;
      return node;
    }
    for (;;) {
      const value = this.value();
      if (value === undefined) return undefined;
      node.items.push(value);
      this.space();
      const c = this.text.charCodeAt(this.pos++);
      if (c === 0x5d) break;
      if (c !== 0x2c) return undefined;
      this.space();
    }
    this.depth--;
    return node;
  }

  /** `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written. */
  private number(): JsonNumber | undefined {
    const text = this.text;
    const start = this.pos;
    let p = start;
    if (text.charCodeAt(p) === 0x2d) p++;
    if (text.charCodeAt(p) === 0x30) p++;
    else if (isDigit(text.charCodeAt(p))) while (isDigit(text.charCodeAt(p))) p++;
    else return undefined;
    if (text.charCodeAt(p) === 0x2e /* . */) {
      p++;
      if (!isDigit(text.charCodeAt(p))) return undefined;
      while (isDigit(text.charCodeAt(p))) p++;
    }
    const e = text.charCodeAt(p);
    if (e === 0x65 || e === 0x45) {
      p++;
      const sign = text.charCodeAt(p);
      if (sign === 0x2b || sign === 0x2d) p++;
      if (!isDigit(text.charCodeAt(p))) return undefined;
      while (isDigit(text.charCodeAt(p))) p++;
    }
    // A number runs into no other token ("01", "1x" and "1.2.3" are the other path's to report).
    const next = text.charCodeAt(p);
    if (isWordChar(next) || next === 0x2e) return undefined;
    this.pos = p;
    return { kind: "number", line: this.line, text: text.slice(start, p) };
  }

  /** A string token from its opening quote: its value, or undefined at a raw control character or a bad escape. */
  private string(): string | undefined {
    const text = this.text;
    let p = this.pos + 1;
    let chunk = p;
    let out = "";
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 0x22) break;
      if (c !== c || c < 0x20) return undefined; // the end of the text (NaN), or a raw control character
      if (c !== 0x5c /* \ */) {
        p++;
        continue;
      }
      out += text.slice(chunk, p);
      const esc = text.charCodeAt(p + 1);
      const simple = ESCAPES[esc];
      if (simple !== undefined) {
        out += simple;
        p += 2;
      } else if (esc === 0x75 /* u */) {
        const hex = text.slice(p + 2, p + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
        out += String.fromCharCode(parseInt(hex, 16));
        p += 6;
      } else return undefined;
      chunk = p;
    }
    this.pos = p + 1;
    return out + text.slice(chunk, p);
  }
}

/** The characters `\x` stands for, by the code of x. */
const ESCAPES: Readonly<Record<number, string>> = {
  0x22: '"',
  0x5c: "\\",
  0x2f: "/",
  0x62: "\b",
  0x66: "\f",
  0x6e: "\n",
  0x72: "\r",
  0x74: "\t",
};

/** Characters that would make one token with the letters or digits before them. */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code === 0x24 ||
    code > 0x7f
  );
}

/** Offsets at which lines start: after each LF, CRLF, or lone CR. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes("\r")) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A character as it reads in a one-line message: printable ones quoted, others as U+XXXX. */
function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0xfeff
  ) {
    return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${ch}'`;
}
