// The code map of ARCHITECTURE.md, enforced: every generator folder is a stage with a rank, and a file may import
// only from its own stage or an earlier one (the runtime is below them all, and imports nothing of the generator).
// No import cycle between files either.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");

/** Stages in pipeline order; a stage may import the ones before it. */
export const STAGES = [
  "runtime",
  "generator/support",
  "generator/config",
  "generator/model",
  "generator/read",
  "generator/normalize",
  "generator/overrides",
  "generator/check-samples",
  "generator/names",
  "generator/diff",
  "generator/targets",
  "generator/build",
  "generator/project",
  "generator", // cli.ts and index.ts: the entry points
] as const;

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(n) && !n.endsWith(".d.ts") ? [p] : [];
    });
}

function stageOf(file: string): number {
  const rel = relative(REPO, file).split("\\").join("/");
  let best = -1;
  STAGES.forEach((s, i) => {
    if (rel.startsWith(`${s}/`) && (best < 0 || s.length > STAGES[best]!.length)) best = i;
  });
  return best;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;"']*?from\s*["'](\.[^"']+)["']/g)].map((m) => m[1]!);
  specs.push(...[...text.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => m[1]!));
  specs.push(...[...text.matchAll(/new URL\(\s*["'](\.[^"']+\.js)["']/g)].map((m) => m[1]!));
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, ".ts"));
}

const files = [...sources(join(REPO, "generator")), ...sources(join(REPO, "runtime"))];
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.endsWith(".ts"))]));

describe("architecture", () => {
  it("every source file belongs to a stage", () => {
    expect(files.filter((f) => stageOf(f) < 0).map((f) => relative(REPO, f))).toEqual([]);
  });

  it("no stage imports a later one", () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const t of targets) {
        if (stageOf(t) > stageOf(file)) wrong.push(`${relative(REPO, file)} → ${relative(REPO, t)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the two targets do not import each other", () => {
    const wrong = [...graph].flatMap(([file, targets]) => {
      const own = /generator\/targets\/([^/]+)\//.exec(file)?.[1];
      return own
        ? targets
            .filter((t) => (/generator\/targets\/([^/]+)\//.exec(t)?.[1] ?? own) !== own)
            .map((t) => `${relative(REPO, file)} → ${relative(REPO, t)}`)
        : [];
    });
    expect(wrong).toEqual([]);
  });

  it("build/ knows no concrete target: only the seam (targets/target.ts); the project layer passes targets in", () => {
    const wrong = [...graph].flatMap(([file, targets]) =>
      /generator\/build\//.test(file)
        ? targets
            .filter((t) => /generator\/targets\/[^/]+\//.test(t))
            .map((t) => `${relative(REPO, file)} → ${relative(REPO, t)}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("no import cycle", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(REPO, p)).join(" → "));
        return;
      }
      state.set(f, "open");
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, "done");
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
