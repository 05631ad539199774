// Reading the user's files: the inputs named on the command line, and the files of a folder.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
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
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push({ path: p, named });
  }
  return out;
}

/** A folder's files (sorted, hidden ones skipped), recursively, from the folder listings: a stat only for links. */
function walk(dir: string, out: InputFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.isFile()) out.push({ path, named: false });
    else out.push(...expandInputs([path], false)); // a link (or a broken one): what it points to
  }
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

/** A path as shown in files and messages: forward slashes on every platform. */
export function posixPath(path: string): string {
  return path.split(sep).join("/");
}
