// The operations the CLI offers, over a project laid out as topgen.config.json says.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { shownPath, type Config } from "../config/config.js";
import { moduleFileName } from "../names/api-names.js";
import { InputError } from "../support/errors.js";
import { writeFolder, type WriteResult } from "../build/files.js";
import { expandInputs, posixPath, readFolder } from "../support/fs.js";
import { parseDoc, parseDocBytes, type ParseOptions } from "./parse.js";
import { loadOverrides } from "../overrides/overrides.js";
import { readSources, writeSource, type SourceEntry } from "./sources.js";
import { isDocPage } from "../read/index.js";
import { expectedFiles } from "../build/generate.js";
import { readManifest, sha256, type Manifest } from "../build/manifest.js";
import { withLocks } from "../build/lock.js";
import { targetsOf } from "./targets.js";
export { loadSpecs } from "../model/load.js";
import { serializeSpec } from "../model/serialize.js";
import type { ApiSpec } from "../model/types.js";
import { parseSpec } from "../model/load.js";
import { lazyShapes, type KnownShapes } from "../normalize/shapes.js";
import { timed, type Timings } from "../support/timing.js";
import { requireDocs } from "./folders.js";
export { FIX_COMMAND, requireDocs, requireFolder, requireSpecs } from "./folders.js";

export function specFileName(method: string): string {
  return `${moduleFileName(method)}.json`;
}

/** Doc pages → spec texts (file name → JSON), not written. Folder walks pass over JSON that is not an API page. */
export function parseDocs(
  inputs: string[],
  config: Config,
  timings?: Timings,
  onWarning?: (message: string) => void,
): Map<string, string> {
  const specs = new Map<string, string>();
  const origin = new Map<string, string>();
  const options = { ...parseOptions(config, onWarning), shapes: projectShapes(config) };
  for (const { path: file, named } of expandInputs(inputs)) {
    const bytes = readFileSync(file);
    let spec: ApiSpec;
    try {
      spec = parseDocBytes(bytes, file, config.root, timings, { ...options, ...provenanceOf(file, config, options) });
    } catch (e) {
      // Asked only of a page that did not read (the question costs a second parse of the file).
      if (!named && e instanceof InputError && !isDocPage(bytes, file)) continue;
      throw e;
    }
    const name = specFileName(spec.method);
    const other = origin.get(name);
    if (other) throw new InputError(file, undefined, `describes ${spec.method}, already read from ${other}`);
    origin.set(name, file);
    specs.set(
      name,
      timed(timings, "serialize", () => serializeSpec(spec)),
    );
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

/** The overrides folder, read once; warnings go to `onWarning`. */
export function parseOptions(
  config: Config,
  onWarning?: (message: string) => void,
): ParseOptions & { sources: Map<string, Record<string, SourceEntry>> } {
  const overrides = loadOverrides(config.overrides, config.root);
  return { overrides: (method) => overrides.get(method), sources: new Map(), ...(onWarning ? { onWarning } : {}) };
}

function provenanceOf(
  file: string,
  config: Config,
  options: ReturnType<typeof parseOptions>,
): Pick<ParseOptions, "provenance"> {
  const dir = dirname(resolve(file));
  let sources = options.sources.get(dir);
  if (!sources) options.sources.set(dir, (sources = readSources(dir, config.root)));
  const entry = sources[basename(file)];
  return entry ? { provenance: entry } : {};
}

export function writeSpecs(specs: ReadonlyMap<string, string>, dir: string, removeStale = false): WriteResult {
  // Only specs topgen wrote are ever removed: a JSON file in the folder that is not a spec is the user's.
  return writeFolder(dir, specs, (name) => removeStale && name.endsWith(".json"), isSpecText);
}

/**
 * The specs the config's pages give now: every page of docs/, and for a spec parsed from a page outside docs/
 * (an orphan), its page read again where it still is. A spec whose page is gone is not among them.
 */
export function desiredSpecs(
  config: Config,
  timings?: Timings,
  onWarning?: (message: string) => void,
): Map<string, string> {
  requireDocs(config);
  const specs = parseDocs([config.docs], config, timings, onWarning);
  for (const [name, text] of readFolder(config.specs, (n) => n.endsWith(".json"))) {
    if (specs.has(name) || !isSpecText(text)) continue;
    const page = sourceOf(text, config.root);
    if (page === undefined || isInside(config.docs, page) || !existsSync(page) || !statSync(page).isFile()) continue;
    const spec = parseDoc(page, config.root, timings, parseOptions(config, onWarning));
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
  /** Why it differs: its spec changed (the docs), or the generator did, or neither (a hand edit). */
  reason: string;
  /** The spec a generated file came from, as the manifest records it (relative to the project root). */
  spec?: string;
}

/**
 * What `docs/` + templates + generator would produce now, against what is on disk; each difference says why.
 * It holds the folders' locks: it waits for a run writing them, and completes a commit a killed run left first.
 */
export function checkProject(config: Config, onWarning?: (message: string) => void): Promise<Drift[]> {
  const dirs = [config.specs, ...targetsOf(config).map((t) => t.outDir)];
  return withLocks(dirs, "read", () => checkFolders(config, onWarning));
}

async function checkFolders(config: Config, onWarning?: (message: string) => void): Promise<Drift[]> {
  const specs = desiredSpecs(config, undefined, onWarning);
  const specsOnDisk = readFolder(config.specs, (n) => n.endsWith(".json"));
  const drift = compareFolder(
    config.specs,
    specs,
    (n, text) => n.endsWith(".json") && isSpecText(text),
    config.root,
    (name, have, want) => specReason(have, want),
  );
  for (const target of targetsOf(config)) {
    const expected = await expectedFiles(target, { root: config.root, specs: config.specs }, specs);
    const onDisk = readManifest(target.outDir, target.manifestFile);
    const wanted = JSON.parse(expected.get(target.manifestFile)!) as Manifest;
    const why = generatedReason({
      onDisk,
      expected: wanted,
      manifestFile: target.manifestFile,
      specsOnDisk,
      specs,
      specsDir: posixPath(relative(config.root, config.specs)) || ".",
    });
    // Only topgen's files: its manifest and files that carry the target's header (a hand-written file is the user's).
    const owned = (n: string, text: string) =>
      target.owns(n) && (n === target.manifestFile || target.header === undefined || text.startsWith(target.header));
    const specPathOf = (file: string) =>
      [onDisk, wanted].flatMap((m) => Object.values(m?.apis ?? {})).find((e) => file in e.files)?.specPath;
    drift.push(...compareFolder(target.outDir, expected, owned, config.root, why, specPathOf));
  }
  return drift;
}

type Reason = (name: string, have: string | undefined, want: string | undefined) => string;

const DOCS = "the docs";
const GENERATOR = "the generator";

/** A spec file: its doc page changed (the docs), or the same page now reads differently (the parser). */
function specReason(have: string | undefined, want: string | undefined): string {
  if (have === undefined) return `a new doc page in docs/, not parsed yet (${DOCS})`;
  if (want === undefined) return `its doc page is no longer in docs/ (${DOCS})`;
  const page = (text: string) => {
    try {
      return (JSON.parse(text) as { source?: { sha256?: unknown } }).source?.sha256;
    } catch {
      return undefined;
    }
  };
  if (page(have) !== page(want)) return `its doc page changed (${DOCS})`;
  return `same doc page, different spec: the reader or normalizer changed (${GENERATOR}), or the spec was edited by hand`;
}

interface WhyInput {
  onDisk: Manifest | undefined;
  expected: Manifest;
  manifestFile: string;
  specsOnDisk: ReadonlyMap<string, string>;
  specs: ReadonlyMap<string, string>;
  specsDir: string;
}

/**
 * A generated file: from the manifests, which API it belongs to, then whether that API's spec changed (docs/
 * give another spec than specs/ holds, or specs/ changed since the last generate), and whether the generator did
 * (the fingerprint recorded on disk is not the one the generator has now).
 */
function generatedReason(input: WhyInput): Reason {
  const { onDisk, expected, specsOnDisk, specs } = input;
  const specOf = (file: string) =>
    [expected, onDisk].flatMap((m) => (m ? Object.entries(m.apis) : [])).find(([, e]) => file in e.files)?.[0];
  const specChanged = (name: string): string | undefined => {
    const was = onDisk?.apis[name]?.specPath;
    const now = expected.apis[name]?.specPath;
    if (was !== undefined && now !== undefined && was !== now)
      return `its spec is read from another place: made from ${was}, the config now gives ${now} (the config's specs folder)`;
    const have = specsOnDisk.get(name);
    if (have !== specs.get(name)) return `its spec changed: docs/ now give another ${input.specsDir}/${name} (${DOCS})`;
    if (have !== undefined && onDisk?.apis[name] !== undefined && onDisk.apis[name].spec !== sha256(have)) {
      return `its spec ${input.specsDir}/${name} changed since the last generate (${DOCS})`;
    }
    if (have !== undefined && onDisk !== undefined && onDisk.apis[name] === undefined)
      return `its spec ${input.specsDir}/${name} is new (${DOCS})`;
    return undefined;
  };
  const generatorChanged = () =>
    onDisk === undefined
      ? `no manifest on disk to tell (${input.manifestFile})`
      : onDisk.fingerprint !== expected.fingerprint
        ? `the emitter or templates changed: their output for the probe specs differs (${GENERATOR})`
        : undefined;
  return (name) => {
    const spec = specOf(name);
    const names =
      spec !== undefined
        ? [spec]
        : [...new Set([...specsOnDisk.keys(), ...specs.keys(), ...Object.keys(onDisk?.apis ?? {})])].sort();
    const changed = names.map(specChanged).filter((r) => r !== undefined);
    const reasons = spec !== undefined ? changed : changed.length ? [`the specs changed (${DOCS})`] : [];
    const generator = generatorChanged();
    if (generator !== undefined) reasons.push(generator);
    return reasons.length
      ? reasons.join("; and ")
      : "neither its spec nor the generator's fingerprint changed: edited by hand (or a generator change the probe specs do not reach)";
  };
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

function compareFolder(
  dir: string,
  expected: ReadonlyMap<string, string>,
  owned: (name: string, text: string) => boolean,
  root: string,
  why: Reason,
  specOf: (name: string) => string | undefined = () => undefined,
): Drift[] {
  const actual = new Map([...readFolder(dir, () => true)].filter(([name, text]) => owned(name, text)));
  const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  const drift: Drift[] = [];
  for (const name of names) {
    const want = expected.get(name);
    const have = actual.get(name);
    if (want === have) continue;
    const shown = posixPath(relative(root, join(dir, name)));
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
      reason: why(name, have, want),
    });
    const spec = specOf(name);
    if (spec !== undefined) drift[drift.length - 1]!.spec = spec;
  }
  return drift;
}

export type AdoptStatus = "added" | "updated" | "unchanged";

/**
 * Copies a doc page into docs/ (named after its method) and returns where it went. A page already there for the
 * same API (in any format) is replaced: that is how a developer updates an API. Its provenance goes to
 * docs/sources.json: the URL given (else the one recorded before), and the date given, else the added file's time.
 */
export function adoptDoc(
  file: string,
  config: Config,
  given: { url?: string; saved?: string } = {},
  onWarning?: (message: string) => void,
): { spec: ApiSpec; docPath: string; status: AdoptStatus } {
  if (!existsSync(file)) throw new InputError(file, undefined, "no such file");
  if (!statSync(file).isFile())
    throw new InputError(file, undefined, "is a folder; `topgen add` takes one doc page file");
  const options = parseOptions(config, onWarning);
  const spec = parseDoc(file, config.root, undefined, options);
  if (existsSync(config.docs) && !statSync(config.docs).isDirectory())
    throw new InputError(shownPath(config.docs), undefined, "not a folder (the doc pages folder of the config)");
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
  const saved = given.saved ?? statSync(file).mtime.toISOString().slice(0, 10);
  const before = readSources(config.docs, config.root)[basename(docPath)];
  const url = given.url ?? before?.url;
  if (resolve(file) !== resolve(docPath)) copyFileSync(file, docPath);
  for (const old of previous) if (!same(old)) rmSync(old);
  writeSource(config.docs, config.root, basename(docPath), {
    ...(url !== undefined ? { url } : {}),
    saved,
    sha256: spec.source.sha256,
  });
  const adopted = parseDoc(docPath, config.root, undefined, { ...options, ...provenanceOf(docPath, config, options) });
  return { spec: adopted, docPath: basename(docPath), status };
}
