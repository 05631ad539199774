// The commit journal that makes a folder's new content appear all at once, also when the process is killed.
//
// A run stages every file it writes in `.topgen-stage-<folder>` beside the folder; then it writes
// `.topgen-journal-<folder>.json` (tmp + rename, so it exists whole or not at all) listing every rename and every
// removal; then it applies it and removes the journal and the stage. The next command that takes the folder's
// lock (lock.ts) calls `recoverFolder`: a journal found is applied again (roll forward: the stage was complete
// before the journal existed, and each step is idempotent), a stage without a journal is removed (roll back).
// The names are fixed per folder, so recovery costs three stats, and only these names are ever removed.
//
// What this guards against is the process dying (SIGKILL, a crash, Ctrl-C): the kernel finishes every write and
// rename a dead process made, so the order of the steps is enough. Staged files are not fsynced one by one: that
// would guard against power loss too, at about 1.7 ms a file here (9 s for the 5,312 specs of the catalogue).
// Power loss and OS crashes are out of scope: a file may then come back empty, which `topgen check` reports as
// drift and `topgen build` repairs. Only the journal itself is synced (one file).

import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../support/errors.js";

export interface Journal {
  journal: 1;
  /** The stage folder's name (beside the output folder). */
  stage: string;
  /** Files (relative to the output folder) moved from the stage into place, in this order. */
  renames: string[];
  /** Files (relative to the output folder) removed after the renames. */
  removals: string[];
}

/**
 * A name topgen keeps beside an output folder for its own use (`kind`: stage, journal, lock): `.topgen-<kind>-<folder>`
 * in the folder's parent. Only names of this form are ever removed by recovery.
 */
export function besideFolder(dir: string, kind: string, suffix = ""): string {
  const full = resolve(dir);
  return join(dirname(full), `.topgen-${kind}-${basename(full)}${suffix}`);
}

/** The names an output folder's commit uses beside it. */
export function commitPaths(dir: string): { stage: string; journal: string; journalTmp: string } {
  const journal = besideFolder(dir, "journal", ".json");
  return { stage: besideFolder(dir, "stage"), journal, journalTmp: `${journal}.tmp` };
}

/** Writes `text` to `path` and syncs it to the disk before closing. */
export function writeSynced(path: string, text: string): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Syncs a folder's entries (the renames in it); a platform that cannot open a folder (Windows) is passed over. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // not supported for folders here
  } finally {
    closeSync(fd);
  }
}

/** Makes the journal exist, whole: after this returns, the commit will happen (now, or in the next run). */
export function writeJournal(dir: string, journal: Journal): void {
  const paths = commitPaths(dir);
  writeSynced(paths.journalTmp, JSON.stringify(journal) + "\n");
  renameSync(paths.journalTmp, paths.journal);
  syncFolder(dirname(dir));
  faultPoint("journal");
}

/** Carries out a journal: every staged file still in the stage is moved into place, then the removals. */
export function applyJournal(dir: string, journal: Journal): void {
  const stage = join(dirname(dir), journal.stage);
  mkdirSync(dir, { recursive: true });
  let k = 0;
  for (const name of journal.renames) {
    const from = join(stage, name);
    // A file no longer in the stage was moved already (by the run that was killed, or by this one).
    if (statSync(from, { throwIfNoEntry: false }) !== undefined) {
      if (nested(name)) mkdirSync(dirname(join(dir, name)), { recursive: true });
      renameSync(from, join(dir, name));
    }
    faultPoint(`commit:${++k}`);
  }
  for (const name of journal.removals) rmSync(join(dir, name), { force: true });
  syncFolder(dir);
  faultPoint("applied");
  const paths = commitPaths(dir);
  rmSync(paths.journal, { force: true });
  rmSync(stage, { recursive: true, force: true });
}

/** What `recoverFolder` found and did. */
export interface Recovery {
  /** An interrupted commit completed from its journal. */
  rolledForward: boolean;
  /** A stage (or a journal's tmp file) left by a run killed before its commit, removed. */
  rolledBack: boolean;
}

/**
 * Completes or undoes what a killed run left beside `dir`. Call it only while holding the folder's lock. A journal
 * that does not read (edited by hand) is an input error naming it.
 */
export function recoverFolder(dir: string): Recovery {
  const paths = commitPaths(dir);
  const result: Recovery = { rolledForward: false, rolledBack: false };
  if (statSync(paths.journal, { throwIfNoEntry: false }) !== undefined) {
    applyJournal(dir, readJournal(paths.journal, basename(paths.stage)));
    result.rolledForward = true;
  }
  if (statSync(paths.journalTmp, { throwIfNoEntry: false }) !== undefined) {
    rmSync(paths.journalTmp, { force: true });
    result.rolledBack = true;
  }
  if (statSync(paths.stage, { throwIfNoEntry: false }) !== undefined) {
    rmSync(paths.stage, { recursive: true, force: true });
    result.rolledBack = true;
  }
  return result;
}

/** True when a commit of `dir` was interrupted and not completed yet (its journal is there). */
export function commitPending(dir: string): boolean {
  return statSync(commitPaths(dir).journal, { throwIfNoEntry: false }) !== undefined;
}

function readJournal(path: string, stage: string): Journal {
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    j = undefined;
  }
  const names = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === "string" && safeName(n));
  const o = j as Partial<Journal> | undefined;
  if (o === undefined || o === null || o.journal !== 1 || o.stage !== stage || !names(o.renames) || !names(o.removals))
    throw new InputError(
      path,
      undefined,
      "not a commit journal topgen wrote: move it away (the output folder beside it may be half-committed; `topgen generate --full` rebuilds it)",
    );
  return o as Journal;
}

/** A name inside the folder: no parent steps, not absolute. */
function safeName(name: string): boolean {
  return (
    name !== "" &&
    !name.startsWith("/") &&
    !name.startsWith("\\") &&
    !/(^|[\\/])\.\.([\\/]|$)/.test(name) &&
    !/^[A-Za-z]:/.test(name)
  );
}

/** Files in subfolders get their folders made first. */
export function nested(name: string): boolean {
  return name.includes("/") || name.includes("\\");
}

/**
 * TEST ONLY: `TOPGEN_TEST_KILL_AT=<point>` SIGKILLs this process when it reaches the named point of a commit, so
 * that the tests can check what a killed run leaves. Points: `staged` (every file staged, no journal yet),
 * `journal` (journal written, nothing moved), `commit:<k>` (k renames done), `applied` (every rename and removal
 * done, journal not removed yet), `locked` (the output's lock taken). Read here and nowhere else.
 */
export function faultPoint(point: string): void {
  const at = process.env["TOPGEN_TEST_KILL_AT"];
  if (at !== undefined && at === point) process.kill(process.pid, "SIGKILL");
}
