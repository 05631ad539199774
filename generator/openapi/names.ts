// Component names: `<Api>Request`, `<Api>Response`, and one `<Api>Request.<Struct>` / `<Api>Response.<Struct>`
// per struct, the names the generated SDK uses (`AlibabaNlifeB2cTradeRefundRequest.FundBill`). Every name matches
// ^[a-zA-Z0-9._-]+$ and depends only on the set of methods and on the spec itself, never on input order.

import { apiBaseName, safeStructName } from "../emit/naming.js";
import type { Field } from "../spec/types.js";

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
  const bases = new Map<string, string>();
  const taken = new Set<string>(RESERVED_BASES);
  for (const method of [...new Set(methods)].sort(compareText)) {
    const base = apiBaseName(method);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    bases.set(method, name);
  }
  return bases;
}

/**
 * Every struct field of one side (request or response) → its struct name, as the SDK emitter names them:
 * copies of one struct (same doc name, same fields, whatever their docs say) share a name, a different struct
 * under a taken name is numbered (`Result2`).
 */
export function structNames(fields: readonly Field[]): Map<Field, string> {
  const names = new Map<Field, string>();
  const byShape = new Map<number, string>();
  const taken = new Set<string>();
  const shapes = new ShapeIds();
  const visit = (list: readonly Field[]) => {
    for (const f of list) {
      if (!f.fields) continue;
      const shape = shapes.of(f);
      let name = byShape.get(shape);
      if (name === undefined) {
        // `$` may start or occur in a doc type name but not in a component key.
        const base = safeStructName(f.type).replaceAll("$", "_");
        name = base;
        for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
        taken.add(name);
        byShape.set(shape, name);
      }
      names.set(f, name);
      visit(f.fields);
    }
  };
  visit(fields);
  return names;
}

/**
 * Interned shapes, as the emitter compares structs: a struct is its doc type name and its fields, a field is
 * everything but `description` and `example`, at every depth. Ids stand for children, so a deep struct is not
 * serialized again at every level.
 */
class ShapeIds {
  private readonly ids = new Map<string, number>();
  private readonly members = new Map<Field, number>();

  /** The id of a struct field's struct (not of the field: `a: FundBill` and `b: FundBill` share it). */
  of(field: Field): number {
    return this.intern(`${field.type}\0${(field.fields ?? []).map((f) => this.member(f)).join(",")}`);
  }

  private member(field: Field): number {
    const cached = this.members.get(field);
    if (cached !== undefined) return cached;
    const { description: _d, example: _e, fields, ...own } = field;
    const id = this.intern(`${JSON.stringify(own)}\0${fields === undefined ? "-" : this.of(field)}`);
    this.members.set(field, id);
    return id;
  }

  private intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

export function schemaRef(name: string): string {
  return `#/components/schemas/${name}`;
}
