// A run's output appears all at once or not at all, whenever the process is killed (real processes, SIGKILL at
// chosen points through the test-only TOPGEN_TEST_KILL_AT hook); the next command completes or undoes what the
// killed run left, and removes only topgen's own leftovers. Two runs on one output never mix; a lock left by a
// killed run is taken over, a live one waited for and then refused.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, lockText, requireBuiltCli, writeRepoRuntimeConfig } from "../support/cli.js";
import { REPO } from "../support/sdk.js";

requireBuiltCli();

const DOC_JSON = join(REPO, "..", "shared", "data", "doc-json");
const scratch: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
let cache = "";
/** A project whose generated/ is the old tree. */
let oldProject = "";
/** The same project after its doc pages changed (one edited, one removed, one added), built: the new tree. */
let newProject = "";
let oldTree: Tree;
let newTree: Tree;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function topgen(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TOPGEN_CACHE_DIR: cache, ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function topgenAsync(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, TOPGEN_CACHE_DIR: cache, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** What a reader sees: every file of generated/ with its bytes, and the names at the project's top. */
interface Tree {
  generated: Record<string, string>;
  top: string[];
}

function treeOf(dir: string): Tree {
  const generated: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, "generated", sub), { withFileTypes: true })) {
      const rel = sub === "" ? e.name : `${sub}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else generated[rel] = readFileSync(join(dir, "generated", rel), "latin1");
    }
  };
  walk("");
  return { generated, top: readdirSync(dir).sort() };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from); // the edit must happen, or the test proves nothing
  writeFileSync(file, text.replace(from, to));
}

/** A copy of the old project whose docs and specs are the new project's: `generate` there makes the new tree. */
function pending(): string {
  const dir = temp("topgen-atomic-case-");
  cpSync(oldProject, dir, { recursive: true });
  for (const part of ["docs", "specs"]) {
    rmSync(join(dir, part), { recursive: true });
    cpSync(join(newProject, part), join(dir, part), { recursive: true });
  }
  return dir;
}

beforeAll(() => {
  cache = temp("topgen-atomic-cache-");
  oldProject = temp("topgen-atomic-old-");
  mkdirSync(join(oldProject, "docs"));
  for (const page of ["alibaba.idle.isv.order.dealrefund.txt", "alibaba.nlife.b2c.trade.refund.txt"])
    cpSync(join(REPO, "docs", page), join(oldProject, "docs", page));
  for (const page of ["taobao.crm.point.available.get.json", "alitrip.travel.poi.search.json"])
    cpSync(join(DOC_JSON, page), join(oldProject, "docs", page));
  writeRepoRuntimeConfig(oldProject);
  // The user's own files, beside and inside the output: never touched, whatever topgen recovers.
  writeFileSync(join(oldProject, ".topgen-notes.txt"), "mine\n");
  mkdirSync(join(oldProject, "generated"));
  writeFileSync(join(oldProject, "generated", "helpers.ts"), "export const mine = 1;\n");
  expect(topgen(oldProject, ["build"]).code).toBe(0);
  oldTree = treeOf(oldProject);

  newProject = temp("topgen-atomic-new-");
  cpSync(oldProject, newProject, { recursive: true });
  edit(
    join(newProject, "docs", "alibaba.idle.isv.order.dealrefund.txt"),
    "服务商使用此接口处理退款",
    "服务商使用此接口处理退款(v2)",
  );
  rmSync(join(newProject, "docs", "alibaba.nlife.b2c.trade.refund.txt"));
  cpSync(
    join(DOC_JSON, "aliexpress.affiliate.featuredpromo.get.json"),
    join(newProject, "docs", "aliexpress.affiliate.featuredpromo.get.json"),
  );
  expect(topgen(newProject, ["build"]).code).toBe(0);
  newTree = treeOf(newProject);
}, 120_000);

afterAll(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the two trees differ as the kill points need", () => {
  it("four renames (edited module, added module, index, manifest) and one removal; the user's files in both", () => {
    const changed = Object.keys(newTree.generated).filter((f) => oldTree.generated[f] !== newTree.generated[f]);
    expect(changed.sort()).toEqual(
      [
        "aliexpress.affiliate.featuredpromo.get.ts",
        "alibaba.idle.isv.order.dealrefund.ts",
        "index.ts",
        "topgen-manifest.json",
      ].sort(),
    );
    expect(Object.keys(oldTree.generated).filter((f) => !(f in newTree.generated))).toEqual([
      "alibaba.nlife.b2c.trade.refund.ts",
    ]);
    for (const tree of [oldTree, newTree]) {
      expect(tree.generated["helpers.ts"]).toBe("export const mine = 1;\n");
      expect(tree.top).toContain(".topgen-notes.txt");
      expect(tree.top.filter((n) => n.startsWith(".topgen-") && n !== ".topgen-notes.txt")).toEqual([]);
    }
  });
});

describe("SIGKILL during generate: the next command sees wholly the old or wholly the new tree", () => {
  it.each<[string, { given: string; want: "old" | "new" }]>([
    ["with the lock taken, before any file is staged", { given: "locked", want: "old" }],
    ["every file staged, before the journal", { given: "staged", want: "old" }],
    ["the journal written, nothing moved", { given: "journal", want: "new" }],
    ["after 1 of 4 renames", { given: "commit:1", want: "new" }],
    ["after 3 of 4 renames (the manifest still old)", { given: "commit:3", want: "new" }],
    ["after every rename, before the removal", { given: "commit:4", want: "new" }],
    ["everything applied, before the journal is removed", { given: "applied", want: "new" }],
  ])(
    "%s (%s)",
    (_title, { given, want }) => {
      const dir = pending();
      const killed = topgen(dir, ["generate"], { TOPGEN_TEST_KILL_AT: given });
      expect(killed.signal).toBe("SIGKILL");
      // check is the next command: it waits for no dead run, completes or undoes the commit, then compares.
      const check = topgen(dir, ["check"]);
      expect(check.stderr).toMatch(/taking over a stale lock \(pid \d+/);
      expect(treeOf(dir)).toEqual(want === "new" ? newTree : oldTree);
      // The new tree is what the specs give: check is green exactly when the commit was completed.
      expect(check.code).toBe(want === "new" ? 0 : 1);
      // And the next generate ends at the new tree either way, with nothing left behind.
      expect(topgen(dir, ["generate"]).code).toBe(0);
      expect(treeOf(dir)).toEqual(newTree);
    },
    60_000,
  );

  it("a commit completed by generate itself (not check) says so in one line", () => {
    const dir = pending();
    expect(topgen(dir, ["generate"], { TOPGEN_TEST_KILL_AT: "commit:2" }).signal).toBe("SIGKILL");
    const next = topgen(dir, ["generate"]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^topgen: warning: generated\/: completed the commit an interrupted topgen run left/m);
    expect(next.stdout).toMatch(/\(0 rebuilt\)/);
    expect(treeOf(dir)).toEqual(newTree);
  }, 60_000);
});

describe("the lock", () => {
  it("two concurrent generate runs with different specs on one output: the end state is wholly one of them", async () => {
    // One output, two spec folders: specs-old/ and specs-new/.
    const dir = temp("topgen-atomic-two-");
    writeRepoRuntimeConfig(dir);
    cpSync(join(oldProject, "specs"), join(dir, "specs-old"), { recursive: true });
    cpSync(join(newProject, "specs"), join(dir, "specs-new"), { recursive: true });
    const wholly: Record<string, Tree> = {};
    for (const side of ["old", "new"]) {
      const ref = temp(`topgen-atomic-ref-${side}-`);
      writeRepoRuntimeConfig(ref);
      cpSync(join(dir, `specs-${side}`), join(ref, `specs-${side}`), { recursive: true });
      expect(topgen(ref, ["generate", "--specs", `specs-${side}`, "--out", "generated"]).code).toBe(0);
      wholly[side] = treeOf(ref);
    }
    expect(wholly["old"]).not.toEqual(wholly["new"]);
    const runs = await Promise.all(
      ["old", "new"].map((side) => topgenAsync(dir, ["generate", "--specs", `specs-${side}`, "--out", "generated"])),
    );
    for (const r of runs) {
      if (r.code !== 0) {
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          /^topgen: \.topgen-lock-generated: generated\/ is in use by another topgen run \(pid \d+/,
        );
      }
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    const end = treeOf(dir);
    expect(end.top).toEqual(["generated", "specs-new", "specs-old", "topgen.config.json"]);
    expect([wholly["old"]!.generated, wholly["new"]!.generated]).toContainEqual(end.generated);
  }, 120_000);

  it("a live run's lock is waited for (TOPGEN_LOCK_WAIT), then refused in one line naming the pid and the lock file", () => {
    const dir = pending();
    const lock = lockText(); // this test process is alive: the lock is live
    writeFileSync(join(dir, ".topgen-lock-generated"), lock);
    for (const command of ["generate", "check"]) {
      const r = topgen(dir, [command], { TOPGEN_LOCK_WAIT: "0.3" });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([
        `topgen: .topgen-lock-generated: generated/ is in use by another topgen run (pid ${process.pid}, \`topgen generate\`, since 2026-01-01T00:00:00.000Z); waited 0.3s (TOPGEN_LOCK_WAIT): let it finish, or delete this lock file if no topgen run is going`,
      ]);
    }
    expect(readFileSync(join(dir, ".topgen-lock-generated"), "utf8")).toBe(lock);
    expect(treeOf(dir).generated).toEqual(oldTree.generated);
  }, 60_000);

  it("a stale lock (a dead pid written in it) is reported in one line and taken over, by generate and by check", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    for (const command of ["check", "generate"]) {
      const dir = pending();
      writeFileSync(join(dir, ".topgen-lock-generated"), lockText(dead, "build"));
      const r = topgen(dir, [command]);
      expect(r.code).toBe(command === "check" ? 1 : 0);
      expect(r.stderr.split("\n").filter((l) => l.includes("lock"))).toEqual([
        `topgen: warning: .topgen-lock-generated: taking over a stale lock (pid ${dead}, \`topgen build\`, since 2026-01-01T00:00:00.000Z: that run is gone)`,
      ]);
      expect(treeOf(dir)).toEqual(command === "check" ? oldTree : newTree);
    }
  }, 60_000);
});
