// The operations the CLI offers, over a project laid out as topgen.config.json says.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { createTwoFilesPatch } from "diff";
import { shownPath, type Config } from "../config/config.js";
import { moduleFileName } from "../names/api-names.js";
import { InputError } from "../support/errors.js";
import { writeFolder, type WriteResult } from "../build/files.js";
import { expandInputs, readFolder } from "../support/fs.js";
import { parseDoc, parseDocBytes } from "./parse.js";
import { isDocPage } from "../read/index.js";
import { expectedSdk, GENERATED_HEADER } from "../build/generate.js";
import { MANIFEST_FILE } from "../build/manifest.js";
export { loadSpecs } from "../model/load.js";
import { serializeSpec } from "../model/serialize.js";
import type { ApiSpec } from "../model/types.js";
import { timed, type Timings } from "../support/timing.js";

export function specFileName(method: string): string {
  return `${moduleFileName(method)}.json`;
}

/** Doc pages → spec texts (file name → JSON), not written. Folder walks pass over JSON that is not an API page. */
export function parseDocs(inputs: string[], config: Config, timings?: Timings): Map<string, string> {
  const specs = new Map<string, string>();
  const origin = new Map<string, string>();
  for (const { path: file, named } of expandInputs(inputs)) {
    const bytes = readFileSync(file);
    if (!named && !isDocPage(bytes, file)) continue;
    const spec = parseDocBytes(bytes, file, config.root, timings);
    const name = specFileName(spec.method);
    const other = origin.get(name);
    if (other) throw new InputError(file, undefined, `describes ${spec.method}, already read from ${other}`);
    origin.set(name, file);
    specs.set(name, timed(timings, "serialize", () => serializeSpec(spec)));
  }
  return specs;
}

export function writeSpecs(specs: ReadonlyMap<string, string>, dir: string, removeStale = false): WriteResult {
  // Only specs topgen wrote are ever removed: a JSON file in the folder that is not a spec is the user's.
  return writeFolder(dir, specs, (name) => removeStale && name.endsWith(".json"), isSpecText);
}

/** The fix `check` advises: one command that rebuilds specs and SDK from the config, wherever it is run below it. */
export const FIX_COMMAND = "npx topgen build";

/** A folder the command needs: missing, not a folder, or without the files it reads is a user error with the fix. */
export function requireFolder(dir: string, what: string, hasFiles: (names: string[]) => boolean, fix: string): void {
  const shown = shownPath(dir) || ".";
  if (!existsSync(dir)) throw new InputError(`${shown}/`, undefined, `no such folder (the ${what} folder of the config); ${fix}`);
  if (!statSync(dir).isDirectory()) throw new InputError(shown, undefined, `not a folder (the ${what} folder of the config); ${fix}`);
  if (!hasFiles(readdirSync(dir).filter((n) => !n.startsWith(".")))) throw new InputError(`${shown}/`, undefined, `no ${what} in it; ${fix}`);
}

export function requireDocs(config: Config): void {
  requireFolder(config.docs, "doc pages", (names) => names.length > 0, "add a page with `topgen add <page>`");
}

export function requireSpecs(dir: string): void {
  requireFolder(dir, "specs", (names) => names.some((n) => n.endsWith(".json")), `run \`${FIX_COMMAND}\` to parse the doc pages into it, or \`topgen add <page>\``);
}

/**
 * The specs the config's pages give now: every page of docs/, and for a spec parsed from a page outside docs/
 * (an orphan), its page read again where it still is. A spec whose page is gone is not among them.
 */
export function desiredSpecs(config: Config, timings?: Timings): Map<string, string> {
  requireDocs(config);
  const specs = parseDocs([config.docs], config, timings);
  for (const [name, text] of readFolder(config.specs, (n) => n.endsWith(".json"))) {
    if (specs.has(name) || !isSpecText(text)) continue;
    const page = sourceOf(text, config.root);
    if (page === undefined || isInside(config.docs, page) || !existsSync(page) || !statSync(page).isFile()) continue;
    const spec = parseDoc(page, config.root, timings);
    const fileName = specFileName(spec.method);
    if (!specs.has(fileName)) specs.set(fileName, serializeSpec(spec));
  }
  return specs;
}

/** `build`: specs from the pages (removing the specs of pages that are gone), then the SDK from the specs. */
export function buildSpecs(config: Config, timings?: Timings): WriteResult & { specs: number } {
  const specs = desiredSpecs(config, timings);
  return { ...writeSpecs(specs, config.specs, true), specs: specs.size };
}

export interface Drift {
  file: string;
  patch: string;
}

/** What the config's pages + templates + generator would produce now, against what is on disk (topgen's files only). */
export async function checkProject(config: Config): Promise<Drift[]> {
  const specs = desiredSpecs(config);
  const drift = compareFolder(config.specs, specs, (n, text) => n.endsWith(".json") && isSpecText(text), config.root);
  const expected = await expectedSdk(config, specs);
  drift.push(...compareFolder(config.out, expected, (n, text) => n === MANIFEST_FILE || (n.endsWith(".ts") && text.startsWith(GENERATED_HEADER)), config.root));
  return drift;
}

/** A spec topgen wrote (rather than some other JSON file the user keeps beside them). */
function isSpecText(text: string): boolean {
  try {
    const v = JSON.parse(text) as { specVersion?: unknown; method?: unknown; source?: unknown };
    return typeof v.specVersion === "number" && typeof v.method === "string" && typeof v.source === "object";
  } catch {
    return false;
  }
}

function sourceOf(text: string, root: string): string | undefined {
  const file = (JSON.parse(text) as { source?: { file?: unknown } }).source?.file;
  return typeof file === "string" ? resolve(root, file) : undefined;
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

function compareFolder(dir: string, expected: ReadonlyMap<string, string>, owned: (name: string, text: string) => boolean, root: string): Drift[] {
  const actual = new Map([...readFolder(dir, () => true)].filter(([name, text]) => owned(name, text)));
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

export type AdoptStatus = "added" | "updated" | "unchanged";

/**
 * Copies a doc page into docs/ (named after its method) and returns where it went. A page already there for the
 * same API (in any format) is replaced: that is how a developer updates an API.
 */
export function adoptDoc(file: string, config: Config): { spec: ApiSpec; docPath: string; status: AdoptStatus } {
  if (!existsSync(file)) throw new InputError(file, undefined, "no such file");
  if (!statSync(file).isFile()) throw new InputError(file, undefined, "is a folder; `topgen add` takes one doc page file");
  const spec = parseDoc(file, config.root);
  if (existsSync(config.docs) && !statSync(config.docs).isDirectory()) throw new InputError(shownPath(config.docs), undefined, "not a folder (the doc pages folder of the config)");
  mkdirSync(config.docs, { recursive: true });
  const base = moduleFileName(spec.method);
  const ext = extname(file) || { text: ".txt", html: ".html", json: ".json" }[spec.source.format];
  const docPath = join(config.docs, `${base}${ext}`);
  const bytes = readFileSync(file);
  const same = (path: string) => resolve(path) === resolve(docPath);
  const previous = readdirSync(config.docs)
    .filter((n) => n.startsWith(`${base}.`) && extname(n) !== "" && n.slice(0, -extname(n).length) === base)
    .map((n) => join(config.docs, n));
  let status: AdoptStatus = previous.length === 0 ? "added" : "updated";
  if (previous.length === 1 && same(previous[0]!) && readFileSync(docPath).equals(bytes)) status = "unchanged";
  if (resolve(file) !== resolve(docPath)) copyFileSync(file, docPath);
  for (const old of previous) if (!same(old)) rmSync(old);
  return { spec: parseDoc(docPath, config.root), docPath: basename(docPath), status };
}

function posix(path: string): string {
  return path.split(sep).join("/");
}
