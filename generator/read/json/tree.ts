// A strict JSON parser (RFC 8259) that keeps what the JSON reader needs and JSON.parse throws away:
// the 1-based line of every value and key, every member of an object in order (duplicates included), and the
// source text of every number (so no digit is ever lost). Syntax errors carry the line and column.

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

/** Deeper nesting than this is refused (keeps recursion far from the stack limit). */
export const MAX_NESTING = 512;

const enum C {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  UpperE = 0x45,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  LowerE = 0x65,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Parses one JSON text (surrounding whitespace allowed). Throws JsonSyntaxError. */
export function parseJsonTree(text: string): JsonNode {
  return new Parser(text).parseDocument();
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

class Parser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonNode {
    this.skipWhitespace();
    const node = this.parseValue("a JSON value");
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    return node;
  }

  private parseValue(expected: string): JsonNode {
    const code = this.text.charCodeAt(this.pos);
    const line = this.line;
    switch (code) {
      case C.OpenBrace:
        return this.parseObject();
      case C.OpenBracket:
        return this.parseArray();
      case C.Quote:
        return { kind: "string", line, value: this.parseString() };
      case 0x74: // t
        this.expectWord("true");
        return { kind: "boolean", line, value: true };
      case 0x66: // f
        this.expectWord("false");
        return { kind: "boolean", line, value: false };
      case 0x6e: // n
        this.expectWord("null");
        return { kind: "null", line };
      default:
        if (code === C.Minus || (code >= C.Zero && code <= C.Nine)) return { kind: "number", line, text: this.parseNumber() };
        return this.fail(`expected ${expected}, found ${this.describeHere()}`);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) this.fail(`nested deeper than ${MAX_NESTING} levels`);
  }

  private parseObject(): JsonObject {
    const node: JsonObject = { kind: "object", line: this.line, entries: [] };
    this.enter();
    this.pos++; // {
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === C.CloseBrace) {
      this.pos++;
      this.depth--;
      return node;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== C.Quote) this.fail(`expected a quoted key, found ${this.describeHere()}`);
      const line = this.line;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== C.Colon) this.fail(`expected ':' after key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      node.entries.push({ key, line, value: this.parseValue(`a value for key ${JSON.stringify(key)}`) });
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos);
      if (code === C.Comma) {
        this.pos++;
        this.skipWhitespace();
      } else if (code === C.CloseBrace) {
        this.pos++;
        this.depth--;
        return node;
      } else {
        this.fail(`expected ',' or '}' in an object, found ${this.describeHere()}`);
      }
    }
  }

  private parseArray(): JsonArray {
    const node: JsonArray = { kind: "array", line: this.line, items: [] };
    this.enter();
    this.pos++; // [
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === C.CloseBracket) {
      this.pos++;
      this.depth--;
      return node;
    }
    for (;;) {
      node.items.push(this.parseValue("a value"));
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos);
      if (code === C.Comma) {
        this.pos++;
        this.skipWhitespace();
      } else if (code === C.CloseBracket) {
        this.pos++;
        this.depth--;
        return node;
      } else {
        this.fail(`expected ',' or ']' in an array, found ${this.describeHere()}`);
      }
    }
  }

  /** At an opening quote; returns the decoded string and leaves pos after the closing quote. */
  private parseString(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let chunkStart = pos;
    let out = "";
    for (;;) {
      if (pos >= text.length) {
        this.pos = pos;
        this.fail("unterminated string");
      }
      const code = text.charCodeAt(pos);
      if (code === C.Quote) {
        out += text.slice(chunkStart, pos);
        this.pos = pos + 1;
        return out;
      }
      if (code === C.Backslash) {
        out += text.slice(chunkStart, pos);
        const esc = text.charAt(pos + 1);
        if (esc === "u") {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.pos = pos;
            this.fail("invalid \\u escape in a string (expected four hex digits)");
          }
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const decoded = ESCAPES[esc];
          if (decoded === undefined) {
            this.pos = pos;
            this.fail(esc === "" ? "unterminated string" : `invalid escape \\${describeChar(esc)} in a string`);
          }
          out += decoded;
          pos += 2;
        }
        chunkStart = pos;
        continue;
      }
      if (code < C.Space) {
        this.pos = pos;
        this.fail(code === C.LineFeed || code === C.CarriageReturn ? "unterminated string (a raw line break inside a string)" : `raw control character ${describeChar(text.charAt(pos))} inside a string`);
      }
      pos++;
    }
  }

  private parseNumber(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const digits = (): number => {
      const from = pos;
      while (pos < text.length) {
        const c = text.charCodeAt(pos);
        if (c < C.Zero || c > C.Nine) break;
        pos++;
      }
      return pos - from;
    };
    const bad = (what: string): never => {
      this.pos = pos;
      return this.fail(`invalid number: ${what}, found ${this.describeHere()}`);
    };
    if (text.charCodeAt(pos) === C.Minus) pos++;
    if (text.charCodeAt(pos) === C.Zero) {
      pos++;
      const c = text.charCodeAt(pos);
      if (c >= C.Zero && c <= C.Nine) bad("leading zero");
    } else if (digits() === 0) {
      bad("expected a digit");
    }
    if (text.charCodeAt(pos) === C.Dot) {
      pos++;
      if (digits() === 0) bad("expected a digit after '.'");
    }
    const e = text.charCodeAt(pos);
    if (e === C.LowerE || e === C.UpperE) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === C.Plus || sign === C.Minus) pos++;
      if (digits() === 0) bad("expected a digit in the exponent");
    }
    this.pos = pos;
    return text.slice(start, pos);
  }

  private expectWord(word: string): void {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return;
    }
    this.fail(`expected a value, found ${this.describeHere()}`);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === C.Space || code === C.Tab) {
        pos++;
      } else if (code === C.LineFeed) {
        pos++;
        this.line++;
        this.lineStart = pos;
      } else if (code === C.CarriageReturn) {
        pos++;
        // CRLF counts once (at the LF); a lone CR is a line break of its own.
        if (text.charCodeAt(pos) !== C.LineFeed) {
          this.line++;
          this.lineStart = pos;
        }
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "the end of the input";
    const cp = this.text.codePointAt(this.pos) ?? 0;
    return describeChar(String.fromCodePoint(cp));
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(reason, this.line, this.pos - this.lineStart + 1);
  }
}

/** A character as it reads in a one-line message: printable ones quoted, others as \uXXXX. */
function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfeff) {
    return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${ch}'`;
}
