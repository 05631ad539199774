// `check` says why each file is out of date (the docs, or the generator, or a hand edit), and the OpenAPI export
// goes through the target seam: `generate` keeps it current incrementally and `check` compares it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../generator/config/config.js";
import { checkProject, parseDocs, writeSpecs } from "../../generator/project/project.js";
import { generateProject } from "../../generator/project/targets.js";
import { exportSpecsFolder } from "../../generator/targets/openapi/index.js";
import { REPO } from "../support/sdk.js";

const REFUND = "alibaba.nlife.b2c.trade.refund";
const DEAL = "alibaba.idle.isv.order.dealrefund";
let dir = "";

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "topgen-check-"));
  process.env["TOPGEN_CACHE_DIR"] = join(dir, "cache");
});
afterEach(() => {
  delete process.env["TOPGEN_CACHE_DIR"];
  rmSync(dir, { recursive: true, force: true });
});

/** The two seed pages, parsed and generated; `extra` goes into topgen.config.json. */
async function project(extra: Record<string, unknown> = {}): Promise<Config> {
  mkdirSync(join(dir, "docs"));
  for (const m of [REFUND, DEAL]) cpSync(join(REPO, "docs", `${m}.txt`), join(dir, "docs", `${m}.txt`));
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport, templates: "templates", ...extra }));
  const config = loadConfig(dir);
  writeSpecs(parseDocs([config.docs], config), config.specs);
  await generateProject(config);
  return config;
}

const edit = (file: string, from: string, to: string) =>
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
const reasons = async (config: Config) =>
  Object.fromEntries((await checkProject(config)).map((d) => [d.file, d.reason]));

describe("check says why", () => {
  it.each<[string, { given: (c: Config) => Promise<void> | void; want: Record<string, RegExp> }]>([
    [
      "a doc page changed: its spec and its module, both from the docs",
      {
        given: (c) => edit(join(c.docs, `${REFUND}.txt`), "外部请求号", "外部请求号 v2"),
        want: {
          [`specs/${REFUND}.json`]: /^its doc page changed \(the docs\)$/,
          [`generated/${REFUND}.ts`]: /^its spec changed: docs\/ now give another specs\/.*\(the docs\)$/,
          "generated/topgen-manifest.json": /^the specs changed \(the docs\)$/,
        },
      },
    ],
    [
      "a spec edited by hand and generated from: the spec is the parser's or a hand edit, the module follows the spec",
      {
        given: async (c) => {
          edit(join(c.specs, `${REFUND}.json`), '"外部请求号"', '"外部请求号 (edited)"');
          await generateProject(c);
        },
        want: {
          [`specs/${REFUND}.json`]:
            /^same doc page, different spec: the reader or normalizer changed \(the generator\), or the spec was edited by hand$/,
          [`generated/${REFUND}.ts`]: /\(the docs\)$/,
          "generated/topgen-manifest.json": /^the specs changed \(the docs\)$/,
        },
      },
    ],
    [
      "a template changed: every module, from the generator",
      {
        given: (c) => edit(join(c.templates, "module.hbs"), "DO NOT EDIT.", "DO NOT EDIT. (v2)"),
        want: {
          [`generated/${DEAL}.ts`]: /^the emitter or templates changed: .*\(the generator\)$/,
          [`generated/${REFUND}.ts`]: /^the emitter or templates changed: .*\(the generator\)$/,
          "generated/topgen-manifest.json": /^the emitter or templates changed: .*\(the generator\)$/,
        },
      },
    ],
    [
      "a generated module edited by hand: neither",
      {
        given: (c) => edit(join(c.out, `${DEAL}.ts`), "DO NOT EDIT.", "PLEASE EDIT."),
        want: { [`generated/${DEAL}.ts`]: /^neither its spec nor the generator's fingerprint changed: edited by hand/ },
      },
    ],
  ])("%s", async (_title, { given, want }) => {
    const config = await project();
    expect(await checkProject(config)).toEqual([]);
    await given(config);
    const got = await reasons(config);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [file, pattern] of Object.entries(want)) expect(got[file], file).toMatch(pattern);
  });
});

describe('the OpenAPI export as a target (config key "openapi")', () => {
  it("generate writes the document `topgen openapi` prints; a second run writes nothing; check compares it", async () => {
    const config = await project({ openapi: "api/openapi.json" });
    const file = join(dir, "api", "openapi.json");
    expect(readFileSync(file, "utf8")).toBe(exportSpecsFolder(config.specs, dir).text);
    expect(readFileSync(join(dir, "api", "openapi.topgen-manifest.json"), "utf8")).toContain(`"${REFUND}.json"`);
    expect((await generateProject(config)).written).toEqual([]);
    expect(await checkProject(config)).toEqual([]);

    edit(join(config.docs, `${REFUND}.txt`), "外部请求号", "外部请求号 v2");
    const got = await reasons(config);
    expect(got["api/openapi.json"]).toBe("the specs changed (the docs)");
    writeSpecs(parseDocs([config.docs], config), config.specs);
    const r = await generateProject(config);
    expect(r.written).toContain("openapi.json");
    expect(readFileSync(file, "utf8")).toContain("外部请求号 v2");
    expect(await checkProject(config)).toEqual([]);
  });

  it("off by default: no document, nothing to compare", async () => {
    const config = await project();
    expect(config.openapi).toBeUndefined();
    expect(await checkProject(config)).toEqual([]);
  });

  it("a deleted or hand-edited document is drift, and generate puts it back", async () => {
    const config = await project({ openapi: "generated/openapi.json" });
    const file = join(config.out, "openapi.json");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('"3.1.1"', '"3.1.0"'));
    const got = await reasons(config);
    expect(Object.keys(got)).toEqual(["generated/openapi.json"]);
    expect(got["generated/openapi.json"]).toMatch(/edited by hand/);
    rmSync(file);
    expect((await generateProject(config)).written).toEqual(["openapi.json"]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
