// Reading and trimming a parsed sample body along a decoder path. Lists are read as the decoder reads them:
// a plain array, or an object holding the array under the item key (or under its only key).

import { listItemKey } from "../../runtime/index.js";
import type { CheckedField, CheckedStruct, PathStep } from "./shape.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function ownValue(target: JsonObject, key: string): unknown {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/** The items of a list value (as the decoder finds them), or undefined when it is no list. */
export function listArray(raw: unknown, field: CheckedField): unknown[] | undefined {
  if (Array.isArray(raw)) return raw as unknown[];
  if (!isObject(raw)) return undefined;
  const wrapped = ownValue(raw, listItemKey(field.shape));
  if (Array.isArray(wrapped)) return wrapped as unknown[];
  const keys = Object.keys(raw);
  const only = keys.length === 1 && keys[0] !== undefined ? ownValue(raw, keys[0]) : undefined;
  return Array.isArray(only) ? (only as unknown[]) : undefined;
}

/**
 * Takes the value at `steps` out of `body` so that decoding can go on past it: an object member is deleted; a
 * list item is replaced by a neutral item of the declared type (`{}`, `""`, `"0"`, ...) so that the indices of
 * the items after it, and so the paths reported for them, stay those of the page's sample. False when the
 * path does not lead to a value.
 */
export function removeAt(root: CheckedStruct, body: JsonObject, steps: readonly PathStep[]): boolean {
  let container: unknown = body;
  let struct: CheckedStruct | undefined = root;
  let field: CheckedField | undefined;
  let owner: { object: JsonObject; key: string } | undefined;
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    if (step.kind === "field") {
      if (!isObject(container) || struct === undefined) return false;
      const name = step.name;
      field = struct.fields.find((f) => f.shape.name === name);
      if (field === undefined || !Object.hasOwn(container, name)) return false;
      if (last) {
        delete container[name];
        return true;
      }
      owner = { object: container, key: name };
      container = container[name];
      struct = field.shape.list ? undefined : field.struct;
      continue;
    }
    if (field === undefined || !field.shape.list) return false;
    const items = listArray(container, field);
    if (items === undefined || step.index >= items.length) return false;
    if (last) {
      const neutral = neutralItem(field);
      if (neutral !== undefined) {
        items[step.index] = neutral;
      } else if (owner !== undefined) {
        delete owner.object[owner.key];
      } else {
        return false;
      }
      return true;
    }
    container = items[step.index];
    struct = field.struct;
  }
  return false;
}

/** An item that decodes under the field's item type and stands for nothing. */
function neutralItem(field: CheckedField): unknown {
  switch (field.shape.type) {
    case "Struct":
    case "Map":
      return {};
    case "String":
    case "FieldList":
    case "Json":
      return "";
    case "Number":
    case "Price":
    case "BigDecimal":
      return "0";
    case "Boolean":
      return false;
    case "Date":
      return "2000-01-01 00:00:00";
    case "File":
      return undefined;
  }
}
