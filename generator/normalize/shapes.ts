// Struct shapes already known: a `Trade` read once is a `Trade` everywhere. Built from specs (the project's own
// `specs/`, or specs read from a folder of doc JSON the config names) and asked by struct type name when a text
// page leaves a row's depth in doubt. The page's own API is never asked about itself.

import type { ApiSpec, Field } from "../model/types.js";
import { nameKey } from "./samples/facts.js";

export interface KnownShapes {
  /**
   * Keys (nameKey) of the fields a struct type is known to hold, or undefined when it is not known. Only the
   * shapes that hold every field `seen` so far count (a type name such as `Result` means other things elsewhere).
   */
  fieldsOf(typeName: string, method: string, seen?: readonly string[]): ReadonlySet<string> | undefined;
}

export const NO_SHAPES: KnownShapes = { fieldsOf: () => undefined };

/** Shapes from specs; each struct type's fields are the union of what the specs show, by API. */
export function shapesFromSpecs(specs: Iterable<ApiSpec>): KnownShapes {
  // type → method → field keys
  const byType = new Map<string, Map<string, Set<string>>>();
  const visit = (fields: Field[], method: string): void => {
    for (const f of fields) {
      if (!f.fields) continue;
      const perMethod = byType.get(f.type) ?? new Map<string, Set<string>>();
      byType.set(f.type, perMethod);
      const keys = perMethod.get(method) ?? new Set<string>();
      perMethod.set(method, keys);
      for (const c of f.fields) keys.add(nameKey(c.name));
      visit(f.fields, method);
    }
  };
  for (const spec of specs) {
    visit(spec.request, spec.method);
    visit(spec.response, spec.method);
  }
  return {
    fieldsOf(typeName, method, seen = []) {
      const perMethod = byType.get(typeName);
      if (!perMethod) return undefined;
      const keys = new Set<string>();
      for (const [m, k] of perMethod) {
        if (m === method || !seen.every((s) => k.has(s))) continue;
        for (const x of k) keys.add(x);
      }
      return keys.size ? keys : undefined;
    },
  };
}

/** Shapes built on first use only (most pages never ask: JSON pages give depth, most text rows are settled). */
export function lazyShapes(load: () => Iterable<ApiSpec>): KnownShapes {
  let built: KnownShapes | undefined;
  return {
    fieldsOf(typeName, method, seen) {
      built ??= shapesFromSpecs(load());
      return built.fieldsOf(typeName, method, seen);
    },
  };
}
