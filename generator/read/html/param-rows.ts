// Reads the rows of a parameter table into raw rows with exact depth. Three ways of nesting are understood:
//  - sub-parameter lists in a cell (or in a row of their own): `<ul>` of items, each item a list of its cells
//    (`<li>└ name</li><li>Type</li>…`, one item per column, empty cells as empty items, or items marked with
//    the column as class / data-col) and, for a struct, a nested list of its own sub-parameters;
//  - nested tables in a cell (or in a row of their own), with their own header or the outer table's columns;
//  - flat rows whose level is an attribute (data-depth, data-level, aria-level) or a class (level-2, depth-1…).
// Anything else that looks like parameters but cannot be placed for certain is a LayoutUnknown: the caller then
// reads the page from its text rendering instead.

import type { Element } from "domhandler";
import type { RawDiagnostic, RawRow } from "../raw.js";
import { isTypeCell } from "../text-cells.js";
import { cellText, readLimits, requiredOf } from "./cells.js";
import { childElements, classes, lineOf, shownText } from "./dom.js";
import { cellSlots, ownRows, tableHeader, type Column, type ColumnMap, type ParamTable } from "./tables.js";

export class LayoutUnknown extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "LayoutUnknown";
  }
}

interface Context {
  withRequired: boolean;
  diagnostics: RawDiagnostic[];
}

type Container = { kind: "list"; el: Element } | { kind: "table"; el: Element; header?: Element; columns: ColumnMap };

/** A cell of a row by column, and the elements inside cells that are not cell text (nested parameters). */
interface RowCells {
  get(column: Column): Element | undefined;
  skip: ReadonlySet<Element>;
}

const NAME = /^[A-Za-z_][\w.\-$]*$/;
const TREE_MARK = /^└\s*/;

export function readParamTable(t: ParamTable, withRequired: boolean, diagnostics: RawDiagnostic[]): RawRow[] {
  return readTableRows(t.table, t.header, t.columns, 0, { withRequired, diagnostics });
}

function readTableRows(
  table: Element,
  header: Element | undefined,
  columns: ColumnMap,
  depth: number,
  ctx: Context,
): RawRow[] {
  const rows = ownRows(table).filter((tr) => tr !== header && !isRepeatedHeader(tr, header));
  const levels = rows.map(indentLevel);
  const known = levels.filter((l): l is number => l !== undefined);
  const base = known.length ? Math.min(...known) : 0;
  const out: RawRow[] = [];
  let lastDepth: number | undefined;
  rows.forEach((tr, i) => {
    const containers = findContainers(tr, columns);
    const slots = cellSlots(tr);
    const cells: RowCells = {
      get: (column) => {
        const at = columns.at[column];
        return at === undefined ? undefined : slots[at];
      },
      skip: new Set(containers.map((c) => c.el)),
    };
    const distinct = new Set(slots).size >= 2;
    const row = distinct ? paramRow(cells, depth + (levels[i] ?? base) - base, ctx) : undefined;
    if (row) {
      out.push(row, ...readContainers(containers, columns, (row.depth ?? 0) + 1, ctx));
      lastDepth = row.depth;
    } else if (containers.length) {
      if (lastDepth === undefined) throw new LayoutUnknown(lineOf(tr), "sub-parameters before any parameter row");
      out.push(...readContainers(containers, columns, lastDepth + 1, ctx));
    } else if (shownText(tr) !== "") {
      ctx.diagnostics.push({
        level: "warning",
        message: `table row that is not a parameter was ignored: ${JSON.stringify(shownText(tr).slice(0, 40))}`,
        line: lineOf(tr),
      });
    }
  });
  return out;
}

function isRepeatedHeader(tr: Element, header: Element | undefined): boolean {
  return header !== undefined && shownText(tr) === shownText(header);
}

/** A row from its cells; undefined when the name or type cell does not hold a parameter name and a type. */
function paramRow(cells: RowCells, depth: number, ctx: Context): RawRow | undefined {
  const nameCell = cells.get("name");
  const typeCell = cells.get("type");
  if (!nameCell || !typeCell || nameCell === typeCell) return undefined;
  const name = cellText(nameCell, cells.skip).replace(TREE_MARK, "");
  const type = cellText(typeCell, cells.skip);
  if (!NAME.test(name) || type === "") return undefined;

  const row: RawRow = { line: lineOf(nameCell), name, type, limits: {}, depth };
  const text = (column: Column): string => {
    const cell = cells.get(column);
    return cell ? cellText(cell, cells.skip) : "";
  };
  if (ctx.withRequired) {
    const required = requiredOf(text("required"));
    if (typeof required === "boolean") row.required = required;
    else if (required === "unknown") {
      ctx.diagnostics.push({
        level: "warning",
        message: `${name}: 是否必须 cell ${JSON.stringify(text("required"))} is neither 必须 nor 可选; left unset`,
        line: row.line,
      });
    }
  }
  const example = text("example");
  if (example !== "") row.example = example;
  const description = text("description");
  if (description !== "") row.description = description;
  const limitsCell = cells.get("limits");
  if (limitsCell) readLimits(limitsCell, cells.skip, row.limits, name, ctx.diagnostics);
  return row;
}

/** Nested parameter lists and tables under `root` (not looking inside what it finds, nor into `except`). */
function findContainers(root: Element, columns: ColumnMap, except?: Element): Container[] {
  const found: Container[] = [];
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (child === except) continue;
      const container =
        child.name === "table"
          ? nestedTable(child, columns)
          : (child.name === "ul" || child.name === "ol") && isParamList(child)
            ? { kind: "list" as const, el: child }
            : undefined;
      if (container) found.push(container);
      else visit(child);
    }
  };
  visit(root);
  return found;
}

function nestedTable(table: Element, outer: ColumnMap): Container | undefined {
  const header = tableHeader(table);
  if (header) return { kind: "table", el: table, header: header.row, columns: header.columns };
  const rows = ownRows(table);
  const looksLikeParams = rows.some((tr) => {
    const slots = cellSlots(tr);
    const name = slots[outer.at.name ?? 0];
    const type = slots[outer.at.type ?? 1];
    return (
      name && type && name !== type && NAME.test(shownText(name).replace(TREE_MARK, "")) && isTypeCell(shownText(type))
    );
  });
  if (!looksLikeParams) return undefined;
  const width = cellSlots(rows[0]!).length;
  if (width !== outer.width) {
    throw new LayoutUnknown(
      lineOf(table),
      `a nested parameter table without a header has ${width} columns, not ${outer.width}`,
    );
  }
  return { kind: "table", el: table, columns: outer };
}

function readContainers(containers: Container[], columns: ColumnMap, depth: number, ctx: Context): RawRow[] {
  const out: RawRow[] = [];
  for (const c of containers) {
    if (c.kind === "table") {
      out.push(...readTableRows(c.el, c.header, c.columns, depth, ctx));
      continue;
    }
    for (const item of listItems(c.el)) {
      const cellList = childElements(item)[0]!;
      const row = paramRow(listCells(cellList, columns), depth, ctx);
      if (!row) throw new LayoutUnknown(lineOf(item), "a sub-parameter item without a name and a type");
      out.push(row, ...readContainers(findContainers(item, columns, cellList), columns, depth + 1, ctx));
    }
  }
  return out;
}

function listItems(list: Element): Element[] {
  return childElements(list).filter((el) => el.name === "li");
}

/** A list whose every item starts with a list of cells, the first (or the one marked so) a parameter name. */
function isParamList(list: Element): boolean {
  const items = listItems(list);
  return (
    items.length > 0 &&
    items.every((item) => {
      const first = childElements(item)[0];
      if (!first || (first.name !== "ul" && first.name !== "ol")) return false;
      const cells = listItems(first);
      const marked = markedCells(cells);
      const name = marked.get("name") ?? cells[0];
      const type = marked.get("type") ?? cells[1];
      return (
        name !== undefined &&
        type !== undefined &&
        NAME.test(shownText(name).replace(TREE_MARK, "")) &&
        isTypeCell(shownText(type))
      );
    })
  );
}

function listCells(cellList: Element, columns: ColumnMap): RowCells {
  const items = listItems(cellList);
  const cells = cellsByColumn(items, columns);
  if (!cells) {
    throw new LayoutUnknown(
      lineOf(cellList),
      `a sub-parameter shows ${items.length} cells where the table has ${columns.width} columns, and does not mark them`,
    );
  }
  return { get: (column) => cells.get(column), skip: new Set() };
}

/** Cells by the column each item names (class or data-col), else by position when one item per column. */
function cellsByColumn(items: Element[], columns: ColumnMap): Map<Column, Element> | undefined {
  const marked = markedCells(items);
  if (marked.has("name") && marked.has("type")) return marked;
  if (items.length !== columns.width) return undefined;
  const cells = new Map<Column, Element>();
  for (const [column, at] of Object.entries(columns.at) as [Column, number][]) {
    const item = items[at];
    if (item) cells.set(column, item);
  }
  return cells;
}

function markedCells(items: Element[]): Map<Column, Element> {
  const cells = new Map<Column, Element>();
  for (const item of items) {
    const column = markedColumn(item);
    if (column && !cells.has(column)) cells.set(column, item);
  }
  return cells;
}

const COLUMNS = new Set<string>(["name", "type", "required", "example", "limits", "description"]);

function markedColumn(el: Element): Column | undefined {
  const marks = [el.attribs["data-col"], el.attribs["data-column"], ...classes(el)];
  for (const mark of marks) {
    const m = mark?.toLowerCase().replace(/^(?:param|cell|col)[-_]/, "");
    if (m && COLUMNS.has(m)) return m as Column;
  }
  return undefined;
}

/** The nesting level a flat row carries as an attribute or class; undefined when it carries none. */
function indentLevel(tr: Element): number | undefined {
  for (const attr of ["data-depth", "data-level", "aria-level"]) {
    const value = tr.attribs[attr];
    if (value !== undefined && /^\d+$/.test(value.trim())) return Number(value.trim());
  }
  for (const cls of classes(tr)) {
    const m = /^(?:level|depth|indent|lvl)[-_]?(\d+)$/i.exec(cls);
    if (m) return Number(m[1]);
  }
  return undefined;
}
