// A generated module's request and response shapes, written in the module as schema text: JSON Lines, one line
// per struct (`{"struct":key,"name":…}`), per field of the struct above it (a FieldShape, with `"struct":key` for
// a struct type) and per cross-field rule (`{"atLeastOne":[…]}`). Text costs the type checker and the formatter
// nothing, which keeps thousands of generated modules cheap to verify; it is read once, on first use.

import { decodeResponse } from "./decode.js";
import {
  type CodecOf,
  type DateMode,
  type DecodeOptions,
  type FieldShape,
  type Int64Mode,
  type ResponseOf,
  SCALAR_TYPES,
  type StructShape,
} from "./types.js";
import type { StructCheck } from "./validate.js";
import { compiledStructCheck } from "./validator-compile.js";

type FieldLine = Omit<FieldShape, "struct"> & { readonly struct?: string };

/** `R`, on a response schema, is the response type it decodes to (a phantom: nothing of it exists at run time). */
export class Schema<R = unknown> {
  declare readonly __response?: R;
  #text: string;
  #structs: Map<string, StructShape> | undefined;
  #paramsCheck: StructCheck | undefined;
  #decode: Decoder<R> | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The struct written under `key` ("$params", "$response", or a struct's name in code). */
  struct(key: string): StructShape {
    return structOf((this.#structs ??= parseSchema(this.#text)), key);
  }

  /** The compiled check of a request schema's `$params`. */
  get paramsCheck(): StructCheck {
    return (this.#paramsCheck ??= compiledStructCheck(this.struct("$params")));
  }

  /**
   * The decoder of a response schema (a module exports it as `decodeXResponse`): a property rather than a call,
   * which keeps the type checker's work per module down.
   */
  get decode(): Decoder<R> {
    return (this.#decode ??= ((body: unknown, options?: DecodeOptions) =>
      decodeResponse(this.method, this.struct("$response"), body, options)) as Decoder<R>);
  }

  /** The API method a response schema belongs to (its `$response` line's "method"). */
  get method(): string {
    return (this.struct("$response") as { method?: string }).method ?? "";
  }
}

/** Decodes a response body (text or parsed JSON); `options` choose how Number and Date fields come out. */
export type Decoder<R> = <I extends Int64Mode = "bigint", D extends DateMode = "Date">(
  body: unknown,
  options?: DecodeOptions<I, D>,
) => ResponseOf<R, CodecOf<I, D>>;

/** The schema text of a module (see the top of this file). */
export function schema<R = unknown>(text: string): Schema<R> {
  return new Schema<R>(text);
}

interface MutableStruct {
  name: string;
  method?: string;
  fields: FieldShape[];
  atLeastOne?: string[][];
}

/**
 * Reads the schema text, checking every line first (the compiled validator writes limits into code): known keys
 * only, a known type, limits that are finite numbers (lengths and list sizes non-negative integers, minValue ≤
 * maxValue), enum values and rule fields that are strings, struct references that exist. A bad line is an Error
 * naming it.
 */
function parseSchema(text: string): Map<string, StructShape> {
  const structs = new Map<string, MutableStruct>();
  const references: Array<{ key: string; line: number }> = [];
  let current: MutableStruct | undefined;
  const lookup = (key: string): (() => StructShape) => {
    let shape: StructShape | undefined;
    return () => (shape ??= structOf(structs, key));
  };
  for (const [index, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const item = JSON.parse(line) as Record<string, unknown>;
    const problem = lineProblem(item, structs);
    if (problem !== undefined) throw new Error(`schema line ${index + 1}: ${problem}`);
    if (typeof item["struct"] === "string" && item["type"] !== undefined) references.push({ key: item["struct"], line: index + 1 });
    if (typeof item["struct"] === "string" && item["type"] === undefined) {
      current = { name: String(item["name"]), fields: [], ...(typeof item["method"] === "string" ? { method: item["method"] } : {}) };
      structs.set(item["struct"], current);
    } else if (current === undefined) {
      throw new Error(`schema line ${index + 1}: a field or rule before any struct`);
    } else if (Array.isArray(item["atLeastOne"])) {
      (current.atLeastOne ??= []).push(item["atLeastOne"].map(String));
    } else {
      const { struct, ...field } = item as unknown as FieldLine;
      current.fields.push(struct === undefined ? field : { ...field, struct: lookup(struct) });
    }
  }
  for (const { key, line } of references) {
    if (!structs.has(key)) throw new Error(`schema line ${line}: no struct ${JSON.stringify(key)} in the schema`);
  }
  return structs;
}

const STRUCT_KEYS: ReadonlySet<string> = new Set(["struct", "name", "method"]);
const FIELD_KEYS: ReadonlySet<string> = new Set([
  "name",
  "type",
  "list",
  "required",
  "struct",
  "maxLength",
  "maxListSize",
  "minValue",
  "maxValue",
  "enum",
]);
const TYPES: ReadonlySet<string> = new Set([...SCALAR_TYPES, "Struct"]);

function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** What is wrong with one parsed schema line, or undefined. */
function lineProblem(item: unknown, structs: ReadonlyMap<string, unknown>): string | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return "not a JSON object";
  const line = item as Record<string, unknown>;
  const keys = Object.keys(line);
  const isString = (v: unknown): v is string => typeof v === "string";
  if (keys.includes("atLeastOne")) {
    if (keys.length !== 1) return "a rule line has only atLeastOne";
    const fields = line["atLeastOne"];
    return Array.isArray(fields) && fields.length > 0 && fields.every(isString) ? undefined : "atLeastOne is a list of field names";
  }
  if (line["type"] === undefined) {
    const extra = keys.find((k) => !STRUCT_KEYS.has(k));
    if (extra !== undefined) return `unknown key ${JSON.stringify(extra)} on a struct line`;
    if (!isString(line["struct"]) || line["struct"] === "") return "a struct line needs a struct key";
    if (structs.has(line["struct"])) return `struct ${JSON.stringify(line["struct"])} written twice`;
    if (!isString(line["name"])) return "a struct line needs a name";
    if (line["method"] !== undefined && !isString(line["method"])) return "method is text";
    return undefined;
  }
  const extra = keys.find((k) => !FIELD_KEYS.has(k));
  if (extra !== undefined) return `unknown key ${JSON.stringify(extra)} on a field line`;
  if (!isString(line["name"]) || line["name"] === "") return "a field needs a name";
  if (!isString(line["type"]) || !TYPES.has(line["type"])) return `unknown type ${JSON.stringify(line["type"])}`;
  if (line["struct"] !== undefined && (line["type"] !== "Struct" || !isString(line["struct"]))) {
    return "struct names a struct, on a Struct field only";
  }
  for (const flag of ["list", "required"]) {
    if (line[flag] !== undefined && line[flag] !== true) return `${flag} is true when present`;
  }
  for (const count of ["maxLength", "maxListSize"]) {
    const v = line[count];
    if (v !== undefined && !(typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) {
      return `${count} must be a non-negative integer, not ${shown(v)}`;
    }
  }
  for (const bound of ["minValue", "maxValue"]) {
    const v = line[bound];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v))) {
      return `${bound} must be a finite number, not ${shown(v)}`;
    }
  }
  const min = line["minValue"];
  const max = line["maxValue"];
  if (typeof min === "number" && typeof max === "number" && min > max) return `minValue ${min} is above maxValue ${max}`;
  const values = line["enum"];
  if (values !== undefined && !(Array.isArray(values) && values.every(isString))) return "enum is a list of strings";
  return undefined;
}

function structOf(structs: ReadonlyMap<string, StructShape>, key: string): StructShape {
  const shape = structs.get(key);
  if (shape === undefined) throw new Error(`schema has no struct ${key}`);
  return shape;
}
