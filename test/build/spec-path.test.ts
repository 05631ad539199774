// The manifest records the spec each module came from (relative to the project root, with `/`): moving the specs
// folder rebuilds the modules (their headers name the spec), and `check` says which spec a stale module came from.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { loadConfig, type Config } from "../../generator/config/config.js";
import { checkProject, parseDocs, writeSpecs } from "../../generator/project/project.js";
import { generateProject } from "../../generator/project/targets.js";
import { REPO } from "../support/sdk.js";

const PAGES = ["alibaba.idle.isv.order.dealrefund", "alibaba.nlife.b2c.trade.refund"];
let dir = "";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "topgen-spec-path-"));
  process.env["TOPGEN_CACHE_DIR"] = join(dir, "cache");
});
afterEach(() => {
  delete process.env["TOPGEN_CACHE_DIR"];
  rmSync(dir, { recursive: true, force: true });
});

function configWith(specs: string): Config {
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport, specs }));
  return loadConfig(dir);
}

const manifest = () =>
  JSON.parse(readFileSync(join(dir, "generated", "topgen-manifest.json"), "utf8")) as {
    apis: Record<string, { specPath?: string }>;
  };

it("a moved specs folder: check names the old spec and the new one, generate rebuilds, check is green", async () => {
  mkdirSync(join(dir, "docs"));
  for (const m of PAGES) cpSync(join(REPO, "docs", `${m}.txt`), join(dir, "docs", `${m}.txt`));
  let config = configWith("specs");
  writeSpecs(parseDocs([config.docs], config), config.specs);
  await generateProject(config);
  expect(Object.fromEntries(Object.entries(manifest().apis).map(([k, e]) => [k, e.specPath]))).toEqual(
    Object.fromEntries(PAGES.map((m) => [`${m}.json`, `specs/${m}.json`])),
  );

  renameSync(join(dir, "specs"), join(dir, "api-specs"));
  config = configWith("api-specs");
  const drift = await checkProject(config);
  const modules = drift.filter((d) => d.file.endsWith(".ts") && d.file !== "generated/index.ts");
  expect(modules.map((d) => [d.file, d.spec])).toEqual(PAGES.map((m) => [`generated/${m}.ts`, `specs/${m}.json`]));
  for (const [i, d] of modules.entries())
    expect(d.reason).toBe(
      `its spec is read from another place: made from specs/${PAGES[i]}.json, the config now gives api-specs/${PAGES[i]}.json (the config's specs folder)`,
    );

  const r = await generateProject(config);
  expect(r.rebuilt).toBe(2);
  for (const m of PAGES)
    expect(readFileSync(join(dir, "generated", `${m}.ts`), "utf8").split("\n")[0]).toContain(`api-specs/${m}.json`);
  expect(Object.values(manifest().apis).map((e) => e.specPath)).toEqual(PAGES.map((m) => `api-specs/${m}.json`));
  expect(await checkProject(config)).toEqual([]);
  expect((await generateProject(config)).rebuilt).toBe(0);
}, 60_000);
