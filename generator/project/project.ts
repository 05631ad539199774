// The operations the CLI offers, over a project laid out as topgen.config.json says.

import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { Config } from "../config/config.js";
import { moduleFileName } from "../names/api-names.js";
import { InputError } from "../support/errors.js";
import { writeFolder, type WriteResult } from "../build/files.js";
import { expandInputs, readFolder } from "../support/fs.js";
import { parseDoc, parseDocBytes, type ParseOptions } from "./parse.js";
import { loadOverrides } from "../overrides/overrides.js";
import { readSources, writeSource, type SourceEntry } from "./sources.js";
import { isDocPage } from "../read/index.js";
import { expectedSdk } from "../build/generate.js";
import { MANIFEST_FILE } from "../build/manifest.js";
export { loadSpecs } from "../model/load.js";
import { serializeSpec } from "../model/serialize.js";
import type { ApiSpec } from "../model/types.js";
import { timed, type Timings } from "../support/timing.js";

export function specFileName(method: string): string {
  return `${moduleFileName(method)}.json`;
}

/** Doc pages → spec texts (file name → JSON), not written. Folder walks pass over JSON that is not an API page. */
export function parseDocs(inputs: string[], config: Config, timings?: Timings, onWarning?: (message: string) => void): Map<string, string> {
  const specs = new Map<string, string>();
  const origin = new Map<string, string>();
  const options = parseOptions(config, onWarning);
  for (const { path: file, named } of expandInputs(inputs)) {
    const bytes = readFileSync(file);
    if (!named && !isDocPage(bytes, file)) continue;
    const spec = parseDocBytes(bytes, file, config.root, timings, { ...options, ...provenanceOf(file, config, options) });
    const name = specFileName(spec.method);
    const other = origin.get(name);
    if (other) throw new InputError(file, undefined, `describes ${spec.method}, already read from ${other}`);
    origin.set(name, file);
    specs.set(name, timed(timings, "serialize", () => serializeSpec(spec)));
  }
  return specs;
}

/** The overrides folder, read once; warnings go to `onWarning`. */
export function parseOptions(config: Config, onWarning?: (message: string) => void): ParseOptions & { sources: Map<string, Record<string, SourceEntry>> } {
  const overrides = loadOverrides(config.overrides, config.root);
  return { overrides: (method) => overrides.get(method), sources: new Map(), ...(onWarning ? { onWarning } : {}) };
}

function provenanceOf(file: string, config: Config, options: ReturnType<typeof parseOptions>): Pick<ParseOptions, "provenance"> {
  const dir = dirname(resolve(file));
  let sources = options.sources.get(dir);
  if (!sources) options.sources.set(dir, (sources = readSources(dir, config.root)));
  const entry = sources[basename(file)];
  return entry ? { provenance: entry } : {};
}

export function writeSpecs(specs: ReadonlyMap<string, string>, dir: string): WriteResult {
  return writeFolder(dir, specs);
}

export interface Drift {
  file: string;
  patch: string;
}

/** What `docs/` + templates + generator would produce now, against what is on disk. */
export async function checkProject(config: Config, onWarning?: (message: string) => void): Promise<Drift[]> {
  const docs = existsSync(config.docs) ? [config.docs] : [];
  const specs = parseDocs(docs, config, undefined, onWarning);
  const drift = compareFolder(config.specs, specs, (n) => n.endsWith(".json"), config.root);
  const expected = await expectedSdk(config, specs);
  drift.push(...compareFolder(config.out, expected, (n) => n.endsWith(".ts") || n === MANIFEST_FILE, config.root));
  return drift;
}

function compareFolder(dir: string, expected: ReadonlyMap<string, string>, keep: (name: string) => boolean, root: string): Drift[] {
  const actual = readFolder(dir, keep);
  const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  const drift: Drift[] = [];
  for (const name of names) {
    const want = expected.get(name);
    const have = actual.get(name);
    if (want === have) continue;
    const shown = posix(relative(root, join(dir, name)));
    drift.push({
      file: shown,
      patch: createTwoFilesPatch(
        have === undefined ? "/dev/null" : `a/${shown}`,
        want === undefined ? "/dev/null" : `b/${shown}`,
        have ?? "",
        want ?? "",
        "on disk",
        "expected",
      ),
    });
  }
  return drift;
}

/**
 * Copies a doc page into docs/ (named after its method) and returns where it went. Its provenance goes to
 * docs/sources.json: the URL given (else the one recorded before), and the date given, else the added file's time.
 */
export function adoptDoc(file: string, config: Config, given: { url?: string; saved?: string } = {}, onWarning?: (message: string) => void): { spec: ApiSpec; docPath: string } {
  const options = parseOptions(config, onWarning);
  const spec = parseDoc(file, config.root, undefined, options);
  mkdirSync(config.docs, { recursive: true });
  const ext = extname(file) || { text: ".txt", html: ".html", json: ".json" }[spec.source.format];
  const docPath = join(config.docs, `${moduleFileName(spec.method)}${ext}`);
  const saved = given.saved ?? statSync(file).mtime.toISOString().slice(0, 10);
  const before = readSources(config.docs, config.root)[basename(docPath)];
  const url = given.url ?? before?.url;
  // A newer copy of a page replaces the old one: that is how a developer updates an API.
  if (resolve(file) !== resolve(docPath)) copyFileSync(file, docPath);
  writeSource(config.docs, config.root, basename(docPath), { ...(url !== undefined ? { url } : {}), saved, sha256: spec.source.sha256 });
  return { spec: parseDoc(docPath, config.root, undefined, { ...options, ...provenanceOf(docPath, config, options) }), docPath: basename(docPath) };
}

function posix(path: string): string {
  return path.split(sep).join("/");
}
