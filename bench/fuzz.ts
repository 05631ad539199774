// npm run fuzz -- --count N [--seed S] [--cli K] [--class NAME]... [--skip NAME]...: mutated real doc pages (../shared/data: seeds,
// text-pages, doc-json) through topgen in-process, and K of them through the built CLI; outcomes by class.
// Exit 1 when any outcome is not allowed (a spec and an SDK that type-checks, or one input error line).

import { join, resolve } from "node:path";
import { ALLOWED, loadSeeds, report, runCli, runInProcess, type FuzzResult } from "./fuzz/harness.js";
import { CLASSES, fuzzInputs } from "./fuzz/mutations.js";

const REPO = resolve(import.meta.dirname, "../..");
const DATA = resolve(process.env["TOPGEN_DATA"] ?? join(REPO, "../shared/data"));

function arg(name: string): string[] {
  const out: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) if (argv[i] === `--${name}` && argv[i + 1] !== undefined) out.push(argv[++i]!);
  return out;
}

async function main(): Promise<number> {
  const count = Number(arg("count")[0] ?? 300);
  const seed = Number(arg("seed")[0] ?? 1);
  const cli = Number(arg("cli")[0] ?? 10);
  const skip = arg("skip");
  const only = (arg("class").length ? arg("class") : CLASSES).filter((c) => !skip.includes(c));
  const inputs = [...fuzzInputs(loadSeeds(DATA), count, seed, only)];
  const started = Date.now();
  const results: FuzzResult[] = [];
  const chunk = 200;
  for (let i = 0; i < inputs.length; i += chunk) {
    results.push(
      ...(await runInProcess(inputs.slice(i, i + chunk), { root: REPO, runtimeImport: "../runtime/index.js" })),
    );
    process.stderr.write(
      `fuzz: ${Math.min(i + chunk, inputs.length)}/${inputs.length} in-process after ${((Date.now() - started) / 1000).toFixed(0)}s\n`,
    );
  }
  const cliResults: FuzzResult[] = [];
  const step = Math.max(1, Math.floor(inputs.length / Math.max(1, cli)));
  // step + 1 apart: successive picks fall in different mutation classes
  for (let i = 0; i < inputs.length && cliResults.length < cli; i += step + 1) {
    cliResults.push(
      runCli(inputs[i]!, { bin: join(REPO, "bin", "topgen.js"), runtimeIndex: join(REPO, "runtime", "index.js") }),
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `fuzz: ${inputs.length} inputs in-process and ${cliResults.length} through the CLI (seed ${seed}) in ${seconds}s\n`,
  );
  console.log("In-process:\n");
  console.log(report(results));
  if (cliResults.length) console.log("\nThrough the CLI:\n\n" + report(cliResults));
  const bad = [...results, ...cliResults].filter((r) => !ALLOWED.has(r.outcome));
  for (const r of bad.slice(0, 40))
    console.log(`\n- #${r.input.id} ${r.input.mutation} of ${r.input.seed}: ${r.outcome}: ${r.detail ?? ""}`);
  return bad.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 3;
  },
);
