// Runs fuzz inputs through topgen and sorts what happened. Allowed: a spec that passes its own schema and an SDK
// that type-checks, or an input error of one line naming the file. Anything else is a finding.
//
// In-process (the programmatic API: parse → serialize → load → build and type-check) for speed; a few through
// the built CLI as a child process, where exit codes, stderr and what was written on disk are checked too.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildSdk, type SpecEntry } from "../../generator/project/sdk.js";
import { parseSpec } from "../../generator/model/load.js";
import { serializeSpec } from "../../generator/model/serialize.js";
import { moduleFileName } from "../../generator/names/api-names.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import { InputError } from "../../generator/support/errors.js";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import type { FuzzInput, Seed } from "./mutations.js";

export type Outcome =
  | "sdk"
  | "input error"
  | "spec fails its own schema"
  | "sdk does not type-check"
  | "bad error line"
  | "internal error"
  | "exit 1"
  | "exit 3"
  | "stack trace"
  | "write outside the output";

export const ALLOWED: ReadonlySet<Outcome> = new Set(["sdk", "input error"]);

export interface FuzzResult {
  input: FuzzInput;
  outcome: Outcome;
  detail?: string;
}

/** An input error's message is one line, of bounded length, naming the file. */
function errorLineProblem(message: string, file: string): string | undefined {
  if (/[\n\r]/.test(message)) return "more than one line";
  if (message.length > 1500) return `${message.length} characters`;
  if (!message.includes(file)) return "does not name the file";
  return undefined;
}

function classify(e: unknown, file: string): { outcome: Outcome; detail: string } {
  if (e instanceof InputError) {
    const problem = errorLineProblem(e.message, file);
    return problem === undefined
      ? { outcome: "input error", detail: e.message.slice(0, 200) }
      : { outcome: "bad error line", detail: `${problem}: ${e.message.slice(0, 200)}` };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = (err.stack ?? "").split("\n").find((l) => l.trim().startsWith("at ")) ?? "";
  return { outcome: "internal error", detail: `${err.name}: ${err.message.slice(0, 200)} ${frame.trim()}` };
}

export interface InProcessOptions {
  /** The project root the generated modules belong to (for the runtime import and relative paths). */
  root: string;
  runtimeImport: string;
  /** APIs per build (and type check). */
  batch?: number;
}

/** parse → serialize → load → build + type-check, all in this process; nothing is written. */
export async function runInProcess(inputs: readonly FuzzInput[], options: InProcessOptions): Promise<FuzzResult[]> {
  const results = new Map<number, FuzzResult>();
  const built: { input: FuzzInput; entry: SpecEntry }[] = [];
  const docs = join(options.root, "docs");
  const specsDir = join(options.root, "specs");
  for (const input of inputs) {
    const file = join(docs, `fuzz-${input.id}.txt`);
    const shown = relative(options.root, file);
    let text: string;
    try {
      text = serializeSpec(parseDocBytes(input.bytes, file, options.root));
    } catch (e) {
      results.set(input.id, { input, ...classify(e, shown) });
      continue;
    }
    try {
      const spec = parseSpec(text, shown);
      built.push({ input, entry: { spec, file: join(specsDir, `${moduleFileName(spec.method)}.json`) } });
    } catch (e) {
      results.set(input.id, {
        input,
        outcome: "spec fails its own schema",
        detail: String((e as Error).message).slice(0, 300),
      });
    }
  }
  const sdkOptions = {
    root: options.root,
    outDir: join(options.root, "generated"),
    specsDir,
    templatesDir: defaultTemplatesDir(),
    runtimeImport: options.runtimeImport,
  };
  const build = async (group: { input: FuzzInput; entry: SpecEntry }[]): Promise<void> => {
    try {
      await buildSdk(
        group.map((g) => g.entry),
        sdkOptions,
      );
      for (const g of group) results.set(g.input.id, { input: g.input, outcome: "sdk" });
    } catch (e) {
      if (group.length > 1) {
        // Which one: each alone (rare; a broken SDK is a finding worth the time).
        for (const g of group) await build([g]);
        return;
      }
      const g = group[0]!;
      const c = classify(e, "");
      const message = e instanceof Error ? e.message : String(e);
      const broken = e instanceof InputError && /generated code does not (type-check|parse)/.test(message);
      results.set(g.input.id, {
        input: g.input,
        ...(broken
          ? { outcome: "sdk does not type-check", detail: message.slice(0, 300) }
          : c.outcome === "bad error line"
            ? { outcome: "input error", detail: c.detail }
            : c),
      });
    }
  };
  // One build per group of distinct methods (two inputs of one method are two SDKs, not one).
  const size = options.batch ?? 100;
  const groups: { input: FuzzInput; entry: SpecEntry }[][] = [];
  for (const b of built) {
    const group = groups.find((g) => g.length < size && !g.some((o) => o.entry.spec.method === b.entry.spec.method));
    if (group) group.push(b);
    else groups.push([b]);
  }
  for (const group of groups) await build(group);
  return inputs.map((i) => results.get(i.id)!);
}

export interface CliOptions {
  /** The built bin (bin/topgen.js of the repo). */
  bin: string;
  /** The runtime the scratch project's generated code imports (the repo's runtime/index.js). */
  runtimeIndex: string;
}

/** `topgen parse docs && topgen generate` in a scratch project: exit codes, stderr and the files left. */
export function runCli(input: FuzzInput, options: CliOptions): FuzzResult {
  const parent = mkdtempSync(join(tmpdir(), "topgen-fuzz-"));
  try {
    const dir = join(parent, "project");
    mkdirSync(join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "page.txt"), input.bytes);
    const runtimeImport = relative(join(dir, "generated"), options.runtimeIndex).split("\\").join("/");
    writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport }));
    let outcome: FuzzResult | undefined;
    for (const args of [["parse", "docs"], ["generate"]]) {
      const r = spawnSync(process.execPath, [options.bin, ...args], {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const stderr = r.stderr ?? "";
      if (/\n\s+at /.test(`\n${stderr}`)) outcome = { input, outcome: "stack trace", detail: stderr.slice(0, 300) };
      else if (r.status === 1) outcome = { input, outcome: "exit 1", detail: stderr.slice(0, 300) };
      else if (r.status === 3) outcome = { input, outcome: "exit 3", detail: stderr.slice(0, 300) };
      else if (r.status === 2) {
        const lines = stderr
          .trimEnd()
          .split("\n")
          .filter((l) => !l.startsWith("topgen: warning:"));
        const problem =
          lines.length !== 1
            ? `${lines.length} lines`
            : !lines[0]!.startsWith("topgen: ")
              ? "no topgen: prefix"
              : lines[0]!.length > 1600
                ? `${lines[0]!.length} characters`
                : undefined;
        outcome =
          problem === undefined
            ? { input, outcome: "input error", detail: lines[0]!.slice(0, 200) }
            : { input, outcome: "bad error line", detail: `${problem}: ${stderr.slice(0, 200)}` };
      } else if (r.status !== 0)
        outcome = {
          input,
          outcome: "internal error",
          detail: `exit ${r.status} ${r.signal ?? ""} ${stderr.slice(0, 200)}`,
        };
      if (outcome) break;
    }
    const outside = readdirSync(parent).filter((n) => n !== "project");
    const inside = readdirSync(dir).filter((n) => !["docs", "specs", "generated", "topgen.config.json"].includes(n));
    if (outside.length || inside.length)
      return { input, outcome: "write outside the output", detail: [...outside, ...inside].join(", ") };
    if (outcome) return outcome;
    if (!existsSync(join(dir, "generated", "index.ts")))
      return { input, outcome: "internal error", detail: "exit 0 but no generated/index.ts" };
    return { input, outcome: "sdk" };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/** Counts by class and outcome, as a Markdown table. */
export function report(results: readonly FuzzResult[]): string {
  const outcomes = [...new Set(results.map((r) => r.outcome))].sort(
    (a, b) => Number(ALLOWED.has(b)) - Number(ALLOWED.has(a)) || (a < b ? -1 : 1),
  );
  const classes = [...new Set(results.map((r) => r.input.mutation))];
  const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  const count = (c: string | undefined, o: Outcome) =>
    results.filter((r) => (c === undefined || r.input.mutation === c) && r.outcome === o).length;
  return [
    row(["class", "inputs", ...outcomes]),
    row(["---", "---:", ...outcomes.map(() => "---:")]),
    ...classes.map((c) =>
      row([c, results.filter((r) => r.input.mutation === c).length, ...outcomes.map((o) => count(c, o))]),
    ),
    row(["**all**", results.length, ...outcomes.map((o) => count(undefined, o))]),
  ].join("\n");
}

/** The real pages the fuzzer mutates: the seeds, the text pages and the doc-site JSON of `data` (../shared/data). */
export function loadSeeds(data: string): Seed[] {
  const from = (folder: string, format: Seed["format"]) =>
    readdirSync(join(data, folder))
      .filter((n) => n.endsWith(format === "json" ? ".json" : ".txt") && n !== "README.md")
      .sort()
      .map((name) => ({ name: `${folder}/${name}`, bytes: readFileSync(join(data, folder, name)), format }));
  return [...from("seeds", "text"), ...from("text-pages", "text"), ...from("doc-json", "json")];
}
