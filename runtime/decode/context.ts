// What a decoder needs to know while walking a body, and how it reports a value that does not fit.
import { TopDecodeError } from "../errors.js";
import { stringifyLossless } from "../json.js";
import type { DateMode, DecodeOptions, Int64Mode } from "../types.js";

export class DecodeContext {
  readonly int64: Int64Mode;
  readonly dates: DateMode;
  constructor(
    readonly method: string,
    private readonly parsed: unknown,
    private readonly text: string | undefined,
    options: DecodeOptions | undefined,
  ) {
    this.int64 = options?.int64 ?? "bigint";
    this.dates = options?.dates ?? "Date";
    if (!["bigint", "string", "number"].includes(this.int64)) throw new TypeError(`unknown int64 mode: ${this.int64}`);
    if (!["Date", "string"].includes(this.dates)) throw new TypeError(`unknown dates mode: ${this.dates}`);
  }

  /** The raw body as text (the original text when the decoder was given text). */
  body(): string {
    if (this.text !== undefined) return this.text;
    try {
      return stringifyLossless(this.parsed);
    } catch {
      return "";
    }
  }

  /** Throws a TopDecodeError at `path`, with the offending value as JSON text. */
  fail(path: string, reason: string, raw?: unknown): never {
    throw new TopDecodeError({
      method: this.method,
      path,
      reason,
      rawValue: raw === undefined ? undefined : rawText(raw),
      body: this.body(),
    });
  }
}

/** `parent.child`, or `child` at the root. */
export function childPath(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

function rawText(raw: unknown): string {
  try {
    return stringifyLossless(raw);
  } catch {
    return String(raw);
  }
}
