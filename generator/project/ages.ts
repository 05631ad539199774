// `topgen ages`: the APIs by the age of their doc pages, oldest first. The date is the spec's `source.saved`
// (given to `add --saved`, or the added file's time, recorded then); a spec without one is listed last, as
// unknown: the doc file's time on disk is not used, since a clone or checkout resets it.

import { loadSpecs } from "../model/load.js";

export interface PageAge {
  method: string;
  saved: string | undefined;
  /** Whole days from `saved` to `today`. */
  days: number | undefined;
  url: string | undefined;
  file: string;
}

export function pageAges(specsDir: string, root: string, today = new Date()): PageAge[] {
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const ages = loadSpecs(specsDir, root).map(({ spec }): PageAge => {
    const saved = spec.source.saved;
    return {
      method: spec.method,
      saved,
      days: saved === undefined ? undefined : Math.round((now - Date.parse(`${saved}T00:00:00Z`)) / 86_400_000),
      url: spec.source.url,
      file: spec.source.file,
    };
  });
  return ages.sort((a, b) =>
    (a.saved ?? "9999") < (b.saved ?? "9999")
      ? -1
      : (a.saved ?? "9999") > (b.saved ?? "9999")
        ? 1
        : a.method < b.method
          ? -1
          : 1,
  );
}

export function formatAges(ages: PageAge[]): string {
  const lines = ages.map((a) => {
    const age = a.days === undefined ? "unknown".padStart(10) : `${a.days} days`.padStart(10);
    return `${age}  ${(a.saved ?? "-").padEnd(10)}  ${a.method}  ${a.url ?? a.file}`;
  });
  const unknown = ages.filter((a) => a.saved === undefined).length;
  if (unknown)
    lines.push(
      `${unknown} of ${ages.length} page(s) have no saved date: \`topgen add <page> --saved YYYY-MM-DD\` records one`,
    );
  return lines.join("\n") + (lines.length ? "\n" : "");
}
