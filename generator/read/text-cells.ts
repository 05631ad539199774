// Cell-level recognizers for the text rendering: type cells, 必须/可选, limit bullets, one-line rows.

import type { RawLimits } from "./raw.js";

const TYPE_CELL = /^(?:[A-Za-z][A-Za-z0-9]*(?:\s?List)?)(?:\s*\[\s*\])?$/;

/**
 * A type as the doc prints it: `String`, `FundBill []`, `byte[]`, `Field List`. TOP's type names never hold `_`
 * (none of the catalogue's 112,185 fields has one), so `S_SYS_EXCEPTION` is a cell (an error code), not a type.
 */
export function isTypeCell(text: string): boolean {
  return TYPE_CELL.test(text) && /^[A-Z]|^byte/.test(text);
}

/**
 * 必须 / 可选, and 特殊可选 ("specially optional": optional for the platform, needed in cases the description
 * names), which the site prints for a few APIs and which is read as optional.
 */
export function isRequiredCell(text: string): boolean {
  return text === "必须" || text === "可选" || text === SPECIAL_OPTIONAL;
}

export const SPECIAL_OPTIONAL = "特殊可选";

const LIMIT_KEYS: Record<string, keyof RawLimits> = {
  最大长度: "maxLength",
  最大列表长度: "maxListSize",
  最大值: "maxValue",
  最小值: "minValue",
  默认值: "default",
};
const LIMIT = /^(最大长度|最大列表长度|最大值|最小值|默认值)\s*[:：]\s*(.*)$/;

/** Reads `最大长度:64` into limits; false when the bullet is not a limit (a description that says so is prose). */
export function parseLimitBullet(text: string, limits: RawLimits): boolean {
  const m = LIMIT.exec(text);
  if (!m) return false;
  const key = LIMIT_KEYS[m[1]!]!;
  const value = m[2]!.trim();
  if (key === "default") {
    limits.default = value;
    return true;
  }
  if (!/^-?\d+(\.\d+)?$/.test(value)) return false;
  limits[key] = Number(value);
  return true;
}

export interface TopLevelRow {
  name: string;
  type: string;
  required?: boolean;
  /** Example and description, not delimited on the page. */
  rest: string;
  /** The 是否必须 cell as printed (requests). */
  requiredCell?: string;
}

const NAME = /^[A-Za-z_][\w.\-$]*$/;

/** `name Type [必须|可选] rest…`; undefined when the line does not have that shape. */
export function splitTopLevelRow(line: string, withRequired: boolean): TopLevelRow | undefined {
  const tokens = line.split(/\s+/);
  const name = tokens[0] ?? "";
  if (!NAME.test(name)) return undefined;
  let k = 1;
  let type = tokens[k++] ?? "";
  if (tokens[k] === "[]") type += " " + tokens[k++];
  else if (type === "Field" && tokens[k] === "List") type += " " + tokens[k++];
  if (!isTypeCell(type)) return undefined;
  if (withRequired) {
    const cell = tokens[k++] ?? "";
    if (!isRequiredCell(cell)) return undefined;
    return { name, type, required: cell === "必须", requiredCell: cell, rest: restAfterTokens(line, k) };
  }
  return { name, type, rest: restAfterTokens(line, k) };
}

/** The line's text after its first `count` whitespace-separated tokens, inner spacing kept. */
function restAfterTokens(line: string, count: number): string {
  const re = /\S+/g;
  for (let n = 0; n < count; n++) {
    if (!re.exec(line)) return "";
  }
  return line.slice(re.lastIndex).trim();
}
