// Component names: `<Api>Request`, `<Api>Response`, and one `<Api>Request.<Struct>` / `<Api>Response.<Struct>`
// per struct, the names the generated SDK uses (`AlibabaNlifeB2cTradeRefundRequest.FundBill`). Every name matches
// ^[a-zA-Z0-9._-]+$ and depends only on the set of methods and on the spec itself, never on input order.

import { assignApiNames } from "../../names/api-names.js";
import { structNames as sdkStructNames } from "../../names/struct-names.js";
import type { Field } from "../../model/types.js";

/** The shared error body; no API takes the base name `Error`, so no `<Api>Response` can equal it. */
export const ERROR_RESPONSE = "ErrorResponse";
const RESERVED_BASES = new Set(["Error"]);

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * method → base name (`alibaba.nlife.b2c.trade.refund` → `AlibabaNlifeB2cTradeRefund`). Methods whose names
 * fold to one base (`a.b_c`, `a.b.c`) get `_2`, `_3`, … in method order; `_` never occurs in a base otherwise.
 */
export function apiBases(methods: readonly string[]): Map<string, string> {
  const names = assignApiNames(methods);
  const taken = new Set([...names.values()].map((n) => n.base));
  const bases = new Map<string, string>();
  for (const [method, { base }] of names) {
    let name = base;
    for (let n = 2; RESERVED_BASES.has(name); n++) name = `${base}_${n}`;
    if (name !== base && taken.has(name)) throw new Error(`no free name for ${method}`);
    bases.set(method, name);
  }
  return bases;
}

/** The SDK's struct names, made valid component keys (`$` may occur in a doc type name, not in a key). */
export function structNames(fields: readonly Field[]): Map<Field, string> {
  return new Map([...sdkStructNames(fields)].map(([f, name]) => [f, name.replaceAll("$", "_")]));
}

export function schemaRef(name: string): string {
  return `#/components/schemas/${name}`;
}
