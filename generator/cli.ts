// The topgen command: a thin yargs layer over project.ts. Exit codes: 0 ok, 1 drift, 2 bad input, 3 internal.

// Commands import what they need when they run, so that a no-op `generate` never loads parsers or compilers.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { CONFIG_FILE, loadConfig, runtimeProblem, shownPath, withOut, type Config } from "./config/config.js";
import { InputError } from "./support/errors.js";
import { packageRoot } from "./support/paths.js";

const out = (line: string) => process.stdout.write(line + "\n");
const err = (line: string) => process.stderr.write(line + "\n");

const COMMANDS = "init, add, build, parse, generate, check or openapi";

/** The config, for a command that works on a project: without a config file, one line saying how to make one. */
function projectConfig(config: Config, command: string): Config {
  if (config.file !== undefined) return config;
  throw new InputError(CONFIG_FILE, undefined, `not found in ${shownPath(config.root) || "this folder"} or any folder above it; run \`topgen init\` first (\`topgen ${command}\` works on a project)`);
}

function withDirs(config: Config, argv: { specs?: string | undefined; out?: string | undefined }): Config {
  const dirs = argv.specs !== undefined ? { ...config, specs: resolve(argv.specs) } : config;
  return argv.out !== undefined ? withOut(dirs, argv.out) : dirs;
}

/** Generated code must be able to import the runtime: checked before anything is built. */
function requireRuntime(config: Config): void {
  const problem = runtimeProblem(config);
  if (problem !== undefined) throw new UsageError(problem);
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
  const { requireSpecs } = await import("./project/project.js");
  requireSpecs(config.specs);
  requireRuntime(config);
  const { generateProject } = await import("./project/targets.js");
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
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

async function main(): Promise<number> {
  const config = loadConfig();
  let code = 0;
  await yargs(hideBin(process.argv))
    .scriptName("topgen")
    .usage(
      "$0 <command>\n\nTurns TOP API doc pages into specs and a typed TypeScript SDK, as topgen.config.json says " +
        "(found in the current folder or the nearest one above it).",
    )
    .command(
      "init",
      "write topgen.config.json, the docs folder and package.json scripts for an app (never overwrites)",
      (y) =>
        y
          .option("docs", { type: "string", default: "topgen/docs", describe: "folder of the saved doc pages" })
          .option("specs", { type: "string", default: "topgen/specs", describe: "folder of the specs" })
          .option("out", { type: "string", default: "src/generated", describe: "folder of the generated SDK" })
          .option("runtime-import", { type: "string", describe: "what generated code imports the runtime from (default @topgen/runtime)" })
          .option("scripts", { type: "boolean", default: true, describe: "add topgen:generate and topgen:check to package.json (--no-scripts: do not)" }),
      async (argv) => {
        const { initProject } = await import("./project/init.js");
        const lines = initProject(process.cwd(), {
          docs: argv.docs,
          specs: argv.specs,
          out: argv.out,
          runtimeImport: argv["runtime-import"],
          scripts: argv.scripts,
        });
        for (const line of lines) out(line);
      },
    )
    .command(
      "parse <docs..>",
      "read doc pages (text, saved HTML or JSON; files or folders) into specs",
      (y) =>
        y
          .positional("docs", { type: "string", array: true, demandOption: true })
          .option("out", { type: "string", describe: "spec folder (default: the config's specs folder)" })
          .option("stdout", { type: "boolean", describe: "print the spec of one page instead of writing it" })
          .option("timings", { type: "boolean", describe: "print stage times and peak memory (JSON, stderr)" }),
      async (argv) => {
        const { parseDocs, writeSpecs } = await import("./project/project.js");
        if (argv.stdout) {
          const { parseDoc } = await import("./project/parse.js");
          const { serializeSpec } = await import("./model/serialize.js");
          const { expandInputs } = await import("./support/fs.js");
          if (argv.docs.length !== 1) throw new InputError(argv.docs.join(" "), undefined, "--stdout takes exactly one doc page");
          const [page] = expandInputs(argv.docs);
          if (page === undefined || page.path !== argv.docs[0]) throw new InputError(argv.docs[0]!, undefined, "is a folder; --stdout takes one doc page file");
          process.stdout.write(serializeSpec(parseDoc(page.path, config.root)));
          return;
        }
        const started = Date.now();
        const timings = new Map<string, number>();
        const dir = argv.out !== undefined ? resolve(argv.out) : projectConfig(config, "parse").specs;
        const specs = parseDocs(argv.docs, config, timings);
        if (specs.size === 0) throw new InputError(argv.docs.join(" "), undefined, "no doc pages found there");
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
          .option("watch", { type: "boolean", describe: "regenerate when the doc pages, specs, templates or config change" })
          .option("timings", { type: "boolean", describe: "print stage times and peak memory (JSON, stderr)" }),
      async (argv) => {
        const base = argv.specs !== undefined && argv.out !== undefined ? config : projectConfig(config, "generate");
        if (argv.watch) {
          const { watchProject } = await import("./project/watch.js");
          watchProject(withDirs(base, argv), { generate: (c) => generate(c), onError: (e) => err(`topgen: ${describeError(e).message}`), log: err });
          return; // the watchers keep the process running
        }
        await generate(withDirs(base, argv), argv.full === true, argv.timings === true);
      },
    )
    .command(
      "build",
      "rebuild everything from the config: every doc page (and the pages of specs parsed from elsewhere) into specs, then the SDK",
      (y) =>
        y
          .option("full", { type: "boolean", describe: "rebuild every API, ignoring the manifest" })
          .option("timings", { type: "boolean", describe: "print stage times and peak memory (JSON, stderr)" }),
      async (argv) => {
        const project = projectConfig(config, "build");
        requireRuntime(project);
        const { buildSpecs } = await import("./project/project.js");
        const result = buildSpecs(project);
        out(`parsed ${result.specs} doc pages: ${result.written.length} specs written, ${result.unchanged.length} unchanged, ${result.removed.length} removed`);
        await generate(project, argv.full === true, argv.timings === true);
      },
    )
    .command(
      "check",
      "exit 1 with a diff when the specs or the SDK differ from what the doc pages and templates produce now",
      (y) => y,
      async () => {
        const project = projectConfig(config, "check");
        requireRuntime(project);
        const { checkProject, FIX_COMMAND } = await import("./project/project.js");
        const drift = await checkProject(project);
        const folders = `${shownPath(project.specs) || "."}/ and ${shownPath(project.out) || "."}/`;
        if (drift.length === 0) {
          out(`topgen check: ${folders} are up to date`);
          return;
        }
        for (const d of drift) process.stdout.write(d.patch);
        err(`topgen check: ${drift.length} file(s) out of date: ${drift.map((d) => d.file).join(", ")}`);
        for (const d of drift) err(`  ${d.file}: ${d.reason}`);
        err(`run \`${FIX_COMMAND}\` (anywhere under ${shownPath(project.root) || "this folder"}) and commit the result`);
        code = 1;
      },
    )
    .command(
      "add <doc>",
      "copy a doc page into the docs folder (replacing an older page of the same API), write its spec and regenerate the SDK",
      (y) => y.positional("doc", { type: "string", demandOption: true }),
      async (argv) => {
        const project = projectConfig(config, "add");
        requireRuntime(project);
        const { adoptDoc, specFileName, writeSpecs } = await import("./project/project.js");
        const { serializeSpec } = await import("./model/serialize.js");
        const { spec, docPath, status } = adoptDoc(argv.doc, project);
        writeSpecs(new Map([[specFileName(spec.method), serializeSpec(spec)]]), project.specs);
        const docs = shownPath(project.docs) || ".";
        const specs = shownPath(project.specs) || ".";
        out(`${status} ${spec.method}: ${docs}/${docPath}, ${specs}/${specFileName(spec.method)}`);
        for (const d of spec.diagnostics ?? []) out(`  ${d.level}: ${d.message}${d.line ? ` (line ${d.line})` : ""}`);
        await generate(project);
      },
    )
    .command(
      "openapi",
      "export the specs as one OpenAPI 3.1 document (JSON)",
      (y) =>
        y
          .option("specs", { type: "string", describe: "spec folder (default: the config's specs folder)" })
          .option("out", { type: "string", describe: "output file (default: stdout)" }),
      async (argv) => {
        const { runOpenApiCommand } = await import("./targets/openapi/index.js");
        const specs = argv.specs !== undefined ? resolve(argv.specs) : projectConfig(config, "openapi").specs;
        const summary = runOpenApiCommand(specs, config.root, argv.out !== undefined ? resolve(argv.out) : undefined);
        if (summary !== undefined) out(summary);
      },
    )
    .demandCommand(1, `name a command: ${COMMANDS}`)
    .strict()
    .fail((msg, e) => {
      if (e) throw e;
      throw new UsageError(msg);
    })
    .version(version())
    .help()
    .alias("h", "help")
    .parseAsync();
  return code;
}

class UsageError extends Error {}

/** The user's file system said no: a missing file, a folder for a file, no permission. */
const FS_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of this path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
};

function fsReason(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, path } = e as NodeJS.ErrnoException;
  if (code === undefined || path === undefined || !(code in FS_REASONS)) return undefined;
  return `${shownPath(path) || path}: ${FS_REASONS[code]}`;
}

// A reader that stops early (`topgen openapi | head`) closes the pipe: that ends the command, quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

/** What to print for an error that ends a command, and the exit code. */
function describeError(e: unknown): { message: string; code: 2 | 3 } {
  if (e instanceof InputError || e instanceof UsageError) return { message: e.message, code: 2 };
  const reason = fsReason(e);
  if (reason !== undefined) return { message: reason, code: 2 };
  return { message: `internal error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`, code: 3 };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const { message, code } = describeError(e);
    err(`topgen: ${message}`);
    if (code === 3 && process.env["TOPGEN_DEBUG"]) err(e instanceof Error ? (e.stack ?? "") : "");
    process.exitCode = code;
  },
);
