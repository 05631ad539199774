// Specs → a target's files, in memory: the target's batch work (render, format, verify; over worker threads when
// there are many batches), then its aggregate file. Nothing is written here.

import { join, relative } from "node:path";
import type { AggregateInput, BatchEntry, BatchProblem, BatchResult, Target } from "../targets/target.js";
import { assignApiNames, naturalApiNames, type ApiNames } from "../names/api-names.js";
import type { PoolOptions } from "./pool.js";
import { InputError } from "../support/errors.js";
import type { SpecEntry } from "../model/load.js";
import type { ApiSpec, Diagnostic } from "../model/types.js";

export type { SpecEntry } from "../model/load.js";
import type { Timings } from "../support/timing.js";
import { posixPath } from "../support/fs.js";

export interface BuildOptions extends PoolOptions {
  root: string;
  timings?: Timings;
  /** Leave the aggregate file out (the caller knows it is current). */
  skipAggregate?: boolean;
  /** The files of each batch that built cleanly, as they come (the aggregate file is not among them). */
  onFiles?: (files: [name: string, text: string][]) => void;
  /** Every spec of the project, for an aggregate built from specs (default: the specs of `entries`). */
  allSpecs?: () => ApiSpec[];
  /** Where a file given to `onFiles` now is on disk, for the target's check (see CheckInput.pathOf). */
  pathOf?: (name: string) => string | undefined;
}

export interface Built {
  /** Output file name (relative to the target's folder) → content: the files of each API given, and the aggregate. */
  files: Map<string, string>;
  diagnostics: { method: string; diagnostic: Diagnostic }[];
  /** The names every API of the aggregate was given (file names, class prefixes). */
  names: Map<string, ApiNames>;
}

export const BATCH_SIZE = 100;

/** Builds the files of `entries`; the aggregate covers the methods `indexOf` (default: the same APIs), so a partial build can make it. */
export async function buildTarget(
  target: Target,
  entries: SpecEntry[],
  options: BuildOptions,
  indexOf: string[] = entries.map((e) => e.spec.method),
): Promise<Built> {
  const timings = options.timings;
  const sorted = [...entries].sort((a, b) => compare(a.spec.method, b.spec.method));
  const names = assignApiNames(indexOf);
  const files = new Map<string, string>();
  const diagnostics: Built["diagnostics"] = sorted.flatMap((e) =>
    (e.spec.diagnostics ?? []).map((d) => ({ method: e.spec.method, diagnostic: d })),
  );
  if (target.batch) {
    const batchEntries: BatchEntry[] = sorted.map((e) => ({
      spec: e.spec,
      specPath: posixPath(relative(options.root, e.file)),
      names: names.get(e.spec.method) ?? naturalApiNames(e.spec.method),
    }));
    const batches: BatchEntry[][] = [];
    for (let i = 0; i < batchEntries.length; i += BATCH_SIZE) batches.push(batchEntries.slice(i, i + BATCH_SIZE));
    // Loaded here, not at the top: a run with nothing to build must not pay for it.
    const { buildBatches } = await import("./pool.js");
    const onFiles = options.onFiles;
    const pool = onFiles
      ? { ...options, onResult: (r: BatchResult) => r.unparsable || r.problems.length || onFiles(r.files) }
      : options;
    const results = await buildBatches(batches, target.batch, pool);
    for (const r of results) {
      for (const [stage, ms] of r.timings) timings?.set(stage, (timings.get(stage) ?? 0) + ms);
      if (r.unparsable) {
        const u = r.unparsable;
        throw new InputError(
          `${posixPath(relative(options.root, join(target.outDir, u.file)))} (from ${u.specPath})`,
          u.line,
          `generated code does not parse: ${u.message}`,
        );
      }
      refuseProblems(options.root, r.problems);
      for (const [name, text] of r.files) files.set(name, text);
      diagnostics.push(...r.diagnostics);
    }
  }
  if (!options.skipAggregate && target.aggregate) {
    const input: AggregateInput = {
      names,
      specs: options.allSpecs ?? (() => sorted.map((e) => e.spec)),
      ...(timings ? { timings } : {}),
    };
    files.set(target.aggregate.file, await target.aggregate.build(input));
  }
  if (target.check && files.size)
    refuseProblems(
      options.root,
      await target.check({
        files,
        ...(timings ? { timings } : {}),
        ...(options.pathOf ? { pathOf: options.pathOf } : {}),
      }),
    );
  return { files, diagnostics, names };
}

/** The first problem (sorted by file and line, so the same one whichever checker found them) as the error. */
function refuseProblems(root: string, problems: readonly BatchProblem[]): void {
  if (!problems.length) return;
  const first = [...problems].sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.message, b.message),
  )[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  throw new InputError(
    posixPath(relative(root, first.file)),
    first.line,
    `generated code does not type-check: ${first.message}${more}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
