// Spec fields as schema-text lines (runtime/schema-text.ts): the one mapping from the spec to the shapes the
// runtime decodes and validates with. Basic types stay as they are, a struct type becomes "Struct" referring to
// its struct's header; limits are kept where the type takes them (limits.ts) and an enum only when closed.
// targets/typescript/plan.ts writes these lines into every module; check-samples/shape.ts builds the shapes it
// decodes samples with from the same lines, so a sample that passes the check decodes in a generated module.

import type { FieldLine, SchemaLine, StructHeader } from "../../runtime/schema-text.js";
import { takesLength, takesRange } from "./limits.js";
import { enumClosed, isScalarType, type ApiSpec, type Field, type Limits } from "./types.js";

/** A field's line; `struct` is the key of its struct type's header (struct fields only). */
export function fieldLine(field: Field, struct?: string): FieldLine {
  const type = isScalarType(field.type) ? field.type : "Struct";
  return {
    name: field.name,
    type,
    ...(field.list ? { list: true } : {}),
    ...(field.required ? { required: true } : {}),
    ...limitsOf(type, field.limits),
    ...(type === "String" && field.enum?.length && enumClosed(field) ? { enum: field.enum.map((e) => e.value) } : {}),
    ...(field.fields && struct !== undefined ? { struct } : {}),
  };
}

/** One struct's lines: its header, a line per field, a line per cross-field rule. */
export function structLines(
  header: StructHeader,
  fields: readonly Field[],
  structKey: (field: Field) => string,
  rules: NonNullable<ApiSpec["rules"]> = [],
): SchemaLine[] {
  return [
    header,
    ...fields.map((f) => fieldLine(f, f.fields ? structKey(f) : undefined)),
    ...rules.map((rule) => ({ atLeastOne: rule.fields })),
  ];
}

function limitsOf(type: string, limits: Limits | undefined): Partial<Limits> {
  const range = takesRange(type);
  return {
    ...(takesLength(type) && limits?.maxLength !== undefined ? { maxLength: limits.maxLength } : {}),
    ...(limits?.maxListSize !== undefined ? { maxListSize: limits.maxListSize } : {}),
    ...(range && limits?.minValue !== undefined ? { minValue: limits.minValue } : {}),
    ...(range && limits?.maxValue !== undefined ? { maxValue: limits.maxValue } : {}),
  };
}
