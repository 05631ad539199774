// Reads every page of a folder of text doc pages as a first-time user would (the page alone: no other specs,
// no doc JSON) and compares each with its catalogue entry. Shared by `npm run fidelity` and its test.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocBytes } from "../../generator/project/parse.js";
import type { ApiSpec } from "../../generator/model/types.js";
import { shapesFromSpecs, type KnownShapes } from "../../generator/normalize/shapes.js";
import { comparePage, emptyFidelity, isCompletePage, type CatalogueEntry, type PageFidelity } from "./compare.js";

export interface PageResult {
  method: string;
  complete: boolean;
  /** The parse threw (any error): the page scores nothing. */
  crash?: string;
  fidelity: PageFidelity;
  /** Warnings the spec carries about depth not settled by any cue. */
  depthWarnings: number;
  /** Fields at a wrong path whose row a warning names (its line, or a line range holding it). */
  wrongPathWarned: number;
}

export interface Totals {
  pages: number;
  crashes: number;
  shown: number;
  right: number;
  wrongPath: number;
  /** Of those, the ones a warning names: the reader said it could not settle them. */
  wrongPathWarned: number;
  wrongType: number;
  wrongList: number;
  wrongRequired: number;
  limitsCompared: number;
  limitsAgree: number;
  pageOnly: number;
  catalogueOnly: number;
  cut: number;
}

/** Catalogue files by method: `taobao.trade.get` → `<catalogue>/trade/taobao_trade_get.json`. */
export function catalogueIndex(catalogue: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const dir of readdirSync(catalogue, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(catalogue, dir.name))) {
      if (f.endsWith(".json") && f !== "catelog.json") index.set(f.slice(0, -5), join(catalogue, dir.name, f));
    }
  }
  return index;
}

export type ParsePage = (bytes: Uint8Array, file: string, method: string) => ApiSpec;

export const firstTimeUser: ParsePage = (bytes, file) => parseDocBytes(bytes, file);

export function measurePages(pagesDir: string, catalogue: string, parse: ParsePage = firstTimeUser): PageResult[] {
  const index = catalogueIndex(catalogue);
  const results: PageResult[] = [];
  for (const f of readdirSync(pagesDir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const method = f.slice(0, -4);
    const catFile = index.get(method.replace(/\./g, "_"));
    if (!catFile || !existsSync(catFile)) throw new Error(`${f}: no catalogue entry for ${method}`);
    const truth = JSON.parse(readFileSync(catFile, "utf8")) as CatalogueEntry;
    const bytes = readFileSync(join(pagesDir, f));
    const complete = isCompletePage(bytes.toString("utf8"));
    try {
      const spec = parse(bytes, join(pagesDir, f), method);
      const depthWarnings = (spec.diagnostics ?? []).filter(
        (d) => d.level === "warning" && /depth|placed under/.test(d.message),
      ).length;
      const fidelity = comparePage(spec, truth, !complete);
      const wrongPathWarned = fidelity.wrong.filter(
        (w) => w.problems.includes("path") && warnedRow(spec, bytes.toString("utf8"), w.path),
      ).length;
      results.push({ method, complete, fidelity, depthWarnings, wrongPathWarned });
    } catch (e) {
      results.push({
        method,
        complete,
        crash: (e as Error).message.split("\n")[0]!,
        fidelity: emptyFidelity(),
        depthWarnings: 0,
        wrongPathWarned: 0,
      });
    }
  }
  return results;
}

/**
 * Whether a warning names the row of the field at `path` (dotted, as the spec has it): the page's lines that print
 * a row of that name (a top-level row starting with it, or a nested name bullet), one of them on a warning's line
 * or inside its range. The spec keeps no line per field, so the row is found by its name on the page.
 */
function warnedRow(spec: ApiSpec, text: string, path: string): boolean {
  const name = path.slice(path.lastIndexOf(".") + 1);
  const ranges = (spec.diagnostics ?? [])
    .filter((d) => d.level === "warning" && d.line !== undefined)
    .map((d) => [d.line!, d.endLine ?? d.line!] as const);
  const rowLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === `• └ ${name}` || t === `• ${name}` || t.startsWith(`${name} `)) rowLines.push(i + 1);
  });
  return rowLines.some((at) => ranges.some(([from, to]) => from <= at && at <= to));
}

export function totalsOf(results: PageResult[]): Totals {
  const t: Totals = {
    pages: results.length,
    crashes: 0,
    shown: 0,
    right: 0,
    wrongPath: 0,
    wrongPathWarned: 0,
    wrongType: 0,
    wrongList: 0,
    wrongRequired: 0,
    limitsCompared: 0,
    limitsAgree: 0,
    pageOnly: 0,
    catalogueOnly: 0,
    cut: 0,
  };
  for (const r of results) {
    if (r.crash) t.crashes++;
    const f = r.fidelity;
    t.shown += f.shown;
    t.right += f.right;
    t.wrongPathWarned += r.wrongPathWarned;
    for (const w of f.wrong) {
      if (w.problems.includes("path")) t.wrongPath++;
      if (w.problems.includes("type")) t.wrongType++;
      if (w.problems.includes("list")) t.wrongList++;
      if (w.problems.includes("required")) t.wrongRequired++;
    }
    t.limitsCompared += f.limits.compared;
    t.limitsAgree += f.limits.agree;
    t.pageOnly += f.pageOnly.length;
    t.catalogueOnly += f.catalogueOnly.length;
    t.cut += f.cut.length;
  }
  return t;
}

export function percent(n: number, d: number): string {
  return d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`;
}

/**
 * Struct shapes from every API of the catalogue, as a user gets them by pointing the config's `shapes` at a folder
 * of doc JSON; shapesFromSpecs never answers a page about its own API, so each page is measured leave-one-out.
 */
export function catalogueShapes(catalogue: string): { shapes: KnownShapes; apis: number } {
  const specs: ApiSpec[] = [];
  for (const file of catalogueIndex(catalogue).values()) {
    try {
      specs.push(parseDocBytes(readFileSync(file), file));
    } catch {
      // the catalogue check reports these
    }
  }
  return { shapes: shapesFromSpecs(specs), apis: specs.length };
}

/** A parse that knows `shapes`, for measurePages. */
export function withKnownShapes(shapes: KnownShapes): ParsePage {
  return (bytes, file) => parseDocBytes(bytes, file, undefined, undefined, { shapes });
}
