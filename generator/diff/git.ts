// Files as they were at a git revision, read with git itself (a child process): `git ls-tree` and `git cat-file`.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { InputError } from "../support/errors.js";

function git(cwd: string, args: string[], input?: string): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["pipe", "pipe", "pipe"],
      ...(input !== undefined ? { input } : {}),
    });
  } catch (e) {
    const stderr =
      String((e as { stderr?: unknown }).stderr ?? "")
        .trim()
        .split("\n")[0] ?? "";
    throw new InputError(cwd, undefined, `git ${args[0]}: ${stderr || (e as Error).message.split("\n")[0]}`);
  }
}

/** `name → text` of the `*.json` files directly in `dir` at revision `ref` (empty when the folder did not exist). */
export function folderAtRef(
  dir: string,
  ref: string,
  keep: (name: string) => boolean = (n) => n.endsWith(".json"),
): Map<string, string> {
  // Run from the folder's nearest existing ancestor, so that a folder created since `ref` still resolves.
  const cwd = existsSync(dir) ? dir : process.cwd();
  const top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  try {
    git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new InputError(ref, undefined, "no such git revision");
  }
  const rel = relativeTo(top, dir);
  const names = git(top, ["ls-tree", "--name-only", ref, "--", rel === "" ? "." : `${rel}/`])
    .split("\n")
    .filter((l) => l !== "")
    .map((p) => p.slice(rel === "" ? 0 : rel.length + 1))
    .filter((n) => !n.includes("/") && keep(n))
    .sort();
  const texts = catFiles(
    top,
    names.map((n) => `${ref}:${rel === "" ? "" : rel + "/"}${n}`),
  );
  return new Map(names.map((n, i) => [n, texts[i] ?? ""]));
}

/** The texts of `rev:path` objects in one `git cat-file --batch` run; undefined for a missing one. */
export function catFiles(cwd: string, objects: string[]): (string | undefined)[] {
  if (objects.length === 0) return [];
  const buf = Buffer.from(gitBuffer(cwd, ["cat-file", "--batch"], objects.join("\n") + "\n"));
  const out: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString("utf8");
    at = nl + 1;
    if (header.endsWith(" missing")) {
      out.push(undefined);
      continue;
    }
    const size = Number(header.split(" ")[2]);
    out.push(buf.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return out;
}

function gitBuffer(cwd: string, args: string[], input: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, maxBuffer: 1 << 30, input, stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    throw new InputError(cwd, undefined, `git ${args[0]}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/** The top folder of the git work tree holding `dir`, or undefined outside one. */
export function gitTop(dir: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

export function relativeTo(top: string, path: string): string {
  const a = top.replace(/\\/g, "/").replace(/\/$/, "");
  const b = path.replace(/\\/g, "/").replace(/\/$/, "");
  if (b === a) return "";
  if (!b.startsWith(a + "/")) throw new InputError(path, undefined, `not inside the git work tree ${top}`);
  return b.slice(a.length + 1);
}
