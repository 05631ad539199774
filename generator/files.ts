// File system edges: listing inputs, reading spec folders, and writing outputs so that a failed run changes nothing.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "./errors.js";

export interface InputFile {
  path: string;
  /** Named by the user, rather than found by walking a folder. */
  named: boolean;
}

/** Files named on the command line; folders expand to their files (sorted, hidden ones skipped), recursively. */
export function expandInputs(paths: string[], named = true): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError(p, undefined, "no such file or folder");
    if (statSync(p).isDirectory()) {
      const names = readdirSync(p).filter((n) => !n.startsWith(".")).sort();
      out.push(...expandInputs(names.map((n) => join(p, n)), false));
    } else out.push({ path: p, named });
  }
  return out;
}

/** `name → text` of the files in a folder whose names pass `keep` (empty when the folder is missing). */
export function readFolder(dir: string, keep: (name: string) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (keep(name) && statSync(join(dir, name)).isFile()) files.set(name, readFileSync(join(dir, name), "utf8"));
  }
  return files;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes `files` into `dir`: everything goes to a temporary folder beside it first, then each changed file is
 * renamed into place. Unchanged files are left alone (their mtimes kept). Files for which `stale` says true and
 * that are not in `files` are removed.
 */
export function writeFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  stale: (name: string) => boolean = () => false,
  isStale: (text: string) => boolean = () => true,
): WriteResult {
  // Only the files being written are read (to leave identical ones alone), and only stale candidates beyond.
  const present = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
  const current = (name: string) => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch {
      return undefined;
    }
  };
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const changed = [...files].filter(([name, text]) => current(name) !== text);
  const changedNames = new Set(changed.map(([n]) => n));
  for (const [name] of files) if (!changedNames.has(name)) result.unchanged.push(name);

  if (changed.length) {
    const tmp = join(dirname(dir), `.topgen-tmp-${randomBytes(6).toString("hex")}`);
    mkdirSync(tmp, { recursive: true });
    try {
      // Files in subfolders (none in a generated SDK today) get their folders made first.
      const nested = (name: string) => name.includes("/") || name.includes("\\");
      for (const [name, text] of changed) {
        if (nested(name)) mkdirSync(dirname(join(tmp, name)), { recursive: true });
        writeFileSync(join(tmp, name), text);
      }
      mkdirSync(dir, { recursive: true });
      for (const [name] of changed) {
        if (nested(name)) mkdirSync(dirname(join(dir, name)), { recursive: true });
        renameSync(join(tmp, name), join(dir, name));
        result.written.push(name);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  for (const name of present) {
    if (!files.has(name) && stale(name) && isStale(readFileSync(join(dir, name), "utf8"))) {
      rmSync(join(dir, name));
      result.removed.push(name);
    }
  }
  return result;
}
