// The topgen command: a thin yargs layer over project.ts. Exit codes: 0 ok, 1 drift, 2 bad input, 3 internal.

// Commands import what they need when they run, so that a no-op `generate` never loads parsers or compilers.

import { resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { loadConfig, type Config } from "./config/config.js";
import { capText, InputError } from "./support/errors.js";
import { fsFaultLine } from "./support/fs-faults.js";

const out = (line: string) => process.stdout.write(line + "\n");
const err = (line: string) => process.stderr.write(line + "\n");

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
  (await import("./support/fs-faults.js")).assertWritableOutput(config.out);
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
          process.stdout.write(serializeSpec(parseDoc(argv.docs[0]!, config.root)));
          return;
        }
        const started = Date.now();
        const timings = new Map<string, number>();
        const dir = argv.out !== undefined ? resolve(argv.out) : config.specs;
        const specs = parseDocs(argv.docs, config, timings);
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
        const drift = await checkProject(config);
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
      (y) => y.positional("doc", { type: "string", demandOption: true }),
      async (argv) => {
        const { adoptDoc, specFileName, writeSpecs } = await import("./project/project.js");
        const { serializeSpec } = await import("./model/serialize.js");
        const { spec, docPath } = adoptDoc(argv.doc, config);
        writeSpecs(new Map([[specFileName(spec.method), serializeSpec(spec)]]), config.specs);
        out(`added ${spec.method}: docs/${docPath}, specs/${specFileName(spec.method)}`);
        for (const d of spec.diagnostics ?? []) out(`  ${d.level}: ${d.message}${d.line ? ` (line ${d.line})` : ""}`);
        await generate(config);
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
    const fault = fsFaultLine(e);
    if (fault !== undefined) {
      err(`topgen: ${fault}`);
      process.exitCode = 2;
      return;
    }
    err(`topgen: internal error: ${capText(e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e), 700)}`);
    if (process.env["TOPGEN_DEBUG"]) err(e instanceof Error ? (e.stack ?? "") : "");
    process.exitCode = 3;
  },
);
