// npm run fidelity: the reader on the 60 real text pages of ../shared/data/text-pages, each read as a
// first-time user would (the page alone), compared with its catalogue entry field by field on the rows the
// page shows (bench/fidelity/compare.ts). Prints a table per page and the totals; writes bench/FIDELITY.md.

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  catalogueShapes,
  measurePages,
  percent,
  totalsOf,
  withKnownShapes,
  type PageResult,
  type Totals,
} from "./fidelity/pages.js";

const REPO = resolve(import.meta.dirname, "../..");
const DATA = resolve(REPO, "../shared/data");
const PAGES = resolve(DATA, "text-pages");
const CATALOGUE = resolve(DATA, "catalogue");

function pageTable(results: PageResult[]): string[] {
  const lines = [
    "| page | shown | right | wrong (path/type/list/req) | limits agree | docs' age (page / catalogue) | cut | depth warnings |",
    "|---|---:|---:|---|---:|---|---:|---:|",
  ];
  for (const r of results) {
    const f = r.fidelity;
    if (r.crash) {
      lines.push(`| \`${r.method}\` | CRASH: ${r.crash.replace(/\|/g, "\\|")} | | | | | | |`);
      continue;
    }
    const count = (p: string) => f.wrong.filter((w) => w.problems.includes(p as never)).length;
    lines.push(
      `| \`${r.method}\` | ${f.shown} | ${f.right} | ${count("path")}/${count("type")}/${count("list")}/${count("required")} | ` +
        `${f.limits.agree}/${f.limits.compared} | ${f.pageOnly.length} / ${f.catalogueOnly.length} | ${f.cut.length} | ${r.depthWarnings} |`,
    );
  }
  return lines;
}

function details(results: PageResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const f = r.fidelity;
    const items = [
      ...f.wrong.map(
        (w) => `wrong ${w.problems.join("+")}: ${w.side} ${w.path}${w.truePath ? ` (catalogue: ${w.truePath})` : ""}`,
      ),
      ...f.limits.differ.map((d) => `limit: ${d}`),
      ...f.pageOnly.map((p) => `docs' age, page only: ${p}`),
      ...f.catalogueOnly.map((p) => `docs' age, catalogue only: ${p}`),
      ...f.cut.map((p) => `cut by the source: ${p}`),
    ];
    if (items.length) lines.push(`- \`${r.method}\``, ...items.map((i) => `  - ${i}`));
  }
  return lines;
}

function shapeChanges(alone: PageResult[], known: PageResult[]): string[] {
  const changed = known.filter((k, i) => k.fidelity.right !== alone[i]!.fidelity.right);
  return changed.flatMap((k) => {
    const before = alone.find((a) => a.method === k.method)!.fidelity.right;
    return [`- \`${k.method}\`: ${before} → ${k.fidelity.right} right`, ...details([k]).slice(1)];
  });
}

function summary(t: Totals): string[] {
  return [
    `- pages: ${t.pages}, crashes: ${t.crashes}`,
    `- fields shown (docs'-age and cut rows apart): ${t.shown}; right path, type, list and required: ${t.right} (**${percent(t.right, t.shown)}**)`,
    `- wrong: path ${t.wrongPath}, type ${t.wrongType}, list ${t.wrongList}, required ${t.wrongRequired}`,
    `- wrong paths a warning names (its line or line range holds the row): ${t.wrongPathWarned} of ${t.wrongPath}`,
    `- limits where both have them: ${t.limitsAgree}/${t.limitsCompared} agree`,
    `- docs'-age differences (not errors): ${t.pageOnly} fields only on the page, ${t.catalogueOnly} only in the catalogue; rows cut by the source: ${t.cut}`,
  ];
}

const headline = measurePages(PAGES, CATALOGUE);
const totals = totalsOf(headline);

// Second figure: known struct shapes from every other API of the catalogue (a user's `shapes` folder of doc
// JSON), leave-one-out: shapesFromSpecs never answers a page about its own API.
const started = performance.now();
const known = catalogueShapes(CATALOGUE);
const shapesSeconds = ((performance.now() - started) / 1000).toFixed(1);
const withShapes = measurePages(PAGES, CATALOGUE, withKnownShapes(known.shapes));
const shapeTotals = totalsOf(withShapes);

const report = [
  "# Fidelity on real pages",
  "",
  "`npm run fidelity` (bench/fidelity.ts). Each of the 60 pages in `../shared/data/text-pages/` is parsed as a",
  "first-time user would parse it — the page alone, no other specs, no doc JSON — and compared with its catalogue",
  "entry (`../shared/data/catalogue`, the true nesting in `subParams`) field by field on the rows the page shows:",
  "path, type, list-ness, required (requests), and limits where both have them. A field on the page and not in",
  "the catalogue (or the reverse) with the rest of the tree agreeing is a difference of the docs' age, listed",
  "apart; so is the last row of a truncated page when the source cut it inside its name or type.",
  "",
  "## Headline (first-time user)",
  "",
  ...summary(totals),
  "",
  "## With known shapes (leave-one-out)",
  "",
  `The same pages with struct shapes known from the ${known.apis} other catalogue APIs (read in ${shapesSeconds} s), as a`,
  "user gets by pointing the config's `shapes` at a folder of doc JSON; a page is never told about its own API.",
  "",
  ...summary(shapeTotals),
  "",
  "## Per page (first-time user)",
  "",
  ...pageTable(headline),
  "",
  "## Details",
  "",
  ...details(headline),
  "",
  "## Where known shapes change a page",
  "",
  "Pages whose right count differs between the two figures (first-time user → with known shapes), and what is",
  "wrong on them with known shapes:",
  "",
  ...shapeChanges(headline, withShapes),
  "",
];
writeFileSync(resolve(REPO, "bench/FIDELITY.md"), report.join("\n"));
process.stdout.write(
  pageTable(headline).join("\n") +
    "\n\nfirst-time user:\n" +
    summary(totals).join("\n") +
    "\n\nwith known shapes (leave-one-out):\n" +
    summary(shapeTotals).join("\n") +
    "\n\nwrote bench/FIDELITY.md\n",
);
if (totals.crashes > 0) process.exitCode = 1;
