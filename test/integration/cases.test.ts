// Every integration case: its committed output is exactly what the generator makes from its specs (file
// snapshots; a new case is a new folder). The output is also part of the repo's type-check, and each case's own
// test uses it.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildCase, INTEGRATION, integrationCases } from "../support/integration.js";

it("finds the cases", () => {
  expect(integrationCases().length).toBeGreaterThanOrEqual(2);
});

it.each(integrationCases())("%s: the committed output is what the generator makes", async (name) => {
  const sdk = await buildCase(name);
  const generated = join(INTEGRATION, name, "generated");
  expect([...sdk.files.keys()].sort()).toEqual(readdirSync(generated).sort());
  for (const [file, text] of sdk.files) await expect(text).toMatchFileSnapshot(join(generated, file));
});
