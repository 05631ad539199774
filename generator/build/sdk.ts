// Specs → the SDK's files, in memory: plan, render, format, verify (in batches, over worker threads when many).
// Nothing is written here.

import { join, relative } from "node:path";
import type { BatchEntry, BatchResult } from "../targets/typescript/batch.js";
import { assignApiNames, naturalApiNames, type ApiNames } from "../names/api-names.js";
import type { PoolOptions } from "./pool.js";
import { InputError } from "../support/errors.js";
import type { SpecEntry } from "../model/load.js";
import type { Diagnostic } from "../model/types.js";

export type { SpecEntry } from "../model/load.js";
import { timed, type Timings } from "../support/timing.js";
import { posixPath } from "../support/fs.js";

export interface SdkOptions extends PoolOptions {
  root: string;
  outDir: string;
  specsDir: string;
  templatesDir: string;
  runtimeImport: string;
  timings?: Timings;
  /** Leave index.ts out (the caller knows it is current). */
  skipIndex?: boolean;
  /** The modules of each batch that built cleanly, as they come (index.ts is not among them). */
  onModules?: (files: [name: string, text: string][]) => void;
}

export interface Sdk {
  /** Output file name (relative to outDir) → content: one module per API given, and index.ts over `indexOf`. */
  files: Map<string, string>;
  diagnostics: { method: string; diagnostic: Diagnostic }[];
  /** The names every API of the index was given (file names, class prefixes). */
  names: Map<string, ApiNames>;
}

export const BATCH_SIZE = 100;

/** Builds the modules of `entries`; index.ts lists the methods `indexOf` (default: the same APIs), so a partial build can make it. */
export async function buildSdk(entries: SpecEntry[], options: SdkOptions, indexOf: string[] = entries.map((e) => e.spec.method)): Promise<Sdk> {
  const timings = options.timings;
  const sorted = [...entries].sort((a, b) => compare(a.spec.method, b.spec.method));
  const names = assignApiNames(indexOf);
  const batchEntries: BatchEntry[] = sorted.map((e) => ({
    spec: e.spec,
    specPath: posixPath(relative(options.root, e.file)),
    names: names.get(e.spec.method) ?? naturalApiNames(e.spec.method),
  }));
  const batches: BatchEntry[][] = [];
  for (let i = 0; i < batchEntries.length; i += BATCH_SIZE) batches.push(batchEntries.slice(i, i + BATCH_SIZE));
  const batchOptions = { templatesDir: options.templatesDir, outDir: options.outDir, runtimeImport: options.runtimeImport };
  // Loaded here, not at the top: a run with nothing to build must not pay for prettier and the compiler.
  const { buildBatches } = await import("./pool.js");
  const { formatTs } = await import("../targets/typescript/format.js");
  const { loadTemplates, renderIndex } = await import("../targets/typescript/render.js");
  const onModules = options.onModules;
  const pool = onModules ? { ...options, onResult: (r: BatchResult) => r.unparsable || r.problems.length || onModules(r.files) } : options;
  const results = await buildBatches(batches, batchOptions, pool);

  const files = new Map<string, string>();
  const diagnostics: Sdk["diagnostics"] = sorted.flatMap((e) => (e.spec.diagnostics ?? []).map((d) => ({ method: e.spec.method, diagnostic: d })));
  for (const r of results) {
    for (const [stage, ms] of r.timings) timings?.set(stage, (timings.get(stage) ?? 0) + ms);
    if (r.unparsable) {
      const u = r.unparsable;
      throw new InputError(`${posixPath(relative(options.root, join(options.outDir, u.file)))} (from ${u.specPath})`, u.line, `generated code does not parse: ${u.message}`);
    }
    const first = r.problems[0];
    if (first) {
      const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more)` : "";
      throw new InputError(posixPath(relative(options.root, first.file)), first.line, `generated code does not type-check: ${first.message}${more}`);
    }
    for (const [name, text] of r.files) files.set(name, text);
    diagnostics.push(...r.diagnostics);
  }
  if (options.skipIndex) return { files, diagnostics, names };
  const templates = loadTemplates(options.templatesDir);
  const modules = [...names.values()].map((n) => n.file).sort(compare);
  const index = renderIndex(templates, posixPath(relative(options.root, options.specsDir)) || ".", modules);
  files.set("index.ts", await timed(timings, "format", () => formatTs(index)));
  return { files, diagnostics, names };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
