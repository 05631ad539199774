// The real `topgen` bin, run as a child process in a scratch project.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../support/sdk.js";
import { BIN, requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

const SEEDS = ["alibaba.idle.isv.order.dealrefund.txt", "alibaba.nlife.b2c.trade.refund.txt"];
const scratch: string[] = [];

requireBuiltCli();
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A scratch project: the seed docs, and a config pointing generated code at this repo's runtime. */
function project(docs: string[] = SEEDS, config: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-cli-"));
  scratch.push(dir);
  mkdirSync(join(dir, "docs"));
  for (const d of docs) cpSync(join(REPO, "docs", d), join(dir, "docs", d));
  writeRepoRuntimeConfig(dir, config);
  return dir;
}

function listing(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

it("--help names every command", () => {
  const r = topgen(REPO, "--help");
  expect(r.code).toBe(0);
  for (const command of ["parse", "generate", "check", "add"]) expect(r.stdout).toContain(command);
});

it("parse + generate on the seeds gives the committed specs and a generated module per API", () => {
  const dir = project();
  expect(topgen(dir, "parse", "docs").code).toBe(0);
  for (const seed of SEEDS) {
    const spec = seed.replace(/\.txt$/, ".json");
    expect(readFileSync(join(dir, "specs", spec), "utf8")).toBe(readFileSync(join(REPO, "specs", spec), "utf8"));
  }
  const gen = topgen(dir, "generate");
  expect(gen.code).toBe(0);
  expect(gen.stdout).toMatch(/generated 2 APIs/);
  expect(listing(join(dir, "generated"))).toEqual([
    "alibaba.idle.isv.order.dealrefund.ts",
    "alibaba.nlife.b2c.trade.refund.ts",
    "index.ts",
    "topgen-manifest.json",
  ]);
  expect(topgen(dir, "check").code).toBe(0);
});

describe("incremental generate: the manifest", () => {
  const mtimes = (dir: string) =>
    Object.fromEntries(listing(join(dir, "generated")).map((f) => [f, statSync(join(dir, "generated", f)).mtimeMs]));

  it("a second run rebuilds nothing and rewrites nothing", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const before = mtimes(dir);
    const r = topgen(dir, "generate");
    expect(r.stdout).toMatch(/generated 2 APIs \(0 rebuilt\): 0 files written/);
    expect(mtimes(dir)).toEqual(before);
  });

  it("one changed spec rebuilds that API alone; the other file keeps its mtime", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const before = mtimes(dir);
    const spec = join(dir, "specs", "alibaba.nlife.b2c.trade.refund.json");
    writeFileSync(spec, readFileSync(spec, "utf8").replace('"外部请求号"', '"外部请求号 v2"'));
    const r = topgen(dir, "generate");
    expect(r.stdout).toMatch(/\(1 rebuilt\)/);
    const after = mtimes(dir);
    expect(after["alibaba.idle.isv.order.dealrefund.ts"]).toBe(before["alibaba.idle.isv.order.dealrefund.ts"]);
    expect(after["alibaba.nlife.b2c.trade.refund.ts"]).not.toBe(before["alibaba.nlife.b2c.trade.refund.ts"]);
    expect(readFileSync(join(dir, "generated", "alibaba.nlife.b2c.trade.refund.ts"), "utf8")).toContain(
      "外部请求号 v2",
    );
  });

  it("a template change rebuilds every API; a deleted manifest only costs time", () => {
    const dir = project(SEEDS, { templates: "templates" });
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const template = join(dir, "templates", "module.hbs");
    writeFileSync(template, readFileSync(template, "utf8") + "\n// v2\n");
    expect(topgen(dir, "generate").stdout).toMatch(/\(2 rebuilt\)/);
    const before = mtimes(dir);
    rmSync(join(dir, "generated", "topgen-manifest.json"));
    const r = topgen(dir, "generate");
    expect(r.stdout).toMatch(/\(2 rebuilt\): 1 files written/);
    const after = mtimes(dir);
    delete before["topgen-manifest.json"];
    delete after["topgen-manifest.json"];
    expect(after).toEqual(before);
    expect(topgen(dir, "check").code).toBe(0);
  });

  it("a hand-deleted generated file is rebuilt", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    rmSync(join(dir, "generated", "alibaba.idle.isv.order.dealrefund.ts"));
    expect(topgen(dir, "generate").stdout).toMatch(/\(1 rebuilt\)/);
    expect(topgen(dir, "check").code).toBe(0);
  });
});

it("parse --stdout prints the spec of one page and writes nothing", () => {
  const dir = project();
  const r = topgen(dir, "parse", "--stdout", "docs/alibaba.nlife.b2c.trade.refund.txt");
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(readFileSync(join(REPO, "specs", "alibaba.nlife.b2c.trade.refund.json"), "utf8"));
  expect(existsSync(join(dir, "specs"))).toBe(false);
});

describe("check catches drift", () => {
  it("an edited spec: exit 1 with a unified diff, then regenerating makes it pass", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const file = join(dir, "specs", "alibaba.nlife.b2c.trade.refund.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"外部请求号"', '"外部请求号 (edited)"'));
    const r = topgen(dir, "check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("--- a/specs/alibaba.nlife.b2c.trade.refund.json");
    expect(r.stdout).toMatch(/^-.*外部请求号 \(edited\)/m);
    expect(r.stdout).toMatch(/^\+.*"外部请求号"/m);
    expect(r.stderr).toContain("specs/alibaba.nlife.b2c.trade.refund.json");
    topgen(dir, "parse", "docs");
    expect(topgen(dir, "check").code).toBe(0);
  });

  it("an edited template: exit 1 with a diff of generated code, then regenerating makes it pass", () => {
    const dir = project(SEEDS, { templates: "templates" });
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const template = join(dir, "templates", "module.hbs");
    writeFileSync(template, readFileSync(template, "utf8").replace("DO NOT EDIT.", "DO NOT EDIT. (template v2)"));
    const r = topgen(dir, "check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("+++ b/generated/alibaba.idle.isv.order.dealrefund.ts");
    expect(r.stdout).toMatch(/^\+.*\(template v2\)/m);
    topgen(dir, "generate");
    expect(topgen(dir, "check").code).toBe(0);
  });

  it("a hand edit to generated code is drift too", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    writeFileSync(join(dir, "generated", "index.ts"), "// hand edit\n");
    expect(topgen(dir, "check").code).toBe(1);
  });
});

it("add copies the page into docs/, writes its spec, regenerates, and says what it wrote", () => {
  const dir = project([SEEDS[0]!]);
  topgen(dir, "parse", "docs");
  topgen(dir, "generate");
  const r = topgen(dir, "add", join(REPO, "..", "shared", "data", "seeds", "002_83a8456f5fe44fdf.txt"));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("added alibaba.nlife.b2c.trade.refund");
  expect(r.stdout).toContain("specs/alibaba.nlife.b2c.trade.refund.json");
  // The page, and where it came from and when it was saved (docs/sources.json).
  expect(listing(join(dir, "docs"))).toEqual([...SEEDS, "sources.json"]);
  expect(Object.keys(JSON.parse(readFileSync(join(dir, "docs", "sources.json"), "utf8")) as object)).toEqual([
    SEEDS[1],
  ]);
  expect(listing(join(dir, "generated"))).toContain("alibaba.nlife.b2c.trade.refund.ts");
  expect(topgen(dir, "check").code).toBe(0);
});

describe("bad input: one line naming the file, exit 2, nothing written", () => {
  it.each<[string, { given: Buffer | string; line: number }]>([
    ["an empty file", { given: "", line: 1 }],
    [
      "a page with no 请求参数 table",
      { given: "alibaba.x.y (某接口)\n\n描述\n\n响应参数\n\n名称 类型 示例值 描述\nok Boolean true 成功\n", line: 1 },
    ],
    [
      "a binary file",
      { given: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), line: 3 },
    ],
    ["text that is not a doc page", { given: "hello\nworld\n", line: 1 }],
  ])("%s", (_title, { given, line }) => {
    const dir = project();
    writeFileSync(join(dir, "docs", "bad.txt"), given);
    const before = listing(dir);
    const r = topgen(dir, "parse", "docs");
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`docs/bad.txt:${line}:`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(listing(dir)).toEqual(before);
  });

  it("a broken spec stops generate before anything is written", () => {
    const dir = project();
    topgen(dir, "parse", "docs");
    topgen(dir, "generate");
    const before = listing(join(dir, "generated")).map((f) => [f, readFileSync(join(dir, "generated", f), "utf8")]);
    writeFileSync(join(dir, "specs", "alibaba.nlife.b2c.trade.refund.json"), '{ "specVersion": 1,\n  "method": 5 }');
    const r = topgen(dir, "generate");
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("specs/alibaba.nlife.b2c.trade.refund.json:");
    expect(listing(join(dir, "generated")).map((f) => [f, readFileSync(join(dir, "generated", f), "utf8")])).toEqual(
      before,
    );
  });

  it("an unknown command is a usage error, exit 2", () => {
    const r = topgen(project(), "frobnicate");
    expect(r.code).toBe(2);
  });
});

describe("worker threads", () => {
  /** A project with `n` APIs: copies of a seed spec under different methods (enough for several batches). */
  function manyApis(n: number, config: Record<string, unknown> = {}, optionalFrom = n): string {
    const dir = project(SEEDS, config);
    topgen(dir, "parse", "docs");
    const seed = JSON.parse(readFileSync(join(dir, "specs", "alibaba.nlife.b2c.trade.refund.json"), "utf8")) as {
      method: string;
      request: object[];
    };
    for (let i = 0; i < n; i++) {
      const method = `alibaba.nlife.b2c.trade.refund${String(i).padStart(3, "0")}`;
      // From `optionalFrom` on, every param is optional (the test below makes only those fail to type-check).
      const request =
        i < optionalFrom ? seed.request : seed.request.map(({ required: _, ...f }: { required?: true }) => f);
      writeFileSync(join(dir, "specs", `${method}.json`), `${JSON.stringify({ ...seed, method, request }, null, 2)}\n`);
    }
    return dir;
  }
  const contents = (dir: string) =>
    Object.fromEntries(
      listing(join(dir, "generated")).map((f) => [f, readFileSync(join(dir, "generated", f), "utf8")]),
    );

  it("a worker that runs out of memory has its batches built in the main thread, with the same output", () => {
    const dir = manyApis(230);
    expect(topgen(dir, "generate").code).toBe(0);
    const normal = contents(dir);
    expect(Object.keys(normal)).toHaveLength(232 + 2);
    rmSync(join(dir, "generated"), { recursive: true });
    const r = spawnSync(process.execPath, [BIN, "generate"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, TOPGEN_WORKER_HEAP_MB: "4" },
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^topgen: warning: a worker ran out of memory \(heap limit 4 MB\); building in the main thread$/m,
    );
    expect(contents(dir)).toEqual(normal);
  }, 120_000);

  it("a bad spec in a large run (workers already started) is reported and the run exits", () => {
    const dir = manyApis(230);
    writeFileSync(join(dir, "specs", "alibaba.nlife.b2c.trade.refund229.json"), '{ "specVersion": 1,\n  "method": 5 }');
    const r = spawnSync(process.execPath, [BIN, "generate"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect(r.signal).toBeNull(); // not killed by the timeout: idle workers do not keep the process alive
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("specs/alibaba.nlife.b2c.trade.refund229.json:");
    expect(existsSync(join(dir, "generated"))).toBe(false);
  }, 120_000);

  it("when a later batch fails to type-check, the batches already built are not moved into place", () => {
    const dir = manyApis(230, { templates: "templates" }, 220);
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    const first = topgen(dir, "generate");
    expect(first.code, first.stderr).toBe(0);
    const before = contents(dir);
    const template = join(dir, "templates", "module.hbs");
    // A change to every module (so all are rebuilt), and a type error in the modules whose params are all optional.
    writeFileSync(
      template,
      `${readFileSync(template, "utf8")}\nexport const edited = 1;\n{{#if paramsOptional}}\nexport const broken: number = "x";\n{{/if}}\n`,
    );
    const r = topgen(dir, "generate");
    expect(r.code).toBe(2);
    // The first failing module in order (the dealrefund seed's params are all optional too); the batch in the
    // middle built cleanly and was staged.
    expect(r.stderr).toMatch(
      /^topgen: generated\/alibaba\.idle\.isv\.order\.dealrefund\.ts:\d+: generated code does not type-check/m,
    );
    expect(contents(dir)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith(".topgen-"))).toEqual([]);
  }, 120_000);
});
