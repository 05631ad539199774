// topgen.config.json: where things are. Every key is optional; paths are relative to the config's folder.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
  /** Per-API override files (`<method>.json`): hand fixes to the docs, kept across re-parsing. */
  overrides: string;
}

export const CONFIG_FILE = "topgen.config.json";

export function loadConfig(root = process.cwd()): Config {
  const file = join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch (e) {
      throw new InputError(CONFIG_FILE, undefined, `not valid JSON: ${(e as Error).message}`);
    }
  }
  const str = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== "string") throw new InputError(CONFIG_FILE, undefined, `"${key}" must be a string`);
    return v;
  };
  return {
    root,
    docs: resolve(root, str("docs", "docs")),
    specs: resolve(root, str("specs", "specs")),
    out: resolve(root, str("out", "generated")),
    templates: raw["templates"] === undefined ? defaultTemplatesDir() : resolve(root, str("templates", "")),
    runtimeImport: str("runtimeImport", "topgen/runtime"),
    overrides: resolve(root, str("overrides", "overrides")),
  };
}
