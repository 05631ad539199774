// The manifest that makes regeneration incremental: per API, a hash of its spec and of each file written for it,
// plus a fingerprint of everything else that shapes the output (templates, emitter sources, prettier, the
// runtime import). Deterministic (sorted, no times) and committed with generated/; deleting it only costs time.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../support/paths.js";

export const MANIFEST_FILE = "topgen-manifest.json";

export interface FileStamp {
  sha256: string;
  bytes: number;
}

export interface ManifestEntry {
  method: string;
  /** The class-name prefix it was given (it may change when another API's names clash with it). */
  base: string;
  /** sha256 of the spec file's bytes. */
  spec: string;
  /** Output file name → its hash and size (a no-op run compares sizes; `check` compares contents). */
  files: Record<string, FileStamp>;
}

export interface Manifest {
  manifestVersion: 1;
  fingerprint: string;
  /** index.ts, which lists every API. */
  index: FileStamp;
  /** Keyed by spec file name. */
  apis: Record<string, ManifestEntry>;
}

export function stampOf(text: string): FileStamp {
  return { sha256: sha256(text), bytes: Buffer.byteLength(text) };
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Sources whose change may change generated code; hashed as text from the package's own folders. */
const EMITTER_SOURCES = ["generator/targets/typescript", "generator/model", "generator/names", "generator/build/sdk.ts"];

export function fingerprint(templatesDir: string, runtimeImport: string): string {
  const hash = createHash("sha256");
  const root = packageRoot();
  const add = (label: string, data: string | Buffer) => hash.update(`${label}\0${data.length}\0`).update(data);
  for (const source of EMITTER_SOURCES) {
    for (const file of listFiles(join(root, source), /\.(ts|json)$/)) add(file.slice(root.length), readFileSync(file));
  }
  for (const file of listFiles(templatesDir, /\.hbs$/)) add(file.slice(templatesDir.length), readFileSync(file));
  // prettier is pinned to an exact version in topgen's package.json, so its range there names the version used.
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string; dependencies?: Record<string, string> };
  add("prettier", pkg.dependencies?.["prettier"] ?? "");
  // An installed topgen ships no emitter sources (only dist/): its version stands for them.
  add("topgen", pkg.version ?? "");
  add("runtimeImport", runtimeImport);
  return hash.digest("hex");
}

function listFiles(path: string, pattern: RegExp): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((n) => listFiles(join(path, n), pattern));
  }
  return pattern.test(path) ? [path] : [];
}

export function readManifest(outDir: string): Manifest | undefined {
  const file = join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    return m.manifestVersion === 1 && typeof m.apis === "object" ? m : undefined;
  } catch {
    return undefined; // a damaged manifest only costs a full rebuild
  }
}

export function serializeManifest(manifest: Manifest): string {
  const apis = Object.fromEntries(
    Object.keys(manifest.apis)
      .sort()
      .map((k) => {
        const e = manifest.apis[k]!;
        const files = Object.fromEntries(Object.keys(e.files).sort().map((f) => [f, e.files[f]!]));
        return [k, { method: e.method, base: e.base, spec: e.spec, files }];
      }),
  );
  return JSON.stringify({ manifestVersion: 1, fingerprint: manifest.fingerprint, index: manifest.index, apis }, null, 1) + "\n";
}
