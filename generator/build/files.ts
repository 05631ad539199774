// Writing outputs so that a failed or killed run changes nothing, and a finished one changes everything at once.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { applyJournal, commitPaths, faultPoint, nested, writeJournal, type Journal } from "./journal.js";
import { withLocksSync } from "./lock.js";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes `files` into `dir`, all at once (see StagedFolder), under the folder's lock. Unchanged files are left
 * alone (their mtimes kept). Files for which `stale` says true and that are not in `files` are removed.
 */
export function writeFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  stale: (name: string) => boolean = () => false,
  isStale: (text: string) => boolean = () => true,
): WriteResult {
  return withLocksSync([dir], "write", () => {
    const staged = new StagedFolder(dir);
    try {
      for (const [name, text] of files) staged.add(name, text);
      return staged.commit(stale, isStale);
    } finally {
      staged.discard();
    }
  });
}

/**
 * A folder's new content, staged file by file (so a long build can stage its files as they come) in
 * `.topgen-stage-<folder>` beside it, then committed through a journal (journal.ts): once the journal exists the
 * whole change happens, in this run or, if it is killed, in the next one that takes the folder's lock; before it,
 * nothing does. Discarding instead leaves the folder as it was. The caller holds the folder's lock (lock.ts).
 */
export class StagedFolder {
  private tmp: string | undefined;
  private readonly names = new Set<string>();
  /** Names written to the stage, in the order they came. */
  private readonly changed = new Set<string>();
  private readonly unchanged: string[] = [];

  /** No folder yet (a first run, or one after it was removed): no file is in place, and none is read. */
  private readonly fresh: boolean;

  constructor(private readonly dir: string) {
    this.fresh = !existsSync(dir);
  }

  /** Stages one file; one identical to the file in place is not written at all. */
  add(name: string, text: string): void {
    if (this.names.has(name)) throw new Error(`${name} staged twice`);
    this.names.add(name);
    if (!this.fresh && current(join(this.dir, name)) === text) {
      this.unchanged.push(name);
      return;
    }
    this.tmp ??= makeStage(this.dir);
    if (nested(name)) mkdirSync(dirname(join(this.tmp, name)), { recursive: true });
    writeFileSync(join(this.tmp, name), text);
    this.changed.add(name);
  }

  /**
   * Where a file's staged text is on disk now: in the stage when it was written there, in the folder itself when
   * it was identical to the file in place; undefined when it was not staged. A checker can read the files there
   * instead of writing copies of its own.
   */
  pathOf(name: string): string | undefined {
    if (!this.names.has(name)) return undefined;
    return this.tmp !== undefined && this.changed.has(name) ? join(this.tmp, name) : join(this.dir, name);
  }

  /** Moves the staged files into place and removes the stale ones (`stale` by name, then `isStale` by content). */
  commit(stale: (name: string) => boolean = () => false, isStale: (text: string) => boolean = () => true): WriteResult {
    const present = existsSync(this.dir)
      ? readdirSync(this.dir, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
      : [];
    const removals = present.filter(
      (name) => !this.names.has(name) && stale(name) && isStale(readFileSync(join(this.dir, name), "utf8")),
    );
    const result: WriteResult = { written: [...this.changed], unchanged: [...this.unchanged], removed: removals };
    faultPoint("staged");
    if (this.changed.size || removals.length) {
      const stage = (this.tmp ??= makeStage(this.dir));
      const journal: Journal = { journal: 1, stage: basename(stage), renames: [...this.changed], removals };
      refuseObstacles(this.dir, journal.renames);
      writeJournal(this.dir, journal);
      // From here the commit belongs to the journal: if a rename fails after all, the stage stays for the next
      // run to complete once the cause is fixed.
      this.tmp = undefined;
      applyJournal(this.dir, journal);
    }
    this.discard();
    return result;
  }

  /** Removes the stage (after a commit, or instead of one). */
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

/**
 * Before the journal: a folder where a file must go (or a file where a folder must be) is found now, while the
 * commit can still be called off, as the filesystem fault it would raise (one stat per changed file).
 */
function refuseObstacles(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const target = join(dir, name);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(`EISDIR: ${target}`), { code: "EISDIR", path: target, syscall: "rename" });
    if (nested(name)) {
      const parent = statSync(dirname(target), { throwIfNoEntry: false });
      if (parent !== undefined && !parent.isDirectory())
        throw Object.assign(new Error(`ENOTDIR: ${dirname(target)}`), {
          code: "ENOTDIR",
          path: dirname(target),
          syscall: "rename",
        });
    }
  }
}

/** The stage beside `dir` (its fixed name: the folder's lock makes it this run's; recovery removed any older one). */
function makeStage(dir: string): string {
  const stage = commitPaths(dir).stage;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  return stage;
}
