// Filesystem faults are the user's to fix (permissions, a full disk, a file where a folder must be): the CLI
// reports them as one line naming the path and what to do, exit 2, never as topgen's own bug.

import { accessSync, constants, readFileSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { capText, InputError } from "./errors.js";

const ADVICE: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder: check the path",
  EACCES: "permission denied: make it writable for this user, or choose another folder",
  EPERM: "operation not permitted: make it writable for this user, or choose another folder",
  EROFS: "the file system is read-only: choose a folder on a writable one",
  ENOSPC: "no space left on the device: free some space and run again",
  EDQUOT: "disk quota exceeded: free some space and run again",
  ENOTDIR: "a file stands where a folder must be: move or rename that file",
  EISDIR: "a folder stands where a file must be: move or rename that folder",
  ENAMETOOLONG: "the name is too long for the file system: use a shorter path",
  EEXIST: "something already exists there: move it away",
  ENOTEMPTY: "a folder that must be replaced is not empty: move it away",
  EMFILE: "too many open files: raise the limit (ulimit -n) and run again",
  ENFILE: "too many open files: raise the limit (ulimit -n) and run again",
  EBUSY: "the file is busy or locked: close what holds it and run again",
  ELOOP: "too many symbolic links: fix the link",
};

interface ErrnoLike {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

function isErrno(e: unknown): e is ErrnoLike {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string";
}

/** One line for a filesystem fault (`path: what, what to do (CODE)`), or undefined when `e` is none. */
export function fsFaultLine(e: unknown): string | undefined {
  if (!isErrno(e) || !Object.hasOwn(ADVICE, e.code)) return undefined;
  const path = e.dest ?? e.path;
  const where = path !== undefined ? capText(path, 300) : "a file";
  return `${where}: cannot ${e.syscall ?? "access"}: ${ADVICE[e.code]} (${e.code})`;
}

/**
 * Checks, before a build, that `dir` can take the output: its nearest existing folder is a folder, and a file
 * can be made in it and in the folder beside it where the build stages its files. Throws an InputError naming
 * the folder otherwise.
 */
export function assertWritableOutput(dir: string): void {
  const out = resolve(dir);
  let existing = out;
  for (;;) {
    const stat = statOrUndefined(existing);
    if (stat !== undefined) {
      if (!stat.isDirectory())
        throw new InputError(
          existing,
          undefined,
          `is a file, but the output folder ${out} needs a folder here: move it or choose another --out`,
        );
      break;
    }
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  const probe = (folder: string) => {
    try {
      accessSync(folder, constants.W_OK);
      const file = join(folder, `.topgen-probe-${randomBytes(6).toString("hex")}`);
      writeFileSync(file, "");
      rmSync(file, { force: true });
    } catch (e) {
      const line = fsFaultLine(e);
      throw new InputError(
        folder,
        undefined,
        `the output cannot be written here (${line ?? String(e)}); choose another --out`,
      );
    }
  };
  if (existing === out) {
    probe(out);
    probe(dirname(out));
  } else probe(existing);
}

/** The stat of `path`, or undefined when nothing is there, also when a file stands in the way (ENOTDIR). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as { code?: unknown }).code === "ENOTDIR") return undefined;
    throw e;
  }
}

/** readFileSync, with the path added to errors that lack it (EISDIR from readFileSync names no file). */
export function readFileNamed(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { path?: unknown }).path === undefined)
      Object.assign(e, { path, syscall: "read" });
    throw e;
  }
}
