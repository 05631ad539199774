// The built `topgen` bin as the CLI tests run it: the launcher, a check that it was built, one child process per
// command, and the config that points a scratch project's generated code at this repo's runtime.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { beforeAll } from "vitest";
import { REPO } from "./sdk.js";

export const BIN = join(REPO, "bin", "topgen.js");

/** Fails the test file at once when the CLI is not compiled (call at the top level of the file). */
export function requireBuiltCli(): void {
  beforeAll(() => {
    if (!existsSync(join(REPO, "dist", "generator", "cli.js")))
      throw new Error("run `npm run build` before the CLI tests");
  });
}

/** `topgen …args` in `cwd`, as a child process. */
export function runTopgen(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `dir/topgen.config.json`: `config`, with generated code importing this repo's runtime sources. */
export function writeRepoRuntimeConfig(dir: string, config: Record<string, unknown> = {}): void {
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport, ...config }));
}

/**
 * The text of a lock file (build/lock.ts) that names a run of `command` by `pid` on this host, started at a fixed
 * time. With this test process's pid the lock is live: a topgen run waits for it, then refuses.
 */
export function lockText(pid = process.pid, command = "generate"): string {
  return JSON.stringify({ pid, host: hostname(), started: "2026-01-01T00:00:00.000Z", command });
}
