// Opt-in (TOPGEN_CATALOGUE=1): the whole catalogue (data/catalogue, ~5,300 APIs) parsed to specs, exported as
// one document, validated, and read by openapi-typescript. Prints the timings and sizes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../generator/config/config.js";
import { buildOpenApi, serializeOpenApi, type OpenApiDocument } from "../../../generator/targets/openapi/index.js";
import { parseDocs } from "../../../generator/project/project.js";
import type { ApiSpec } from "../../../generator/model/types.js";
import { CATALOGUE } from "../../support/data.js";
import { compileComponentsById, REPO } from "./support.js";

const enabled = process.env["TOPGEN_CATALOGUE"] === "1";
const scratch = enabled ? mkdtempSync(join(tmpdir(), "topgen-openapi-catalogue-")) : "";
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function timed<T>(label: string, f: () => T): T {
  const start = performance.now();
  const value = f();
  console.log(`openapi catalogue: ${label} ${(performance.now() - start).toFixed(0)} ms`);
  return value;
}

describe.skipIf(!enabled)("the export of the whole catalogue", () => {
  let specs: ApiSpec[] = [];
  let doc: OpenApiDocument;
  let text = "";
  const file = join(scratch, "catalogue.openapi.json");

  beforeAll(() => {
    const texts = timed("parse", () => parseDocs([CATALOGUE], loadConfig(REPO)));
    specs = [...texts.values()].map((t) => JSON.parse(t) as ApiSpec);
    doc = timed("build", () => buildOpenApi(specs));
    text = timed("serialize", () => serializeOpenApi(doc));
    writeFileSync(file, text);
    console.log(
      `openapi catalogue: ${specs.length} APIs, ${Object.keys(doc.components.schemas).length} schemas, ${Buffer.byteLength(text)} bytes`,
    );
  }, 600_000);

  it("exports every spec the catalogue parses to, whatever their order", { timeout: 600_000 }, () => {
    expect(specs.length).toBeGreaterThan(5000);
    expect(Object.keys(doc.paths)).toHaveLength(specs.length);
    expect(serializeOpenApi(buildOpenApi([...specs].reverse()))).toBe(text);
  });

  it("is an OpenAPI 3.1 document", { timeout: 600_000 }, async () => {
    const validator = new Validator();
    const start = performance.now();
    const result = await validator.validate(JSON.parse(text) as Record<string, unknown>);
    console.log(`openapi catalogue: @seriousme/openapi-schema-validator ${(performance.now() - start).toFixed(0)} ms`);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has schemas that all compile in ajv 2020 strict mode", { timeout: 600_000 }, () => {
    const count = timed("ajv compile of every component", () => compileComponentsById(doc));
    expect(count).toBe(Object.keys(doc.components.schemas).length);
  });

  it("is read by openapi-typescript without errors", { timeout: 600_000 }, () => {
    const output = join(scratch, "catalogue.d.ts");
    const r = timed("openapi-typescript", () =>
      spawnSync(
        process.execPath,
        [join(REPO, "node_modules", "openapi-typescript", "bin", "cli.js"), file, "-o", output],
        { encoding: "utf8" },
      ),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
  });
});
