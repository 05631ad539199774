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
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  /** The largest single process of the command's tree (GNU time's %M), where it could be measured. */
  treeRssMiB?: number;
  stdout: string;
}

function topgen(cwd: string, ...args: string[]): Run {
  return topgenWith({}, cwd, ...args);
}

/** GNU time, where the machine has it: its peak RSS is the largest process of the tree (tsgo included). */
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const TREE_MARK = "bench-tree-rss-kb ";

function topgenWith(env: Record<string, string>, cwd: string, ...args: string[]): Run {
  const start = performance.now();
  const timings = args[0] === "parse" || args[0] === "generate" ? ["--timings"] : [];
  const command = [process.execPath, BIN, ...args, ...timings];
  const wrapped = GNU_TIME ? [GNU_TIME, "-f", `${TREE_MARK}%M`, ...command] : command;
  const r = spawnSync(wrapped[0]!, wrapped.slice(1), {
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
  const tree = r.stderr.split("\n").find((l) => l.startsWith(TREE_MARK));
  const treeRssMiB = tree ? Math.round(Number(tree.slice(TREE_MARK.length)) / 1024) : undefined;
  return {
    ms,
    stages: t.stages,
    maxRssMiB: t.maxRssMiB,
    ...(treeRssMiB !== undefined ? { treeRssMiB } : {}),
    stdout: r.stdout,
  };
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
const treePeak = (runs: Run[]) => {
  const tree = runs.flatMap((r) => (r.treeRssMiB === undefined ? [] : [r.treeRssMiB]));
  return tree.length ? Math.max(...tree) : undefined;
};
/** topgen's own peak (main thread and workers), and the largest process of its tree where GNU time measured it. */
const rss = (own: number, tree: number | undefined) =>
  tree === undefined || tree <= own ? `${own} MiB` : `${own} MiB (largest child process ${tree} MiB)`;
const runsRss = (runs: Run[]) => rss(peak(runs), treePeak(runs));
const note = (what: string) => process.stderr.write(`bench: ${what} (load ${load()})\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

/**
 * Every folder the bench makes, removed only after the last timed run. On this machine's disk, for a minute or
 * more after many files are deleted, each new file costs ≈ 10× as much (the kernel's ext4 inode allocator checks
 * every recently freed inode it passes: `recently_deleted` under `ext4_create`, seen with perf), so deleting a
 * build's output right before the next run would time the bench's own cleanup. Runs write into fresh folders
 * instead; row (b'') measures the deleted-just-before case on purpose.
 */
const scratch: string[] = [];

/** A scratch project whose generated code imports this repo's built runtime; `specs`: another project's specs. */
function project(name: string, specs?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `topgen-bench-${name}-`));
  scratch.push(dir);
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "dist", "runtime", "index.js"))
    .split("\\")
    .join("/");
  const config = specs === undefined ? { runtimeImport } : { runtimeImport, specs: relative(dir, specs) };
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify(config));
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

  // (a) the two seeds, cold, each run in a fresh project
  note("seeds");
  const seedDocs = project("seeds");
  cpSync(join(REPO, "docs"), join(seedDocs, "docs"), { recursive: true });
  topgen(seedDocs, "parse", "docs");
  const seedRuns = repeat(
    SHORT_RUNS,
    () => undefined,
    () => topgen(project("seeds", join(seedDocs, "specs")), "generate"),
  );

  // (e) parse of the whole catalogue, each run into a fresh project
  note("parse");
  const parseProjects: string[] = [];
  const parseRuns = repeat(
    RUNS,
    () => parseProjects.push(project("parse")),
    () => topgen(parseProjects.at(-1)!, "parse", CATALOGUE),
  );
  const cat = parseProjects.at(-1)!;
  const specsDir = join(cat, "specs");
  const apis = readdirSync(specsDir).length;
  // (e') the same parse over the specs it wrote (nothing to rewrite), and the floor a fresh parse cannot go under on
  // this disk: creating as many files of the same sizes in a fresh folder, nothing else.
  const reparseRuns = repeat(
    RUNS,
    () => undefined,
    () => topgen(cat, "parse", CATALOGUE),
  );
  const specSizes = readdirSync(specsDir).map((n) => readFileSync(join(specsDir, n)).length);
  const creationRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = project("create");
    const start = performance.now();
    specSizes.forEach((size, k) => writeFileSync(join(dir, `${k}.json`), "x".repeat(size)));
    creationRuns.push(performance.now() - start);
  }

  // (b) whole catalogue, cold: specs → formatted, verified SDK, type-checked by tsgo. Each run is followed by
  // openapi-typescript on the OpenAPI export of the same specs and by the same build type-checked in-process, so
  // that all three see the same machine (it is shared and noisy). Every build is into a fresh project.
  note("cold builds");
  const exportFile = join(cat, "catalogue.openapi.json");
  const exportRun = topgen(cat, "openapi", "--out", exportFile);
  const otsBin = join(REPO, "node_modules", ".bin", "openapi-typescript");
  const otsRuns: number[] = [];
  const inProcessRuns: Run[] = [];
  const fresh = () => project("cold", specsDir);
  let built = "";
  const coldRuns = repeat(
    RUNS,
    () => (built = fresh()),
    () => {
      const run = topgenWith(NATIVE, built, "generate");
      otsRuns.push(timeCommand(cat, otsBin, [exportFile, "-o", join(fresh(), "openapi-types.d.ts")]));
      inProcessRuns.push(topgenWith(IN_PROCESS, fresh(), "generate"));
      return run;
    },
  );
  // (b') with each worker's heap capped (TOPGEN_WORKER_HEAP_MB): less memory for more time
  const cappedRuns = QUICK ? [] : [topgenWith({ ...NATIVE, TOPGEN_WORKER_HEAP_MB: "512" }, fresh(), "generate")];
  // (c) nothing changed, in the last native cold build's project
  note("no-op and one changed");
  const noopRuns = repeat(
    SHORT_RUNS,
    () => undefined,
    () => topgen(built, "generate"),
  );
  // (d) one spec changed (its description: same APIs, same names), native and in-process alternately
  const specFile = join(specsDir, readdirSync(specsDir).sort()[Math.floor(apis / 2)]!);
  const original = readFileSync(specFile, "utf8");
  let flip = 0;
  const edit = () => writeFileSync(specFile, original.replace('"description": "', `"description": "(edit ${++flip}) `));
  const oneInProcess: Run[] = [];
  const oneRuns = repeat(SHORT_RUNS, edit, () => {
    const run = topgenWith(NATIVE, built, "generate");
    edit();
    oneInProcess.push(topgenWith(IN_PROCESS, built, "generate"));
    return run;
  });
  writeFileSync(specFile, original);
  topgen(built, "generate");

  // Slope: cold generate over the first N specs (sorted by name), one run each
  const slope: { n: number; run: Run }[] = [];
  if (!QUICK) {
    note("slope");
    const all = readdirSync(specsDir).sort();
    for (const n of [500, 1000, 2000, apis]) {
      const sub = project(`slope${n}`);
      mkdirSync(join(sub, "specs"));
      for (const f of all.slice(0, n)) cpSync(join(specsDir, f), join(sub, "specs", f));
      slope.push({ n: Math.min(n, apis), run: topgenWith(NATIVE, sub, "generate") });
    }
  }

  // (b'') cold, right after deleting the previous build's output (`rm -rf generated && topgen generate`): the last
  // file-writing rows, since every deletion slows the disk's next minute of file creation.
  note("cold after a deletion");
  const afterDeletion = repeat(
    QUICK ? 1 : 3,
    () => rmSync(join(built, "generated"), { recursive: true, force: true }),
    () => topgenWith(NATIVE, built, "generate"),
  );

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
  log(
    "Every timed run writes into a fresh folder and nothing is deleted until the last of them: on this machine's " +
      "disk, for a minute or more after many files are deleted, each new file costs about ten times as much " +
      "(perf puts the time in ext4's `recently_deleted` check under `ext4_create`). Row (b'') is a cold build made " +
      "right after deleting the previous build's output, to show that case.",
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
  // Both peaks need not come at once (tsgo runs after the workers), so their sum is an upper bound of the whole.
  const together = peak(coldRuns) + (treePeak(coldRuns) ?? peak(coldRuns));
  log(
    `| peak RSS of the cold build: topgen's process ${peak(coldRuns)} MiB, its largest child (tsgo) ${treePeak(coldRuns) ?? "not measured"}${treePeak(coldRuns) === undefined ? "" : " MiB"}; together at most | ${together} MiB | ≤ 1024 MiB | ${met(together <= 1024)} |`,
  );
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
  log(`| cold catalogue, peak RSS | ${runsRss(coldRuns)} | ${runsRss(inProcessRuns)} |`);
  log(`| one spec changed, whole command | ${show(one)} | ${show(times(oneInProcess))} |`);
  log(`| one spec changed, verify stage | ${show(verifyMs(oneRuns))} | ${show(verifyMs(oneInProcess))} |`);
  log();

  log("## All rows");
  log();
  log("| what | APIs | time | peak RSS |");
  log("|---|---|---|---|");
  const row = (what: string, n: number, runs: Run[]) =>
    runs.length && log(`| ${what} | ${n} | ${show(times(runs))} | ${runsRss(runs)} |`);
  row("(a) seeds, cold generate", 2, seedRuns);
  row("(b) catalogue, cold generate (specs → formatted, verified SDK), native verify", apis, coldRuns);
  row("(b) the same, in-process verify (`TOPGEN_VERIFY=in-process`)", apis, inProcessRuns);
  row("(b') native, worker heaps capped at 512 MB (`TOPGEN_WORKER_HEAP_MB=512`), one run", apis, cappedRuns);
  row(
    "(b'') native, into a project whose `generated/` was deleted just before (`rm -rf generated && topgen generate`)",
    apis,
    afterDeletion,
  );
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
  log(`(b'') native     ${JSON.stringify(medianStages(afterDeletion))}`);
  log(`(c) no-op       ${JSON.stringify(medianStages(noopRuns))}`);
  log(`(d) native      ${JSON.stringify(medianStages(oneRuns))}`);
  log(`(d) in-process  ${JSON.stringify(medianStages(oneInProcess))}`);
  log(`(e) parse       ${JSON.stringify(medianStages(parseRuns))}`);
  log("```");
  log();

  if (slope.length) {
    log("Slope, cold generate (native verify) over the first N specs (sorted by name), one run each:");
    log();
    log("| APIs | time | per API | peak RSS |");
    log("|---|---|---|---|");
    for (const { n, run } of slope)
      log(`| ${n} | ${sec(run.ms)} | ${(run.ms / n).toFixed(1)} ms | ${rss(run.maxRssMiB, run.treeRssMiB)} |`);
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
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}

await main();
