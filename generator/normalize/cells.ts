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
  if (sampled !== undefined) return { cells: sampled === text ? { example: text } : { description: text }, bySample: true };
  if (struct) return { cells: { description: text }, bySample: true };
  return { cells: CJK.test(text) ? { description: text } : { example: text }, bySample: false };
}

function splitJoined(text: string, sampled: string | undefined): { cells: Cells; bySample: boolean } {
  if (sampled !== undefined && sampled !== "") {
    if (text === sampled) return { cells: { example: text }, bySample: true };
    if (text.startsWith(sampled) && /^\s/.test(text.slice(sampled.length))) {
      return { cells: { example: sampled, description: text.slice(sampled.length).trim() }, bySample: true };
    }
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
