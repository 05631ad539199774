// One response value of a basic doc type → its decoded form (ARCHITECTURE.md "Types").
// Leniencies, as in the official Java SDK: a digit string is accepted for Number, "true"/"false" for Boolean,
// epoch milliseconds (number or digit string) for Date, and a JSON number/boolean for String (its exact text).
import { decimalFromNumber, isIntegerText, plainDecimal } from "../decimal.js";
import type { DecodeContext } from "./context.js";
import { isLosslessNumber, stringifyLossless, toJsonValue } from "../json.js";
import { isPlainObject } from "../objects.js";
import { formatGmt8, parseGmt8 } from "../wire/timestamp.js";
import type { ScalarType } from "../types.js";

export function decodeScalar(ctx: DecodeContext, type: ScalarType, raw: unknown, path: string): unknown {
  if (typeof raw === "number" && Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
    // Only a body parsed by JSON.parse gets here: its digits are already gone. Pass the text instead.
    return ctx.fail(path, "an integer beyond 2^53 already rounded by JSON.parse (decode the body text instead)", raw);
  }
  switch (type) {
    case "String":
    case "FieldList":
      return decodeString(ctx, raw, path);
    case "Number":
      return decodeInteger(ctx, raw, path);
    case "Boolean":
      return decodeBoolean(ctx, raw, path);
    case "Date":
      return decodeDate(ctx, raw, path);
    case "Price":
    case "BigDecimal":
      return decodeDecimal(ctx, raw, path);
    case "Json":
      return typeof raw === "string" ? raw : stringifyLossless(raw);
    case "Map":
      if (isPlainObject(raw)) return toJsonValue(raw);
      return ctx.fail(path, "expected an object (Map)", raw);
    case "File":
      // byte[] in a response comes as text (base64); the SDK types it as string and leaves it as sent.
      return typeof raw === "string" ? raw : ctx.fail(path, "expected text for a byte[] field", raw);
  }
}

/** The exact text of a JSON number, whichever way it was parsed; undefined for anything else. */
function numberText(raw: unknown): string | undefined {
  if (isLosslessNumber(raw)) return raw.toString();
  if (typeof raw === "bigint") return raw.toString();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function decodeString(ctx: DecodeContext, raw: unknown, path: string): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "boolean") return String(raw);
  return numberText(raw) ?? ctx.fail(path, "expected a string", raw);
}

function integerTextOf(raw: unknown): string | undefined {
  const text = typeof raw === "string" ? raw : numberText(raw);
  return text !== undefined && isIntegerText(text) ? text : undefined;
}

function decodeInteger(ctx: DecodeContext, raw: unknown, path: string): bigint | string | number {
  const text = integerTextOf(raw);
  if (text === undefined) return ctx.fail(path, "expected an integer", raw);
  const exact = BigInt(text);
  switch (ctx.int64) {
    case "bigint":
      return exact;
    case "string":
      return exact.toString();
    case "number": {
      const n = Number(exact);
      if (Number.isSafeInteger(n)) return n;
      return ctx.fail(
        path,
        "integer beyond 2^53 cannot be a number without rounding (use int64: 'bigint' or 'string')",
        raw,
      );
    }
  }
}

function decodeBoolean(ctx: DecodeContext, raw: unknown, path: string): boolean {
  if (typeof raw === "boolean") return raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  return ctx.fail(path, "expected a boolean", raw);
}

function decodeDate(ctx: DecodeContext, raw: unknown, path: string): Date | string {
  if (typeof raw === "string") {
    const date = parseGmt8(raw);
    if (date !== undefined) return ctx.dates === "Date" ? date : raw;
  }
  const epoch = integerTextOf(raw);
  if (epoch !== undefined) {
    const date = new Date(Number(epoch));
    const year = date.getUTCFullYear();
    if (Number.isSafeInteger(Number(epoch)) && year >= 1 && year <= 9998) {
      return ctx.dates === "Date" ? date : formatGmt8(date);
    }
  }
  return ctx.fail(path, 'expected a date "yyyy-MM-dd HH:mm:ss" (GMT+8) or epoch milliseconds', raw);
}

function decodeDecimal(ctx: DecodeContext, raw: unknown, path: string): string {
  if (typeof raw === "number" && Number.isFinite(raw)) return decimalFromNumber(raw);
  const text = typeof raw === "string" ? raw : numberText(raw);
  const plain = text === undefined ? undefined : plainDecimal(text);
  return plain ?? ctx.fail(path, "expected a decimal number", raw);
}
