// `topgen init`: a config for an app, its docs folder and package.json scripts. No prompts (the choices are
// flags) and nothing overwritten: every conflict is found before anything is written.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { CONFIG_FILE, DEFAULT_RUNTIME_IMPORT, runtimeProblem } from "../config/config.js";
import { InputError } from "../support/errors.js";
import { packageRoot } from "../support/paths.js";

export interface InitOptions {
  docs: string;
  specs: string;
  out: string;
  /** Written only when given: the default is the runtime package. */
  runtimeImport?: string | undefined;
  /** Add the generate and check scripts to package.json (when there is one). */
  scripts: boolean;
}

export const INIT_DEFAULTS = { docs: "topgen/docs", specs: "topgen/specs", out: "src/generated" } as const;

export const SCRIPTS = { "topgen:generate": "topgen build", "topgen:check": "topgen check" } as const;

export const SCHEMA_FILE = "topgen.config.schema.json";

/** Sets up `dir`; returns the lines to print. */
export function initProject(dir: string, options: InitOptions): string[] {
  const configFile = join(dir, CONFIG_FILE);
  if (existsSync(configFile))
    throw new InputError(CONFIG_FILE, undefined, "already exists; topgen init never overwrites it");
  for (const [key, value] of [
    ["docs", options.docs],
    ["specs", options.specs],
    ["out", options.out],
  ] as const) {
    if (value === "" || isAbsolute(value) || relative(dir, resolve(dir, value)).startsWith("..")) {
      throw new InputError(`--${key}`, undefined, `"${value}" must be a folder inside this one`);
    }
  }
  const pkgFile = join(dir, "package.json");
  let pkgText: string | undefined;
  if (options.scripts && existsSync(pkgFile)) {
    pkgText = readFileSync(pkgFile, "utf8");
    const pkg = parsePackage(pkgText);
    for (const [name, command] of Object.entries(SCRIPTS)) {
      const existing = pkg.scripts?.[name];
      if (existing !== undefined && existing !== command) {
        throw new InputError(
          "package.json",
          undefined,
          `script "${name}" already exists ("${String(existing)}"); topgen init never overwrites it (use --no-scripts)`,
        );
      }
    }
  }

  const config = {
    $schema: schemaRef(dir),
    docs: options.docs,
    specs: options.specs,
    out: options.out,
    ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
  };
  writeFileSync(configFile, JSON.stringify(config, null, 2) + "\n");
  const lines = [`wrote ${CONFIG_FILE} (docs: ${options.docs}, specs: ${options.specs}, out: ${options.out})`];
  const docs = resolve(dir, options.docs);
  if (!existsSync(docs)) {
    mkdirSync(docs, { recursive: true });
    lines.push(`made ${options.docs}/ for the doc pages`);
  }
  if (pkgText !== undefined) {
    // Written as npm writes it (JSON.stringify with the file's indent), keys in their order.
    const pkg = parsePackage(pkgText);
    const scripts = { ...(pkg.scripts ?? {}), ...SCRIPTS };
    const indent = /\n( +|\t)"/.exec(pkgText)?.[1] ?? "  ";
    const text = JSON.stringify({ ...pkg, scripts }, null, indent) + "\n";
    if (text !== pkgText) writeFileSync(pkgFile, text);
    lines.push(
      `package.json scripts: ${Object.keys(SCRIPTS)
        .map((n) => `npm run ${n}`)
        .join(", ")}`,
    );
  } else if (options.scripts) lines.push("no package.json here: no scripts added");
  const problem = runtimeProblem({
    root: dir,
    docs,
    specs: resolve(dir, options.specs),
    out: resolve(dir, options.out),
    overrides: resolve(dir, "overrides"),
    templates: "",
    runtimeImport: options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT,
    file: configFile,
  });
  if (problem === undefined) lines.push(`next: npx topgen add <saved doc page>`);
  else
    lines.push(
      `next: npm install ${DEFAULT_RUNTIME_IMPORT} (generated code imports it), then npx topgen add <saved doc page>`,
    );
  return lines;
}

function parsePackage(text: string): { scripts?: Record<string, unknown> } {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (e) {
    throw new InputError("package.json", undefined, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg))
    throw new InputError("package.json", undefined, "not a JSON object");
  return pkg as { scripts?: Record<string, unknown> };
}

/** The schema shipped in this topgen package, as the config refers to it (relative to the config's folder). */
function schemaRef(dir: string): string {
  const installed = join(dir, "node_modules", "topgen", SCHEMA_FILE);
  const file = existsSync(installed) ? installed : join(packageRoot(), SCHEMA_FILE);
  const rel = relative(dir, file).split(sep).join("/");
  return rel.startsWith(".") || isAbsolute(rel) ? rel : `./${rel}`;
}
