// The Target seam: build/ drives a target it knows nothing of (test/build/line-target, not shipped) with the same
// code that drives the TypeScript and OpenAPI targets: incremental builds, stale-file removal by header, the
// fingerprint from output, nothing written on failure, and what `check` compares.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectedFiles, generateTargets } from "../../generator/build/generate.js";
import { serializeSpec } from "../../generator/model/serialize.js";
import { InputError } from "../../generator/support/errors.js";
import type { Field } from "../../generator/model/types.js";
import { specWith } from "../support/sdk.js";
import { lineTarget } from "./line-target/index.js";

let dir = "";
const out = () => join(dir, "out");
const specsDir = () => join(dir, "specs");
const project = () => ({ root: dir, specs: specsDir() });
const listing = () => readdirSync(out()).sort();
const read = (name: string) => readFileSync(join(out(), name), "utf8");

function writeSpec(method: string, request: Field[]): void {
  writeFileSync(join(specsDir(), `${method}.json`), serializeSpec(specWith(method, request)));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "topgen-seam-"));
  mkdirSync(specsDir());
  process.env["TOPGEN_CACHE_DIR"] = join(dir, "cache");
  writeSpec("demo.a.get", [{ name: "id", type: "Number", required: true }]);
  writeSpec("demo.b.get", [{ name: "q", type: "String" }]);
});
afterEach(() => {
  delete process.env["TOPGEN_CACHE_DIR"];
  delete process.env["LINE_TARGET_KEY"];
  rmSync(dir, { recursive: true, force: true });
});

describe("a new target is a folder: build/ drives it unchanged", () => {
  it("generate writes a file per API, the aggregate and a manifest; a second run rebuilds and writes nothing", async () => {
    const first = await generateTargets([lineTarget(out())], project());
    expect(first.rebuilt).toBe(2);
    expect(listing()).toEqual(["ALL", "demo.a.get.lines", "demo.b.get.lines", "lines-manifest.json"]);
    expect(read("demo.a.get.lines")).toBe("# made by the line target\napi demo.a.get\nid: Number (required)\n");
    expect(read("ALL")).toBe("demo.a.get\ndemo.b.get\n");
    const second = await generateTargets([lineTarget(out())], project());
    expect(second).toMatchObject({ rebuilt: 0, written: [] });
  });

  it("a changed spec rebuilds that API alone; the aggregate over names is not rewritten", async () => {
    await generateTargets([lineTarget(out())], project());
    writeSpec("demo.b.get", [{ name: "q", type: "String", required: true }]);
    const r = await generateTargets([lineTarget(out())], project());
    expect(r.rebuilt).toBe(1);
    expect(r.written.sort()).toEqual(["demo.b.get.lines", "lines-manifest.json"]);
    expect(read("demo.b.get.lines")).toContain("q: String (required)");
  });

  it("a spec edited to the same size, its time set back, is rebuilt (the stamps cache sees the change)", async () => {
    const spec = join(specsDir(), "demo.b.get.json");
    const old = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(spec, old, old);
    await generateTargets([lineTarget(out())], project());
    const text = readFileSync(spec, "utf8");
    writeFileSync(spec, text.replace('"q"', '"r"'));
    utimesSync(spec, old, old);
    const r = await generateTargets([lineTarget(out())], project());
    expect(r.rebuilt).toBe(1);
    expect(read("demo.b.get.lines")).toContain("r: String");
  });

  it("a removed spec removes its file, recognized by the target's header; other files are left alone", async () => {
    await generateTargets([lineTarget(out())], project());
    writeFileSync(join(out(), "notes.lines"), "written by a person\n");
    rmSync(join(specsDir(), "demo.b.get.json"));
    const r = await generateTargets([lineTarget(out())], project());
    expect(r.removed).toEqual(["demo.b.get.lines"]);
    expect(listing()).toEqual(["ALL", "demo.a.get.lines", "lines-manifest.json", "notes.lines"]);
    expect(read("ALL")).toBe("demo.a.get\n");
  });

  it.each<[string, { given: () => ReturnType<typeof lineTarget>; want: number }]>([
    [
      "the code changed but not its output for the probes (a comment edit): nothing rebuilt",
      { given: () => ((process.env["LINE_TARGET_KEY"] = "2"), lineTarget(out())), want: 0 },
    ],
    ["its output for the probes changed: every API rebuilt", { given: () => lineTarget(out(), "API "), want: 2 }],
  ])("%s", async (_title, { given, want }) => {
    await generateTargets([lineTarget(out())], project());
    const r = await generateTargets([given()], project());
    expect(r.rebuilt).toBe(want);
  });

  it("what check compares is what generate wrote", async () => {
    await generateTargets([lineTarget(out())], project());
    const texts = new Map(readdirSync(specsDir()).map((n) => [n, readFileSync(join(specsDir(), n), "utf8")]));
    const expected = await expectedFiles(lineTarget(out()), project(), texts);
    expect([...expected.keys()].sort()).toEqual(listing());
    for (const [name, text] of expected) expect(read(name), name).toBe(text);
  });

  it("a problem the target's verify step finds stops the run; nothing is written", async () => {
    await generateTargets([lineTarget(out())], project());
    const before = listing().map((n) => [n, read(n)]);
    writeSpec("demo.c.get", [{ name: "bad", type: "String" }]);
    await expect(generateTargets([lineTarget(out())], project())).rejects.toThrow(InputError);
    expect(listing().map((n) => [n, read(n)])).toEqual(before);
  });
});
