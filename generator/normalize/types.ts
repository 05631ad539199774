// Doc type cells → spec types: `FundBill []` → { type: "FundBill", list: true }, `byte[]` → File.

import type { Diagnostic } from "../model/types.js";

export interface ParsedType {
  type: string;
  list: boolean;
  struct: boolean;
  /** The cell names no type (`null[]`, empty): the normalizer decides from the field's sub-fields. */
  unknown?: true;
}

/** Cells that name no type at all. */
const NO_TYPE = new Set(["", "null", "undefined", "object", "void"]);

const SCALARS: Record<string, string> = {
  string: "String",
  number: "Number",
  long: "Number",
  int: "Number",
  integer: "Number",
  boolean: "Boolean",
  date: "Date",
  price: "Price",
  bigdecimal: "BigDecimal",
  json: "Json",
  map: "Map",
  file: "File",
  byte: "File",
  "byte[]": "File",
  fieldlist: "FieldList",
};

/** Parses a type cell; an unreadable one becomes String with a warning (never a silent unknown). */
export function parseTypeCell(
  cell: string,
  where: { name: string; line?: number },
  diagnostics: Diagnostic[],
): ParsedType {
  const compact = cell.replace(/\s+/g, "");
  const scalarWhole = scalarOf(compact.toLowerCase());
  if (scalarWhole === "File") return { type: "File", list: false, struct: false };
  const list = /\[\]$/.test(compact);
  const base = list ? compact.slice(0, -2) : compact;
  if (NO_TYPE.has(base.toLowerCase())) return { type: base, list, struct: false, unknown: true };
  if (/^byte\[\]$/i.test(base)) return { type: "File", list, struct: false };
  const scalar = scalarOf(base.toLowerCase());
  if (scalar) {
    if (scalar !== base && !(base === "FieldList" || /^byte$/i.test(base))) {
      diagnostics.push(at(where, "info", `type "${cell}" read as ${scalar}`));
    }
    return { type: scalar, list, struct: false };
  }
  if (/^[A-Za-z_$][\w$]*$/.test(base)) return { type: base, list, struct: true };
  diagnostics.push(at(where, "warning", `unknown type "${cell}" on ${where.name}; treated as String`));
  return { type: "String", list, struct: false };
}

/** Own entries only: a cell `constructor` or `__proto__` is a struct name, not what every object inherits. */
function scalarOf(key: string): string | undefined {
  return Object.hasOwn(SCALARS, key) ? SCALARS[key] : undefined;
}

function at(where: { line?: number }, level: Diagnostic["level"], message: string): Diagnostic {
  return where.line === undefined ? { level, message } : { level, message, line: where.line };
}
