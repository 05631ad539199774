// The seam between build/ and the outputs. build/ drives any Target the same way: it reads the manifest, decides
// which specs to rebuild, sends them in batches to the target's batch module (in worker threads when there are
// many), builds the target's aggregate file over all APIs, stages everything and commits it. A new output (zod
// schemas, another language) is a new folder under targets/ whose index.ts makes a Target; build/ does not change.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiSpec, Diagnostic } from "../model/types.js";
import type { ApiNames } from "../names/api-names.js";
import type { Timings } from "../support/timing.js";

/** One API of a batch: its spec, the spec file as shown in generated headers, and the names it was given. */
export interface BatchEntry {
  spec: ApiSpec;
  /** The spec file as shown in the generated header (relative to the project root). */
  specPath: string;
  names: ApiNames;
}

/** A generated file that does not compile (or otherwise fails the target's own check). */
export interface BatchProblem {
  file: string;
  line?: number;
  message: string;
}

export interface BatchResult {
  /** Output files, named relative to the target's output folder. */
  files: [name: string, text: string][];
  /** Per API: the diagnostics of naming decisions made while planning. */
  diagnostics: { method: string; diagnostic: Diagnostic }[];
  problems: BatchProblem[];
  /** Rendered code the formatter could not parse: a template or generator bug. */
  unparsable?: { file: string; specPath: string; line?: number; message: string };
  timings: [stage: string, ms: number][];
}

/** Plain data (it crosses to worker threads): whatever the batch module needs besides the entries. */
export type BatchOptions = Record<string, string | number | boolean>;

/** What a target's batch module exports: render, format and verify one batch. It runs in a worker thread. */
export type BuildBatch = (entries: BatchEntry[], options: BatchOptions) => Promise<BatchResult>;

export interface AggregateInput {
  /** Every API of the project → the names it was given. */
  names: ReadonlyMap<string, ApiNames>;
  /** Every spec of the project, loaded on demand (an aggregate built from names alone never loads them). */
  specs: () => ApiSpec[];
  timings?: Timings;
}

/** What a build made, for the target's whole-build check. */
export interface CheckInput {
  /** The files built (the rebuilt APIs' and, when it was rebuilt, the aggregate), by name in `outDir`. */
  files: ReadonlyMap<string, string>;
  timings?: Timings;
  /**
   * Where a built file already is on disk with exactly its built text (staged beside the output folder, or in it
   * when unchanged), so a checker can read it there instead of writing a copy; undefined for a file not on disk.
   * The staging folder sits beside the output folder, at the same depth.
   */
  pathOf?: (name: string) => string | undefined;
}

export interface Target {
  /** Shown in messages ("typescript", "openapi"). */
  name: string;
  /** The folder the target writes into. */
  outDir: string;
  /** The manifest's file name in `outDir` (each target has its own; they may share a folder). */
  manifestFile: string;
  /** The files (in `outDir`) that the API with these names makes; empty for a target with one aggregate file. */
  filesOf(names: ApiNames): string[];
  /** Per-API work, in batches: the module a worker thread imports (a file URL; it exports `buildBatch`). */
  batch?: { module: string; options: BatchOptions };
  /** The one file built over every API (an index, a document), and whether it needs the APIs' names or specs. */
  aggregate?: { file: string; from: "names" | "specs"; build: (input: AggregateInput) => Promise<string> };
  /**
   * A check over everything the build made, after every batch and the aggregate (one compiler run instead of one
   * per batch): a problem stops the build before anything is written, as a batch's problem does.
   */
  check?: (input: CheckInput) => Promise<BatchProblem[]>;
  /** The files in `outDir` this target writes (check compares them; generate may remove stale ones). */
  owns(name: string): boolean;
  /** The first line of every per-API file: a file in `outDir` that starts with it and no spec makes is stale. */
  header?: string;
  /** What the fingerprint is made of (build/fingerprint.ts). */
  fingerprint: Fingerprint;
}

/**
 * The fingerprint is taken from output: `probe()` renders a fixed set of specs (probes.ts) and returns the text,
 * with everything else that shapes the output and the probes may not reach (templates, formatter version, the
 * runtime import). `key()` is a cheap hash of every input `probe()` depends on, source text included: it only
 * names a cached probe result, so a comment edit costs one probe run and never changes the fingerprint.
 */
export interface Fingerprint {
  key(): string;
  probe(): Promise<string>;
}

const GENERATOR_DIR = fileURLToPath(new URL("../", import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL("../../runtime/", import.meta.url));

/**
 * A hash of the code that is running (generator/ and runtime/, as .ts sources or compiled .js), plus `extra`
 * (template folders, versions, options): the cache key of a target's probe result.
 */
export function codeKey(extra: (string | { dir: string; pattern: RegExp })[]): string {
  const hash = createHash("sha256");
  const add = (label: string, data: string | Buffer) => hash.update(`${label}\0${data.length}\0`).update(data);
  for (const [root, dir] of [
    [GENERATOR_DIR, GENERATOR_DIR],
    [RUNTIME_DIR, RUNTIME_DIR],
  ] as const) {
    for (const file of listFiles(dir, /(?<!\.d)\.(ts|js|json)$/)) add(file.slice(root.length), readFileSync(file));
  }
  for (const item of extra) {
    if (typeof item === "string") add("value", item);
    else for (const file of listFiles(item.dir, item.pattern)) add(file.slice(item.dir.length), readFileSync(file));
  }
  return hash.digest("hex");
}

/** The text of the files in `dir` whose names match, in a fixed order, each labelled with its name. */
export function folderText(dir: string, pattern: RegExp): string {
  return listFiles(dir, pattern)
    .map((file) => `${file.slice(dir.length)}\n${readFileSync(file, "utf8")}`)
    .join("\n");
}

function listFiles(path: string, pattern: RegExp): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((n) => listFiles(join(path, n), pattern));
  }
  return pattern.test(path) ? [path] : [];
}
