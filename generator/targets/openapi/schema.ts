// Spec fields → JSON Schema (2020-12, the OpenAPI 3.1 dialect), with the wire in mind. A field is described
// where it travels:
//   "form"     a top-level request param: one text value of the form body (structs and Maps are JSON text,
//              scalar lists are one comma-joined value, described by the `encoding` entry document.ts adds);
//   "json"     a value inside a request struct's JSON text, as topgen's wire writer puts it;
//   "response" a value of the response JSON (format=json).
// See ARCHITECTURE.md, "Types" and "Protocol".

import { listItemKey } from "../../../runtime/names.js";
import { enumClosed, isScalarType, type Field, type ScalarTypeName } from "../../model/types.js";
import type { JsonValue, Schema } from "./types.js";
import { takesLength } from "../../model/limits.js";

export type Side = "form" | "json" | "response";

/** `yyyy-MM-dd HH:mm:ss` (GMT+8), the only date form TOP documents. */
export const DATE_PATTERN =
  "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";
/** Plain decimal text (`200.07`, `-1`, `0`), as Price and BigDecimal travel. */
export const DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

const DATE_NOTE = "Format yyyy-MM-dd HH:mm:ss, GMT+8 (Asia/Shanghai).";
const DECIMAL_NOTE = "Exact decimal text, never a float.";
const FIELD_LIST_NOTE = "Comma-separated field names.";
const FILE_NOTE =
  "A multipart/form-data file part (not signed); leave it out of an application/x-www-form-urlencoded body.";
const FILE_JSON_NOTE =
  "Bytes (doc type byte/byte[]) inside JSON: base64 text. topgen's SDK neither sends nor decodes a file here.";

/** The schema of one value of a basic doc type on one side, before the field's own docs and limits. */
export function typeSchema(type: ScalarTypeName, side: Side): Schema {
  switch (type) {
    case "String":
      return { type: "string" };
    case "FieldList":
      return { type: "string" };
    case "Number":
      return { type: "integer", format: "int64" };
    case "Boolean":
      return { type: "boolean" };
    case "Date":
      return { type: "string", pattern: DATE_PATTERN };
    case "Price":
      return { type: "string", pattern: DECIMAL_PATTERN };
    case "BigDecimal":
      // Inside a request struct's JSON topgen writes a bare JSON number with the exact digits (runtime/wire/params.ts); as a
      // form value and in responses (the doc samples: "subsidy_rate":"0") it is decimal text.
      return side === "json" ? { type: "number" } : { type: "string", pattern: DECIMAL_PATTERN };
    case "Json":
      return { type: "string", contentMediaType: "application/json" };
    case "Map":
      return side === "form"
        ? {
            type: "string",
            contentMediaType: "application/json",
            contentSchema: { type: "object", additionalProperties: true },
          }
        : { type: "object", additionalProperties: true };
    case "File":
      // A file is a top-level param (a multipart part). Specs also give File to fields below the top or in
      // responses (doc type `byte`/`byte[]`): in JSON a Java byte[] is base64 text.
      return side === "form"
        ? { type: "string", format: "binary", contentMediaType: "application/octet-stream" }
        : { type: "string", contentEncoding: "base64", contentMediaType: "application/octet-stream" };
  }
}

/** The type note a field's description gets, if its type has one. */
function typeNote(type: string, side: Side): string | undefined {
  switch (type) {
    case "Date":
      return DATE_NOTE;
    case "Price":
    case "BigDecimal":
      return DECIMAL_NOTE;
    case "FieldList":
      return FIELD_LIST_NOTE;
    case "File":
      return side === "form" ? FILE_NOTE : FILE_JSON_NOTE;
    default:
      return undefined;
  }
}

/** The `$ref` of a struct field's component schema. */
export type StructRef = (field: Field) => string;

/** A field as a property schema: type, enum, limits, and its doc description, example and default. */
export function fieldSchema(field: Field, side: Side, refOf: StructRef): Schema {
  const notes: string[] = [];
  const item = itemSchema(field, side, refOf, notes);
  const list = field.list ? listSchema(item, field, side, notes) : undefined;
  let schema: Schema;
  if (field.fields !== undefined && side === "form") schema = jsonText(list ?? item);
  else schema = list ?? item;
  if (!field.list && field.limits?.maxListSize !== undefined) notes.push(`At most ${field.limits.maxListSize} items.`);

  const note = typeNote(field.type, side);
  const description = [field.description, note, ...notes]
    .filter((s): s is string => s !== undefined && s !== "")
    .join("\n\n");
  if (description !== "") schema.description = description;
  if (field.limits?.default !== undefined) schema.default = valueOf(field.limits.default, schema);
  if (field.example !== undefined) schema.examples = [valueOf(field.example, schema)];
  return schema;
}

/** One value of the field (a list's item): the type, enum and the limits that bound one value. */
function itemSchema(field: Field, side: Side, refOf: StructRef, notes: string[]): Schema {
  if (field.fields !== undefined || !isScalarType(field.type)) return { $ref: refOf(field) };
  const schema = typeSchema(field.type, side);
  const limits = field.limits ?? {};
  if (limits.maxLength !== undefined) {
    if (takesLength(field.type)) schema.maxLength = limits.maxLength;
    else notes.push(`At most ${limits.maxLength} characters.`);
  }
  const numeric = schema.type === "integer" || schema.type === "number";
  if (limits.minValue !== undefined) {
    if (numeric) schema.minimum = limits.minValue;
    else notes.push(`At least ${limits.minValue}.`);
  }
  if (limits.maxValue !== undefined) {
    if (numeric) schema.maximum = limits.maxValue;
    else notes.push(`At most ${limits.maxValue}.`);
  }
  if (field.enum !== undefined && field.enum.length > 0) {
    if (field.type === "String") return enumSchema(schema, field.enum, side === "response" || !enumClosed(field));
    notes.push(`Documented values: ${field.enum.map((e) => e.value).join(", ")}.`);
  }
  return schema;
}

/**
 * Request values are a closed set (the SDK rejects others) where the spec's evidence closes the enum; response
 * values, and request values without that evidence, are open, as in the SDK's `"A" | "B" | (string & {})`.
 */
function enumSchema(schema: Schema, values: NonNullable<Field["enum"]>, open: boolean): Schema {
  const closed: Schema = { ...schema, enum: values.map((e) => e.value) };
  if (values.some((e) => e.description !== undefined))
    closed["x-enum-descriptions"] = values.map((e) => e.description ?? "");
  if (!open) return closed;
  const { enum: documented, "x-enum-descriptions": descriptions, ...rest } = closed;
  const known: Schema = { enum: documented ?? [] };
  if (descriptions !== undefined) known["x-enum-descriptions"] = descriptions;
  return { ...rest, anyOf: [known, { type: "string" }] };
}

function listSchema(item: Schema, field: Field, side: Side, notes: string[]): Schema {
  const schema: Schema = { type: "array", items: item };
  if (field.limits?.maxListSize !== undefined) schema.maxItems = field.limits.maxListSize;
  if (field.type === "File" && side === "form") notes.push("Each file is one multipart part under this name.");
  else if (side === "form" && field.fields === undefined) notes.push("Sent as one comma-joined value (a,b,c).");
  else if (side === "response")
    notes.push(`Without simplify=true the gateway wraps the list: {"${listItemKey(field.type)}": [...]}.`);
  return schema;
}

/** A value sent as JSON text (a top-level struct param): a string whose content is described by `content`. */
function jsonText(content: Schema): Schema {
  return { type: "string", contentMediaType: "application/json", contentSchema: content };
}

/**
 * A doc text (example or default) as a value of the schema's own type when it converts without loss
 * (`6000` → 6000, `true` → true, `a,b` → ["a", "b"] for a list); otherwise the text as the doc gives it.
 * Integers beyond 2^53 stay text: a JSON number would be rounded by most readers.
 */
export function valueOf(text: string, schema: Schema): JsonValue {
  return converted(text, schema) ?? text;
}

function converted(text: string, schema: Schema): JsonValue | undefined {
  switch (schema.type) {
    case "integer":
      return /^-?[0-9]+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case "number": {
      const n = Number(text);
      return /^-?[0-9]+(\.[0-9]+)?$/.test(text) && String(n) === text ? n : undefined;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "array":
      return arrayValue(text, schema.items ?? {});
    case "object":
      return jsonValue(text, (v) => typeof v === "object" && v !== null && !Array.isArray(v));
    case "string":
      return text;
    default:
      // A struct ($ref): its example is JSON text of the object, or something else the doc wrote (`null`).
      return schema.$ref !== undefined
        ? jsonValue(text, (v) => typeof v === "object" && v !== null && !Array.isArray(v))
        : undefined;
  }
}

function arrayValue(text: string, items: Schema): JsonValue[] | undefined {
  const parsed = jsonValue(text, Array.isArray);
  if (Array.isArray(parsed)) return parsed;
  if (items.$ref !== undefined) return undefined;
  const values: JsonValue[] = [];
  for (const part of text.split(",")) {
    const value = converted(part, items);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** JSON text → value when it parses, passes `accept` and holds no integer long enough to have been rounded. */
function jsonValue(text: string, accept: (v: unknown) => boolean): JsonValue | undefined {
  if (/[0-9]{16}/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return accept(value) ? (value as JsonValue) : undefined;
  } catch {
    return undefined;
  }
}
