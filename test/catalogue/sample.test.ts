// A fixed, seeded sample of 300 catalogue APIs: parsed into specs, generated, and type-checked under the SDK's
// strict settings (buildSdk refuses code that does not type-check). The whole catalogue: `npm run test:catalogue`.
import { join } from "node:path";
import { expect, it } from "vitest";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import { parseDoc } from "../../generator/project/parse.js";
import { buildSdk } from "../../generator/project/sdk.js";
import { catalogueFiles, sample } from "../support/catalogue.js";
import { REPO } from "../support/sdk.js";

it("300 sampled catalogue APIs become specs and an SDK that type-checks", async () => {
  const files = sample(catalogueFiles(), 300, 20261127);
  expect(files).toHaveLength(300);
  const entries = files.map((file) => ({
    spec: parseDoc(file, REPO),
    file: join(REPO, "specs", file.split("/").pop()!),
  }));
  const sdk = await buildSdk(entries, {
    root: REPO,
    outDir: join(REPO, "test", "catalogue", "out"),
    specsDir: join(REPO, "specs"),
    templatesDir: defaultTemplatesDir(),
    runtimeImport: "../../../runtime/index.js",
  });
  expect(sdk.files.size).toBe(301);
  for (const { spec } of entries)
    expect(sdk.files.get(`${sdk.names.get(spec.method)!.file}.ts`)).toContain(
      `static readonly method = ${JSON.stringify(spec.method)}`,
    );
}, 300_000);
