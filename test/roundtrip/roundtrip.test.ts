// The round trip (issue 10, point 2) on a seeded sample of 300 catalogue APIs: rendered to the real pages' text
// layout, four ways (both samples, one, none), parsed back, compared path by path with the catalogue's nesting.
// The floors are the figures measured on this sample (ROUNDTRIP.md has the whole catalogue: `npm run roundtrip`);
// a change that places fewer fields, or misplaces more without a warning, fails here.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { CatalogueApi } from "../../bench/roundtrip/render-page.js";
import { runRoundTrips } from "../../bench/roundtrip/run.js";
import { catalogueFiles, sample } from "../support/catalogue.js";

// Silent: misplaced fields no warning names by line or line range (compare.ts); the target is none.
const FLOORS: Record<string, { atPath: number; silent: number }> = {
  "Java + XML": { atPath: 99.17, silent: 0 },
  "Java only": { atPath: 80.57, silent: 0 },
  "XML only": { atPath: 90.74, silent: 0 },
  none: { atPath: 72.14, silent: 0 },
};

it("300 sampled catalogue APIs: fields at their path, per samples shown, at or above the floors measured", () => {
  const apis = sample(catalogueFiles(), 300, 20261202).map((f) => JSON.parse(readFileSync(f, "utf8")) as CatalogueApi);
  const totals = runRoundTrips(apis);
  const figures = Object.fromEntries(
    [...totals].map(([way, t]) => [
      way,
      { atPath: Math.floor((10_000 * t.placed) / t.fields) / 100, silent: t.silent, failed: t.failed },
    ]),
  );
  for (const [way, floor] of Object.entries(FLOORS)) {
    const got = figures[way]!;
    expect(got.failed, way).toBe(0);
    expect(got.atPath, way).toBeGreaterThanOrEqual(floor.atPath);
    expect(got.silent, way).toBeLessThanOrEqual(floor.silent);
  }
  // The samples settle depth: with both, more fields sit at their path than with none.
  expect(figures["Java + XML"]!.atPath).toBeGreaterThan(figures["none"]!.atPath);
}, 600_000);
