// Integration cases: `test/integration/<case>/` holds `specs/` (its input), `generated/` (its committed output)
// and a test that uses that output. One build for every case, with the options a user's project would have.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildSdk, type Sdk } from "../../generator/project/sdk.js";
import { parseSpec } from "../../generator/model/load.js";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import { REPO } from "./sdk.js";

export const INTEGRATION = join(REPO, "test", "integration");

/** The case folders: every folder of test/integration with a specs/ folder. */
export function integrationCases(): string[] {
  return readdirSync(INTEGRATION)
    .filter((n) => statSync(join(INTEGRATION, n)).isDirectory() && readdirSync(join(INTEGRATION, n)).includes("specs"))
    .sort();
}

/** What `topgen generate` would write for a case (in memory; type-checked like a real run). */
export function buildCase(name: string): Promise<Sdk> {
  const here = join(INTEGRATION, name);
  const specsDir = join(here, "specs");
  const entries = readdirSync(specsDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ spec: parseSpec(readFileSync(join(specsDir, f), "utf8"), f), file: join(specsDir, f) }));
  return buildSdk(entries, {
    root: REPO,
    outDir: join(here, "generated"),
    specsDir,
    templatesDir: defaultTemplatesDir(),
    runtimeImport: "../../../../runtime/index.js",
  });
}
