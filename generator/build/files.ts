// Writing outputs so that a failed run changes nothing.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../support/errors.js";

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
  const staged = new StagedFolder(dir);
  try {
    for (const [name, text] of files) staged.add(name, text);
    return staged.commit(stale, isStale);
  } finally {
    staged.discard();
  }
}

/**
 * A folder's new content, staged file by file (so a long build can stage its files as they come) in a temporary
 * folder beside it, then committed: changed files renamed into place, stale ones removed. Discarding it instead
 * leaves the folder as it was.
 */
export class StagedFolder {
  private tmp: string | undefined;
  private readonly names = new Set<string>();
  private readonly changed: string[] = [];
  private readonly unchanged: string[] = [];

  constructor(private readonly dir: string) {}

  /** Stages one file; one identical to the file in place is not written at all. */
  add(name: string, text: string): void {
    if (this.names.has(name)) throw new Error(`${name} staged twice`);
    this.names.add(name);
    if (current(join(this.dir, name)) === text) {
      this.unchanged.push(name);
      return;
    }
    this.tmp ??= mkdirTemp(this.dir);
    if (nested(name)) mkdirSync(dirname(join(this.tmp, name)), { recursive: true });
    writeFileSync(join(this.tmp, name), text);
    this.changed.push(name);
  }

  /** Moves the staged files into place and removes the stale ones (`stale` by name, then `isStale` by content). */
  commit(stale: (name: string) => boolean = () => false, isStale: (text: string) => boolean = () => true): WriteResult {
    const result: WriteResult = { written: [], unchanged: [...this.unchanged], removed: [] };
    const present = existsSync(this.dir)
      ? readdirSync(this.dir, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
      : [];
    if (this.changed.length) {
      mkdirSync(this.dir, { recursive: true });
      for (const name of this.changed) {
        if (nested(name)) mkdirSync(dirname(join(this.dir, name)), { recursive: true });
        renameSync(join(this.tmp!, name), join(this.dir, name));
        result.written.push(name);
      }
    }
    for (const name of present) {
      if (!this.names.has(name) && stale(name) && isStale(readFileSync(join(this.dir, name), "utf8"))) {
        rmSync(join(this.dir, name));
        result.removed.push(name);
      }
    }
    this.discard();
    return result;
  }

  /** Removes the temporary folder (after a commit, or instead of one). */
  discard(): void {
    if (this.tmp !== undefined) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = undefined;
  }
}

function current(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function mkdirTemp(dir: string): string {
  const tmp = join(dirname(dir), `.topgen-tmp-${randomBytes(6).toString("hex")}`);
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

/** Files in subfolders (none in a generated SDK today) get their folders made first. */
function nested(name: string): boolean {
  return name.includes("/") || name.includes("\\");
}
