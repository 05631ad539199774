// File snapshots: generating from the committed specs gives exactly the committed generated/ files.
// (Update with `npm run generate`, then read the diff before committing.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parseSpec } from "../../generator/model/load.js";
import { buildInRepo, REPO } from "../support/sdk.js";

const specs = readdirSync(join(REPO, "specs")).map((f) => parseSpec(readFileSync(join(REPO, "specs", f), "utf8"), f));

test("generated/ matches what the specs produce", async () => {
  const sdk = await buildInRepo(specs);
  expect([...sdk.files.keys()].sort()).toEqual(readdirSync(join(REPO, "generated")).filter((f) => f.endsWith(".ts")).sort());
  for (const [name, text] of sdk.files) {
    await expect(text).toMatchFileSnapshot(join(REPO, "generated", name));
  }
});
