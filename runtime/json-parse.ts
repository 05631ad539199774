// A JSON parser that keeps every number as its exact text (a LosslessNumber) and reads strings in slices, not
// one character at a time: a string without escapes is one regex scan and one slice of the input, so a 20 MB
// string costs about its own size. Same results as JSON.parse otherwise: the last of duplicate keys wins (in the
// first one's place), `__proto__` is an own data property, lone surrogate escapes are kept as they are.
import { LosslessNumber } from "lossless-json";

/** Nesting beyond this is refused as a SyntaxError rather than running out of stack. */
export const MAX_JSON_DEPTH = 2_000;

const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Parses JSON text; numbers come out as LosslessNumber. Throws a SyntaxError naming the offset. */
export function parseJsonLossless(text: string): unknown {
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail("unexpected text after the value");
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(what: string): never {
    const at = this.pos < this.text.length ? `character ${JSON.stringify(this.text.charAt(this.pos))}` : "the end";
    throw new SyntaxError(`JSON: ${what} (${at} at offset ${this.pos})`);
  }

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(depth: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.word("true", true);
      case 0x66: // f
        return this.word("false", false);
      case 0x6e: // n
        return this.word("null", null);
      default:
        return this.number();
    }
  }

  word<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail("unexpected token");
    this.pos += word.length;
    return value;
  }

  number(): LosslessNumber {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text) || NUMBER.lastIndex === this.pos) this.fail("expected a value");
    const text = this.text.slice(this.pos, NUMBER.lastIndex);
    this.pos = NUMBER.lastIndex;
    return new LosslessNumber(text);
  }

  string(): string {
    const text = this.text;
    let start = this.pos + 1; // after the opening quote
    let parts: string[] | undefined;
    for (;;) {
      PLAIN.lastIndex = start;
      PLAIN.test(text);
      const end = PLAIN.lastIndex;
      const c = text.charCodeAt(end);
      if (c === 0x22) {
        this.pos = end + 1;
        const last = text.slice(start, end);
        if (parts === undefined) return last;
        parts.push(last);
        return parts.join("");
      }
      if (c !== 0x5c) {
        this.pos = end;
        this.fail(Number.isNaN(c) ? "unterminated string" : "control character in a string");
      }
      (parts ??= []).push(text.slice(start, end));
      const e = text.charAt(end + 1);
      if (e === "u") {
        const hex = text.slice(end + 2, end + 6);
        if (!HEX4.test(hex)) {
          this.pos = end;
          this.fail("bad \\u escape");
        }
        parts.push(String.fromCharCode(Number.parseInt(hex, 16)));
        start = end + 6;
      } else {
        const short = Object.hasOwn(SHORT_ESCAPES, e) ? SHORT_ESCAPES[e] : undefined;
        if (short === undefined) {
          this.pos = end;
          this.fail("bad escape");
        }
        parts.push(short);
        start = end + 2;
      }
    }
  }

  array(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH}`);
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.value(depth));
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x5d) return out;
      if (c !== 0x2c) {
        this.pos--;
        this.fail("expected , or ] in an array");
      }
    }
  }

  object(depth: number): Record<string, unknown> {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH}`);
    this.pos++;
    const out: Record<string, unknown> = {};
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail("expected a key in an object");
      const key = this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail("expected : after a key");
      this.pos++;
      this.skipSpace();
      const item = this.value(depth);
      if (key === "__proto__") {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      } else {
        out[key] = item;
      }
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 0x7d) return out;
      if (c !== 0x2c) {
        this.pos--;
        this.fail("expected , or } in an object");
      }
    }
  }
}
