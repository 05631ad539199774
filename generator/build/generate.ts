// generate, incrementally, for each target the project layer passes in: only APIs whose spec (or generated files)
// changed since the target's manifest are rebuilt; a change of what the target makes from the probe specs (its
// fingerprint: templates, emitter, runtime import) rebuilds everything. Unchanged files are not rewritten.

import { statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import type { Target } from "../targets/target.js";
import { assignApiNames, naturalApiNames } from "../names/api-names.js";
import { StagedFolder, type WriteResult } from "./files.js";
import { withLocks } from "./lock.js";
import { cachedFingerprint, probeFingerprint } from "./fingerprint.js";
import {
  readManifest,
  serializeManifest,
  sha256,
  stampOf,
  type FileStamp,
  type Manifest,
  type ManifestEntry,
} from "./manifest.js";
import { BATCH_SIZE, buildTarget, type Built, type SpecEntry } from "./build.js";
import { parseSpec } from "../model/load.js";
import { timed, type Timings } from "../support/timing.js";
import { posixPath } from "../support/fs.js";
import { InputError } from "../support/errors.js";
import { readSpecFiles } from "./spec-stamps.js";

export interface GenerateOptions {
  threads?: number;
  timings?: Timings;
  onBatchDone?: (done: number, total: number) => void;
  onWarning?: (message: string) => void;
  /** Ignore the manifest: rebuild every API. */
  full?: boolean;
}

export interface GenerateResult extends WriteResult {
  apis: number;
  /** The most APIs any one target rebuilt. */
  rebuilt: number;
  diagnostics: Built["diagnostics"];
}

/** Where the project's specs are (the targets know their own output folders). */
export interface ProjectDirs {
  root: string;
  specs: string;
}

interface SpecFile {
  name: string;
  bytes: Buffer;
  hash: string;
}

/**
 * Each target in turn, over the same specs (read once). The run holds the specs folder's lock and every output's,
 * from reading the specs and manifests to the last commit (specs first, then outputs: every command locks in
 * that order).
 */
export function generateTargets(
  targets: readonly Target[],
  project: ProjectDirs,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  return withLocks([project.specs], "read", () =>
    withLocks(
      targets.map((t) => t.outDir),
      "write",
      () => generateLocked(targets, project, options),
    ),
  );
}

async function generateLocked(
  targets: readonly Target[],
  project: ProjectDirs,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const specs = timed(options.timings, "load specs", () => readSpecFiles(project.specs, project.root));
  const loaded = new Map<string, SpecEntry>();
  const load = (s: SpecFile): SpecEntry => {
    let entry = loaded.get(s.name);
    if (!entry) {
      const file = join(project.specs, s.name);
      entry = timed(options.timings, "load specs", () => ({
        spec: parseSpec(s.bytes.toString("utf8"), specPathOf(project, s.name)),
        file,
      }));
      loaded.set(s.name, entry);
    }
    return entry;
  };
  const total: GenerateResult = {
    written: [],
    unchanged: [],
    removed: [],
    apis: specs.length,
    rebuilt: 0,
    diagnostics: [],
  };
  const seen = new Set<string>();
  for (const target of targets) {
    const r = await generateTarget(target, project, specs, load, options);
    total.written.push(...r.written);
    total.unchanged.push(...r.unchanged);
    total.removed.push(...r.removed);
    total.rebuilt = Math.max(total.rebuilt, r.rebuilt);
    for (const d of r.diagnostics) {
      const key = JSON.stringify(d);
      if (!seen.has(key)) total.diagnostics.push(d);
      seen.add(key);
    }
  }
  return total;
}

async function generateTarget(
  target: Target,
  project: ProjectDirs,
  specs: SpecFile[],
  load: (s: SpecFile) => SpecEntry,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const timings = options.timings;
  const out = target.outDir;
  const print = await timed(timings, "fingerprint", () => cachedFingerprint(target, project.root));
  const old = options.full ? undefined : readManifest(out, target.manifestFile);
  const reusable = old?.fingerprint === print ? old : undefined;
  const aggregate = target.aggregate;

  let kept: [string, ManifestEntry][] = [];
  const toBuild: SpecEntry[] = [];
  const stale: SpecFile[] = [];
  for (const s of specs) {
    const entry = reusable?.apis[s.name];
    // A spec read from another folder than last time is rebuilt: its modules name the spec they came from.
    const moved = entry?.specPath !== specPathOf(project, s.name);
    if (entry && entry.spec === s.hash && !moved && filesIntact(out, entry.files)) kept.push([s.name, entry]);
    else stale.push(s);
  }
  // Workers for a large build start now, loading the compiler while the specs are read and checked.
  if (target.batch && stale.length > BATCH_SIZE)
    (await import("./pool.js")).startWorkers(Math.ceil(stale.length / BATCH_SIZE), options.threads);
  for (const s of stale) toBuild.push(load(s));
  refuseDuplicateMethods(project, [
    ...kept.map(([n, e]) => [n, e.method] as const),
    ...toBuild.map((e) => [basename(e.file), e.spec.method] as const),
  ]);
  // A new or removed API can change another's names (clash resolution): such an API is rebuilt too.
  const names = assignApiNames([...kept.map(([, e]) => e.method), ...toBuild.map((e) => e.spec.method)]);
  const sameNames = (e: ManifestEntry) => {
    const n = names.get(e.method);
    return n !== undefined && n.base === e.base && target.filesOf(n).every((f) => f in e.files);
  };
  const renamed = new Set(kept.filter(([, e]) => !sameNames(e)).map(([n]) => n));
  if (renamed.size) {
    kept = kept.filter(([n]) => !renamed.has(n));
    for (const s of specs) if (renamed.has(s.name)) toBuild.push(load(s));
  }
  const aggregateIntact = (m: Manifest) => aggregate === undefined || filesIntact(out, { [aggregate.file]: m.index });
  const nothingChanged =
    reusable !== undefined &&
    toBuild.length === 0 &&
    kept.length === Object.keys(reusable.apis).length &&
    aggregateIntact(reusable);
  if (nothingChanged) {
    const unchanged = [
      ...kept.flatMap(([, e]) => Object.keys(e.files)),
      ...(aggregate ? [aggregate.file] : []),
      target.manifestFile,
    ];
    return { written: [], unchanged, removed: [], apis: specs.length, rebuilt: 0, diagnostics: [] };
  }
  const methods = [...kept.map(([, e]) => e.method), ...toBuild.map((e) => e.spec.method)];
  // An aggregate over names (index.ts) stays as it is when the same APIs keep the same names; one over specs is
  // rebuilt whenever any spec was.
  const sameApis =
    reusable !== undefined &&
    aggregate?.from === "names" &&
    renamed.size === 0 &&
    specs.length === Object.keys(reusable.apis).length &&
    toBuild.every((e) => {
      const was = reusable.apis[basename(e.file)];
      // The aggregate's header names the specs folder too.
      return was?.method === e.spec.method && was.specPath === specPathOf(project, basename(e.file));
    }) &&
    aggregateIntact(reusable);
  // Files are staged beside the output folder while the build goes on; they move into place only when every
  // batch has built and checked.
  const staged = new StagedFolder(out);
  try {
    const stage = (files: Iterable<[string, string]>) =>
      timed(timings, "write", () => {
        for (const [name, text] of files) staged.add(name, text);
      });
    const built = await buildTarget(
      target,
      toBuild,
      {
        ...poolOptions(project, options),
        skipAggregate: sameApis,
        onFiles: stage,
        pathOf: (name) => staged.pathOf(name),
        allSpecs: () => specs.map((s) => load(s).spec),
      },
      methods,
    );
    const manifest = manifestOf(
      target,
      project,
      print,
      kept,
      toBuild,
      specs,
      built,
      sameApis ? reusable.index : undefined,
    );
    if (aggregate) stage([...built.files].filter(([name]) => name === aggregate.file));
    stage([[target.manifestFile, serializeManifest(manifest)]]);
    const keep = new Set([
      ...Object.values(manifest.apis).flatMap((e) => Object.keys(e.files)),
      ...(aggregate ? [aggregate.file] : []),
      target.manifestFile,
    ]);
    const header = target.header;
    const written: WriteResult = timed(timings, "write", () =>
      staged.commit(
        (name) => !keep.has(name) && target.owns(name),
        (text) => header !== undefined && text.startsWith(header),
      ),
    );
    return {
      ...written,
      unchanged: [...written.unchanged, ...kept.flatMap(([, e]) => Object.keys(e.files))],
      apis: specs.length,
      rebuilt: toBuild.length,
      diagnostics: built.diagnostics,
    };
  } finally {
    staged.discard();
  }
}

/** Two spec files for one method would make one module twice: an input error naming both files. */
function refuseDuplicateMethods(
  project: ProjectDirs,
  specs: readonly (readonly [file: string, method: string])[],
): void {
  const first = new Map<string, string>();
  for (const [file, method] of [...specs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const other = first.get(method);
    if (other !== undefined)
      throw new InputError(
        specPathOf(project, file),
        undefined,
        `describes ${method}, as ${specPathOf(project, other)} does: keep one spec per method`,
      );
    first.set(method, file);
  }
}

/** Everything `generate` would write for `target`, built from scratch in memory (for `check`), keyed by file name in its folder. */
export async function expectedFiles(
  target: Target,
  project: ProjectDirs,
  specTexts: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const entries: SpecEntry[] = [...specTexts].map(([name, text]) => ({
    spec: parseSpec(text, specPathOf(project, name)),
    file: join(project.specs, name),
  }));
  const built = await buildTarget(target, entries, { root: project.root });
  const specs = [...specTexts].map(([name, text]) => ({ name, bytes: Buffer.from(text), hash: sha256(text) }));
  const files = new Map(built.files);
  files.set(
    target.manifestFile,
    serializeManifest(manifestOf(target, project, await probeFingerprint(target), [], entries, specs, built)),
  );
  return files;
}

function poolOptions(project: ProjectDirs, options: GenerateOptions) {
  return {
    root: project.root,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.onBatchDone ? { onBatchDone: options.onBatchDone } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  };
}

function manifestOf(
  target: Target,
  project: ProjectDirs,
  print: string,
  kept: [string, ManifestEntry][],
  built: SpecEntry[],
  specs: SpecFile[],
  out: Built,
  index?: FileStamp,
): Manifest {
  const apis: Record<string, ManifestEntry> = Object.fromEntries(kept);
  const hashOf = new Map(specs.map((s) => [s.name, s.hash]));
  for (const entry of built) {
    const name = entry.file.split(/[\\/]/).pop()!;
    const names = out.names.get(entry.spec.method) ?? naturalApiNames(entry.spec.method);
    const files: Record<string, FileStamp> = {};
    for (const file of target.filesOf(names)) {
      const text = out.files.get(file);
      if (text !== undefined) files[file] = stampOf(text);
    }
    apis[name] = {
      method: entry.spec.method,
      base: out.names.get(entry.spec.method)?.base ?? "",
      spec: hashOf.get(name)!,
      specPath: specPathOf(project, name),
      files,
    };
  }
  const aggregate = target.aggregate ? out.files.get(target.aggregate.file) : undefined;
  return { manifestVersion: 1, fingerprint: print, index: index ?? stampOf(aggregate ?? ""), apis };
}

/** A spec's path as the manifest records it and messages name it (from the project root, with `/`). */
function specPathOf(project: ProjectDirs, name: string): string {
  let dir = specDirs.get(project);
  if (dir === undefined) specDirs.set(project, (dir = posixPath(relative(project.root, project.specs))));
  return dir === "" ? name : `${dir}/${name}`;
}
const specDirs = new WeakMap<ProjectDirs, string>();

/** Present with the recorded size: cheap enough for a no-op run over thousands of files. */
function filesIntact(dir: string, files: Record<string, FileStamp>): boolean {
  return Object.entries(files).every(
    ([name, stamp]) => statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false })?.size === stamp.bytes,
  );
}
