// Lossless JSON: parse without rounding 64-bit integers, stringify bigint and exact-digit numbers as bare numbers.
import { isLosslessNumber, LosslessNumber, stringify } from "lossless-json";
import { parseJsonLossless } from "./json-parse.js";

export { isLosslessNumber, LosslessNumber };

/**
 * A JSON value as the runtime hands it out (Map fields, `executeRaw`): integers are `number` when safe and
 * `bigint` otherwise (never rounded); non-integer numbers are `number` (IEEE double, as JSON.parse would give).
 */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Parses JSON text keeping every number as a LosslessNumber (its exact text). Duplicate keys: the last one
 * wins, as with JSON.parse. Throws a SyntaxError on invalid JSON. Strings are read in slices (json-parse.ts):
 * a long string costs about its own size, where lossless-json's parse built it one character at a time.
 */
export function parseLossless(text: string): unknown {
  return parseJsonLossless(text);
}

/** JSON text of a value; bigint and LosslessNumber are written as bare numbers with their exact digits. */
export function stringifyLossless(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

const INTEGER = /^-?\d+$/;

/** A LosslessNumber tree (from parseLossless) as a JsonValue: safe integers → number, unsafe → bigint. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (isLosslessNumber(value)) return numberFromText(value.toString());
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item));
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, toJsonValue(item));
    return out;
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
}

/** Parses JSON text into a JsonValue (integers exact). */
export function parseJsonValue(text: string): JsonValue {
  return toJsonValue(parseLossless(text));
}

function numberFromText(text: string): number | bigint {
  if (INTEGER.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BigInt(text);
  }
  return Number(text);
}

/** Sets a key as an own data property, even `__proto__`. */
export function setOwn<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
