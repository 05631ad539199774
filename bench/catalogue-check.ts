// npm run test:catalogue: every API of ../shared/data/catalogue through parse and a cold generate, with the
// generated SDK type-checked under the strict settings (generate refuses code that does not). Then every module
// is run through prettier, which must leave it as it is: the proof, over the whole catalogue, that skipping
// prettier for modules whose lines fit (generator/targets/typescript/format.ts) writes what prettier would have written.
// Prints counts, times and peak memory; exits non-zero on the first API that fails, naming it.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fitsPrintWidth, prettierFormat } from "../generator/targets/typescript/format.js";
import { assignApiNames } from "../generator/names/api-names.js";
import { planModule } from "../generator/targets/typescript/plan.js";
import { loadTemplates, renderModule } from "../generator/targets/typescript/render.js";
import { defaultTemplatesDir } from "../generator/support/paths.js";
import { loadSpec } from "../generator/model/load.js";

const REPO = resolve(import.meta.dirname, "../..");
const CATALOGUE = resolve(REPO, "../shared/data/catalogue");

function run(cwd: string, ...args: string[]): { ms: number; out: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(REPO, "bin", "topgen.js"), ...args, "--timings"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - start;
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) {
    process.stderr.write(`catalogue check FAILED: topgen ${args[0]} exited ${r.status}\n`);
    process.exit(1);
  }
  return { ms, out: r.stdout };
}

const dir = mkdtempSync(join(tmpdir(), "topgen-catalogue-"));
const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
  .split("\\")
  .join("/");
writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport }));
try {
  const parse = run(dir, "parse", CATALOGUE);
  const apis = readdirSync(join(dir, "specs")).length;
  const generate = run(dir, "generate");
  const modules = readdirSync(join(dir, "generated")).filter((f) => f.endsWith(".ts") && f !== "index.ts").length;
  process.stdout.write(
    `\ncatalogue: ${apis} APIs parsed in ${(parse.ms / 1000).toFixed(1)} s; ${modules} modules generated and type-checked in ` +
      `${(generate.ms / 1000).toFixed(1)} s; ${apis - modules} failed\n`,
  );
  if (modules !== apis) process.exit(1);

  const start = performance.now();
  const specs = readdirSync(join(dir, "specs")).map((f) => loadSpec(join(dir, "specs", f)));
  const names = assignApiNames(specs.map((s) => s.method));
  const templates = loadTemplates(defaultTemplatesDir());
  const needPrettier = specs.filter(
    (s) =>
      !fitsPrintWidth(renderModule(templates, planModule(s, "specs/x.json", { runtimeImport }, names.get(s.method)))),
  ).length;
  let moved = 0;
  for (const file of readdirSync(join(dir, "generated")).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(dir, "generated", file), "utf8");
    if ((await prettierFormat(text)) !== text) {
      moved++;
      process.stderr.write(`prettier changes generated/${file}\n`);
    }
  }
  process.stdout.write(
    `prettier: ${modules - needPrettier} modules written in prettier's layout by the templates, ${needPrettier} formatted by ` +
      `prettier (a code line over the width); prettier changes ${moved} of ${modules + 1} files (${((performance.now() - start) / 1000).toFixed(1)} s)\n`,
  );
  if (moved !== 0) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
