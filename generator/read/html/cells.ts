// What one table cell (or one cell item of a sub-parameter list) says: its text, its 必须/可选, its limits.

import { isTag, type Element, type ParentNode } from "domhandler";
import type { RawDiagnostic, RawLimits } from "../raw.js";
import { parseLimitBullet } from "../text-cells.js";
import { descendants, isHidden, lineOf } from "./dom.js";
import { BULLET_PREFIX, renderLines } from "./render.js";

/** The cell's shown text as lines (rendered as on the page), trimmed, empty lines dropped, joined by "\n". */
export function cellText(cell: Element, skip: ReadonlySet<Element>): string {
  return renderLines(cell.children, { skip: (el) => skip.has(el) })
    .map((l) => (l.text.startsWith(BULLET_PREFIX) ? l.text.slice(BULLET_PREFIX.length) : l.text).trim())
    .filter((t) => t !== "")
    .join("\n");
}

/** 必须 / 可选 (the JSON's `required` shown as 是 / 否 or true / false on some pages); undefined when empty. */
export function requiredOf(text: string): boolean | "unknown" | undefined {
  if (text === "") return undefined;
  if (/^(?:必须|必填|是|true)$/i.test(text)) return true;
  if (/^(?:可选|选填|否|false)$/i.test(text)) return false;
  return "unknown";
}

/** Reads the 更多限制 cell: one limit per list item (or per line); what is not a limit is reported. */
export function readLimits(
  cell: Element,
  skip: ReadonlySet<Element>,
  limits: RawLimits,
  owner: string,
  diagnostics: RawDiagnostic[],
): void {
  const items = descendants(cell).filter(
    (el) => el.name === "li" && shownWithin(el, cell) && !descendants(el).some((d) => d.name === "li"),
  );
  const entries = items.length
    ? items.map((li) => ({ text: cellText(li, skip), line: lineOf(li) }))
    : cellText(cell, skip)
        .split("\n")
        .map((text) => ({ text, line: lineOf(cell) }));
  for (const { text, line } of entries) {
    if (text === "" || parseLimitBullet(text, limits)) continue;
    diagnostics.push({
      level: "warning",
      message: `${owner}: 更多限制 text not read as a limit: ${JSON.stringify(text)}`,
      line,
    });
  }
}

/** No hidden element from `el` up to (not including) `root`. */
function shownWithin(el: Element, root: Element): boolean {
  for (let n: ParentNode | null = el; n && n !== root; n = n.parent) if (isTag(n) && isHidden(n)) return false;
  return true;
}
