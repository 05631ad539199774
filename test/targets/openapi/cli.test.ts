// `topgen openapi` as a user runs it (the built bin), and openapi-typescript reading what it writes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApi, serializeOpenApi } from "../../../generator/targets/openapi/index.js";
import { REPO, repoSpecs } from "./support.js";
import { lockText } from "../../support/cli.js";

const BIN = join(REPO, "bin", "topgen.js");
const OPENAPI_TS = join(REPO, "node_modules", "openapi-typescript", "bin", "cli.js");
const TSC = join(REPO, "node_modules", "typescript", "bin", "tsc");
let scratch: string;

beforeAll(() => {
  if (!existsSync(join(REPO, "dist", "generator", "targets", "openapi", "index.js")))
    throw new Error("run `npm run build` before the CLI tests");
  scratch = mkdtempSync(join(tmpdir(), "topgen-openapi-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("topgen openapi", () => {
  const want = serializeOpenApi(buildOpenApi(repoSpecs()));

  it("prints the export of specs/ on stdout, and nothing else", () => {
    const r = run(BIN, ["openapi"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want);
  });

  it("--out writes the file (and says so), --specs names the folder", () => {
    const out = join(scratch, "out", "top.openapi.json");
    const r = run(BIN, ["openapi", "--specs", "specs", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^exported 2 APIs as OpenAPI 3\.1\.1 to .*top\.openapi\.json \(\d+ bytes\)\n$/);
    expect(readFileSync(out, "utf8")).toBe(want);
    expect(readdirSync(join(scratch, "out"))).toEqual(["top.openapi.json"]);
  });

  it("--out removes the temporary files a killed run left beside the file, and nothing else", () => {
    const dir = join(scratch, "leftovers");
    mkdirSync(dir, { recursive: true });
    const left = [".top.openapi.json.topgen-tmp-0123456789ab", ".top.openapi.json.topgen-tmp-ba9876543210"];
    const others = [".other.json.topgen-tmp-0123456789ab", "notes.txt"];
    for (const name of [...left, ...others]) writeFileSync(join(dir, name), "x");
    const r = run(BIN, ["openapi", "--specs", "specs", "--out", join(dir, "top.openapi.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...others, "top.openapi.json"].sort());
  });

  it("--out waits for a run that holds the folder's lock, then refuses in one line and writes nothing", () => {
    const parent = join(scratch, "locked");
    const dir = join(parent, "out");
    mkdirSync(dir, { recursive: true });
    const lock = lockText(); // this test process is alive: the lock is live
    writeFileSync(join(parent, ".topgen-lock-out"), lock);
    const r = spawnSync(process.execPath, [BIN, "openapi", "--specs", "specs", "--out", join(dir, "top.json")], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, TOPGEN_LOCK_WAIT: "0.3" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^topgen: .*\.topgen-lock-out: .*out\/ is in use by another topgen run \(pid \d+, `topgen generate`.*waited 0\.3s \(TOPGEN_LOCK_WAIT\).*\n$/,
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(readFileSync(join(parent, ".topgen-lock-out"), "utf8")).toBe(lock);
  });

  it("a folder without specs is bad input: one line, exit 2", () => {
    const empty = join(scratch, "empty");
    mkdirSync(empty, { recursive: true });
    const r = run(BIN, ["openapi", "--specs", empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^topgen: .*empty: no specs \(\*\.json\) to export\n$/);
    expect(r.stdout).toBe("");
  });

  it("a broken spec is bad input naming the file, and no output file appears", () => {
    const specs = join(scratch, "broken");
    mkdirSync(specs, { recursive: true });
    writeFileSync(join(specs, "x.json"), '{"specVersion": 1}');
    const out = join(scratch, "broken.json");
    const r = run(BIN, ["openapi", "--specs", specs, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.json.*not a valid topgen spec/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("openapi-typescript on the export of the seed specs", () => {
  it("runs without errors or warnings, and its output type-checks", () => {
    const input = join(scratch, "seeds.openapi.json");
    const output = join(scratch, "seeds.d.ts");
    writeFileSync(input, serializeOpenApi(buildOpenApi(repoSpecs())));
    const r = run(OPENAPI_TS, [input, "-o", output]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const types = readFileSync(output, "utf8");
    expect(types).toContain('"/alibaba.nlife.b2c.trade.refund": {');
    expect(types).toContain('"AlibabaNlifeB2cTradeRefundRequest.FundBill": {');
    expect(types).toContain("refund_goods_list: string[];");
    expect(types).toMatch(/type: "CASH" \| "UNIONPAY" \|/);
    const tsc = run(TSC, ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", output], scratch);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  });
});
