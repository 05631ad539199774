// A target's fingerprint: the sha256 of what it makes from the probe specs (targets/target.ts). Rendering the
// probes loads the renderer and formatter, which a no-op run must not pay for, so the result is cached under the
// cheap key (a hash of the running code's text and the other inputs): a no-op run hashes files, as before; the
// first run after an edit of the generator renders the probes once. The cache is only a cache: any entry can be
// deleted, and a wrong key can only cost a probe run, never give a wrong fingerprint for unchanged code.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Target } from "../targets/target.js";
import { sha256 } from "./manifest.js";

/** The fingerprint from the probes, rendered now (what `check` uses). */
export async function probeFingerprint(target: Target): Promise<string> {
  return sha256(await target.fingerprint.probe());
}

/** The fingerprint, from the cache when the code and inputs are the same as when it was last taken. */
export async function cachedFingerprint(target: Target, projectRoot: string): Promise<string> {
  const key = target.fingerprint.key();
  const file = join(cacheDir(projectRoot), `fingerprint-${target.name}-${key}`);
  try {
    const cached = readFileSync(file, "utf8");
    if (/^[0-9a-f]{64}$/.test(cached)) return cached;
  } catch {
    // not cached yet
  }
  const print = await probeFingerprint(target);
  store(file, print);
  return print;
}

/** TOPGEN_CACHE_DIR, else the project's node_modules/.cache/topgen (where tools keep caches), else the temp folder. */
export function cacheDir(projectRoot: string): string {
  const env = process.env["TOPGEN_CACHE_DIR"];
  if (env) return env;
  const modules = join(projectRoot, "node_modules");
  return existsSync(modules) ? join(modules, ".cache", "topgen") : join(tmpdir(), "topgen-cache");
}

/** Written through a temporary file and renamed: runs at the same time never read half an entry. */
export function store(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true }); // an unwritable cache costs time only
  }
}
