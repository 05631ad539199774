// Finding the parameter tables of a page by their header cells (名称 类型 是否必须 示例值 更多限制 描述 for the
// request, 名称 类型 示例值 描述 for the response), and the table geometry the row reader needs.

import type { Document, Element } from "domhandler";
import { childElements, closest, descendants, shownText } from "./dom.js";
import type { SectionName, Sections } from "./sections.js";

export type Column = "name" | "type" | "required" | "example" | "limits" | "description";

export interface ColumnMap {
  /** Number of column positions in a row (colspans counted). */
  width: number;
  at: Partial<Record<Column, number>>;
}

export interface ParamTable {
  table: Element;
  header: Element;
  columns: ColumnMap;
}

const HEADERS = new Map<string, Column>([
  ["名称", "name"],
  ["类型", "type"],
  ["是否必须", "required"],
  ["示例值", "example"],
  ["更多限制", "limits"],
  ["描述", "description"],
]);

/** The rows of `table` itself (not of tables nested in its cells). */
export function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === "tr") rows.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      rows.push(...childElements(child).filter((el) => el.name === "tr"));
    }
  }
  return rows;
}

/** The row's cells by column position: a cell with colspan=n fills n positions. */
export function cellSlots(tr: Element): Element[] {
  const slots: Element[] = [];
  for (const cell of childElements(tr)) {
    if (cell.name !== "td" && cell.name !== "th") continue;
    const span = Math.min(Math.max(Number.parseInt(cell.attribs["colspan"] ?? "1", 10) || 1, 1), 50);
    for (let k = 0; k < span; k++) slots.push(cell);
  }
  return slots;
}

/** The column map when every cell of `tr` is a known header and 名称 and 类型 are among them. */
export function headerColumns(tr: Element): ColumnMap | undefined {
  const slots = cellSlots(tr);
  const at: Partial<Record<Column, number>> = {};
  for (const [i, cell] of slots.entries()) {
    const column = HEADERS.get(shownText(cell));
    if (!column || (at[column] !== undefined && slots[at[column]] !== cell)) return undefined;
    at[column] ??= i;
  }
  return at.name !== undefined && at.type !== undefined ? { width: slots.length, at } : undefined;
}

/** The header row of a table: one of its first three rows. */
export function tableHeader(table: Element): { row: Element; columns: ColumnMap } | undefined {
  for (const row of ownRows(table).slice(0, 3)) {
    const columns = headerColumns(row);
    if (columns) return { row, columns };
  }
  return undefined;
}

/**
 * The request and response parameter tables: by the section they are in (请求参数 / 响应参数), else by their
 * header: with 是否必须 and 示例值 or 更多限制 a request table, with 示例值 and no 是否必须 a response table (the
 * 公共参数 table has neither 示例值 nor 更多限制). On a page without section headings any 是否必须 column marks
 * the request table. The first table of each kind is taken.
 */
export function findParamTables(doc: Document, sections: Sections): { request?: ParamTable; response?: ParamTable } {
  const found: { request?: ParamTable; response?: ParamTable } = {};
  const tables = descendants(doc).filter((el) => el.name === "table");
  const paramTables = new Set<Element>();
  for (const table of tables) {
    const header = tableHeader(table);
    if (!header) continue;
    if (insideAny(table, paramTables)) continue; // a nested table: the row reader takes it
    paramTables.add(table);
    const kind = kindOf(sections.of(table), header.columns);
    if (kind && !found[kind]) found[kind] = { table, header: header.row, columns: header.columns };
  }
  return found;
}

function kindOf(section: SectionName | undefined, columns: ColumnMap): "request" | "response" | undefined {
  if (section === "请求参数") return "request";
  if (section === "响应参数") return "response";
  const { required, example, limits } = columns.at;
  if (section === undefined) return required !== undefined ? "request" : "response";
  if (required !== undefined) return example !== undefined || limits !== undefined ? "request" : undefined;
  return example !== undefined ? "response" : undefined;
}

function insideAny(el: Element, tables: Set<Element>): boolean {
  for (let t = closest(el, ["table"]); t; t = closest(t, ["table"])) if (tables.has(t)) return true;
  return false;
}
