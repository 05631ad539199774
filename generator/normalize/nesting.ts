// Builds the field tree from raw rows. JSON pages give depth; text pages do not (ARCHITECTURE.md "Doc pages": the site prints
// every nested leaf alike at every depth and marks no struct's end), so for them each nested row after a
// struct's children is placed by the cues the page has, strongest first:
//   1. a row printed without `└` is a struct with children: the next row is its first child;
//   2. a top-level row ends every open struct;
//   3. a repeated name closes a struct (a struct holds each name once);
//   4. the page's samples (XML or JSON response, Java request) show which struct holds which field;
//   5. struct shapes already known (other APIs' specs, a folder of doc JSON), by struct type name;
//   5b. where another instance of the same struct type on the page ends (same-type.ts; warned, as it rests on a
//       first reading);
//   6. the names TOP puts on its result wrappers (success, msg_code, …) belong to the outermost struct.
// What no cue settles keeps the innermost open struct (or, when the row breaks its name order and keeps its
// parent's, the parent), with a warning naming the rows and their lines.
// Every struct whose end was in doubt records the weakest cue that decided it (Field.depthCue).

import type { RawRow } from "../read/raw.js";
import { isScalarType, type DepthCue, type Diagnostic } from "../model/types.js";
import { nameKey, type SampleFacts } from "./samples/facts.js";
import type { KnownShapes } from "./shapes.js";
import { sameTypeShapes, type SameTypeShapes } from "./same-type.js";
import { parseTypeCell, type ParsedType } from "./types.js";

export interface Node {
  row: RawRow;
  parsed: ParsedType;
  parent: Node | undefined;
  children: Node[];
  /** Text pages: the weakest cue that decided where this struct ends (set only when that was in doubt). */
  depthCue?: DepthCue;
}

export interface NestingCues {
  facts?: SampleFacts | undefined;
  shapes?: KnownShapes | undefined;
  /** The page's own method (known shapes never answer for it). */
  method?: string;
}

/** Strongest first; a struct keeps the weakest cue that took part in deciding its end. */
const CUE_ORDER: DepthCue[] = ["sample", "repeated-name", "known-shape", "same-type", "wrapper-name", "guess"];

export function buildTree(
  rows: RawRow[],
  cues: SampleFacts | NestingCues | undefined,
  diagnostics: Diagnostic[],
): Node[] {
  // A first reading finds the struct types the page prints more than once; where their instances settle each
  // other's end (same-type.ts), the table is read again with that cue.
  const given = asCues(cues);
  const first: Diagnostic[] = [];
  const roots = readTree(rows, given, first, new Map());
  const sameType = sameTypeShapes(roots);
  if (sameType.size === 0) {
    diagnostics.push(...first);
    return roots;
  }
  return readTree(rows, given, diagnostics, sameType);
}

function readTree(rows: RawRow[], cues: NestingCues, diagnostics: Diagnostic[], sameType: SameTypeShapes): Node[] {
  const { facts, shapes, method } = cues;
  const roots: Node[] = [];
  let stack: Node[] = [];
  let previous: Node | undefined;
  let pending: Unsettled | undefined;
  // Warned once the tree is whole: a row's doubt covers every row it came to hold.
  const unsettled: Unsettled[] = [];
  const flush = (): void => {
    if (pending) unsettled.push(pending);
    pending = undefined;
  };
  // Structs a guess closed: until the next top-level row, a later row could belong to one of them, so rows that
  // no sample or known shape places are in doubt too and join that guess's warning.
  let doubt: { group: Unsettled; closed: Node[] } | undefined;
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
      flush();
      doubt = undefined;
      previous = node;
      byDepth[0] = node;
      roots.push(node);
      stack = node.parsed.struct ? [node] : [];
      continue;
    }
    let parent: Node | undefined;
    let settled = false;
    if (row.depth !== undefined) parent = byDepth[row.depth - 1];
    else if (previous?.row.hasChildren && stack[stack.length - 1] === previous) {
      parent = previous; // the row right after a struct printed without `└` is its first child
      if (!parent.parsed.struct && !parent.parsed.unknown) structFromChildren(parent, diagnostics);
    } else if (stack.length > 0) {
      const choice = chooseParent(stack, node, { facts, shapes, sameType, method: method ?? "" });
      parent = choice.parent;
      if (choice.cue) for (const n of choice.involved) mark(n, choice.cue);
      if (choice.cue === "guess" || choice.cue === "wrapper-name" || choice.cue === "same-type") {
        if (pending && pending.parent === parent && pending.cue === choice.cue) pending.nodes.push(node);
        else {
          flush();
          pending = {
            nodes: [node],
            parent: parent,
            cue: choice.cue,
            alternatives: choice.involved.filter((n) => n !== parent),
            after: [],
          };
        }
        settled = true; // named by its own warning
        const closed = stack.slice(stack.indexOf(parent) + 1);
        if (closed.length) doubt = { group: pending, closed: [...(doubt?.closed ?? []), ...closed] };
      } else {
        flush();
        settled = choice.cue === "sample" || choice.cue === "known-shape";
      }
    }
    if (doubt && !settled && row.depth === undefined) doubt.group.after.push(node);
    previous = node;
    if (!parent) {
      flush();
      diagnostics.push({
        level: "warning",
        message: `${row.name} has no struct above it; read as top level`,
        line: row.line,
      });
      roots.push(node);
      stack = node.parsed.struct ? [node] : [];
      continue;
    }
    node.parent = parent;
    parent.children.push(node);
    if (row.depth !== undefined) byDepth[row.depth] = node;
    stack = stack.slice(0, stack.indexOf(parent) + 1);
    // On text pages a nested row printed with `└` has no children of its own, and one printed without it has
    // some, whatever its type cell says (structFromChildren).
    if (row.depth !== undefined ? node.parsed.struct : row.hasChildren) stack.push(node);
  }
  flush();
  for (const u of unsettled) diagnostics.push(unsettledWarning(u));
  return roots;
}

/**
 * A text row printed without `└` and followed by its sub-fields is a struct whatever its type cell says
 * (`products Integer []` over the product's fields): read as a struct named after the field, with a warning.
 */
function structFromChildren(node: Node, diagnostics: Diagnostic[]): void {
  const derived = node.row.name
    .replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^(?=\d)/, "T");
  // A field named like a basic type (`Number`) must not make a struct of that name, and a name with no ASCII
  // letters or digits makes no identifier: a struct type is always a name no basic type has.
  const type = !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(derived)
    ? `StructAtLine${node.row.line}`
    : isScalarType(derived)
      ? `${derived}Struct`
      : derived;
  diagnostics.push({
    level: "warning",
    message: `${node.row.name} is ${node.parsed.type} but the page prints sub-fields under it; read as struct ${type}`,
    line: node.row.line,
  });
  node.parsed = { type, list: node.parsed.list, struct: true };
}

function asCues(cues: SampleFacts | NestingCues | undefined): NestingCues {
  if (!cues) return {};
  if ("childrenOf" in cues) return { facts: cues };
  return cues;
}

function mark(node: Node, cue: DepthCue): void {
  if (node.depthCue === undefined || CUE_ORDER.indexOf(cue) > CUE_ORDER.indexOf(node.depthCue)) node.depthCue = cue;
}

interface Choice {
  parent: Node;
  /** Undefined when only one struct was open (no doubt). */
  cue?: DepthCue;
  /** The open structs the row could have gone to (the choice among them was in doubt when more than one). */
  involved: Node[];
}

interface Unsettled {
  nodes: Node[];
  parent: Node;
  cue: DepthCue;
  alternatives: Node[];
  /** Later rows that could belong to a struct this guess closed. */
  after: Node[];
}

/**
 * Names TOP gives the status fields of its result wrappers; they sit on the outermost struct. Kept to the names
 * for which that holds more often than not across the catalogue's nested structs (`message`, `msg`, `code` do not).
 */
const WRAPPER_NAMES = new Set(
  [
    "success",
    "is_success",
    "biz_success",
    "succeed",
    "msg_code",
    "msg_info",
    "message_code",
    "total_count",
    "total_results",
    "trace_id",
    "request_id",
    "error_code",
    "error_msg",
    "error_message",
    "err_code",
    "err_msg",
    "errcode",
    "errmsg",
    "result_code",
    "result_msg",
    "ret_code",
    "ret_msg",
    "sub_code",
    "sub_msg",
  ].map(nameKey),
);

interface ChoiceCues {
  facts: SampleFacts | undefined;
  shapes: KnownShapes | undefined;
  sameType: SameTypeShapes;
  method: string;
}

function chooseParent(stack: Node[], node: Node, { facts, shapes, sameType, method }: ChoiceCues): Choice {
  const key = nameKey(node.row.name);
  const holds = (n: Node) => n.children.some((c) => nameKey(c.row.name) === key);
  // A struct holds each name once: a repeated name closes every struct that already has it.
  let top = stack.length - 1;
  while (top > 0 && holds(stack[top]!)) top--;
  const repeated = top < stack.length - 1;
  const open = stack.slice(0, top + 1);
  if (open.length === 1)
    return repeated
      ? { parent: open[0]!, cue: "repeated-name", involved: stack.slice(0) }
      : { parent: open[0]!, involved: [] };
  const involved = repeated ? stack.slice(0) : open.slice(0);

  // The samples, then known shapes: the innermost struct known to hold the name; skip structs known not to.
  let lowest = open.length - 1;
  let lowered: DepthCue | undefined;
  const ref = (n: Node) => ({ name: n.row.name, type: n.row.type, sameNameAncestors: sameNameAncestors(n) });
  const sources: [DepthCue, (n: Node) => ReadonlySet<string> | undefined, (n: Node) => boolean][] = [
    ["sample", (n) => facts?.childrenOf(ref(n)), (n) => facts?.isPartial?.(ref(n)) ?? false],
    [
      "known-shape",
      (n) =>
        n.parsed.struct
          ? shapes?.fieldsOf(
              n.parsed.type,
              method,
              n.children.map((c) => nameKey(c.row.name)),
            )
          : undefined,
      () => false,
    ],
    ["same-type", (n) => sameType.get(n.row), () => false],
  ];
  for (const [cue, childrenOf, partial] of sources) {
    for (let i = open.length - 1; i >= 0; i--) {
      const known = childrenOf(open[i]!);
      if (known === undefined) break;
      if (known.has(key)) return { parent: open[i]!, cue, involved };
      // A sample cut inside this struct does not show all it holds.
      if (partial(open[i]!)) break;
      // A type's shape elsewhere only places a row where it holds the name: one that lacks it may be an older or
      // smaller type of the same name (`IdleItemApiDo`), so it closes nothing by itself.
      if (cue === "known-shape") continue;
      if (i === lowest && i > 0) {
        lowest = i - 1;
        lowered = cue;
      }
    }
  }
  if (WRAPPER_NAMES.has(key) && !holds(open[0]!)) return { parent: open[0]!, cue: "wrapper-name", involved };
  // Many structs list their fields in name order: a row that breaks the innermost struct's order and keeps
  // its parent's goes to the parent (a guess still, and warned as one).
  while (lowest > 0 && breaksOrder(node.row.name, open[lowest]!, open[lowest - 1]!)) lowest--;
  // Closed by the shape its type has elsewhere on the page, and nothing stronger placed it: that cue decided.
  const cue = lowered === "same-type" && lowest === open.length - 2 ? "same-type" : "guess";
  return { parent: open[lowest]!, cue, involved };
}

function sameNameAncestors(node: Node): number {
  const key = nameKey(node.row.name);
  let n = 0;
  for (let up = node.parent; up; up = up.parent) if (nameKey(up.row.name) === key) n++;
  return n;
}

/**
 * The inner struct's fields came in name order (four or more: three ascend by chance one time in six, four one in
 * 24), the row breaks that order, and it keeps the order of the struct above, the inner struct's own name counted
 * (`accounts` holding balance … total_real, then `card_id`: after `accounts`, so a field of the struct above).
 * Measured on the round trip without samples: 78.65 % → 78.90 % at path (inner ≥ 3 and outer ≥ 2 before).
 */
function breaksOrder(name: string, inner: Node, outer: Node): boolean {
  const names = (n: Node) => n.children.map((c) => c.row.name);
  const ascending = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
  const a = names(inner);
  const b = names(outer);
  return a.length >= 4 && ascending(a) && name < a[a.length - 1]! && ascending(b) && name > b[b.length - 1]!;
}

/** The lines of a row and the rows it holds, as a diagnostic names them. */
export function rowsRange(node: Node): { line: number; endLine?: number } {
  const end = lastLine(node);
  return end > node.row.line ? { line: node.row.line, endLine: end } : { line: node.row.line };
}

/** The last line of the rows under `node`, or its own. */
function lastLine(node: Node): number {
  let last = node.row.line;
  for (const c of node.children) last = Math.max(last, lastLine(c));
  return last;
}

/**
 * One warning per group of rows placed alike by a guess. The rows they hold moved with them, so they are in doubt
 * too: the warning's range (`line` to `endLine`) runs to the last of them.
 */
function unsettledWarning(u: Unsettled): Diagnostic {
  const rows = u.nodes.map((n) => n.row);
  const names = rows.map((r) => `${r.name} (line ${r.line})`);
  const first = rows[0]!.line;
  const end = Math.max(...[...u.nodes, ...u.after].map(lastLine));
  const held =
    end <= rows[rows.length - 1]!.line
      ? ""
      : u.after.length
        ? ` and the rows after (to line ${end}), which could sit in what it closed`
        : ` with the rows they hold (to line ${end})`;
  const shown = names.length > 6 ? [...names.slice(0, 6), `and ${names.length - 6} more`] : names;
  const others = u.alternatives.map((n) => n.row.name).join(" or ");
  const why =
    u.cue === "wrapper-name"
      ? "a result-wrapper name, read as a field of the outermost struct"
      : u.cue === "same-type"
        ? "read from where the same struct type ends elsewhere on the page"
        : "no cue on the page settles it";
  return {
    level: "warning",
    message: `depth not settled for ${shown.join(", ")}${held}: placed under ${u.parent.row.name}${others ? ` (could be ${others})` : ""}; ${why}`,
    line: first,
    ...(end > first ? { endLine: end } : {}),
  };
}
