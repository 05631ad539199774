// Struct interface names within one API side: one name per distinct struct, numbered on a clash.

import type { Field } from "../model/types.js";
import { safeStructName } from "./api-names.js";

/**
 * Every struct field of one side (request or response) → its interface name in the SDK (and its schema name in
 * the OpenAPI export):
 * copies of one struct (same doc name, same fields, whatever their docs say) share a name, a different struct
 * under a taken name is numbered (`Result2`).
 */
export function structNames(
  fields: readonly Field[],
  onRenamed?: (field: Field, name: string) => void,
): Map<Field, string> {
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
        const base = safeStructName(f.type);
        name = base;
        for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
        taken.add(name);
        byShape.set(shape, name);
        if (name !== f.type) onRenamed?.(f, name);
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
