// The round trip of one catalogue API: render it as a text page, parse it back with topgen's reader, and compare
// the field paths with the catalogue's true nesting.

import { InputError } from "../../generator/support/errors.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { renderPageLines, type CatalogueApi, type CatalogueParam, type RenderOptions } from "./render-page.js";

export interface TripResult {
  /** Fields in the catalogue tree (request and response, every depth). */
  fields: number;
  /** Catalogue fields found at their exact path in the parsed spec. */
  placed: number;
  /** Catalogue fields not at their path whose name the spec holds at some other path. */
  misplaced: string[];
  /**
   * Of those, the ones no warning diagnostic names: a silent misplacement. A warning names a row when its line is
   * the row's line, or its range (`line` to `endLine`) holds it.
   */
  silent: string[];
  /** Of the silent ones, those where no warning names any struct above the field either (the whole branch silent). */
  silentBranch: string[];
  /** Catalogue fields whose name the spec does not hold at all. */
  lost: string[];
  /** The parse threw: an InputError message, or `internal: …`. */
  failed?: string;
  /** Fields and placed fields per side. */
  sides: Record<Side, { fields: number; placed: number }>;
}

type Side = "request" | "response";

function cataloguePaths(params: CatalogueParam[] | undefined, side: Side, prefix = ""): string[] {
  const out: string[] = [];
  for (const p of params ?? []) {
    const path = `${prefix}${p.name}`;
    out.push(`${side}:${path}`, ...cataloguePaths(p.subParams, side, `${path}.`).map((x) => x));
  }
  return out;
}

function specPaths(fields: Field[] | undefined, side: Side, prefix = ""): string[] {
  const out: string[] = [];
  for (const f of fields ?? []) {
    const path = `${prefix}${f.name}`;
    out.push(`${side}:${path}`, ...specPaths(f.fields, side, `${path}.`));
  }
  return out;
}

const leaf = (path: string) => path.slice(path.lastIndexOf(".") + 1).replace(/^[a-z]+:/, "");

/**
 * `lineOf` gives the lines of each catalogue field's row on the rendered page (`side:dotted.path`; two when a
 * struct repeats the name); a field is named by a warning whose line or line range holds one of its rows.
 */
export function compareTrip(
  api: CatalogueApi,
  spec: ApiSpec | undefined,
  lineOf: ReadonlyMap<string, readonly number[]>,
  failed?: string,
): TripResult {
  const truth = [...cataloguePaths(api.requestParams, "request"), ...cataloguePaths(api.responseParams, "response")];
  const sides = { request: { fields: 0, placed: 0 }, response: { fields: 0, placed: 0 } };
  for (const path of truth) sides[path.startsWith("request:") ? "request" : "response"].fields++;
  const result: TripResult = {
    fields: truth.length,
    placed: 0,
    misplaced: [],
    silent: [],
    lost: [],
    silentBranch: [],
    sides,
  };
  if (!spec) return { ...result, lost: truth, failed: failed ?? "no spec" };
  const got = new Map<string, number>();
  for (const p of [...specPaths(spec.request, "request"), ...specPaths(spec.response, "response")])
    got.set(p, (got.get(p) ?? 0) + 1);
  const names = new Map<string, number>();
  for (const [p, n] of got)
    names.set(
      `${p.slice(0, p.indexOf(":"))}:${leaf(p)}`,
      (names.get(`${p.slice(0, p.indexOf(":"))}:${leaf(p)}`) ?? 0) + n,
    );
  const ranges = (spec.diagnostics ?? [])
    .filter((d) => d.level === "warning" && d.line !== undefined)
    .map((d) => [d.line!, d.endLine ?? d.line!] as const);
  const named = (path: string) => {
    const at = lineOf.get(path) ?? [];
    return at.some((l) => ranges.some(([from, to]) => from <= l && l <= to));
  };
  for (const path of truth) {
    const n = got.get(path) ?? 0;
    if (n > 0) {
      result.placed++;
      sides[path.startsWith("request:") ? "request" : "response"].placed++;
      got.set(path, n - 1);
      continue;
    }
    const side = path.slice(0, path.indexOf(":"));
    const name = leaf(path);
    if ((names.get(`${side}:${name}`) ?? 0) === 0) {
      result.lost.push(path);
      continue;
    }
    result.misplaced.push(path);
    if (named(path)) continue;
    result.silent.push(path);
    const steps = path.slice(path.indexOf(":") + 1).split(".");
    const parents = steps.slice(0, -1).map((_, i) => `${side}:${steps.slice(0, i + 1).join(".")}`);
    if (!parents.some(named)) result.silentBranch.push(path);
  }
  return result;
}

export function roundTrip(api: CatalogueApi, options: RenderOptions): TripResult {
  const { page, lineOf } = renderPageLines(api, options);
  let spec: ApiSpec;
  try {
    spec = parseDocBytes(new TextEncoder().encode(page), `/roundtrip/${api.name}.txt`, "/");
  } catch (e) {
    const why = e instanceof InputError ? e.message : `internal: ${e instanceof Error ? e.message : String(e)}`;
    return compareTrip(api, undefined, lineOf, why);
  }
  return compareTrip(api, spec, lineOf);
}
