// The spec files of a run, hashed only where they may have changed. A run needs each spec's sha256 (the manifest
// compares it), but reading and hashing thousands of files is most of what a no-op run would do. So the last
// run's view of each file is cached: its size, modification and change times and inode, with the hash of its
// bytes. A file whose four stamps are all as recorded is taken to hold the same bytes; any other is read and
// hashed. The cache is only a cache (outside the project's files, in the cache folder of fingerprint.ts): a
// missing or damaged one costs the hashing, never a wrong answer.
//
// A write within one tick of the file system's clock can leave the times as they were, so a stamp is recorded
// only for a file last modified well before the run started (STAMP_MARGIN_MS): a later write then lands on
// another modification time. A file edited just now is hashed on every run until it is older than that.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { readFileNamed } from "../support/fs-faults.js";
import { cacheDir, store } from "./fingerprint.js";
import { sha256 } from "./manifest.js";

/** How long a file's modification time must lie in the past before its stamp is trusted on a later run. */
export const STAMP_MARGIN_MS = 3000;

/** A spec file: its bytes are read when first asked for (never, for an up-to-date spec on a no-op run). */
export class SpecFile {
  #bytes: Buffer | undefined;

  constructor(
    readonly name: string,
    /** sha256 of the bytes: from the cache until they are read, then of the bytes read. */
    public hash: string,
    private readonly path: string,
    bytes?: Buffer,
  ) {
    this.#bytes = bytes;
  }

  get bytes(): Buffer {
    if (this.#bytes === undefined) {
      this.#bytes = readFileNamed(this.path);
      this.hash = sha256(this.#bytes);
    }
    return this.#bytes;
  }
}

/** size, mtimeMs, ctimeMs, ino: what must be unchanged for the recorded hash to hold. */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number, sha256: string];

interface StampCache {
  stampsVersion: 1;
  dir: string;
  files: Record<string, Stamp>;
}

/** The `.json` files of `dir`, sorted by name, each with its hash (from the cache where its stamps allow). */
export function readSpecFiles(dir: string, projectRoot: string, now = Date.now()): SpecFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  } catch (e) {
    if ((e as { code?: unknown }).code === "ENOENT") return [];
    throw e;
  }
  const file = stampsFile(dir, projectRoot);
  const cached = readStamps(file, dir);
  const next: Record<string, Stamp> = {};
  let changed = false;
  const specs = names.map((name) => {
    const path = `${dir}${sep}${name}`;
    // Stat before reading: a write after the stat leaves stamps that differ from the recorded ones.
    const st = statSync(path, { throwIfNoEntry: false });
    const old = cached[name];
    if (
      st?.isFile() &&
      old &&
      old[0] === st.size &&
      old[1] === st.mtimeMs &&
      old[2] === st.ctimeMs &&
      old[3] === st.ino
    ) {
      next[name] = old;
      return new SpecFile(name, old[4], path);
    }
    const bytes = readFileNamed(path);
    const spec = new SpecFile(name, sha256(bytes), path, bytes);
    if (st?.isFile() && now - st.mtimeMs > STAMP_MARGIN_MS)
      next[name] = [st.size, st.mtimeMs, st.ctimeMs, st.ino, spec.hash];
    changed ||= next[name] !== undefined || old !== undefined;
    return spec;
  });
  if (changed || Object.keys(cached).length !== Object.keys(next).length)
    store(file, JSON.stringify({ stampsVersion: 1, dir: resolve(dir), files: next } satisfies StampCache));
  return specs;
}

/** Where the stamps of the specs folder `dir` are kept: one cache file per folder. */
export function stampsFile(dir: string, projectRoot: string): string {
  return join(cacheDir(projectRoot), `spec-stamps-${sha256(resolve(dir)).slice(0, 16)}.json`);
}

function readStamps(file: string, dir: string): Record<string, Stamp> {
  try {
    const c = JSON.parse(readFileSync(file, "utf8")) as StampCache;
    return c.stampsVersion === 1 && c.dir === resolve(dir) && typeof c.files === "object" ? c.files : {};
  } catch {
    return {}; // none yet, or damaged: every spec is hashed
  }
}
