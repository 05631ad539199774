// validate() of a request: its params shape compiled, once per shape, into checks over ./checks.ts.
// Each field becomes one closure with its rule bound, so a call does no lookups by type or rule.

import { isInheritedName, own } from "../objects.js";
import type { FieldShape, StructShape } from "../types.js";
import {
  checkAtLeastOne,
  checkBoolean,
  checkDate,
  checkDecimal,
  checkFieldList,
  checkFile,
  checkJson,
  checkList,
  checkMap,
  checkNumber,
  checkString,
  checkStruct,
  type ItemCheck,
  type Issues,
  type Path,
  type RangeRule,
  type StructCheck,
  type TextRule,
} from "./checks.js";

type Key = string | number;
/** Checks one value at `key` under `path`. */
export type ValueCheck = (issues: Issues, value: unknown, path: Path, key: Key) => void;

const checks = new WeakMap<StructShape, StructCheck>();

/** The interpreted check of a struct; a struct that contains itself reaches its own check through the cache. */
export function structCheck(shape: StructShape): StructCheck {
  let check = checks.get(shape);
  if (check !== undefined) return check;
  let fieldChecks: readonly ((issues: Issues, v: Readonly<Record<string, unknown>>, path: Path) => void)[] = [];
  const rules = shape.atLeastOne ?? [];
  check = (issues, v, path) => {
    for (let i = 0; i < fieldChecks.length; i++) fieldChecks[i]!(issues, v, path);
    for (let i = 0; i < rules.length; i++) checkAtLeastOne(issues, v, path, rules[i]!);
  };
  checks.set(shape, check);
  fieldChecks = shape.fields.map((field) => {
    const name = field.name;
    const value = field.list ? listCheck(field) : valueCheck(field, field.required === true);
    if (isInheritedName(name))
      return (issues: Issues, v: Readonly<Record<string, unknown>>, path: Path) =>
        value(issues, own(v, name), path, name);
    return (issues: Issues, v: Readonly<Record<string, unknown>>, path: Path) => value(issues, v[name], path, name);
  });
  return check;
}

export function listCheck(field: FieldShape): ValueCheck {
  const required = field.required === true;
  const max = field.maxListSize;
  const item: ItemCheck = valueCheck(field, true);
  return (issues, value, path, key) => checkList(issues, value, path, key, required, max, item);
}

export function valueCheck(field: FieldShape, required: boolean): ValueCheck {
  const text = textRule(field);
  const range = rangeRule(field);
  switch (field.type) {
    case "Struct": {
      const shape = field.struct!;
      let check: StructCheck | undefined;
      const nested: StructCheck = (issues, v, p) => (check ??= structCheck(shape()))(issues, v, p);
      return (issues, value, path, key) => checkStruct(issues, value, path, key, required, nested);
    }
    case "Number":
      return (issues, value, path, key) => checkNumber(issues, value, path, key, required, range);
    case "Price":
    case "BigDecimal":
      return (issues, value, path, key) => checkDecimal(issues, value, path, key, required, range);
    case "Boolean":
      return (issues, value, path, key) => checkBoolean(issues, value, path, key, required);
    case "Date":
      return (issues, value, path, key) => checkDate(issues, value, path, key, required);
    case "Json":
      return (issues, value, path, key) => checkJson(issues, value, path, key, required, text);
    case "Map":
      return (issues, value, path, key) => checkMap(issues, value, path, key, required);
    case "File":
      return (issues, value, path, key) => checkFile(issues, value, path, key, required, text);
    case "FieldList":
      return (issues, value, path, key) => checkFieldList(issues, value, path, key, required, text);
    case "String":
      return (issues, value, path, key) => checkString(issues, value, path, key, required, text);
  }
}

function textRule(field: FieldShape): TextRule | undefined {
  const values = field.type === "String" && field.enum?.length ? new Set(field.enum) : undefined;
  if (field.maxLength === undefined && values === undefined) return undefined;
  return {
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    ...(values ? { enum: values } : {}),
  };
}

function rangeRule(field: FieldShape): RangeRule | undefined {
  if (field.minValue === undefined && field.maxValue === undefined) return undefined;
  return {
    ...(field.minValue !== undefined ? { minValue: field.minValue } : {}),
    ...(field.maxValue !== undefined ? { maxValue: field.maxValue } : {}),
  };
}
