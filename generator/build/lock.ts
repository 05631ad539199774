// One topgen run at a time per output folder: `.topgen-lock-<folder>` beside it, made with O_EXCL, names the run
// that holds it (pid, host, command, start). A second run waits for it (TOPGEN_LOCK_WAIT seconds, default 30) and
// then refuses with one line naming that run and the lock file (exit 2). A lock whose run is gone (its pid is not
// alive on this host) or that was not refreshed for STALE_MS (the holder touches it every REFRESH_MS) is stale:
// reported in one line and taken over. Taking a lock also recovers the folder (journal.ts): a commit a killed run
// left is completed, its stage removed. Cost when nothing is wrong: one create, three stats, one unlink.

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { InputError } from "../support/errors.js";
import { shownPath } from "../config/config.js";
import { besideFolder, commitPaths, commitPending, faultPoint, recoverFolder } from "./journal.js";

/** A lock not refreshed for this long is stale even when its pid is alive (a reused pid, another host). */
export const STALE_MS = 15 * 60_000;
const REFRESH_MS = 30_000;
const POLL_MS = 100;
const DEFAULT_WAIT_S = 30;

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
}

interface Held {
  count: number;
  file: string;
  timer: ReturnType<typeof setInterval>;
}

const held = new Map<string, Held>();

let notice: (message: string) => void = (m) => process.stderr.write(`topgen: warning: ${m}\n`);

/** Where stale-lock and recovery notices go (default: stderr, as the CLI's warnings). */
export function onLockNotice(handler: (message: string) => void): void {
  notice = handler;
}

export function lockPath(dir: string): string {
  return besideFolder(dir, "lock");
}

export type LockMode = "write" | "read";

/**
 * Takes the lock of each folder in the order given, recovers each, runs `fn`, and releases them. Every caller
 * locks the specs folder first, then the outputs in the config's order, so two runs cannot wait on each other. Re-entrant within a process. In `read` mode (`check`) a folder whose lock cannot be made (a
 * read-only tree) is read without it, but an interrupted commit there is refused rather than read as it is.
 */
export async function withLocks<T>(dirs: readonly string[], mode: LockMode, fn: () => T | Promise<T>): Promise<T> {
  const taken: string[] = [];
  try {
    for (const dir of new Set(dirs.map((d) => resolve(d)))) if (acquire(dir, mode)) taken.push(dir);
    return await fn();
  } finally {
    for (const dir of taken.reverse()) release(dir);
  }
}

/** `withLocks` for synchronous work. */
export function withLocksSync<T>(dirs: readonly string[], mode: LockMode, fn: () => T): T {
  const taken: string[] = [];
  try {
    for (const dir of new Set(dirs.map((d) => resolve(d)))) if (acquire(dir, mode)) taken.push(dir);
    return fn();
  } finally {
    for (const dir of taken.reverse()) release(dir);
  }
}

/** Takes `dir`'s lock (waiting for a live holder) and recovers the folder; false when it went without (read mode). */
function acquire(dir: string, mode: LockMode): boolean {
  const already = held.get(dir);
  if (already) {
    already.count++;
    return true;
  }
  const file = lockPath(dir);
  if (mode === "read" && statSync(dirname(file), { throwIfNoEntry: false }) === undefined) return false;
  mkdirSync(dirname(file), { recursive: true });
  const waitS = lockWait();
  const deadline = Date.now() + waitS * 1000;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(file, "wx");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        const other = readLock(file);
        if (isStale(file, other)) {
          takeOver(file, other);
          continue;
        }
        if (Date.now() < deadline) {
          sleep(POLL_MS);
          continue;
        }
        throw new InputError(
          shownPath(file),
          undefined,
          `${shownPath(dir) || "."}/ is in use by another topgen run (${describe(other)}); waited ${waitS}s ` +
            `(TOPGEN_LOCK_WAIT): let it finish, or delete this lock file if no topgen run is going`,
        );
      }
      if (mode === "read" && (code === "EACCES" || code === "EPERM" || code === "EROFS")) {
        if (commitPending(dir))
          throw new InputError(
            shownPath(commitPaths(dir).journal),
            undefined,
            `a commit of ${shownPath(dir) || "."}/ was interrupted and cannot be completed here (read-only); run \`topgen generate\` where it can write`,
          );
        return false;
      }
      throw e;
    }
    try {
      const info: LockInfo = {
        pid: process.pid,
        host: hostname(),
        started: new Date().toISOString(),
        command: process.argv.slice(2).join(" ").slice(0, 200),
      };
      writeSync(fd, JSON.stringify(info) + "\n");
    } finally {
      closeSync(fd);
    }
    const timer = setInterval(() => {
      const now = new Date();
      try {
        utimesSync(file, now, now);
      } catch {
        // gone: released, or removed by hand
      }
    }, REFRESH_MS);
    timer.unref();
    held.set(dir, { count: 1, file, timer });
    faultPoint("locked");
    try {
      const r = recoverFolder(dir);
      if (r.rolledForward)
        notice(`${shownPath(dir) || "."}/: completed the commit an interrupted topgen run left (its journal)`);
      else if (r.rolledBack)
        notice(`${shownPath(dir) || "."}/: removed the staged files an interrupted topgen run left`);
    } catch (e) {
      release(dir);
      throw e;
    }
    return true;
  }
}

function release(dir: string): void {
  const h = held.get(dir);
  if (!h) return;
  if (--h.count > 0) return;
  clearInterval(h.timer);
  held.delete(dir);
  rmSync(h.file, { force: true });
}

// A run that ends with process.exit() still leaves its folders unlocked.
process.on("exit", () => {
  for (const h of held.values()) rmSync(h.file, { force: true });
});

function lockWait(): number {
  const v = process.env["TOPGEN_LOCK_WAIT"];
  if (v === undefined || v === "") return DEFAULT_WAIT_S;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new InputError("TOPGEN_LOCK_WAIT", undefined, `${v}: a number of seconds (0 refuses at once)`);
  return n;
}

function readLock(file: string): Partial<LockInfo> | undefined {
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return typeof v === "object" && v !== null ? (v as Partial<LockInfo>) : undefined;
  } catch {
    return undefined; // being written, or gone
  }
}

function isStale(file: string, info: Partial<LockInfo> | undefined): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return false; // released meanwhile: try again
  const age = Date.now() - stat.mtimeMs;
  if (age > STALE_MS) return true;
  // Its holder writes it at once: an empty lock a few seconds old was left by a run killed in between.
  if (info === undefined) return age > 10_000;
  if (typeof info.pid !== "number" || info.host !== hostname()) return false;
  return !alive(info.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a stale lock, under a short-lived guard file so that two runs taking over at once cannot remove each
 * other's new lock: only the guard's holder removes, and only the lock it judged stale.
 */
function takeOver(file: string, stale: Partial<LockInfo> | undefined): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const g = statSync(guard, { throwIfNoEntry: false });
    if (g !== undefined && Date.now() - g.mtimeMs > 10_000) rmSync(guard, { force: true });
    else sleep(POLL_MS);
    return;
  }
  closeSync(fd);
  try {
    const now = readLock(file);
    if (JSON.stringify(now) === JSON.stringify(stale) && isStale(file, now)) {
      rmSync(file, { force: true });
      notice(`${shownPath(file)}: taking over a stale lock (${describe(stale)}: that run is gone)`);
    }
  } finally {
    rmSync(guard, { force: true });
  }
}

function describe(info: Partial<LockInfo> | undefined): string {
  if (info === undefined) return "no details in the lock file";
  const parts = [`pid ${String(info.pid)}`];
  if (typeof info.host === "string" && info.host !== hostname()) parts.push(`on ${info.host}`);
  if (typeof info.command === "string" && info.command !== "") parts.push(`\`topgen ${info.command}\``);
  if (typeof info.started === "string") parts.push(`since ${info.started}`);
  return parts.join(", ");
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
