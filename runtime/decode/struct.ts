// Walks a response shape: structs keep only documented keys (absent/null → key omitted), lists are
// accepted plain (`[...]`) or wrapped (`{"fund_bill": [...]}`, or any object with exactly one array key).
import { childPath, type DecodeContext } from "./context.js";
import { decodeScalar } from "./scalar.js";
import { listItemKey } from "../names.js";
import { isPlainObject, own } from "../objects.js";
import type { FieldShape, StructShape } from "../types.js";

export function decodeStruct(ctx: DecodeContext, shape: StructShape, raw: unknown, path: string): object {
  if (!isPlainObject(raw)) return ctx.fail(path, `expected an object (${shape.name})`, raw);
  const out: Record<string, unknown> = {};
  for (const field of shape.fields) {
    const value = own(raw, field.name);
    if (value === undefined || value === null) continue;
    out[field.name] = decodeField(ctx, field, value, childPath(path, field.name));
  }
  return out;
}

function decodeField(ctx: DecodeContext, field: FieldShape, raw: unknown, path: string): unknown {
  if (field.list === undefined) return decodeItem(ctx, field, raw, path);
  return listItems(ctx, field, raw, path).map((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (item === null || item === undefined) return ctx.fail(itemPath, "a list item cannot be null", item);
    return decodeItem(ctx, field, item, itemPath);
  });
}

function decodeItem(ctx: DecodeContext, field: FieldShape, raw: unknown, path: string): unknown {
  if (field.type !== "Struct") return decodeScalar(ctx, field.type, raw, path);
  if (field.struct === undefined) throw new TypeError(`${path}: struct field without a struct shape`);
  return decodeStruct(ctx, field.struct(), raw, path);
}

function listItems(ctx: DecodeContext, field: FieldShape, raw: unknown, path: string): readonly unknown[] {
  if (Array.isArray(raw)) return raw as readonly unknown[];
  if (isPlainObject(raw)) {
    const wrapped = own(raw, listItemKey(field));
    if (Array.isArray(wrapped)) return wrapped as readonly unknown[];
    const keys = Object.keys(raw);
    const only = keys.length === 1 && keys[0] !== undefined ? own(raw, keys[0]) : undefined;
    if (Array.isArray(only)) return only as readonly unknown[];
  }
  return ctx.fail(path, `expected a list ([...] or {"${listItemKey(field)}": [...]})`, raw);
}
