// A struct type is one shape wherever a page prints it: when two instances of a type list the same fields and
// then part ways (or one of them is closed for sure while the other goes on), the type ends where they part, and
// the rows after that point belong further up. Read off a first reading of the table's text rows; the second
// reading uses it as the cue "same-type" (nesting.ts).
//
// Only text rows count (pages that print depth need no cue). Measured with `npm run roundtrip`: without samples
// 78.90 % -> 79.66 % of fields at their path, none of them silent; with both samples unchanged (99.97 %).

import { nameKey } from "./samples/facts.js";
import type { RawRow } from "../read/raw.js";

/** The part of nesting.ts's tree node this reads (kept apart so the two files do not import each other). */
interface Node {
  row: RawRow;
  parsed: { type: string; struct: boolean };
  parent: Node | undefined;
  children: Node[];
}

/** For each struct instance whose end the page's other instances of its type settle: the fields it holds. */
export type SameTypeShapes = ReadonlyMap<RawRow, ReadonlySet<string>>;

interface Instance {
  node: Node;
  keys: string[];
  /** Its rows run to the table's last row: it may have been cut, so its end proves nothing. */
  openEnded: boolean;
}

const MIN_SHARED = 2;

export function sameTypeShapes(roots: Node[]): SameTypeShapes {
  const byType = new Map<string, Instance[]>();
  const lastRow = lastDescendant(roots[roots.length - 1]);
  const visit = (n: Node): void => {
    if (n.parsed.struct && n.row.depth === undefined && n.parent && n.children.length) {
      const instances = byType.get(n.parsed.type) ?? [];
      instances.push({
        node: n,
        keys: n.children.map((c) => nameKey(c.row.name)),
        openEnded: lastDescendant(n) === lastRow,
      });
      byType.set(n.parsed.type, instances);
    }
    n.children.forEach(visit);
  };
  roots.forEach(visit);

  const shapes = new Map<RawRow, ReadonlySet<string>>();
  for (const instances of byType.values()) {
    if (instances.length < 2) continue;
    for (const a of instances) {
      let end: number | undefined;
      for (const b of instances) {
        // A type that holds itself (a category and its sub-categories) prints a shorter copy inside the longer.
        if (a === b || a.node.parent === b.node || b.node.parent === a.node) continue;
        const shared = commonPrefix(a.keys, b.keys);
        if (shared < MIN_SHARED || shared >= a.keys.length) continue;
        const parted = shared < b.keys.length;
        if (parted || !b.openEnded) end = Math.min(end ?? shared, shared);
      }
      if (end !== undefined) shapes.set(a.node.row, new Set(a.keys.slice(0, end)));
    }
  }
  return shapes;
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function lastDescendant(node: Node | undefined): Node | undefined {
  let n = node;
  while (n && n.children.length) n = n.children[n.children.length - 1];
  return n;
}
