// topgen.config.json: where things are. Found upward from the current folder (as tsconfig.json is); every key is
// optional; paths are relative to the config's folder. The keys are documented in topgen.config.schema.json.

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { InputError } from "../support/errors.js";
import { defaultTemplatesDir } from "../support/paths.js";

export interface Config {
  root: string;
  docs: string;
  specs: string;
  out: string;
  templates: string;
  /** What generated modules import the runtime from. */
  runtimeImport: string;
  /** The OpenAPI document `generate` keeps up to date and `check` compares (key "openapi"; off when absent). */
  openapi?: string;
  /**
   * `shapes`: a folder of doc JSON pages (the doc site's getDocument payloads) whose struct shapes settle the
   * depth a text page leaves open, next to the project's own specs/. Optional.
   */
  shapes?: string;
  /** The config file read (absolute); undefined when none was found and the defaults apply, rooted at `root`. */
  file?: string | undefined;
  /** Per-API override files (`<method>.json`): hand fixes to the docs, kept across re-parsing. */
  overrides: string;
}

export const CONFIG_FILE = "topgen.config.json";
export const DEFAULT_RUNTIME_IMPORT = "@topgen/runtime";

/** The keys a config may hold (`$schema` is for editors). */
export const CONFIG_KEYS = [
  "$schema",
  "docs",
  "specs",
  "out",
  "templates",
  "runtimeImport",
  "openapi",
  "shapes",
  "overrides",
] as const;

/** The nearest topgen.config.json in `dir` or a folder above it. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const file = join(d, CONFIG_FILE);
    if (existsSync(file) && statSync(file).isFile()) return file;
    if (dirname(d) === d) return undefined;
  }
}

/** The config found upward from `dir`; without one, the defaults rooted at `dir` (and `file` undefined). */
export function loadConfig(dir = process.cwd()): Config {
  const file = findConfig(dir);
  const root = file === undefined ? resolve(dir) : dirname(file);
  const shown = file === undefined ? CONFIG_FILE : shownPath(file);
  let raw: Record<string, unknown> = {};
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new InputError(shown, undefined, `not valid JSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new InputError(shown, undefined, "must be a JSON object");
    raw = parsed as Record<string, unknown>;
    const unknown = Object.keys(raw).find((k) => !(CONFIG_KEYS as readonly string[]).includes(k));
    if (unknown !== undefined)
      throw new InputError(shown, undefined, `unknown key "${unknown}" (known: ${CONFIG_KEYS.join(", ")})`);
  }
  const str = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== "string" || v === "")
      throw new InputError(shown, undefined, `"${key}" must be a non-empty string`);
    return v;
  };
  return {
    root,
    docs: resolve(root, str("docs", "docs")),
    specs: resolve(root, str("specs", "specs")),
    out: resolve(root, str("out", "generated")),
    templates: raw["templates"] === undefined ? defaultTemplatesDir() : resolve(root, str("templates", "")),
    runtimeImport: str("runtimeImport", DEFAULT_RUNTIME_IMPORT),
    ...(raw["openapi"] !== undefined ? { openapi: resolve(root, str("openapi", "")) } : {}),
    ...(raw["shapes"] === undefined ? {} : { shapes: resolve(root, str("shapes", "")) }),
    overrides: resolve(root, str("overrides", "overrides")),
    file,
  };
}

function isRelativeImport(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/**
 * The config with another output folder. A relative `runtimeImport` names a file relative to the configured
 * output folder, so it is rewritten to reach the same file from the new one.
 */
export function withOut(config: Config, out: string): Config {
  const target = resolve(out);
  if (!isRelativeImport(config.runtimeImport) || target === config.out) return { ...config, out: target };
  let runtimeImport = relative(target, resolve(config.out, config.runtimeImport)).split(sep).join("/");
  if (!runtimeImport.startsWith(".")) runtimeImport = `./${runtimeImport}`;
  return { ...config, out: target, runtimeImport };
}

/** Why generated modules in `config.out` could not import the runtime (one line naming the key), or undefined. */
export function runtimeProblem(config: Config): string | undefined {
  const spec = config.runtimeImport;
  const where =
    config.file === undefined
      ? `"runtimeImport" (default ${DEFAULT_RUNTIME_IMPORT}; no ${CONFIG_FILE} found)`
      : `${shownPath(config.file)}: "runtimeImport"`;
  const outShown = shownPath(config.out) || ".";
  if (isRelativeImport(spec) || isAbsolute(spec)) {
    const file = resolve(config.out, spec);
    const candidates = [file, file.replace(/\.js$/, ".ts"), file.replace(/\.js$/, ".d.ts")];
    if (candidates.some((f) => existsSync(f) && statSync(f).isFile())) return undefined;
    return `${where} is "${spec}", which from ${outShown}/ is ${shownPath(file)}: no such file; set "runtimeImport" to the runtime's path relative to the output folder, or remove it to use ${DEFAULT_RUNTIME_IMPORT}`;
  }
  const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  for (let d = config.out; ; d = dirname(d)) {
    if (existsSync(join(d, "node_modules", name, "package.json"))) return undefined;
    if (dirname(d) === d) break;
  }
  return `${where} is "${spec}", which cannot be found from ${outShown}/ (no node_modules/${name}): run \`npm install ${name}\`, or set "runtimeImport" to where the runtime is`;
}

/** A path as the user would type it from the current folder. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith("..") && rel.split(sep).filter((p) => p === "..").length > 2 ? path : rel)
    .split(sep)
    .join("/");
}
