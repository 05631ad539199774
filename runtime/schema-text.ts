// The schema text a generated module carries: JSON Lines, written by the generator (targets/typescript/plan.ts)
// and read here by the runtime, so both sides share these types. A struct begins with a StructHeader; the
// FieldLines and RuleLines after it belong to it until the next header.
//
//   {"def":"$params","name":"XParams"}                              a struct begins ("$params", "$response", or its
//   {"name":"trade_no","type":"String","maxLength":64}              name in code); "method" on "$response" only
//   {"name":"bill","type":"Struct","list":true,"struct":"FundBill"} a field whose type is the struct FundBill
//   {"atLeastOne":["trade_no","out_trade_no"]}                      a cross-field rule of the struct
//
// `def` names the struct being defined and `struct` the struct a field refers to: two keys, so a line is never
// both.

import type { FieldShape } from "./types.js";

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

/** The lines of a schema text, blank lines skipped; a line that is not a JSON object names its number. */
export function parseSchemaLines(text: string): { line: SchemaLine; number: number }[] {
  const out: { line: SchemaLine; number: number }[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    if (raw.trim() === "") continue;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`schema line ${index + 1}: not an object`);
    out.push({ line: value as SchemaLine, number: index + 1 });
  }
  return out;
}
