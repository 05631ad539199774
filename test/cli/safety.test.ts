// Issue 12's "Why", one test per failure seen by a new user: the real bin in scratch projects. Each failed before
// the change (the message or exit code it checks did not exist, or files were lost).
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../support/sdk.js";
import { BIN, requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

const NLIFE = "alibaba.nlife.b2c.trade.refund";
const DEALREFUND = "alibaba.idle.isv.order.dealrefund";
const scratch: string[] = [];

requireBuiltCli();
afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-safety-"));
  scratch.push(dir);
  return dir;
}

/** A scratch project: the given seed pages in docs/, generated code pointed at this repo's runtime. */
function project(pages: string[], config: Record<string, unknown> = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, "docs"));
  for (const p of pages) cpSync(join(REPO, "docs", `${p}.txt`), join(dir, "docs", `${p}.txt`));
  writeRepoRuntimeConfig(dir, config);
  return dir;
}

/** parse + generate: the project built without the `build` command (what a test of something else needs). */
function built(dir: string): void {
  expect(topgen(dir, "parse", "docs").code).toBe(0);
  expect(topgen(dir, "generate").code).toBe(0);
}

function listing(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/** One line on stderr, exit 2: the shape of every user error. */
function expectUserError(r: ReturnType<typeof topgen>, ...words: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain("internal error");
  for (const w of words) expect(lines[0]).toContain(w);
}

describe("commands find the config upward and never work on the wrong folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = project([NLIFE]);
    built(dir);
  });

  it("check from docs/ checks the project (it printed a diff of every file and exited 1)", () => {
    const r = topgen(join(dir, "docs"), "check");
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("generate from docs/ regenerates the project's SDK, not docs/generated with 0 APIs", () => {
    const r = topgen(join(dir, "docs"), "generate");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^generated 1 APIs/);
    expect(existsSync(join(dir, "docs", "generated"))).toBe(false);
  });

  it.each([["generate"], ["check"], ["build"], ["add", "page.txt"], ["parse", "page.txt"]])(
    "in a folder with no config anywhere above, %s is exit 2 naming the config and init, and creates nothing",
    (...args) => {
      const empty = tempDir();
      writeFileSync(join(empty, "page.txt"), readFileSync(join(REPO, "docs", `${NLIFE}.txt`)));
      expectUserError(topgen(empty, ...args), "topgen.config.json", "topgen init");
      expect(listing(empty)).toEqual(["page.txt"]);
    },
  );
});

describe("commands that destroyed or misled", () => {
  it("generate --specs nope: exit 2 with the fix, and the SDK is still there (it removed it, exit 0)", () => {
    const dir = project([NLIFE]);
    built(dir);
    const before = listing(join(dir, "generated"));
    expectUserError(topgen(dir, "generate", "--specs", "nope"), "nope/", "no such folder", "topgen build");
    mkdirSync(join(dir, "empty"));
    expectUserError(topgen(dir, "generate", "--specs", "empty"), "empty/", "no specs");
    expect(listing(join(dir, "generated"))).toEqual(before);
  });

  it("a missing docs/ makes check exit 2 with the fix (it proposed deleting every spec)", () => {
    const dir = project([NLIFE]);
    built(dir);
    rmSync(join(dir, "docs"), { recursive: true });
    const r = topgen(dir, "check");
    expectUserError(r, "docs/", "no such folder", "topgen add");
    expect(r.stdout).toBe("");
    mkdirSync(join(dir, "docs"));
    expectUserError(topgen(dir, "check"), "docs/", "no doc pages");
  });

  it("a hand-written file in the output folder is neither removed by generate nor drift for check", () => {
    const dir = project([NLIFE]);
    built(dir);
    writeFileSync(join(dir, "generated", "extra.ts"), "export const mine = 1;\n");
    expect(topgen(dir, "generate", "--full").code).toBe(0);
    expect(readFileSync(join(dir, "generated", "extra.ts"), "utf8")).toBe("export const mine = 1;\n");
    const r = topgen(dir, "check");
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("an orphan spec (a page parsed from outside docs/): check advises one command, and after it check passes", () => {
    const dir = project([NLIFE]);
    built(dir);
    mkdirSync(join(dir, "elsewhere"));
    const page = join(dir, "elsewhere", `${DEALREFUND}.txt`);
    cpSync(join(REPO, "docs", `${DEALREFUND}.txt`), page);
    expect(topgen(dir, "parse", page).code).toBe(0);
    const drift = topgen(dir, "check");
    expect(drift.code).toBe(1);
    const advice = /run `([^`]+)`/.exec(drift.stderr)?.[1];
    expect(advice).toBe("npx topgen build");
    expect(topgen(dir, "build").code).toBe(0);
    expect(listing(join(dir, "generated"))).toContain(`${DEALREFUND}.ts`);
    expect(topgen(dir, "check").code).toBe(0);
    // The orphan's page gone: the same command removes its spec and module, and check passes again.
    rmSync(page);
    expect(topgen(dir, "check").code).toBe(1);
    expect(topgen(dir, "build").code).toBe(0);
    expect(listing(join(dir, "specs"))).toEqual([`${NLIFE}.json`]);
    expect(listing(join(dir, "generated"))).not.toContain(`${DEALREFUND}.ts`);
    expect(topgen(dir, "check").code).toBe(0);
  });

  it("add of an HTML page for an API added as text replaces the old page: updated, then unchanged, and build passes", () => {
    const dir = project([]);
    const html = join(REPO, "test", "read", "fixtures", "html", `${NLIFE}.html`);
    const first = topgen(dir, "add", join(REPO, "docs", `${NLIFE}.txt`));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^added ${NLIFE.replaceAll(".", "\\.")}: `));
    const second = topgen(dir, "add", html);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^updated /);
    expect(listing(join(dir, "docs"))).toEqual([`${NLIFE}.html`, "sources.json"]); // the old page gone; its provenance kept beside it
    const third = topgen(dir, "add", html);
    expect(third.stdout).toMatch(/^unchanged /);
    expect(topgen(dir, "parse", "docs").code).toBe(0);
    expect(topgen(dir, "check").code).toBe(0);
  });
});

describe("user mistakes are exit 2 in one line, not topgen's bugs (exit 3)", () => {
  let dir: string;
  beforeAll(() => {
    dir = project([NLIFE]);
  });

  it.each([
    ["add of a missing file (internal error: ENOENT)", ["add", "docs/typo.txt"], ["docs/typo.txt", "no such file"]],
    ["add of a folder (internal error: EISDIR)", ["add", "docs"], ["docs", "folder"]],
    ["parse --stdout of a folder (internal error: EISDIR)", ["parse", "docs", "--stdout"], ["docs", "folder"]],
    ["parse of a missing file", ["parse", "docs/typo.txt"], ["docs/typo.txt", "no such file"]],
  ])("%s", (_title, args, words) => {
    const before = listing(dir);
    expectUserError(topgen(dir, ...args), ...words);
    expect(listing(dir)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable page is exit 2 naming it (permission denied)", () => {
    const page = join(dir, "docs", `${NLIFE}.txt`);
    spawnSync("chmod", ["000", page]);
    try {
      expectUserError(topgen(dir, "parse", page), "permission denied");
    } finally {
      spawnSync("chmod", ["644", page]);
    }
  });
});

describe("the runtime import", () => {
  it("generate --out elsewhere with a relative runtimeImport: the import follows (it gave 100 'Cannot find module')", () => {
    const dir = project([NLIFE]);
    built(dir);
    const r = topgen(dir, "generate", "--out", "lib/sdk");
    expect(r.code, r.stderr).toBe(0);
    const want = relative(join(dir, "lib", "sdk"), join(REPO, "runtime", "index.js"))
      .split("\\")
      .join("/");
    expect(readFileSync(join(dir, "lib", "sdk", `${NLIFE}.ts`), "utf8")).toContain(`import * as rt from "${want}";`);
  });

  it.each([
    ["a package that is not installed", "@nope/runtime", ["npm install @nope/runtime"]],
    ["a relative path to no file", "../nowhere/index.js", ["no such file"]],
  ])("%s: one line naming the key and the fix, exit 2, nothing written", (_title, runtimeImport, words) => {
    const dir = project([NLIFE], { runtimeImport });
    expect(topgen(dir, "parse", "docs").code).toBe(0);
    expectUserError(topgen(dir, "generate"), "topgen.config.json", '"runtimeImport"', runtimeImport, ...words);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });
});

describe("the command line itself", () => {
  it("--version is topgen's, not the app's (run as the app's node_modules/.bin/topgen)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", version: "9.9.9" }));
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    symlinkSync(BIN, join(dir, "node_modules", ".bin", "topgen"));
    const r = spawnSync(process.execPath, [join(dir, "node_modules", ".bin", "topgen"), "--version"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version,
    );
  });

  it("-h is help", () => {
    const r = topgen(REPO, "-h");
    expect(r.code).toBe(0);
    for (const command of ["init", "add", "build", "parse", "generate", "check", "openapi"])
      expect(r.stdout).toContain(`topgen ${command}`);
  });

  it("no command: the message names every command, openapi included", () => {
    const r = topgen(REPO);
    expectUserError(r, "openapi", "init", "build");
  });

  it("openapi into a pipe closed early ends quietly (it died with an unhandled EPIPE)", async () => {
    const child = spawn(process.execPath, [BIN, "openapi"], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy(); // the reader is gone before the first byte
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("both packages declare the Node floor where the runtime's CommonJS route (require of ESM) works", () => {
    for (const file of ["package.json", "runtime/package.json"]) {
      const pkg = JSON.parse(readFileSync(join(REPO, file), "utf8")) as { engines: { node: string } };
      expect(pkg.engines.node).toBe(">=20.19");
    }
  });
});
