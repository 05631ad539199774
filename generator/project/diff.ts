// The inputs of `topgen diff`: doc pages (any format), specs, or folders of either, read into specs by method.

import { readFileSync, statSync } from "node:fs";
import { basename, relative, sep } from "node:path";
import type { Config } from "../config/config.js";
import { folderAtRef } from "../diff/git.js";
import { parseSpec } from "../model/load.js";
import type { ApiSpec } from "../model/types.js";
import { isDocPage } from "../read/index.js";
import { InputError } from "../support/errors.js";
import { expandInputs } from "../support/fs.js";
import { parseDocBytes } from "./parse.js";

/** A spec file is JSON with `specVersion`; anything else is a doc page. */
function looksLikeSpec(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString("utf8");
  return /^\s*\{/.test(head) && /"specVersion"\s*:/.test(head);
}

export interface DiffSide {
  /** Specs by method. */
  specs: Map<string, ApiSpec>;
  /** Generated modules (`*.ts`) by file name: compared by the surface check. */
  modules: Map<string, string>;
}

export function specsOf(path: string, config: Config): Map<string, ApiSpec> {
  return sideOf(path, config).specs;
}

export function sideOf(path: string, config: Config): DiffSide {
  const out = new Map<string, ApiSpec>();
  const modules = new Map<string, string>();
  const origin = new Map<string, string>();
  const folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  for (const { path: file, named } of expandInputs([path])) {
    const bytes = readFileSync(file);
    if (file.endsWith(".ts")) {
      if (!file.endsWith(".d.ts")) modules.set(basename(file), bytes.toString("utf8"));
      continue;
    }
    const shown = relative(config.root, file).split(sep).join("/") || file;
    let spec: ApiSpec;
    if (looksLikeSpec(bytes)) spec = parseSpec(bytes.toString("utf8"), shown);
    else if (named || isDocPage(bytes, file)) spec = parseDocBytes(bytes, file, config.root);
    else continue;
    const other = origin.get(spec.method);
    if (other) throw new InputError(file, undefined, `describes ${spec.method}, already read from ${other}`);
    if (!folder && out.size > 0) break;
    origin.set(spec.method, file);
    out.set(spec.method, spec);
  }
  return { specs: out, modules };
}

/** The generated modules (`*.ts`) of the output folder at a git revision. */
export function modulesAtRef(ref: string, config: Config): Map<string, string> {
  return folderAtRef(config.out, ref, (n) => n.endsWith(".ts"));
}

/** The specs folder at a git revision. */
export function specsAtRef(ref: string, config: Config): Map<string, ApiSpec> {
  const out = new Map<string, ApiSpec>();
  for (const [name, text] of folderAtRef(config.specs, ref)) {
    const spec = parseSpec(text, `${ref}:${relative(config.root, config.specs).split(sep).join("/")}/${name}`);
    out.set(spec.method, spec);
  }
  return out;
}
