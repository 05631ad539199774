// The committed generated/ compiles under the strict settings it promises, has no `any`, and documents every field.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Node, Project, SyntaxKind } from "ts-morph";
import { expect, test } from "vitest";
import { verifyFiles, SDK_COMPILER_OPTIONS } from "../../generator/targets/typescript/verify.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { REPO } from "../support/sdk.js";

const dir = join(REPO, "generated");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

test("the compiler settings are the strict ones", () => {
  expect(SDK_COMPILER_OPTIONS).toMatchObject({ strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true });
});

test("generated/ type-checks with no `any`", () => {
  const problems = verifyFiles(new Map(files.map((f) => [join(dir, f), readFileSync(join(dir, f), "utf8")])));
  expect(problems).toEqual([]);
});

test("a type error in a generated file is caught", () => {
  const broken = readFileSync(join(dir, "alibaba.nlife.b2c.trade.refund.ts"), "utf8").replace('readonly method = "', "readonly method: number = \"");
  const problems = verifyFiles(new Map([[join(dir, "alibaba.nlife.b2c.trade.refund.ts"), broken]]));
  expect(problems.length).toBeGreaterThan(0);
});

test("every request and response field carries its doc description as JSDoc", () => {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const specFile of readdirSync(join(REPO, "specs"))) {
    const spec = JSON.parse(readFileSync(join(REPO, "specs", specFile), "utf8")) as ApiSpec;
    const sf = project.createSourceFile(specFile + ".ts", readFileSync(join(dir, `${spec.method}.ts`), "utf8"), { overwrite: true });
    const described = (fields: Field[]): Field[] => fields.flatMap((f) => [...(f.description ? [f] : []), ...described(f.fields ?? [])]);
    for (const field of [...described(spec.request), ...described(spec.response)]) {
      const props = sf.getDescendantsOfKind(SyntaxKind.PropertySignature).filter((p) => p.getName() === field.name);
      expect(props.length, field.name).toBeGreaterThan(0);
      const docs = props.filter(Node.isJSDocable).map((p) => p.getJsDocs().map((d) => d.getInnerText()).join("\n").replace(/\*\\\//g, "*/"));
      expect(docs.some((doc) => doc.startsWith(field.description!)), `${spec.method} ${field.name}: ${docs.join(" | ")}`).toBe(true);
    }
  }
});
