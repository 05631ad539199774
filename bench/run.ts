// npm run bench: whole-command timings of topgen (process start included) on the seeds and on the whole
// catalogue, as medians with min–max over several runs, per-stage times, peak memory, the slope over catalogue
// sizes, and side-by-side runs of openapi-typescript and of ajv. Writes bench/RESULTS.md.
// Not part of the test run. BENCH_RUNS (default 3) sets the runs per measurement.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { benchValidators } from "./validators.js";

const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "bin", "topgen.js");
const CATALOGUE = resolve(REPO, "../shared/data/catalogue");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 3);

interface Run {
  ms: number;
  stages: Record<string, number>;
  maxRssMiB: number;
  stdout: string;
}

function topgen(cwd: string, ...args: string[]): Run {
  return topgenWith({}, cwd, ...args);
}

function topgenWith(env: Record<string, string>, cwd: string, ...args: string[]): Run {
  const start = performance.now();
  const timings = args[0] === "parse" || args[0] === "generate" ? ["--timings"] : [];
  const r = spawnSync(process.execPath, [BIN, ...args, ...timings], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`topgen ${args.join(" ")} failed: ${r.stderr}`);
  const line = r.stderr.split("\n").find((l) => l.startsWith("timings "));
  const t = line
    ? (JSON.parse(line.slice(8)) as { maxRssMiB: number; stages: Record<string, number> })
    : { maxRssMiB: 0, stages: {} };
  return { ms, stages: t.stages, maxRssMiB: t.maxRssMiB, stdout: r.stdout };
}

function timeCommand(cwd: string, command: string, args: string[]): number {
  const start = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr.slice(0, 2000)}`);
  return performance.now() - start;
}

interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const show = (s: Stat) => `${sec(s.median)} (${sec(s.min)}–${sec(s.max)})`;

/** A scratch project whose generated code imports this repo's runtime. */
function project(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `topgen-bench-${name}-`));
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport }));
  return dir;
}

function repeat(times: number, setup: () => void, run: () => Run): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < times; i++) {
    setup();
    out.push(run());
  }
  return out;
}

function medianStages(runs: Run[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return Object.fromEntries(names.map((n) => [n, Math.round(stat(runs.map((r) => r.stages[n] ?? 0)).median)]));
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (line = "") => {
    lines.push(line);
    process.stdout.write(line + "\n");
  };
  log("# topgen benchmark results");
  log();
  log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}. ${RUNS} runs per row unless noted; times are whole commands, process start included: median (min–max).`,
  );
  log();

  // (a) the two seeds, cold
  const seeds = project("seeds");
  cpSync(join(REPO, "docs"), join(seeds, "docs"), { recursive: true });
  topgen(seeds, "parse", "docs");
  const seedRuns = repeat(
    RUNS,
    () => rmSync(join(seeds, "generated"), { recursive: true, force: true }),
    () => topgen(seeds, "generate"),
  );

  // (e) parse of the whole catalogue
  const cat = project("catalogue");
  const parseRuns = repeat(
    RUNS,
    () => rmSync(join(cat, "specs"), { recursive: true, force: true }),
    () => topgen(cat, "parse", CATALOGUE),
  );
  const apis = readdirSync(join(cat, "specs")).length;

  // (b) whole catalogue, cold: specs → formatted, verified SDK; each run followed by a run of openapi-typescript
  // on the OpenAPI export of the same specs, so that both see the same machine (it is shared and noisy).
  const exportFile = join(cat, "catalogue.openapi.json");
  const exportRun = topgen(cat, "openapi", "--out", exportFile);
  const otsBin = join(REPO, "node_modules", ".bin", "openapi-typescript");
  const otsRuns: number[] = [];
  const coldRuns = repeat(
    RUNS,
    () => rmSync(join(cat, "generated"), { recursive: true, force: true }),
    () => {
      const run = topgen(cat, "generate");
      otsRuns.push(timeCommand(cat, otsBin, [exportFile, "-o", join(cat, "openapi-types.d.ts")]));
      return run;
    },
  );
  // (b') the same with each worker's heap capped (TOPGEN_WORKER_HEAP_MB): less memory for more time
  const cappedRuns = repeat(
    1,
    () => rmSync(join(cat, "generated"), { recursive: true, force: true }),
    () => topgenWith({ TOPGEN_WORKER_HEAP_MB: "512" }, cat, "generate"),
  );
  // (c) nothing changed
  const noopRuns = repeat(
    Math.max(RUNS, 5),
    () => undefined,
    () => topgen(cat, "generate"),
  );
  // (d) one spec changed
  const specFile = join(cat, "specs", readdirSync(join(cat, "specs")).sort()[Math.floor(apis / 2)]!);
  const original = readFileSync(specFile, "utf8");
  let flip = 0;
  const oneRuns = repeat(
    RUNS,
    () => writeFileSync(specFile, original.replace('"description": "', `"description": "(edit ${++flip}) `)),
    () => topgen(cat, "generate"),
  );
  writeFileSync(specFile, original);
  topgen(cat, "generate");

  log("| what | APIs | time | peak RSS |");
  log("|---|---|---|---|");
  const row = (what: string, n: number, runs: Run[]) =>
    log(`| ${what} | ${n} | ${show(stat(runs.map((r) => r.ms)))} | ${Math.max(...runs.map((r) => r.maxRssMiB))} MiB |`);
  row("(a) seeds, cold generate", 2, seedRuns);
  row("(b) catalogue, cold generate (specs → formatted, verified SDK)", apis, coldRuns);
  row("(b') the same, worker heaps capped at 512 MB (`TOPGEN_WORKER_HEAP_MB=512`), one run", apis, cappedRuns);
  row("(c) catalogue, nothing changed", apis, noopRuns);
  row("(d) catalogue, one spec changed", apis, oneRuns);
  row("(e) catalogue, parse (doc JSON → specs)", apis, parseRuns);
  log();
  log("Per-stage times of (b), milliseconds summed over worker threads (median of the runs):");
  log();
  log("```");
  log(JSON.stringify(medianStages(coldRuns)));
  log("```");
  log();
  log("Per-stage times of (e): " + "`" + JSON.stringify(medianStages(parseRuns)) + "`");
  log();

  // slope: cold generate over growing subsets
  log("Slope, cold generate over the first N specs (sorted by name), one run each:");
  log();
  log("| APIs | time | per API | peak RSS |");
  log("|---|---|---|---|");
  const all = readdirSync(join(cat, "specs")).sort();
  for (const n of [500, 1000, 2000, apis]) {
    const sub = project(`slope${n}`);
    mkdirSync(join(sub, "specs"));
    for (const f of all.slice(0, n)) cpSync(join(cat, "specs", f), join(sub, "specs", f));
    const r = topgen(sub, "generate");
    log(`| ${Math.min(n, apis)} | ${sec(r.ms)} | ${(r.ms / Math.min(n, apis)).toFixed(1)} ms | ${r.maxRssMiB} MiB |`);
    rmSync(sub, { recursive: true, force: true });
  }
  log();

  // side by side: openapi-typescript on the OpenAPI export of the same specs (run alternately with (b))
  const ots = stat(otsRuns);
  const cold = stat(coldRuns.map((r) => r.ms));
  log("Side by side on the same APIs:");
  log();
  log("| tool | time |");
  log("|---|---|");
  log(`| topgen, cold generate (formatted, type-checked SDK: classes, validators, decoders) | ${show(cold)} |`);
  log(
    `| openapi-typescript on \`topgen openapi\` of the same specs (types only, unformatted, unchecked) | ${show(ots)} |`,
  );
  log(`| topgen openapi export itself | ${sec(exportRun.ms)} |`);
  log();
  const pairs = coldRuns.map((r, i) => r.ms / otsRuns[i]!).sort((a, b) => a - b);
  log(
    `Ratio topgen cold / openapi-typescript: **${(cold.median / ots.median).toFixed(2)}** (medians; run by run: ${pairs.map((p) => p.toFixed(2)).join(", ")})`,
  );
  log();

  // validators: generated validate() against ajv compiled from the same JSON Schema
  log("Validators: generated `validate()` against ajv (`allErrors`) compiled from the JSON Schema of the same params,");
  log("measured in 9 alternating windows of 0.3 s each (medians; the ratio is the median of the windows' ratios):");
  log();
  log("| request | case | generated ops/s | ajv ops/s | ratio (generated / ajv) |");
  log("|---|---|---|---|---|");
  for (const r of await benchValidators()) {
    log(
      `| ${r.api} | ${r.case} | ${Math.round(r.generated).toLocaleString("en")} | ${Math.round(r.ajv).toLocaleString("en")} | ${r.ratio.toFixed(2)} |`,
    );
  }
  log();
  writeFileSync(join(REPO, "bench", "RESULTS.md"), lines.join("\n") + "\n");
  for (const dir of [seeds, cat]) rmSync(dir, { recursive: true, force: true });
}

await main();
