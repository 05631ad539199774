// Builds the field tree from raw rows. JSON pages give depth; text pages do not, so for them the samples decide
// which open struct a nested row belongs to (ARCHITECTURE.md "Doc pages": after a struct's children, its next sibling looks like
// one more child).

import type { RawRow } from "../read/raw.js";
import type { Diagnostic } from "../model/types.js";
import { nameKey, type SampleFacts } from "./samples/facts.js";
import { parseTypeCell, type ParsedType } from "./types.js";

export interface Node {
  row: RawRow;
  parsed: ParsedType;
  parent: Node | undefined;
  children: Node[];
}

export function buildTree(rows: RawRow[], facts: SampleFacts | undefined, diagnostics: Diagnostic[]): Node[] {
  const roots: Node[] = [];
  let stack: Node[] = [];
  let previous: Node | undefined;
  // Formats that give depth: the latest node seen at each depth, whatever its type (a mistyped parent still
  // owns its children; the normalizer reports it).
  const byDepth: Node[] = [];
  for (const row of rows) {
    const node: Node = {
      row,
      parsed: parseTypeCell(row.type, { name: row.name, line: row.line }, diagnostics),
      parent: undefined,
      children: [],
    };
    if (row.depth !== undefined) byDepth.length = row.depth;
    if (row.depth === 0 || (row.depth === undefined && !row.nested)) {
      previous = node;
      byDepth[0] = node;
      roots.push(node);
      stack = node.parsed.struct ? [node] : [];
      continue;
    }
    const parent =
      row.depth !== undefined
        ? byDepth[row.depth - 1]
        : previous?.row.hasChildren && stack[stack.length - 1] === previous
          ? previous // the row right after a struct printed without `└` is its first child
          : chooseParent(stack, node, facts, diagnostics);
    previous = node;
    if (!parent) {
      diagnostics.push({ level: "warning", message: `${row.name} has no struct above it; read as top level`, line: row.line });
      roots.push(node);
      stack = node.parsed.struct ? [node] : [];
      continue;
    }
    node.parent = parent;
    parent.children.push(node);
    if (row.depth !== undefined) byDepth[row.depth] = node;
    stack = stack.slice(0, stack.indexOf(parent) + 1);
    // On text pages a nested row printed with `└` has no children of its own.
    if (node.parsed.struct && (row.depth !== undefined || row.hasChildren)) stack.push(node);
  }
  return roots;
}

function chooseParent(stack: Node[], node: Node, facts: SampleFacts | undefined, diagnostics: Diagnostic[]): Node | undefined {
  const key = nameKey(node.row.name);
  for (let i = stack.length - 1; i >= 0; i--) {
    const candidate = stack[i]!;
    const known = facts?.childrenOf({ name: candidate.row.name, type: candidate.row.type });
    if (known?.has(key)) return candidate;
    if (known === undefined) {
      if (i > 0) {
        diagnostics.push({
          level: "warning",
          message: `depth of ${node.row.name} is not settled by the samples; placed under ${candidate.row.name}`,
          line: node.row.line,
        });
      }
      return candidate;
    }
  }
  const innermost = stack[stack.length - 1];
  if (innermost && stack.length > 1) {
    diagnostics.push({
      level: "warning",
      message: `the samples do not show ${node.row.name}; placed under ${innermost.row.name}`,
      line: node.row.line,
    });
  }
  return innermost;
}
