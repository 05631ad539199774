// The real data beside the repository (../shared/data, or TOPGEN_DATA): doc pages, the catalogue, the seeds.
// Found in one place; a test that needs it is declared with `describeData`, which skips it, saying why, when the
// folder is absent (a clone outside the workplace), instead of failing on a missing path.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "vitest";

export const DATA = resolve(process.env["TOPGEN_DATA"] ?? resolve(import.meta.dirname, "../../../shared/data"));
export const HAS_DATA = existsSync(DATA);

export const SEEDS = join(DATA, "seeds");
export const DOC_JSON = join(DATA, "doc-json");
export const CATALOGUE = join(DATA, "catalogue");
export const TEXT_PAGES = join(DATA, "text-pages");

/** `describe` when the shared data is there; otherwise a skipped suite whose title says what is missing. */
export function describeData(title: string, body: () => void): void {
  if (HAS_DATA) describe(title, body);
  else
    describe.skip(`${title} — skipped: no shared data at ${DATA} (set TOPGEN_DATA to its folder)`, () =>
      it("needs ../shared/data"));
}
