// npm run prefixes: every line prefix and every byte prefix of every real page under ../shared/data (seeds,
// text-pages, doc-json) through the programmatic parse. Prints the counts per folder as it goes; exits 1 on any
// crash (what the CLI would report as exit 3). `-- --lines` runs line prefixes only, `--progress` prints a line per page; `-- seeds text-pages` limits
// the folders (doc-json's byte prefixes are the long part: every cut of a 170 kB payload is parsed to its end).

import { relative } from "node:path";
import { DATA, emptyTally, lineCuts, readPage, realPages, runCuts, type Tally } from "./prefixes/prefixes.js";

function report(title: string, t: Tally): void {
  process.stdout.write(
    `${title}: ${t.prefixes} prefixes → ${t.specs} specs (${t.cutWarned} with an ends-early warning, ${t.cutSilent} cut with none), ` +
      `${t.errors} one-line input errors, ${t.crashes.length} crashes\n`,
  );
  for (const c of t.crashes.slice(0, 20))
    process.stdout.write(`  crash ${relative(DATA, c.file)} at ${c.length} B: ${c.message}\n`);
  for (const s of t.silent.slice(0, 10))
    process.stdout.write(`  no warning ${relative(DATA, s.file)} at ${s.length} B\n`);
}

const args = process.argv.slice(2);
const linesOnly = args.includes("--lines");
const progress = args.includes("--progress");
const folders = args.filter((a) => !a.startsWith("--"));
const chosen = folders.length ? folders : ["seeds", "text-pages", "doc-json"];
let crashes = 0;
for (const folder of chosen) {
  const pages = realPages().filter((f) => relative(DATA, f).startsWith(`${folder}/`));
  const lines = emptyTally();
  const bytes = emptyTally();
  const start = performance.now();
  for (const file of pages) {
    const page = readPage(file);
    runCuts(file, page, lineCuts(page), lines);
    if (!linesOnly)
      runCuts(
        file,
        page,
        Array.from({ length: page.length }, (_, i) => i + 1),
        bytes,
      );
    if (progress)
      process.stdout.write(
        `  ${relative(DATA, file)}: ${bytes.prefixes} byte prefixes so far, ${bytes.crashes.length} crashes\n`,
      );
  }
  process.stdout.write(`${folder}: ${pages.length} pages, ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  report("  line prefixes", lines);
  if (!linesOnly) report("  byte prefixes", bytes);
  crashes += lines.crashes.length + bytes.crashes.length;
}
if (crashes > 0) process.exit(1);
