// npm run prefixes: every line prefix and every byte prefix of every real page under ../shared/data (seeds,
// text-pages, doc-json) through the programmatic parse, over worker threads (one per core). Prints the counts per
// folder and writes them to bench/PREFIXES.md; exits 1 on any crash (what the CLI would report as exit 3).
// A JSON page's byte prefixes are parsed one per class of cuts the reader provably treats alike
// (./prefixes/equivalent.ts says why); `-- --every-byte` parses each one. `-- --lines` runs line prefixes only;
// `-- seeds text-pages` limits the folders.

import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { DATA, emptyTally, lineCuts, readPage, realPages, repoRoot, type Tally } from "./prefixes/prefixes.js";
import { jsonCuts } from "./prefixes/equivalent.js";
import type { Job } from "./prefixes/worker.js";

const args = process.argv.slice(2);
const linesOnly = args.includes("--lines");
const everyByte = args.includes("--every-byte");
const folders = args.filter((a) => !a.startsWith("--"));
const chosen = folders.length ? folders : ["seeds", "text-pages", "doc-json"];

interface Part {
  folder: string;
  kind: "line" | "byte";
  job: Job;
  cost: number;
}

/** Byte cuts come in chunks of about this many bytes read, so both workers stay busy to the end. */
const CHUNK_COST = 200_000_000;

const parts: Part[] = [];
const counts = new Map<string, { pages: number; bytes: number; byteCuts: number }>();
for (const folder of chosen) {
  const pages = realPages().filter((f) => relative(DATA, f).startsWith(`${folder}/`));
  const count = { pages: pages.length, bytes: 0, byteCuts: 0 };
  counts.set(folder, count);
  for (const file of pages) {
    const page = readPage(file);
    const add = (kind: Part["kind"], cuts: number[]) =>
      parts.push({ folder, kind, job: { id: parts.length, file, cuts }, cost: cuts.reduce((a, b) => a + b, 0) });
    add("line", lineCuts(page));
    if (linesOnly) continue;
    count.bytes += page.length;
    const all = Array.from({ length: page.length }, (_, i) => i + 1);
    const cuts = file.endsWith(".json") && !everyByte ? jsonCuts(page) : all;
    count.byteCuts += cuts.length;
    let chunk: number[] = [];
    let cost = 0;
    for (const c of cuts) {
      chunk.push(c);
      cost += c;
      if (cost >= CHUNK_COST) {
        add("byte", chunk);
        chunk = [];
        cost = 0;
      }
    }
    if (chunk.length) add("byte", chunk);
  }
}

const tallies = new Map<string, Tally>();
const tallyOf = (folder: string, kind: string) => {
  const key = `${folder} ${kind}`;
  let t = tallies.get(key);
  if (t === undefined) tallies.set(key, (t = emptyTally()));
  return t;
};
function merge(into: Tally, from: Tally): void {
  into.prefixes += from.prefixes;
  into.specs += from.specs;
  into.cutWarned += from.cutWarned;
  into.cutSilent += from.cutSilent;
  into.errors += from.errors;
  into.crashes.push(...from.crashes);
  into.silent.push(...from.silent);
}

const start = performance.now();
const queue = [...parts].sort((a, b) => b.cost - a.cost);
const byId = new Map(parts.map((p) => [p.job.id, p]));
const workerCount = Math.max(1, Math.min(availableParallelism(), queue.length));
let done = 0;
await Promise.all(
  Array.from(
    { length: workerCount },
    () =>
      new Promise<void>((resolveWorker, reject) => {
        const worker = new Worker(new URL("./prefixes/worker.js", import.meta.url));
        const next = () => {
          const part = queue.shift();
          if (part === undefined) {
            void worker.terminate().then(() => resolveWorker());
            return;
          }
          worker.postMessage(part.job);
        };
        worker.on("message", ({ id, tally }: { id: number; tally: Tally }) => {
          const part = byId.get(id)!;
          merge(tallyOf(part.folder, part.kind), tally);
          done++;
          if (done % 50 === 0 || queue.length === 0)
            process.stderr.write(
              `  ${done}/${parts.length} parts, ${((performance.now() - start) / 1000).toFixed(0)} s\n`,
            );
          next();
        });
        worker.on("error", reject);
        next();
      }),
  ),
);
const seconds = (performance.now() - start) / 1000;

const lines: string[] = [
  "# Every prefix of every real page",
  "",
  "Written by `npm run prefixes" +
    (args.length ? ` -- ${args.join(" ")}` : "") +
    "` (bench/prefixes.ts). Each prefix of",
  "each page under `../shared/data` (cut after each line, and after each byte) goes through the programmatic",
  "parse. A prefix must give a spec (with a warning that the page ends early, when it is cut) or a one-line input",
  "error (the CLI's exit 2); anything else thrown is a crash (the CLI's exit 3, a stack trace).",
  everyByte
    ? "Every byte prefix of every page was parsed."
    : "Byte prefixes of JSON pages: one per class of cuts the reader provably treats alike, the first and the last of each (bench/prefixes/equivalent.ts says why); text pages: every byte prefix.",
  "",
  `${workerCount} worker threads, ${seconds.toFixed(0)} s in all.`,
  "",
  "| folder | pages | cut by | prefixes parsed | specs | with an ends-early warning | cut, no warning | one-line errors | crashes |",
  "|---|---|---|---|---|---|---|---|---|",
];
let crashes = 0;
for (const folder of chosen) {
  const c = counts.get(folder)!;
  for (const kind of linesOnly ? ["line"] : ["line", "byte"]) {
    const t = tallyOf(folder, kind);
    crashes += t.crashes.length;
    const parsed =
      kind === "byte" && c.byteCuts !== c.bytes
        ? `${t.prefixes.toLocaleString("en")} of ${c.bytes.toLocaleString("en")}`
        : t.prefixes.toLocaleString("en");
    lines.push(
      `| ${folder} | ${c.pages} | ${kind} | ${parsed} | ${t.specs} | ${t.cutWarned} | ${t.cutSilent} | ${t.errors} | ${t.crashes.length} |`,
    );
  }
}
lines.push("");
for (const [key, t] of tallies) {
  for (const c of t.crashes.slice(0, 20))
    lines.push(`- crash (${key}) ${relative(DATA, c.file)} at ${c.length} B: ${c.message}`);
  for (const s of t.silent.slice(0, 10)) lines.push(`- no warning (${key}) ${relative(DATA, s.file)} at ${s.length} B`);
}
lines.push("");
process.stdout.write(lines.join("\n"));
if (!linesOnly && folders.length === 0) writeFileSync(join(repoRoot(), "bench", "PREFIXES.md"), lines.join("\n"));
if (crashes > 0) process.exit(1);
