// A JSON parser that keeps every number as its exact text (a LosslessNumber) and reads strings in slices, not
// one character at a time: a string without escapes is one regex scan and one slice of the input, so a 20 MB
// string costs about its own size. Same results as JSON.parse otherwise: the last of duplicate keys wins (in the
// first one's place), `__proto__` is an own data property, lone surrogate escapes are kept as they are.
import { LosslessNumber } from "lossless-json";

/** Nesting beyond this is refused as a SyntaxError rather than running out of stack. */
export const MAX_JSON_DEPTH = 2_000;

const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text; numbers come out as LosslessNumber. Throws a SyntaxError naming the position. */
export function parseJsonLossless(text: string): unknown {
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.pos < text.length) parser.fail("Expected end of input");
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  /** `<what> but got 'x' at position N`, worded as lossless-json did (the generator's sample check quotes the text there). */
  fail(what: string): never {
    const got = this.pos < this.text.length ? `but got '${this.text.charAt(this.pos)}'` : "but reached end of input";
    throw new SyntaxError(`${what} ${got} at position ${this.pos}`);
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
    if (!this.text.startsWith(word, this.pos)) this.fail("JSON value expected");
    this.pos += word.length;
    return value;
  }

  number(): LosslessNumber {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text) || NUMBER.lastIndex === this.pos) this.fail("JSON value expected");
    const text = this.text.slice(this.pos, NUMBER.lastIndex);
    this.pos = NUMBER.lastIndex;
    return new LosslessNumber(text);
  }

  /**
   * A string without escapes is one regex scan and one slice. One with escapes is found whole (its closing quote
   * is the first one after an even run of backslashes) and handed, as a string literal, to JSON.parse: native
   * speed and one flat result, where joining pieces built a rope of them.
   */
  string(): string {
    const text = this.text;
    const start = this.pos; // the opening quote
    PLAIN.lastIndex = start + 1;
    PLAIN.test(text);
    const end = PLAIN.lastIndex;
    if (text.charCodeAt(end) === 0x22) {
      this.pos = end + 1;
      return text.slice(start + 1, end);
    }
    if (text.charCodeAt(end) !== 0x5c) {
      this.pos = end;
      this.fail(end >= text.length ? "End of string '\"' expected" : "Invalid character in a string");
    }
    let close = end;
    for (;;) {
      close = text.indexOf('"', close + 1);
      if (close < 0) {
        this.pos = text.length;
        this.fail("End of string '\"' expected");
      }
      let slashes = 0;
      while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
    }
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, close + 1));
    } catch {
      this.pos = start;
      this.fail("Invalid escape or character in a string");
    }
    this.pos = close + 1;
    return value as string;
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
        this.fail("Comma ',' or end of array ']' expected");
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
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail("Quoted object key expected");
      const key = this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail("Colon ':' expected after property name");
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
        this.fail("Comma ',' or end of object '}' expected");
      }
    }
  }
}
