// The response shape of a spec, built from the schema lines a generated module carries (model/schema-lines.ts):
// the same field lines, with each struct reference a thunk to a shape named after the doc type. Each shape
// remembers the spec field it came from, so that a decoder path leads back to the doc's field (and its line).

import type { FieldShape, StructShape } from "../../runtime/index.js";
import { fieldLine } from "../model/schema-lines.js";
import type { Field } from "../model/types.js";

/** A shape field and the spec field it stands for. */
export interface CheckedField {
  readonly shape: FieldShape;
  readonly field: Field;
  /** The item shape, for struct fields. */
  readonly struct?: CheckedStruct;
}

export interface CheckedStruct {
  readonly shape: StructShape;
  readonly fields: readonly CheckedField[];
}

/** The response shape of `fields` (the top level of a response body). */
export function responseShape(name: string, fields: readonly Field[]): CheckedStruct {
  return structOf(name, fields);
}

function structOf(name: string, fields: readonly Field[]): CheckedStruct {
  const checked = fields.map(fieldOf);
  return { shape: { name, fields: checked.map((c) => c.shape) }, fields: checked };
}

function fieldOf(field: Field): CheckedField {
  const { struct: _key, ...line } = fieldLine(field);
  if (line.type !== "Struct") return { shape: line, field };
  // A spec struct always has `fields`; an empty list stands in should one not (the decoder would throw).
  const struct = structOf(field.type, field.fields ?? []);
  return { shape: { ...line, struct: () => struct.shape }, field, struct };
}

/** One step of a decoder path: a field name, or a list index. */
export type PathStep =
  { readonly kind: "field"; readonly name: string } | { readonly kind: "index"; readonly index: number };

/**
 * Splits a decoder path (`data.results[0].item_id`) into steps, reading field names against the shape (so a
 * documented name that contains `.` or `[` still reads as one name). Undefined when the path leaves the shape.
 */
export function parsePath(root: CheckedStruct, path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let struct: CheckedStruct | undefined = root;
  let rest = path;
  let current: CheckedField | undefined;
  while (rest !== "") {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index && current?.shape.list) {
      steps.push({ kind: "index", index: Number(index[1]) });
      rest = rest.slice(index[0].length);
      struct = current.struct;
      continue;
    }
    if (steps.length > 0) {
      if (!rest.startsWith(".")) return undefined;
      rest = rest.slice(1);
    }
    if (struct === undefined) return undefined;
    const remaining = rest;
    const candidates = struct.fields.filter(
      (f) =>
        remaining === f.shape.name ||
        remaining.startsWith(`${f.shape.name}.`) ||
        remaining.startsWith(`${f.shape.name}[`),
    );
    const field = candidates.sort((a, b) => b.shape.name.length - a.shape.name.length)[0];
    if (field === undefined) return undefined;
    steps.push({ kind: "field", name: field.shape.name });
    rest = rest.slice(field.shape.name.length);
    current = field;
    struct = field.shape.list ? undefined : field.struct;
  }
  return steps;
}

/** The spec field a path ends at (for a list index: the list field). */
export function fieldAtPath(root: CheckedStruct, steps: readonly PathStep[]): CheckedField | undefined {
  let struct: CheckedStruct | undefined = root;
  let current: CheckedField | undefined;
  for (const step of steps) {
    if (step.kind === "index") {
      struct = current?.struct;
      continue;
    }
    current = struct?.fields.find((f) => f.shape.name === step.name);
    if (current === undefined) return undefined;
    struct = current.shape.list ? undefined : current.struct;
  }
  return current;
}

/** `Number`, `FundBill[]`: a field's declared type as the doc writes it. */
export function declaredType(field: Field): string {
  return `${field.type}${field.list ? "[]" : ""}`;
}
