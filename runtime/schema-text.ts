// The schema text a generated module carries: JSON Lines, made by the generator (generator/model/schema-lines.ts,
// written out by targets/typescript/plan.ts) and read here by the runtime, so both sides share these types. A struct begins with a StructHeader; the
// FieldLines and RuleLines after it belong to it until the next header.
//
//   {"def":"$params","name":"XParams"}                              a struct begins ("$params", "$response", or its
//   {"name":"trade_no","type":"String","maxLength":64}              name in code); "method" on "$response" only
//   {"name":"bill","type":"Struct","list":true,"struct":"FundBill"} a field whose type is the struct FundBill
//   {"atLeastOne":["trade_no","out_trade_no"]}                      a cross-field rule of the struct
//
// `def` names the struct being defined and `struct` the struct a field refers to: two keys, so a line is never
// both.

import { SCALAR_TYPES, type FieldShape } from "./types.js";

export interface StructHeader {
  readonly def: string;
  readonly name: string;
  readonly method?: string;
}

/** A field of the struct above it; `struct` is the key of its struct type's header. */
export type FieldLine = Omit<FieldShape, "struct"> & { readonly struct?: string };

export interface RuleLine {
  readonly atLeastOne: readonly string[];
}

export type SchemaLine = StructHeader | FieldLine | RuleLine;

export function isStructHeader(line: SchemaLine): line is StructHeader {
  return typeof (line as Partial<StructHeader>).def === "string";
}

export function isRuleLine(line: SchemaLine): line is RuleLine {
  return Array.isArray((line as Partial<RuleLine>).atLeastOne);
}

/** One line of schema text (JSON: a doc's text inside it is escaped for the template literal by the writer). */
export function schemaLineText(line: SchemaLine): string {
  return JSON.stringify(line);
}

/**
 * The lines of a schema text, blank lines skipped, each checked before anything is built from it (the compiled
 * validator writes limits into code): known keys only, a known type, limits that are finite numbers (lengths and
 * list sizes non-negative integers, minValue ≤ maxValue), enum values and rule fields that are strings, each
 * struct defined once and every struct reference defined. A bad line is an Error naming its number.
 */
export function parseSchemaLines(text: string): { line: SchemaLine; number: number }[] {
  const out: { line: SchemaLine; number: number }[] = [];
  const defined = new Set<string>();
  const references: { key: string; number: number }[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    const value: unknown = JSON.parse(raw);
    const problem = lineProblem(value, defined);
    if (problem !== undefined) throw new Error(`schema line ${index + 1}: ${problem}`);
    const line = value as SchemaLine;
    if (isStructHeader(line)) defined.add(line.def);
    else if (!isRuleLine(line) && line.struct !== undefined) references.push({ key: line.struct, number: index + 1 });
    out.push({ line, number: index + 1 });
  }
  for (const { key, number } of references) {
    if (!defined.has(key)) throw new Error(`schema line ${number}: no struct ${JSON.stringify(key)} in the schema`);
  }
  return out;
}

const STRUCT_KEYS: ReadonlySet<string> = new Set(["def", "name", "method"]);
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
function lineProblem(item: unknown, structs: ReadonlySet<string>): string | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return "not a JSON object";
  const line = item as Record<string, unknown>;
  const keys = Object.keys(line);
  const isString = (v: unknown): v is string => typeof v === "string";
  if (keys.includes("atLeastOne")) {
    if (keys.length !== 1) return "a rule line has only atLeastOne";
    const fields = line["atLeastOne"];
    return Array.isArray(fields) && fields.length > 0 && fields.every(isString)
      ? undefined
      : "atLeastOne is a list of field names";
  }
  if (keys.includes("def")) {
    const extra = keys.find((k) => !STRUCT_KEYS.has(k));
    if (extra !== undefined) return `unknown key ${JSON.stringify(extra)} on a struct line`;
    if (!isString(line["def"]) || line["def"] === "") return "a struct line needs a def key";
    if (structs.has(line["def"])) return `struct ${JSON.stringify(line["def"])} written twice`;
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
  if (typeof min === "number" && typeof max === "number" && min > max)
    return `minValue ${min} is above maxValue ${max}`;
  const values = line["enum"];
  if (values !== undefined && !(Array.isArray(values) && values.every(isString))) return "enum is a list of strings";
  return undefined;
}
