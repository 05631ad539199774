// The templates write prettier's layout: a rendered module whose code lines fit the print width is left
// exactly as it is by prettier, so the format stage may skip prettier for it (generator/targets/typescript/format.ts).
// Checked on the seeds, the integration cases and a seeded catalogue sample; `npm run test:catalogue` checks
// all of the catalogue.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitsPrintWidth, formatTs, prettierFormat } from "../../../generator/targets/typescript/format.js";
import { assignApiNames } from "../../../generator/names/api-names.js";
import { planModule } from "../../../generator/targets/typescript/plan.js";
import { loadTemplates, renderModule } from "../../../generator/targets/typescript/render.js";
import { defaultTemplatesDir } from "../../../generator/support/paths.js";
import { INTEGRATION, integrationCases } from "../../support/integration.js";
import { parseDoc } from "../../../generator/project/parse.js";
import { loadSpec } from "../../../generator/model/load.js";
import type { ApiSpec } from "../../../generator/model/types.js";
import { catalogueFiles, sample } from "../../support/catalogue.js";
import { REPO, specWith } from "../../support/sdk.js";

const templates = loadTemplates(defaultTemplatesDir());

function render(specs: ApiSpec[]): [string, string][] {
  const names = assignApiNames(specs.map((s) => s.method));
  return specs.map((spec) => {
    const view = planModule(
      spec,
      `specs/${spec.method}.json`,
      { runtimeImport: "../runtime/index.js" },
      names.get(spec.method),
    );
    return [spec.method, renderModule(templates, view)];
  });
}

/** Rendered modules that fit are prettier's fixed points; returns how many fit. */
async function expectFixedPoints(modules: [string, string][]): Promise<number> {
  let fits = 0;
  for (const [method, code] of modules) {
    if (!fitsPrintWidth(code)) continue;
    fits++;
    const pretty = await prettierFormat(code);
    expect(pretty, method).toBe(code);
  }
  return fits;
}

const specsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => loadSpec(join(dir, f)));

describe("rendered modules that fit are prettier's fixed points", () => {
  it("the seeds (both fit)", async () => {
    expect(await expectFixedPoints(render(specsIn(join(REPO, "specs"))))).toBe(2);
  });

  it("the integration cases", async () => {
    const specs = integrationCases().flatMap((name) => specsIn(join(INTEGRATION, name, "specs")));
    expect(await expectFixedPoints(render(specs))).toBeGreaterThan(0);
  });

  it("300 sampled catalogue APIs", async () => {
    const specs = sample(catalogueFiles(), 300, 20261127).map((file) => parseDoc(file, REPO));
    const fits = await expectFixedPoints(render(specs));
    expect(fits).toBeGreaterThan(250); // most modules skip prettier; the rest are formatted by it
  }, 120_000);

  it("property: any field names, enum values and struct names", async () => {
    const method = fc.stringMatching(/^[a-z]{1,24}(\.[a-z]{1,24}){1,6}$/);
    const name = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_]{0,70}$/), fc.string({ maxLength: 30 }));
    const type = fc.oneof(
      fc.constantFrom("String", "Number", "Boolean", "Date", "Price", "Json", "File", "FieldList"),
      fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,60}$/),
    );
    await fc.assert(
      fc.asyncProperty(
        method,
        fc.array(fc.tuple(name, type, fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        async (methodName, fields) => {
          const spec = specWith(
            methodName,
            fields.map(([n, t, values, list], i) => ({
              name: `${n}${i}`,
              type: t,
              ...(t === "String" && values.length ? { enum: values.map((value) => ({ value })) } : {}),
              ...(list ? { list: true } : {}),
              ...(/^[A-Z]/.test(t) &&
              !["String", "Number", "Boolean", "Date", "Price", "Json", "File", "FieldList"].includes(t)
                ? { fields: [{ name: "inner", type: "String" }] }
                : {}),
            })),
            fields.map(([n, t], i) => ({
              name: `${n}${i}`,
              type: t === "File" ? "String" : t,
              ...(/^[A-Z]/.test(t) &&
              !["String", "Number", "Boolean", "Date", "Price", "Json", "File", "FieldList"].includes(t)
                ? { fields: [{ name: "x", type: "Number" }] }
                : {}),
            })),
          );
          await expectFixedPoints(render([spec]));
        },
      ),
      { numRuns: 200, examples: [["a.a", [["a", "String", [" "], true]]]] },
    );
  }, 120_000);
});

describe("fitsPrintWidth", () => {
  const code = (line: string) => `// header\nimport * as rt from "x";\n\n${line}\n`;
  it.each([
    ["a short line", { given: code("const a = 1;"), want: true }],
    ["a code line of 121 columns", { given: code(`const a = "${"x".repeat(108)}";`), want: false }],
    ["a code line of exactly 120 columns", { given: code(`const a = "${"x".repeat(107)}";`), want: true }],
    ["CJK counts two columns", { given: code(`const a = "${"退".repeat(55)}";`), want: false }],
    ["a long comment line", { given: code(`/** ${"x".repeat(200)} */`), want: true }],
    ["a long JSDoc body line", { given: code(`/**\n * ${"x".repeat(200)}\n */`), want: true }],
    ["a long schema line", { given: code(`const s = rt.schema(\`\n{"name":"${"x".repeat(200)}"}\n\`);`), want: true }],
    [
      "a long line after the schema",
      { given: code(`const s = rt.schema<K>(\`\n{}\n\`);\nconst b = "${"x".repeat(200)}";`), want: false },
    ],
  ])("%s", (_, { given, want }) => {
    expect(fitsPrintWidth(given)).toBe(want);
  });

  it("a module that does not fit goes through prettier", async () => {
    const long = `const a = [${Array.from({ length: 30 }, (_, i) => `"v${i}"`).join(", ")}];\n`;
    expect(fitsPrintWidth(long)).toBe(false);
    expect(await formatTs(long)).toBe(await prettierFormat(long));
    expect(await formatTs(long)).not.toBe(long);
  });
});
