// The probe specs that fingerprints are taken from: valid specs that reach every doc type and limit, and a
// fingerprint that follows what shapes the output (templates, runtime import) and nothing else.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { probeFingerprint } from "../../generator/build/fingerprint.js";
import { parseSpec } from "../../generator/model/load.js";
import { serializeSpec } from "../../generator/model/serialize.js";
import { SCALAR_TYPES, type Field } from "../../generator/model/types.js";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import { PROBE_SPECS } from "../../generator/targets/probes.js";
import { openapiTarget } from "../../generator/targets/openapi/index.js";
import { typescriptTarget } from "../../generator/targets/typescript/index.js";
import { REPO } from "../support/sdk.js";

const scratch = mkdtempSync(join(tmpdir(), "topgen-probes-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const all = (fields: Field[]): Field[] => fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
const requestFields = PROBE_SPECS.flatMap((s) => all(s.request));
const responseFields = PROBE_SPECS.flatMap((s) => all(s.response));

describe("the probe specs", () => {
  it("are valid specs", () => {
    for (const spec of PROBE_SPECS) expect(parseSpec(serializeSpec(spec), spec.method)).toEqual(spec);
  });

  it.each(SCALAR_TYPES.map((t) => [t]))("hold a %s request field", (type) => {
    expect(requestFields.some((f) => f.type === type)).toBe(true);
  });

  it.each(["maxLength", "maxListSize", "maxValue", "minValue", "default"].map((k) => [k]))(
    "hold a %s limit",
    (limit) => {
      expect(requestFields.some((f) => f.limits !== undefined && limit in f.limits)).toBe(true);
    },
  );

  it.each<[string, { given: (f: Field) => boolean }]>([
    ["a request list of a scalar", { given: (f) => f.list === true && f.fields === undefined }],
    [
      "a request struct holding a list of structs",
      { given: (f) => f.fields?.some((g) => g.list === true && g.fields !== undefined) === true },
    ],
    ["a request enum", { given: (f) => f.enum !== undefined }],
  ])("hold %s", (_title, { given }) => {
    expect(requestFields.some(given)).toBe(true);
  });

  it("hold response structs, lists and enums, and a cross-field rule", () => {
    expect(responseFields.some((f) => f.list === true && f.fields !== undefined)).toBe(true);
    expect(responseFields.some((f) => f.enum !== undefined)).toBe(true);
    expect(PROBE_SPECS.some((s) => (s.rules ?? []).length > 0)).toBe(true);
  });
});

describe("a fingerprint taken from output", () => {
  const ts = (templatesDir: string, runtimeImport = "../runtime/index.js") =>
    typescriptTarget({
      root: REPO,
      specsDir: join(REPO, "specs"),
      outDir: join(REPO, "generated"),
      templatesDir,
      runtimeImport,
    });

  it("is the same from run to run", async () => {
    expect(await probeFingerprint(ts(defaultTemplatesDir()))).toBe(await probeFingerprint(ts(defaultTemplatesDir())));
  });

  it.each<[string, { given: () => string; same: boolean }]>([
    ["another runtime import", { given: () => "topgen/runtime", same: false }],
    ["a template edited", { given: () => edited("module.hbs", "DO NOT EDIT.", "DO NOT EDIT!"), same: false }],
    [
      "a template comment that renders nothing, as the templates are hashed too",
      { given: () => edited("index.hbs", "", "{{!-- a note --}}"), same: false },
    ],
  ])("follows %s", async (_title, { given, same }) => {
    const base = await probeFingerprint(ts(defaultTemplatesDir()));
    const changed = given();
    const other = changed.startsWith("/")
      ? await probeFingerprint(ts(changed))
      : await probeFingerprint(ts(defaultTemplatesDir(), changed));
    expect(other === base).toBe(same);
  });

  it("does not follow where the output goes (the same code makes the same files anywhere)", async () => {
    const elsewhere = typescriptTarget({
      root: scratch,
      specsDir: join(scratch, "s"),
      outDir: join(scratch, "o"),
      templatesDir: defaultTemplatesDir(),
      runtimeImport: "../runtime/index.js",
    });
    expect(await probeFingerprint(elsewhere)).toBe(await probeFingerprint(ts(defaultTemplatesDir())));
  });

  it("of the OpenAPI target: its document of the probes", async () => {
    const { serializeOpenApi, buildOpenApi } = await import("../../generator/targets/openapi/index.js");
    const target = openapiTarget(join(scratch, "openapi.json"));
    expect(await target.fingerprint.probe()).toBe(serializeOpenApi(buildOpenApi(PROBE_SPECS)));
  });
});

/** A copy of the templates with one edit; returns its folder. */
function edited(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(scratch, "templates-"));
  cpSync(defaultTemplatesDir(), dir, { recursive: true });
  const text = readFileSync(join(dir, file), "utf8");
  expect(text).toContain(from);
  writeFileSync(join(dir, file), from === "" ? to + text : text.replace(from, to));
  return dir;
}
