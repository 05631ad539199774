// The fidelity comparison: a spec read from a real doc page against the page's catalogue entry (the true
// nesting, in `subParams`), field by field on the rows the page shows. Pure functions, so a test can import them.
//
// A page field is checked at its path (names joined by `.`): present in the catalogue with the same type,
// list-ness and (requests) required flag is right. A page field whose path the catalogue lacks is misplaced when
// the catalogue has a field of that name at a path the page did not produce; otherwise it is a difference from
// the docs' age (listed apart, not an error). On a truncated page the last row may be cut inside its name or
// type; such a row is listed apart as cut. Catalogue fields between rows the page shows, and absent from the
// page, are docs'-age differences the other way.

import type { ApiSpec, Field } from "../../generator/model/types.js";

export interface CatalogueParam {
  name: string;
  type?: string;
  required?: boolean;
  maxLength?: number;
  maxListSize?: number;
  maxValue?: number;
  minValue?: number;
  subParams?: CatalogueParam[] | null;
}

export interface CatalogueEntry {
  name: string;
  requestParams?: CatalogueParam[] | null;
  responseParams?: CatalogueParam[] | null;
}

export type Problem = "path" | "type" | "list" | "required";

export interface FieldCheck {
  side: "request" | "response";
  path: string;
  /** Empty when the field is right. */
  problems: Problem[];
  /** Where the catalogue has the field, for a misplaced one. */
  truePath?: string;
}

export interface PageFidelity {
  /** Fields the page shows, less docs'-age and cut ones: the denominator. */
  shown: number;
  right: number;
  wrong: FieldCheck[];
  limits: { compared: number; agree: number; differ: string[] };
  /** Page fields the catalogue does not have (rest of the tree agreeing). */
  pageOnly: string[];
  /** Catalogue fields within the shown rows the page does not have. */
  catalogueOnly: string[];
  /** The last row of a truncated page, cut inside its name or type. */
  cut: string[];
}

interface Flat {
  path: string;
  parent: string;
  name: string;
  type: string;
  list: boolean;
  required: boolean;
  limits: Partial<Record<LimitKey, number>>;
}

type LimitKey = "maxLength" | "maxListSize" | "maxValue" | "minValue";
const LIMIT_KEYS: LimitKey[] = ["maxLength", "maxListSize", "maxValue", "minValue"];

/** The catalogue's type cell in the spec's vocabulary (an independent, small mapping). */
export function catalogueType(cell: string | undefined, topLevelRequest: boolean): { type: string; list: boolean } {
  let t = (cell ?? "").replace(/\s+/g, "");
  if (/^byte(\[\])*$/i.test(t)) {
    const list = /^byte\[\]\[\]$/i.test(t);
    if (/\[\]/.test(t) || topLevelRequest) return { type: "File", list };
    return { type: "Number", list: false };
  }
  let list = false;
  if (t.endsWith("[]")) {
    list = true;
    t = t.slice(0, -2);
  }
  const scalar: Record<string, string> = { long: "Number", integer: "Number", int: "Number", fieldlist: "FieldList" };
  return { type: scalar[t.toLowerCase()] ?? t, list };
}

function flattenCatalogue(
  params: CatalogueParam[],
  side: "request" | "response",
  parent = "",
  out: Flat[] = [],
): Flat[] {
  for (const p of params) {
    const path = parent ? `${parent}.${p.name}` : p.name;
    const { type, list } = catalogueType(p.type, side === "request" && parent === "");
    const limits: Flat["limits"] = {};
    for (const k of LIMIT_KEYS) if (typeof p[k] === "number") limits[k] = p[k];
    out.push({ path, parent, name: p.name, type, list, required: side === "request" && p.required === true, limits });
    if (p.subParams?.length) flattenCatalogue(p.subParams, side, path, out);
  }
  return out;
}

function flattenSpec(fields: Field[], parent = "", out: Flat[] = []): Flat[] {
  for (const f of fields) {
    const path = parent ? `${parent}.${f.name}` : f.name;
    const limits: Flat["limits"] = {};
    for (const k of LIMIT_KEYS) if (typeof f.limits?.[k] === "number") limits[k] = f.limits[k];
    out.push({
      path,
      parent,
      name: f.name,
      type: f.type,
      list: f.list === true,
      required: f.required === true,
      limits,
    });
    if (f.fields) flattenSpec(f.fields, path, out);
  }
  return out;
}

function sameType(page: string, truth: string): boolean {
  if (page === truth) return true;
  // `byte` inside a struct: a small number or (when the docs mean it) a file.
  return truth === "Number" && page === "File";
}

export function compareSide(
  side: "request" | "response",
  fields: Field[],
  truth: CatalogueParam[],
  truncated: boolean,
  result: PageFidelity,
): void {
  const page = flattenSpec(fields);
  const cat = flattenCatalogue(truth, side);
  const catByPath = new Map(cat.map((c) => [c.path, c]));
  const pagePaths = new Set(page.map((p) => p.path));
  const lastPath = page[page.length - 1]?.path;

  for (const p of page) {
    const c = catByPath.get(p.path);
    if (!c) {
      const elsewhere = cat.find((x) => x.name === p.name && !pagePaths.has(x.path));
      const siblings = cat.filter((x) => x.parent === p.parent);
      const cutHere =
        truncated &&
        p.path === lastPath &&
        siblings.some((x) => x.name !== p.name && x.name.startsWith(p.name) && !pagePaths.has(x.path));
      if (cutHere) result.cut.push(`${side} ${p.path}`);
      else if (elsewhere) {
        result.shown++;
        result.wrong.push({ side, path: p.path, problems: ["path"], truePath: elsewhere.path });
      } else result.pageOnly.push(`${side} ${p.path}`);
      continue;
    }
    const problems: Problem[] = [];
    if (!sameType(p.type, c.type)) {
      // The last row of a cut page may have lost the end of its type cell.
      if (truncated && p.path === lastPath && c.type.startsWith(p.type)) {
        result.cut.push(`${side} ${p.path}`);
        continue;
      }
      problems.push("type");
    }
    if (p.list !== c.list) problems.push("list");
    if (p.required !== c.required) problems.push("required");
    result.shown++;
    if (problems.length) result.wrong.push({ side, path: p.path, problems });
    else result.right++;
    for (const k of LIMIT_KEYS) {
      const a = p.limits[k];
      const b = c.limits[k];
      if (a === undefined || b === undefined) continue;
      result.limits.compared++;
      if (a === b) result.limits.agree++;
      else result.limits.differ.push(`${side} ${p.path} ${k} ${a} ≠ ${b}`);
    }
  }

  // Catalogue fields the page skips between rows it shows (same parent, a later sibling shown).
  for (const c of cat) {
    if (pagePaths.has(c.path)) continue;
    if (c.parent !== "" && !pagePaths.has(c.parent)) continue;
    if (page.some((p) => p.name === c.name && !catByPath.has(p.path))) continue; // shown elsewhere: misplaced
    const siblings = cat.filter((x) => x.parent === c.parent);
    const later = siblings.slice(siblings.indexOf(c) + 1);
    if (later.some((x) => pagePaths.has(x.path))) result.catalogueOnly.push(`${side} ${c.path}`);
  }
}

export function emptyFidelity(): PageFidelity {
  return {
    shown: 0,
    right: 0,
    wrong: [],
    limits: { compared: 0, agree: 0, differ: [] },
    pageOnly: [],
    catalogueOnly: [],
    cut: [],
  };
}

export function comparePage(spec: ApiSpec, truth: CatalogueEntry, truncated: boolean): PageFidelity {
  const result = emptyFidelity();
  compareSide("request", spec.request, truth.requestParams ?? [], truncated, result);
  compareSide("response", spec.response, truth.responseParams ?? [], truncated, result);
  return result;
}

/** A page is complete when it ends with the site's footer (`返回` / `顶部`). */
export function isCompletePage(text: string): boolean {
  return /(?:^|\n)\s*顶部\s*$/.test(text);
}
