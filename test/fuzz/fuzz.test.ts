// The fuzzer (issue 14, point 4), a bounded seeded run: mutated real doc pages give a spec that passes its own
// schema and an SDK that type-checks, or one input error line — never an internal error, a stack or exit 1/3.
// Long runs: `npm run fuzz -- --count 3000` (figures in bench/FUZZ.md).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ALLOWED, loadSeeds, runCli, runInProcess, type FuzzResult } from "../../bench/fuzz/harness.js";
import { CLASSES, fuzzInputs, MUTATIONS, Rng } from "../../bench/fuzz/mutations.js";
import { DATA, describeData } from "../support/data.js";
import { REPO } from "../support/sdk.js";

const HEAVY = "50,000 fields";
const shown = (r: FuzzResult) =>
  `#${r.input.id} ${r.input.mutation} of ${r.input.seed}: ${r.outcome}: ${r.detail ?? ""}`;

describeData("fuzzer", () => {
  const seeds = loadSeeds(DATA);

  it("the seeds are the real pages: seeds, text pages and doc-site JSON", () => {
    expect(seeds.filter((s) => s.name.startsWith("seeds/"))).toHaveLength(2);
    expect(seeds.filter((s) => s.format === "json").length).toBeGreaterThan(20);
    expect(seeds.filter((s) => s.name.startsWith("text-pages/")).length).toBeGreaterThan(50);
  });

  it("every class changes a page, and the same seed gives the same inputs", () => {
    for (const c of CLASSES) {
      const page = seeds.find((s) => s.format === (c === HEAVY ? "json" : "text"))!;
      const a = MUTATIONS[c]!(page, new Rng(3));
      expect(a, c).toBeDefined();
      expect(a!.equals(page.bytes), c).toBe(false);
      expect(MUTATIONS[c]!(page, new Rng(3))!.equals(a!), c).toBe(true);
    }
  });

  it("300 mutated pages in-process: only allowed outcomes, every class exercised", { timeout: 600_000 }, async () => {
    const inputs = [
      ...fuzzInputs(
        seeds,
        300,
        7,
        CLASSES.filter((c) => c !== HEAVY),
      ),
    ];
    const results = await runInProcess(inputs, { root: REPO, runtimeImport: "../runtime/index.js" });
    expect(results.filter((r) => !ALLOWED.has(r.outcome)).map(shown)).toEqual([]);
    expect(new Set(results.map((r) => r.input.mutation)).size).toBe(CLASSES.length - 1);
    // both allowed outcomes occur: the run is not all rejections
    expect(results.filter((r) => r.outcome === "sdk").length).toBeGreaterThan(100);
    expect(results.filter((r) => r.outcome === "input error").length).toBeGreaterThan(20);
  });

  it("a page with 50,000 fields gives a spec and an SDK", { timeout: 300_000 }, async () => {
    const inputs = [...fuzzInputs(seeds, 1, 7, [HEAVY])];
    const results = await runInProcess(inputs, { root: REPO, runtimeImport: "../runtime/index.js" });
    expect(results.map(shown)).toEqual([expect.stringMatching(/: sdk: $/)]);
  });

  it(
    "a few through the built CLI: exit 0 or exit 2 with one line, nothing written outside the project",
    { timeout: 300_000 },
    () => {
      if (!existsSync(join(REPO, "dist", "generator", "cli.js")))
        throw new Error("run `npm run build` before the CLI tests");
      const inputs = [
        ...fuzzInputs(seeds, 4, 11, [
          "bad UTF-8",
          "hostile method names",
          "comment and template breakers",
          "odd limits",
        ]),
      ];
      const results = inputs.map((i) =>
        runCli(i, { bin: join(REPO, "bin", "topgen.js"), runtimeIndex: join(REPO, "runtime", "index.js") }),
      );
      expect(results.filter((r) => !ALLOWED.has(r.outcome)).map(shown)).toEqual([]);
      expect(results.find((r) => r.input.mutation === "bad UTF-8")?.outcome).toBe("input error");
    },
  );
});
