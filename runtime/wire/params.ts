// Request params (keyed by wire name, at every depth) → the text params TOP receives, walking the shape.
// Validation runs first; a value of the wrong kind here is a programming error and throws a TypeError.
import { decimalFromNumber, isIntegerText, plainDecimal } from "../decimal.js";
import { LosslessNumber, parseLossless, stringifyLossless } from "../json.js";
import { own } from "../objects.js";
import { formatGmt8 } from "./timestamp.js";
import type { FieldShape, ScalarType, StructShape, TopFile } from "../types.js";

export interface WireParams {
  /** Text params in shape order; empty values are left out (TOP neither sends nor signs them). */
  readonly text: Record<string, string>;
  /** File params: multipart parts, never signed; a file list (`byte[][]`) is several parts under one name. */
  readonly files: Record<string, TopFile | readonly TopFile[]>;
}

export function toWireParams(shape: StructShape, params: object): WireParams {
  const text: Record<string, string> = {};
  const files: Record<string, TopFile | readonly TopFile[]> = {};
  for (const field of shape.fields) {
    const value = own(params, field.name);
    if (value === undefined || value === null) continue;
    if (field.type === "File") {
      files[field.name] =
        field.list === undefined
          ? asFile(value, field.name)
          : asArray(value, field.name).map((f, i) => asFile(f, `${field.name}[${i}]`));
      continue;
    }
    const wire = topLevelText(field, value, field.name);
    if (wire !== "") text[field.name] = wire;
  }
  return { text, files };
}

function topLevelText(field: FieldShape, value: unknown, path: string): string {
  if (field.type === "Struct") return stringifyLossless(fieldJson(field, value, path));
  if (field.list === undefined) return scalarText(field.type, value, path);
  if (typeof value === "string") return value; // already comma-joined
  return asArray(value, path)
    .map((item, i) => scalarText(field.type as ScalarType, item, `${path}[${i}]`))
    .join(",");
}

/** A scalar as a top-level text param. */
function scalarText(type: ScalarType, value: unknown, path: string): string {
  switch (type) {
    case "String":
      return asString(value, path);
    case "Number":
      return integerText(value, path);
    case "Boolean":
      return booleanText(value, path);
    case "Date":
      return dateText(value, path);
    case "Price":
    case "BigDecimal":
      return decimalText(value, path);
    case "Json":
    case "Map":
      return typeof value === "string" ? value : stringifyLossless(value);
    case "FieldList":
      return fieldListText(value, path);
    case "File":
      throw new TypeError(`${path}: a file can only be a top-level param`);
  }
}

/** A field's value inside a struct's JSON (LosslessNumber = a bare JSON number with exact digits). */
function fieldJson(field: FieldShape, value: unknown, path: string): unknown {
  if (field.list === undefined) return itemJson(field, value, path);
  return asArray(value, path).map((item, i) => itemJson(field, item, `${path}[${i}]`));
}

function itemJson(field: FieldShape, value: unknown, path: string): unknown {
  if (value === undefined || value === null) throw new TypeError(`${path}: a list item cannot be null`);
  if (field.type !== "Struct") return scalarJson(field.type, value, path);
  if (field.struct === undefined) throw new TypeError(`${path}: struct field without a struct shape`);
  return structJson(field.struct(), value, path);
}

function structJson(shape: StructShape, value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${path}: expected an object (${shape.name})`);
  }
  const out: Record<string, unknown> = {};
  for (const field of shape.fields) {
    const item = own(value, field.name);
    if (item === undefined || item === null) continue;
    out[field.name] = fieldJson(field, item, `${path}.${field.name}`);
  }
  return out;
}

function scalarJson(type: ScalarType, value: unknown, path: string): unknown {
  switch (type) {
    case "String":
      return asString(value, path);
    case "Number":
      return new LosslessNumber(integerText(value, path));
    case "Boolean":
      return asBoolean(value, path);
    case "Date":
      return dateText(value, path);
    case "Price":
      return decimalText(value, path);
    case "BigDecimal":
      return new LosslessNumber(decimalText(value, path));
    case "Json":
      return typeof value === "string" ? value : stringifyLossless(value);
    case "Map":
      return mapJson(value, path);
    case "FieldList":
      return fieldListText(value, path);
    case "File":
      throw new TypeError(`${path}: a file can only be a top-level param`);
  }
}

function integerText(value: unknown, path: string): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return String(value === 0 ? 0 : value);
    throw new TypeError(`${path}: ${String(value)} is not a safe integer (pass a bigint or a digit string)`);
  }
  if (typeof value === "string" && isIntegerText(value)) return BigInt(value).toString(); // `007` → `7`
  throw new TypeError(`${path}: expected an integer (number, bigint or digit string)`);
}

function decimalText(value: unknown, path: string): string {
  if (typeof value === "number") return decimalFromNumber(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") {
    const text = plainDecimal(value);
    if (text !== undefined) return text;
  }
  throw new TypeError(`${path}: expected a decimal (string or number)`);
}

function dateText(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${path}: invalid Date`);
    return formatGmt8(value);
  }
  throw new TypeError(`${path}: expected a Date or a "yyyy-MM-dd HH:mm:ss" string`);
}

function booleanText(value: unknown, path: string): string {
  return asBoolean(value, path) ? "true" : "false";
}

function asBoolean(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  throw new TypeError(`${path}: expected a boolean`);
}

function asString(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  throw new TypeError(`${path}: expected a string`);
}

function fieldListText(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  return asArray(value, path)
    .map((item, i) => asString(item, `${path}[${i}]`))
    .join(",");
}

function mapJson(value: unknown, path: string): unknown {
  const map = typeof value === "string" ? parseMapText(value, path) : value;
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw new TypeError(`${path}: expected an object (Map)`);
  }
  return map;
}

function parseMapText(text: string, path: string): unknown {
  try {
    return parseLossless(text);
  } catch {
    throw new TypeError(`${path}: expected a JSON object text (Map)`);
  }
}

function asArray(value: unknown, path: string): readonly unknown[] {
  if (Array.isArray(value)) return value as readonly unknown[];
  throw new TypeError(`${path}: expected an array`);
}

function asFile(value: unknown, path: string): TopFile {
  if (typeof value === "object" && value !== null) {
    const name = own(value, "name");
    const data = own(value, "data");
    if (typeof name === "string" && (data instanceof Uint8Array || data instanceof Blob)) return value as TopFile;
  }
  throw new TypeError(`${path}: expected a file { name, data: Uint8Array | Blob, type? }`);
}
