// The operations the CLI offers, over a project laid out as topgen.config.json says.

import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { Config } from "./config.js";
import { moduleFileName } from "./emit/naming.js";
import { InputError } from "./errors.js";
import { expandInputs, readFolder, writeFolder, type WriteResult } from "./files.js";
import { parseDoc, parseDocBytes } from "./parse.js";
import { isDocPage } from "./read/index.js";
import { expectedSdk } from "./generate.js";
import { MANIFEST_FILE } from "./manifest.js";
import type { SpecEntry } from "./sdk.js";
import { parseSpec } from "./spec/load.js";
import { serializeSpec } from "./spec/serialize.js";
import type { ApiSpec } from "./spec/types.js";
import { lazyShapes, type KnownShapes } from "./normalize/shapes.js";
import { timed, type Timings } from "./timing.js";

export function specFileName(method: string): string {
  return `${moduleFileName(method)}.json`;
}

/** Doc pages → spec texts (file name → JSON), not written. Folder walks pass over JSON that is not an API page. */
export function parseDocs(inputs: string[], config: Config, timings?: Timings): Map<string, string> {
  const specs = new Map<string, string>();
  const origin = new Map<string, string>();
  const options = { shapes: projectShapes(config) };
  for (const { path: file, named } of expandInputs(inputs)) {
    const bytes = readFileSync(file);
    if (!named && !isDocPage(bytes, file)) continue;
    const spec = parseDocBytes(bytes, file, config.root, timings, options);
    const name = specFileName(spec.method);
    const other = origin.get(name);
    if (other) throw new InputError(file, undefined, `describes ${spec.method}, already read from ${other}`);
    origin.set(name, file);
    specs.set(name, timed(timings, "serialize", () => serializeSpec(spec)));
  }
  return specs;
}

/**
 * Struct shapes already known to the project: its own specs/ and, when the config names one (`shapes`), a folder
 * of doc JSON pages. Read on first use; a file that does not read is passed over (it is not what is being parsed).
 */
export function projectShapes(config: Config): KnownShapes {
  return lazyShapes(() => {
    const out: ApiSpec[] = [];
    if (existsSync(config.specs)) {
      for (const [name, text] of readFolder(config.specs, (n) => n.endsWith(".json"))) {
        try {
          out.push(parseSpec(text, name));
        } catch {
          // a broken spec is reported by the commands that load specs
        }
      }
    }
    if (config.shapes !== undefined) {
      for (const { path: file } of expandInputs([config.shapes])) {
        try {
          const bytes = readFileSync(file);
          if (isDocPage(bytes, file)) out.push(parseDocBytes(bytes, file, config.root));
        } catch {
          // not a doc page this reader takes
        }
      }
    }
    return out;
  });
}

export function writeSpecs(specs: ReadonlyMap<string, string>, dir: string): WriteResult {
  return writeFolder(dir, specs);
}

export function loadSpecs(dir: string, root: string): SpecEntry[] {
  const texts = readFolder(dir, (n) => n.endsWith(".json"));
  return [...texts].map(([name, text]) => ({ spec: parseSpec(text, posix(relative(root, join(dir, name)))), file: join(dir, name) }));
}

export interface Drift {
  file: string;
  patch: string;
}

/** What `docs/` + templates + generator would produce now, against what is on disk. */
export async function checkProject(config: Config): Promise<Drift[]> {
  const docs = existsSync(config.docs) ? [config.docs] : [];
  const specs = parseDocs(docs, config);
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

/** Copies a doc page into docs/ (named after its method) and returns where it went. */
export function adoptDoc(file: string, config: Config): { spec: ApiSpec; docPath: string } {
  const spec = parseDoc(file, config.root);
  mkdirSync(config.docs, { recursive: true });
  const ext = extname(file) || { text: ".txt", html: ".html", json: ".json" }[spec.source.format];
  const docPath = join(config.docs, `${moduleFileName(spec.method)}${ext}`);
  // A newer copy of a page replaces the old one: that is how a developer updates an API.
  if (resolve(file) !== resolve(docPath)) copyFileSync(file, docPath);
  return { spec: parseDoc(docPath, config.root), docPath: basename(docPath) };
}

function posix(path: string): string {
  return path.split(sep).join("/");
}
