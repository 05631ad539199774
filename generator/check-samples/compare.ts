// Where two decoded responses (the default sample's and the simplified one's) differ, path by path.

import type { CheckedField, CheckedStruct } from "./shape.js";
import { isObject } from "./body.js";

export interface Difference {
  readonly path: string;
  readonly kind: "value" | "onlyDefault" | "onlySimplified" | "length";
  readonly a?: unknown;
  readonly b?: unknown;
  /** The spec field the path is in (for its line), when the path is within the shape. */
  readonly field?: CheckedField;
}

interface Where {
  readonly path: string;
  readonly field: CheckedField | undefined;
  /** The struct whose members the value's keys are (undefined outside the shape, e.g. inside a Map). */
  readonly struct: CheckedStruct | undefined;
}

export function differences(a: unknown, b: unknown, root: CheckedStruct): Difference[] {
  const out: Difference[] = [];
  diff(a, b, { path: "", field: undefined, struct: root }, out);
  return out;
}

function child(where: Where, key: string): Where {
  const path = where.path === "" ? key : `${where.path}.${key}`;
  const field = where.struct?.fields.find((f) => f.shape.name === key);
  if (field === undefined) return { path, field: where.field, struct: undefined };
  return { path, field, struct: field.shape.list ? undefined : field.struct };
}

function item(where: Where, index: number): Where {
  return {
    path: `${where.path}[${index}]`,
    field: where.field,
    struct: where.field?.shape.list ? where.field.struct : undefined,
  };
}

function at(where: Where, kind: Difference["kind"], extra: { a?: unknown; b?: unknown }): Difference {
  const d: Difference = { path: where.path, kind, ...extra };
  return where.field === undefined ? d : { ...d, field: where.field };
}

function diff(a: unknown, b: unknown, where: Where, out: Difference[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const key of keys) {
      const next = child(where, key);
      if (!Object.hasOwn(b, key)) out.push(at(next, "onlyDefault", { a: a[key] }));
      else if (!Object.hasOwn(a, key)) out.push(at(next, "onlySimplified", { b: b[key] }));
      else diff(a[key], b[key], next, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(at(where, "length", { a: a.length, b: b.length }));
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], item(where, i), out);
    return;
  }
  if (!Object.is(a, b)) out.push(at(where, "value", { a, b }));
}
