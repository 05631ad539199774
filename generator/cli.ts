// The topgen command: a thin yargs layer over project.ts. Exit codes: 0 ok, 1 drift, 2 bad input, 3 internal.

// Commands import what they need when they run, so that a no-op `generate` never loads parsers or compilers.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { loadConfig, type Config } from "./config/config.js";
import { InputError } from "./support/errors.js";

const out = (line: string) => process.stdout.write(line + "\n");
const err = (line: string) => process.stderr.write(line + "\n");
const warn = (message: string) => err(`topgen: warning: ${message}`);

function withDirs(config: Config, argv: { specs?: string | undefined; out?: string | undefined }): Config {
  return {
    ...config,
    ...(argv.specs !== undefined ? { specs: resolve(argv.specs) } : {}),
    ...(argv.out !== undefined ? { out: resolve(argv.out) } : {}),
  };
}

/** `--timings`: stage times (ms, summed over threads) and peak memory, as one JSON line on stderr. */
function reportTimings(timings: Map<string, number>, started: number): void {
  const stages = Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)]));
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  err(`timings ${JSON.stringify({ wallMs: Date.now() - started, maxRssMiB, stages })}`);
}

async function generate(config: Config, full = false, withTimings = false): Promise<void> {
  const started = Date.now();
  const timings = new Map<string, number>();
  const { generateProject } = await import("./build/generate.js");
  const { progressFor } = await import("./support/progress.js");
  let progress: ReturnType<typeof progressFor> | undefined;
  const result = await generateProject(config, {
    full,
    timings,
    onWarning: (message) => err(`topgen: warning: ${message}`),
    onBatchDone: (done, total) => {
      progress ??= progressFor(total * 100);
      progress.update(done, total);
    },
  });
  progress?.end();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out(
    `generated ${result.apis} APIs (${result.rebuilt} rebuilt): ${result.written.length} files written, ` +
      `${result.unchanged.length} unchanged, ${result.removed.length} removed in ${seconds}s`,
  );
  if (withTimings) reportTimings(timings, started);
  await printSurfaceChanges(config, result.written.filter((f) => f.endsWith(".ts") && f !== "index.ts"));
}

/** After `generate`: what the rewritten modules changed for callers since the last commit (the surface check). */
async function printSurfaceChanges(config: Config, written: string[]): Promise<void> {
  if (written.length === 0) return;
  const { gitTop, catFiles, relativeTo } = await import("./diff/git.js");
  const top = gitTop(config.out);
  if (top === undefined) return;
  if (written.length > 200) {
    out(`${written.length} modules rewritten; \`topgen diff --base HEAD\` reports what changed for callers`);
    return;
  }
  const { diffModuleSets } = await import("./diff/surface.js");
  const { formatReport } = await import("./diff/report.js");
  const rel = relativeTo(top, config.out);
  let before: (string | undefined)[];
  try {
    before = catFiles(top, written.map((f) => `HEAD:${rel === "" ? "" : rel + "/"}${f}`));
  } catch {
    return; // no commit yet
  }
  const old = new Map<string, string>();
  written.forEach((f, i) => {
    const text = before[i];
    if (text !== undefined) old.set(f, text);
  });
  const now = new Map(written.map((f) => [f, readFileSync(join(config.out, f), "utf8")]));
  const changes = diffModuleSets(old, now);
  if (changes.length === 0) return;
  out("changes for callers since HEAD (surface check of the rewritten modules):");
  process.stdout.write(formatReport(changes, "text").replace(/^/gm, "  ").replace(/ +$/, ""));
}

/** The spec on disk before `add` rewrites it, if any (its change report is printed after). */
function previousSpec(config: Config, name: string): string | undefined {
  const file = join(config.specs, name);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

async function printChanges(previous: string | undefined, spec: import("./model/types.js").ApiSpec): Promise<void> {
  if (previous === undefined) return;
  const { parseSpec } = await import("./model/load.js");
  const { diffSpecs } = await import("./diff/changes.js");
  const { formatReport } = await import("./diff/report.js");
  let old;
  try {
    old = parseSpec(previous, spec.method);
  } catch {
    return; // an old spec of another version or broken by hand: nothing to compare with
  }
  const changes = diffSpecs(old, spec);
  if (changes.length === 0) out(`  no changes to ${spec.method}'s spec`);
  else process.stdout.write(formatReport(changes, "text").replace(/^/gm, "  ").replace(/ +$/, ""));
}

async function main(): Promise<number> {
  const config = loadConfig();
  let code = 0;
  await yargs(hideBin(process.argv))
    .scriptName("topgen")
    .usage("$0 <command>\n\nTurns TOP API doc pages into specs/ and a typed TypeScript SDK in generated/.")
    .command(
      "parse <docs..>",
      "read doc pages (text, saved HTML or JSON; files or folders) into specs",
      (y) =>
        y
          .positional("docs", { type: "string", array: true, demandOption: true })
          .option("out", { type: "string", describe: "spec folder (default: specs/)" })
          .option("stdout", { type: "boolean", describe: "print the spec of one page instead of writing it" })
          .option("timings", { type: "boolean", describe: "print stage times and peak memory (JSON, stderr)" }),
      async (argv) => {
        const { parseDocs, writeSpecs } = await import("./project/project.js");
        if (argv.stdout) {
          const { parseDoc } = await import("./project/parse.js");
          const { serializeSpec } = await import("./model/serialize.js");
          if (argv.docs.length !== 1) throw new InputError(argv.docs.join(" "), undefined, "--stdout takes exactly one doc page");
          const { parseOptions } = await import("./project/project.js");
          process.stdout.write(serializeSpec(parseDoc(argv.docs[0]!, config.root, undefined, parseOptions(config, warn))));
          return;
        }
        const started = Date.now();
        const timings = new Map<string, number>();
        const dir = argv.out !== undefined ? resolve(argv.out) : config.specs;
        const specs = parseDocs(argv.docs, config, timings, warn);
        const result = writeSpecs(specs, dir);
        if (argv.timings) reportTimings(timings, started);
        out(`parsed ${specs.size} doc pages: ${result.written.length} specs written, ${result.unchanged.length} unchanged`);
      },
    )
    .command(
      "generate",
      "generate the SDK from the specs",
      (y) =>
        y
          .option("specs", { type: "string", describe: "spec folder" })
          .option("out", { type: "string", describe: "output folder" })
          .option("full", { type: "boolean", describe: "rebuild every API, ignoring the manifest" })
          .option("timings", { type: "boolean", describe: "print stage times and peak memory (JSON, stderr)" }),
      async (argv) => generate(withDirs(config, argv), argv.full === true, argv.timings === true),
    )
    .command(
      "check",
      "exit 1 with a diff when specs/ or generated/ differ from what docs/ and templates produce now",
      (y) => y,
      async () => {
        const { checkProject } = await import("./project/project.js");
        const drift = await checkProject(config, warn);
        if (drift.length === 0) {
          out("topgen check: specs/ and generated/ are up to date");
          return;
        }
        for (const d of drift) process.stdout.write(d.patch);
        err(`topgen check: ${drift.length} file(s) out of date: ${drift.map((d) => d.file).join(", ")}`);
        err("run `npm run generate` (topgen parse docs && topgen generate) and commit the result");
        code = 1;
      },
    )
    .command(
      "add <doc>",
      "copy a doc page into docs/, write its spec and regenerate the SDK",
      (y) =>
        y
          .positional("doc", { type: "string", demandOption: true })
          .option("url", { type: "string", describe: "where the page came from (recorded in docs/sources.json)" })
          .option("saved", { type: "string", describe: "when the page was saved, YYYY-MM-DD (default: the file's time)" }),
      async (argv) => {
        const { adoptDoc, specFileName, writeSpecs } = await import("./project/project.js");
        const { serializeSpec } = await import("./model/serialize.js");
        const { isDate } = await import("./project/sources.js");
        if (argv.saved !== undefined && !isDate(argv.saved)) throw new UsageError(`--saved ${argv.saved}: a date, YYYY-MM-DD`);
        const given = { ...(argv.url !== undefined ? { url: argv.url } : {}), ...(argv.saved !== undefined ? { saved: argv.saved } : {}) };
        const { spec, docPath } = adoptDoc(argv.doc, config, given, warn);
        const previous = previousSpec(config, specFileName(spec.method));
        writeSpecs(new Map([[specFileName(spec.method), serializeSpec(spec)]]), config.specs);
        out(`added ${spec.method}: docs/${docPath}, specs/${specFileName(spec.method)}`);
        await printChanges(previous, spec);
        for (const d of spec.diagnostics ?? []) out(`  ${d.level}: ${d.message}${d.line ? ` (line ${d.line})` : ""}`);
        await generate(config);
      },
    )
    .command(
      "diff [old] [new]",
      "what changed between two doc pages, specs or folders (or the specs at --base <git ref> and now), and what breaks",
      (y) =>
        y
          .positional("old", { type: "string" })
          .positional("new", { type: "string" })
          .option("base", { type: "string", describe: "compare the specs at this git revision with the specs now" })
          .option("format", { choices: ["text", "markdown", "json"] as const, default: "text" as const })
          .option("fail-on", { choices: ["breaking"] as const, describe: "exit 1 when a change of this class is found" }),
      async (argv) => {
        const { sideOf, specsAtRef, modulesAtRef } = await import("./project/diff.js");
        const { diffSpecSets } = await import("./diff/changes.js");
        const { diffModuleSets } = await import("./diff/surface.js");
        const { formatReport } = await import("./diff/report.js");
        let old, now;
        if (argv.base !== undefined) {
          if (argv.new !== undefined) throw new UsageError("--base compares with the specs folder: name at most one other spec folder");
          old = { specs: specsAtRef(argv.base, config), modules: modulesAtRef(argv.base, config) };
          now = argv.old !== undefined ? sideOf(resolve(argv.old), config) : {
                specs: existsSync(config.specs) ? sideOf(config.specs, config).specs : new Map(),
                modules: existsSync(config.out) ? sideOf(config.out, config).modules : new Map<string, string>(),
              };
        } else {
          if (argv.old === undefined || argv.new === undefined) throw new UsageError("name OLD and NEW (pages, specs or folders), or --base <git ref>");
          old = sideOf(resolve(argv.old), config);
          now = sideOf(resolve(argv.new), config);
          // Two single modules are two versions of one module, whatever their file names.
          const [a] = old.modules.keys();
          const [b] = now.modules.keys();
          if (old.modules.size === 1 && now.modules.size === 1 && a !== undefined && b !== undefined && a !== b && argv.old.endsWith(".ts")) {
            old.modules = new Map([[b, old.modules.get(a)!]]);
          }
        }
        // The spec diff, then the surface check of the generated modules (a second witness, and the only one
        // when the generator changed and no spec did).
        const changes = [...diffSpecSets(old.specs, now.specs), ...diffModuleSets(old.modules, now.modules)];
        process.stdout.write(formatReport(changes, argv.format));
        if (argv["fail-on"] === "breaking" && changes.some((c) => c.class === "breaking")) code = 1;
      },
    )
    .command(
      "ages",
      "list the APIs by the age of their doc pages, oldest first",
      (y) => y.option("specs", { type: "string", describe: "spec folder (default: specs/)" }),
      async (argv) => {
        const { pageAges, formatAges } = await import("./project/ages.js");
        process.stdout.write(formatAges(pageAges(argv.specs !== undefined ? resolve(argv.specs) : config.specs, config.root)));
      },
    )
    .command(
      "openapi",
      "export the specs as one OpenAPI 3.1 document (JSON)",
      (y) =>
        y
          .option("specs", { type: "string", describe: "spec folder (default: specs/)" })
          .option("out", { type: "string", describe: "output file (default: stdout)" }),
      async (argv) => {
        const { runOpenApiCommand } = await import("./targets/openapi/index.js");
        const specs = argv.specs !== undefined ? resolve(argv.specs) : config.specs;
        const summary = runOpenApiCommand(specs, config.root, argv.out !== undefined ? resolve(argv.out) : undefined);
        if (summary !== undefined) out(summary);
      },
    )
    .demandCommand(1, "name a command: parse, generate, check or add")
    .strict()
    .fail((msg, e) => {
      if (e) throw e;
      throw new UsageError(msg);
    })
    .help()
    .parseAsync();
  return code;
}

class UsageError extends Error {}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError || e instanceof UsageError) {
      err(`topgen: ${e.message}`);
      process.exitCode = 2;
      return;
    }
    err(`topgen: internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    if (process.env["TOPGEN_DEBUG"]) err(e instanceof Error ? (e.stack ?? "") : "");
    process.exitCode = 3;
  },
);
