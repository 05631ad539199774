// Settles text the reader could not place: a lone cell (example or description?) or a one-line row whose
// example and description run together. The samples decide; a plain heuristic is the fallback, with a note.

import type { RawRow } from "../read/raw.js";
import type { Diagnostic } from "../model/types.js";
import type { Node } from "./nesting.js";
import type { SampleFacts } from "./samples/facts.js";

export interface Cells {
  example?: string;
  description?: string;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export function settleCells(node: Node, facts: SampleFacts | undefined, diagnostics: Diagnostic[]): Cells {
  const row = node.row;
  const cells: Cells = {};
  if (row.example !== undefined) cells.example = row.example;
  if (row.description !== undefined) cells.description = row.description;
  if (!row.unsettled) return cells;

  const parent = node.parent && { name: node.parent.row.name, type: node.parent.row.type };
  const sampled = facts?.valueOf(parent, row.name);
  const { text, joined } = row.unsettled;
  const settled = joined ? splitJoined(text, sampled) : placeLone(text, sampled, node.parsed.struct);
  if (!settled.bySample) note(diagnostics, row, settled.cells, text);
  return { ...settled.cells, ...cells };
}

function placeLone(text: string, sampled: string | undefined, struct: boolean): { cells: Cells; bySample: boolean } {
  if (sampled !== undefined)
    return { cells: sameText(sampled, text) ? { example: text } : { description: text }, bySample: true };
  if (struct) return { cells: { description: text }, bySample: true };
  // The site drops empty cells; the one left is the description unless it reads as a value.
  return { cells: looksLikeValue(text) ? { example: text } : { description: text }, bySample: false };
}

/** A number, a boolean, a date, a URL, JSON or XML, a code with digits: what an example column holds. */
function looksLikeValue(text: string): boolean {
  const t = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t) || /^(?:true|false|null)$/i.test(t)) return true;
  if (/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.test(t)) return true;
  if (/^(?:https?:)?\/\//.test(t) || /^[[{<"]/.test(t)) return true;
  return !CJK.test(t) && !/\s/.test(t) && /\d/.test(t);
}

/** Equal once runs of whitespace are one space (the text rendering folds them; a Java literal keeps them). */
function sameText(a: string, b: string): boolean {
  return squeeze(a) === squeeze(b);
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Where `prefix` (compared with whitespace runs folded) ends in `text`, or -1. */
function prefixEnd(text: string, prefix: string): number {
  const want = squeeze(prefix);
  if (want === "") return -1;
  let i = 0;
  let j = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  while (j < want.length && i < text.length) {
    if (want[j] === " ") {
      if (!/\s/.test(text[i]!)) return -1;
      while (i < text.length && /\s/.test(text[i]!)) i++;
      j++;
      continue;
    }
    if (text[i] !== want[j]) return -1;
    i++;
    j++;
  }
  return j === want.length ? i : -1;
}

function splitJoined(text: string, sampled: string | undefined): { cells: Cells; bySample: boolean } {
  if (sampled !== undefined && sampled !== "") {
    if (sameText(text, sampled)) return { cells: { example: text }, bySample: true };
    const end = prefixEnd(text, sampled);
    if (end > 0 && (end === text.length || /^\s/.test(text.slice(end)))) {
      return { cells: { example: text.slice(0, end).trim(), description: text.slice(end).trim() }, bySample: true };
    }
  }
  // A JSON or XML example runs to its balanced end, whatever text it holds.
  const structured = structuredPrefix(text);
  if (structured !== undefined) {
    const rest = text.slice(structured).trim();
    return {
      cells: rest ? { example: text.slice(0, structured).trim(), description: rest } : { example: text },
      bySample: false,
    };
  }
  // Fallback: the description starts at the first token with Chinese text in it.
  const tokens = text.split(/(\s+)/);
  const first = tokens.findIndex((t) => CJK.test(t));
  if (first === 0) return { cells: { description: text }, bySample: false };
  if (first < 0) return { cells: /\s/.test(text) ? { description: text } : { example: text }, bySample: false };
  return {
    cells: { example: tokens.slice(0, first).join("").trim(), description: tokens.slice(first).join("").trim() },
    bySample: false,
  };
}

/** The length of a JSON value (`{…}`, `[…]`) or XML element (`<a>…</a>`) the text starts with; else undefined. */
export function structuredPrefix(text: string): number | undefined {
  const t = text.trimStart();
  const lead = text.length - t.length;
  if (t.startsWith("{") || t.startsWith("[")) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i]!;
      if (inString) {
        if (ch === "\\") i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) return lead + i + 1;
      }
    }
    return undefined;
  }
  const open = /^<([A-Za-z_][\w.:-]*)[^>]*>/.exec(t);
  if (open) {
    if (open[0].endsWith("/>")) return lead + open[0].length;
    const close = `</${open[1]}>`;
    const at = t.lastIndexOf(close);
    if (at > 0) return lead + at + close.length;
  }
  return undefined;
}

function note(diagnostics: Diagnostic[], row: RawRow, cells: Cells, text: string): void {
  const read =
    cells.example !== undefined && cells.description !== undefined
      ? `example ${JSON.stringify(cells.example)} + description`
      : cells.example !== undefined
        ? "the example"
        : "the description";
  diagnostics.push({
    level: "info",
    message: `${row.name}: no sample value to settle ${JSON.stringify(text.slice(0, 40))}; read as ${read}`,
    line: row.line,
  });
}
