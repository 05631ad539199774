// npm run bench: whole-command timings of topgen (process start included) on the seeds and on the whole
// catalogue, each figure beside its target (issue 15), as medians with min–max, per-stage times, peak memory,
// openapi-typescript run alternately with the cold builds, the type check native (tsgo) against in-process in the
// same run, and generated validators against ajv. Writes bench/RESULTS.md. Not part of the test run.
//
// `npm run bench -- --quick` (or BENCH_QUICK=1): fewer runs (one cold run per kind, no slope, no capped-heap row),
// a few minutes on a loaded 2-core machine; the full bench (BENCH_RUNS, default 5, runs per measurement) is what
// the README quotes. The generated projects import the built runtime (dist/runtime: declarations, as an installed
// @topgen/runtime is), not its sources.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { benchValidators } from "./validators.js";

const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "bin", "topgen.js");
const CATALOGUE = resolve(REPO, "../shared/data/catalogue");
const QUICK = process.argv.includes("--quick") || process.env["BENCH_QUICK"] === "1";
const RUNS = Number(process.env["BENCH_RUNS"] ?? (QUICK ? 1 : 5));
/** Short runs (no-op, one changed) are cheap: more of them even in a quick bench. */
const SHORT_RUNS = Math.max(RUNS, QUICK ? 3 : 5);

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
const show = (s: Stat) => (s.min === s.max ? sec(s.median) : `${sec(s.median)} (${sec(s.min)}–${sec(s.max)})`);
const times = (runs: Run[]) => stat(runs.map((r) => r.ms));
const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.maxRssMiB));
const note = (what: string) => process.stderr.write(`bench: ${what} (load ${load()})\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

/** A scratch project whose generated code imports this repo's built runtime. */
function project(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `topgen-bench-${name}-`));
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "dist", "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport }));
  return dir;
}

function repeat(count: number, setup: () => void, run: () => Run): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < count; i++) {
    setup();
    out.push(run());
  }
  return out;
}

function medianStages(runs: Run[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return Object.fromEntries(names.map((n) => [n, Math.round(stat(runs.map((r) => r.stages[n] ?? 0)).median)]));
}

const NATIVE = { TOPGEN_VERIFY: "native" };
const IN_PROCESS = { TOPGEN_VERIFY: "in-process" };

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (line = "") => {
    lines.push(line);
    process.stdout.write(line + "\n");
  };
  const loadBefore = load();

  // (a) the two seeds, cold
  note("seeds");
  const seeds = project("seeds");
  cpSync(join(REPO, "docs"), join(seeds, "docs"), { recursive: true });
  topgen(seeds, "parse", "docs");
  const seedRuns = repeat(
    SHORT_RUNS,
    () => rmSync(join(seeds, "generated"), { recursive: true, force: true }),
    () => topgen(seeds, "generate"),
  );

  // (e) parse of the whole catalogue
  note("parse");
  const cat = project("catalogue");
  const parseRuns = repeat(
    RUNS,
    () => rmSync(join(cat, "specs"), { recursive: true, force: true }),
    () => topgen(cat, "parse", CATALOGUE),
  );
  const apis = readdirSync(join(cat, "specs")).length;
  // (e') the same parse over the specs it wrote (nothing to rewrite), and the floor a fresh parse cannot go under on
  // this disk: creating as many files of the same sizes in a fresh folder, nothing else.
  const reparseRuns = repeat(
    RUNS,
    () => undefined,
    () => topgen(cat, "parse", CATALOGUE),
  );
  const specSizes = readdirSync(join(cat, "specs")).map((n) => readFileSync(join(cat, "specs", n)).length);
  const creationRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), "topgen-bench-create-"));
    const start = performance.now();
    specSizes.forEach((size, k) => writeFileSync(join(dir, `${k}.json`), "x".repeat(size)));
    creationRuns.push(performance.now() - start);
    rmSync(dir, { recursive: true, force: true });
  }

  // (b) whole catalogue, cold: specs → formatted, verified SDK, type-checked by tsgo. Each run is followed by
  // openapi-typescript on the OpenAPI export of the same specs and by the same build type-checked in-process, so
  // that all three see the same machine (it is shared and noisy).
  note("cold builds");
  const exportFile = join(cat, "catalogue.openapi.json");
  const exportRun = topgen(cat, "openapi", "--out", exportFile);
  const otsBin = join(REPO, "node_modules", ".bin", "openapi-typescript");
  const otsRuns: number[] = [];
  const inProcessRuns: Run[] = [];
  const cold = () => rmSync(join(cat, "generated"), { recursive: true, force: true });
  const coldRuns = repeat(RUNS, cold, () => {
    const run = topgenWith(NATIVE, cat, "generate");
    otsRuns.push(timeCommand(cat, otsBin, [exportFile, "-o", join(cat, "openapi-types.d.ts")]));
    cold();
    inProcessRuns.push(topgenWith(IN_PROCESS, cat, "generate"));
    return run;
  });
  // (b') with each worker's heap capped (TOPGEN_WORKER_HEAP_MB): less memory for more time
  const cappedRuns = QUICK
    ? []
    : repeat(1, cold, () => topgenWith({ ...NATIVE, TOPGEN_WORKER_HEAP_MB: "512" }, cat, "generate"));
  cold();
  topgenWith(NATIVE, cat, "generate");
  // (c) nothing changed
  note("no-op and one changed");
  const noopRuns = repeat(
    SHORT_RUNS,
    () => undefined,
    () => topgen(cat, "generate"),
  );
  // (d) one spec changed (its description: same APIs, same names), native and in-process alternately
  const specFile = join(cat, "specs", readdirSync(join(cat, "specs")).sort()[Math.floor(apis / 2)]!);
  const original = readFileSync(specFile, "utf8");
  let flip = 0;
  const edit = () => writeFileSync(specFile, original.replace('"description": "', `"description": "(edit ${++flip}) `));
  const oneInProcess: Run[] = [];
  const oneRuns = repeat(SHORT_RUNS, edit, () => {
    const run = topgenWith(NATIVE, cat, "generate");
    edit();
    oneInProcess.push(topgenWith(IN_PROCESS, cat, "generate"));
    return run;
  });
  writeFileSync(specFile, original);
  topgen(cat, "generate");

  note("validators");
  const validators = await benchValidators();
  const loadAfter = load();

  const ots = stat(otsRuns);
  const coldStat = times(coldRuns);
  const ratio = coldStat.median / ots.median;
  const pairs = coldRuns.map((r, i) => r.ms / otsRuns[i]!).sort((a, b) => a - b);
  const met = (ok: boolean) => (ok ? "met" : "**missed**");

  log("# topgen benchmark results");
  log();
  log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}. ` +
      `${QUICK ? "Quick run (`--quick`): " : ""}${RUNS} run${RUNS === 1 ? "" : "s"} per cold row, ${SHORT_RUNS} per short row; ` +
      `times are whole commands, process start included: median (min–max).`,
  );
  log();
  log(
    `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}. The machine is shared: above ${availableParallelism()}, ` +
      `other work competed for the cores and the times are longer than on a quiet machine; compare figures within one run.`,
  );
  log();
  log("## Figures against their targets (issue 15)");
  log();
  log("| figure | measured | target | |");
  log("|---|---|---|---|");
  log(
    `| cold catalogue (${apis} APIs) → formatted, verified SDK | ${show(coldStat)} | ≤ 8 s, median of 5 | ${met(coldStat.median <= 8000)} |`,
  );
  log(
    `| the same / openapi-typescript, run alternately | ${ratio.toFixed(2)} (run by run ${pairs.map((p) => p.toFixed(2)).join(", ")}) | ≤ 0.4 | ${met(ratio <= 0.4)} |`,
  );
  log(`| peak RSS of the cold build | ${peak(coldRuns)} MiB | ≤ 1024 MiB | ${met(peak(coldRuns) <= 1024)} |`);
  const noop = times(noopRuns);
  log(`| nothing changed | ${show(noop)} | ≤ 0.3 s | ${met(noop.median <= 300)} |`);
  const one = times(oneRuns);
  log(`| one spec changed | ${show(one)} | ≤ 1 s | ${met(one.median <= 1000)} |`);
  const parse = times(parseRuns);
  log(`| parse of the catalogue (doc JSON → specs) | ${show(parse)} | ≤ 2 s | ${met(parse.median <= 2000)} |`);
  const reparse = times(reparseRuns);
  log(
    `| the same parse over its own specs (nothing rewritten) | ${show(reparse)} | ≤ 2 s | ${met(reparse.median <= 2000)} |`,
  );
  log(
    `| floor of a fresh parse on this disk: creating ${apis} files of the specs' sizes, nothing else | ${show(stat(creationRuns))} | — | |`,
  );
  for (const r of validators)
    log(`| validators, ${r.api}, ${r.case} | ${r.ratio.toFixed(2)}× ajv | ≥ 1.5× | ${met(r.ratio >= 1.5)} |`);
  log();

  log("## Verify: native (tsgo) against in-process, same run");
  log();
  log("| run | native | in-process |");
  log("|---|---|---|");
  log(`| cold catalogue, whole command | ${show(coldStat)} | ${show(times(inProcessRuns))} |`);
  const verifyMs = (runs: Run[]) => stat(runs.map((r) => r.stages["verify"] ?? 0));
  log(
    `| cold catalogue, verify stage (native: one tsgo run after the workers; in-process: summed over worker threads) | ${show(verifyMs(coldRuns))} | ${show(verifyMs(inProcessRuns))} |`,
  );
  log(`| cold catalogue, peak RSS | ${peak(coldRuns)} MiB | ${peak(inProcessRuns)} MiB |`);
  log(`| one spec changed, whole command | ${show(one)} | ${show(times(oneInProcess))} |`);
  log(`| one spec changed, verify stage | ${show(verifyMs(oneRuns))} | ${show(verifyMs(oneInProcess))} |`);
  log();

  log("## All rows");
  log();
  log("| what | APIs | time | peak RSS |");
  log("|---|---|---|---|");
  const row = (what: string, n: number, runs: Run[]) =>
    runs.length && log(`| ${what} | ${n} | ${show(times(runs))} | ${peak(runs)} MiB |`);
  row("(a) seeds, cold generate", 2, seedRuns);
  row("(b) catalogue, cold generate (specs → formatted, verified SDK), native verify", apis, coldRuns);
  row("(b) the same, in-process verify (`TOPGEN_VERIFY=in-process`)", apis, inProcessRuns);
  row("(b') native, worker heaps capped at 512 MB (`TOPGEN_WORKER_HEAP_MB=512`), one run", apis, cappedRuns);
  row("(c) catalogue, nothing changed", apis, noopRuns);
  row("(d) catalogue, one spec changed, native verify", apis, oneRuns);
  row("(d) the same, in-process verify", apis, oneInProcess);
  row("(e) catalogue, parse (doc JSON → specs)", apis, parseRuns);
  row("(e') catalogue, parse again over its own specs", apis, reparseRuns);
  log(
    `| openapi-typescript on \`topgen openapi\` of the same specs (types only, unformatted, unchecked) | ${apis} | ${show(ots)} | — |`,
  );
  log(`| \`topgen openapi\` export itself | ${apis} | ${sec(exportRun.ms)} | ${exportRun.maxRssMiB} MiB |`);
  log();
  log("Stage times, milliseconds (median of the runs; worker stages summed over threads):");
  log();
  log("```");
  log(`(b) native      ${JSON.stringify(medianStages(coldRuns))}`);
  log(`(b) in-process  ${JSON.stringify(medianStages(inProcessRuns))}`);
  log(`(c) no-op       ${JSON.stringify(medianStages(noopRuns))}`);
  log(`(d) native      ${JSON.stringify(medianStages(oneRuns))}`);
  log(`(d) in-process  ${JSON.stringify(medianStages(oneInProcess))}`);
  log(`(e) parse       ${JSON.stringify(medianStages(parseRuns))}`);
  log("```");
  log();

  if (!QUICK) {
    log("Slope, cold generate (native verify) over the first N specs (sorted by name), one run each:");
    log();
    log("| APIs | time | per API | peak RSS |");
    log("|---|---|---|---|");
    const all = readdirSync(join(cat, "specs")).sort();
    for (const n of [500, 1000, 2000, apis]) {
      const sub = project(`slope${n}`);
      mkdirSync(join(sub, "specs"));
      for (const f of all.slice(0, n)) cpSync(join(cat, "specs", f), join(sub, "specs", f));
      const r = topgenWith(NATIVE, sub, "generate");
      log(`| ${Math.min(n, apis)} | ${sec(r.ms)} | ${(r.ms / Math.min(n, apis)).toFixed(1)} ms | ${r.maxRssMiB} MiB |`);
      rmSync(sub, { recursive: true, force: true });
    }
    log();
  }

  log("Validators: generated `validate()` against ajv (`allErrors`) compiled from the JSON Schema of the same params,");
  log("measured in alternating windows (medians; the ratio is the median of the windows' ratios):");
  log();
  log("| request | case | generated ops/s | ajv ops/s | ratio (generated / ajv) |");
  log("|---|---|---|---|---|");
  for (const r of validators) {
    log(
      `| ${r.api} | ${r.case} | ${Math.round(r.generated).toLocaleString("en")} | ${Math.round(r.ajv).toLocaleString("en")} | ${r.ratio.toFixed(2)} |`,
    );
  }
  log();
  writeFileSync(join(REPO, "bench", "RESULTS.md"), lines.join("\n") + "\n");
  for (const dir of [seeds, cat]) rmSync(dir, { recursive: true, force: true });
}

await main();
