// The checks of one value each, that validate() runs per field (./interpreter.ts binds them to a shape's fields;
// the compiled check, ./compile.ts, calls them for the values its own code does not judge). Each takes the
// parent path and the key, and builds the issue's path only when there is an issue.
// "Missing" follows TOP: undefined, null and "" are not sent, so a required field holding one of them is missing;
// and a required field holding a string of only whitespace is missing too, as the official Java SDK's
// RequestCheckUtils.checkNotEmpty decides (it trims: every character up to U+0020).

import { fieldValue } from "../objects.js";
import type { IssueCode, TopFile, ValidationIssue } from "../types.js";
import {
  atLeast,
  atLeastOneText,
  atMost,
  enumPrefix,
  EXPECTED,
  keyText,
  kindOf,
  quoted,
  REQUIRED,
  tooLong,
} from "./texts.js";

/** Where the checks push issues: an array, or the IssueCollector validate() uses (./collect.ts). */
export interface Issues {
  push(issue: ValidationIssue): unknown;
}
type Key = string | number;
/**
 * Where a value sits: its text (`refund_bill_list[1]`, "" at the top), or its parent and key. The interpreted
 * checks build a small node when they descend; compiled ones pass text, built only for an issue. Either way a
 * valid request builds no strings.
 */
export type Path = string | PathNode;
export interface PathNode {
  readonly parent: Path;
  readonly key: Key;
}
/** Checks one list item; the list passes its path and the item's index. */
export type ItemCheck = (issues: Issues, value: unknown, path: Path, index: number) => void;
export type StructCheck = (issues: Issues, value: Readonly<Record<string, unknown>>, path: Path) => void;

export interface TextRule {
  readonly maxLength?: number;
  readonly enum?: ReadonlySet<string>;
}
export interface RangeRule {
  readonly minValue?: number;
  readonly maxValue?: number;
}
export interface FileRule {
  /** Size limit in bytes (最大长度 on a file). */
  readonly maxLength?: number;
}

/** The text of a path and a key under it: `refund_bill_list[1].amount`. */
export function pathOf(path: Path, key: Key): string {
  const base = typeof path === "string" ? path : pathOf(path.parent, path.key);
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}

function report(issues: Issues, path: Path, key: Key, code: IssueCode, message: string): void {
  issues.push({ path: pathOf(path, key), code, message });
}

/** Missing as TOP sees it: undefined, null and "" are not sent. */
export function missing(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * A string that Java's `String.trim()` leaves empty: every character is at most U+0020 (spaces, tabs, line breaks,
 * other control characters). Unicode spaces beyond that (U+3000, U+00A0) are text, as they are to `trim()`.
 * The first character settles almost every call.
 */
export function blank(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x20) return false;
  return true;
}

/**
 * True when the value is present; reports `required` when it is missing and must not be. A required string of
 * only whitespace is missing (Java's checkNotEmpty); an optional one is sent as it is.
 */
function present(issues: Issues, value: unknown, path: Path, key: Key, required: boolean): boolean {
  if (!missing(value) && !(required && typeof value === "string" && blank(value))) return true;
  if (required) report(issues, path, key, "required", REQUIRED);
  return false;
}

export function checkString(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: TextRule,
): void {
  if (rule === undefined && typeof value === "string" && value.charCodeAt(0) > 0x20) return; // the common case, first
  if (!present(issues, value, path, key, required)) return;
  if (typeof value !== "string") return report(issues, path, key, "type", EXPECTED.string + kindOf(value));
  if (rule?.maxLength !== undefined && value.length > rule.maxLength) {
    report(issues, path, key, "maxLength", tooLong(value.length, rule.maxLength));
  }
  if (rule?.enum !== undefined && !rule.enum.has(value)) {
    report(issues, path, key, "enum", enumPrefix(rule.enum) + quoted(value));
  }
}

const INTEGER = /^-?\d+$/;

/** Number (a Java Long): a safe integer, a bigint, or a string of digits. */
export function checkNumber(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: RangeRule,
): void {
  if (rule === undefined && typeof value === "number" && Number.isSafeInteger(value)) return; // the common case, first
  if (!present(issues, value, path, key, required)) return;
  let n: bigint;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && INTEGER.test(value)) n = BigInt(value);
  else return report(issues, path, key, "type", EXPECTED.integer + kindOf(value));
  checkRange(issues, path, key, rule, (bound) => compareInteger(n, bound));
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Price / BigDecimal: a finite number or a decimal string. */
export function checkDecimal(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: RangeRule,
): void {
  if (!present(issues, value, path, key, required)) return;
  let n: number;
  if (typeof value === "number" && Number.isFinite(value)) n = value;
  else if (typeof value === "string" && DECIMAL.test(value)) n = Number(value);
  else return report(issues, path, key, "type", EXPECTED.decimal + kindOf(value));
  checkRange(issues, path, key, rule, (bound) => Math.sign(n - bound));
}

function compareInteger(n: bigint, bound: number): number {
  if (Number.isInteger(bound)) return n < BigInt(bound) ? -1 : n > BigInt(bound) ? 1 : 0;
  return Math.sign(Number(n) - bound);
}

function checkRange(
  issues: Issues,
  path: Path,
  key: Key,
  rule: RangeRule | undefined,
  compare: (bound: number) => number,
): void {
  if (rule?.minValue !== undefined && compare(rule.minValue) < 0) {
    report(issues, path, key, "minValue", atLeast(rule.minValue));
  }
  if (rule?.maxValue !== undefined && compare(rule.maxValue) > 0) {
    report(issues, path, key, "maxValue", atMost(rule.maxValue));
  }
}

export function checkBoolean(issues: Issues, value: unknown, path: Path, key: Key, required: boolean): void {
  if (!present(issues, value, path, key, required)) return;
  if (typeof value !== "boolean") report(issues, path, key, "type", EXPECTED.boolean + kindOf(value));
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;

/** Date: a valid Date, or text `yyyy-MM-dd HH:mm:ss` (GMT+8) / `yyyy-MM-dd`. */
export function checkDate(issues: Issues, value: unknown, path: Path, key: Key, required: boolean): void {
  if (!present(issues, value, path, key, required)) return;
  if (value instanceof Date ? Number.isNaN(value.getTime()) : typeof value !== "string" || !DATE_TEXT.test(value)) {
    report(issues, path, key, "type", EXPECTED.date + kindOf(value));
  }
}

/** Json: JSON text, or a value to be serialized. */
export function checkJson(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: TextRule,
): void {
  if (!present(issues, value, path, key, required)) return;
  if (typeof value === "string") return checkString(issues, value, path, key, required, rule);
  if (typeof value !== "object") report(issues, path, key, "type", EXPECTED.json + kindOf(value));
}

export function checkMap(issues: Issues, value: unknown, path: Path, key: Key, required: boolean): void {
  if (!present(issues, value, path, key, required)) return;
  if (typeof value !== "object" || Array.isArray(value))
    report(issues, path, key, "type", EXPECTED.object + kindOf(value));
}

export function checkFieldList(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: TextRule,
): void {
  if (Array.isArray(value)) {
    if (!present(issues, value.length === 0 ? undefined : value, path, key, required)) return;
    if (!value.every((v) => typeof v === "string"))
      return report(issues, path, key, "type", "expected field names (strings)");
    return checkString(issues, value.join(","), path, key, required, rule);
  }
  checkString(issues, value, path, key, required, rule);
}

export function checkFile(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  rule?: FileRule,
): void {
  if (!present(issues, value, path, key, required)) return;
  const file = value as Partial<TopFile>;
  const data = file.data;
  const size =
    data instanceof Uint8Array ? data.byteLength : typeof Blob !== "undefined" && data instanceof Blob ? data.size : -1;
  if (typeof value !== "object" || typeof file.name !== "string" || size < 0) {
    return report(issues, path, key, "type", "expected a file { name, data: Uint8Array | Blob }");
  }
  if (rule?.maxLength !== undefined && size > rule.maxLength) {
    report(issues, path, key, "maxLength", `is ${size} bytes; at most ${rule.maxLength} allowed`);
  }
}

/** A list: an empty one counts as missing (TOP sends nothing for it); each item must be present and valid. */
export function checkList(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  maxListSize: number | undefined,
  item: ItemCheck,
): void {
  if (!present(issues, Array.isArray(value) && value.length === 0 ? undefined : value, path, key, required)) return;
  if (!Array.isArray(value)) return report(issues, path, key, "type", EXPECTED.list + kindOf(value));
  if (maxListSize !== undefined && value.length > maxListSize) {
    report(issues, path, key, "maxListSize", `has ${value.length} items; at most ${maxListSize} allowed`);
  }
  const itemPath: PathNode = { parent: path, key };
  for (let i = 0; i < value.length; i++) item(issues, value[i], itemPath, i);
}

export function checkStruct(
  issues: Issues,
  value: unknown,
  path: Path,
  key: Key,
  required: boolean,
  check: StructCheck,
): void {
  if (!present(issues, value, path, key, required)) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return report(issues, path, key, "type", EXPECTED.object + kindOf(value));
  }
  check(issues, value as Readonly<Record<string, unknown>>, { parent: path, key });
}

/** Cross-field rule: at least one of the fields is given. The path names them all: `trade_no|out_trade_no`. */
export function checkAtLeastOne(
  issues: Issues,
  value: Readonly<Record<string, unknown>>,
  path: Path,
  fields: readonly string[],
): void {
  for (let i = 0; i < fields.length; i++) if (!missing(fieldValue(value, fields[i]!))) return;
  report(issues, path, keyText(fields), "atLeastOne", atLeastOneText(fields));
}
