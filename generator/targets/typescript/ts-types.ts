// The type table of ARCHITECTURE.md ("Types"): doc type → TypeScript type, for request params and for decoded responses.

import { enumClosed, type Field } from "../../model/types.js";
import { tsString } from "./escape.js";

const REQUEST: Record<string, string> = {
  String: "string",
  Number: "number | bigint | string",
  Boolean: "boolean",
  Date: "Date | string",
  Price: "string | number",
  BigDecimal: "string | number",
  Json: "string | object",
  Map: "Readonly<Record<string, unknown>>",
  File: "rt.TopFile",
  FieldList: "string | readonly string[]",
};

const RESPONSE: Record<string, string> = {
  String: "string",
  Number: "bigint",
  Boolean: "boolean",
  Date: "Date",
  Price: "string",
  BigDecimal: "string",
  Json: "string",
  Map: "Record<string, rt.JsonValue>",
  File: "string",
  FieldList: "string",
};

/**
 * Request side, as the members of its union (one member when it is not a union): an enum is a closed union only
 * when its evidence says so (see generator/normalize/enum-evidence.ts), else open; lists are readonly arrays.
 */
export function requestTypeMembers(field: Field, structRef: (f: Field) => string): string[] {
  const item = field.fields
    ? [structRef(field)]
    : field.enum?.length && field.type === "String"
      ? union(field, !enumClosed(field))
      : tsTypeOf(REQUEST, field).split(" | ");
  return field.list ? [`readonly ${arrayItem(item)}[]`] : item;
}

/**
 * Response side, as the members of its union (one member when it is not a union): enums are open unions (the
 * platform may add values); Number and Date as the default codec decodes them (rt.ResponseOf maps them to another).
 */
export function responseTypeMembers(field: Field, structRef: (f: Field) => string): string[] {
  const item = field.fields
    ? [structRef(field)]
    : field.enum?.length && field.type === "String"
      ? union(field, true)
      : tsTypeOf(RESPONSE, field).split(" | ");
  return field.list ? [`${arrayItem(item)}[]`] : item;
}

/** The TypeScript type of a scalar doc type: own entries only (a type `constructor` is no scalar). */
function tsTypeOf(table: Readonly<Record<string, string>>, field: Field): string {
  if (!Object.hasOwn(table, field.type))
    throw new Error(`no TypeScript type for doc type ${JSON.stringify(field.type)} (${field.name})`);
  return table[field.type]!;
}

function union(field: Field, open: boolean): string[] {
  const members = field.enum!.map((e) => tsString(e.value));
  if (open) members.push("(string & {})");
  return members;
}

/** The item type of an array type: a union in parentheses (a single type needs none, whatever text it holds). */
function arrayItem(members: string[]): string {
  return members.length > 1 ? `(${members.join(" | ")})` : members[0]!;
}
