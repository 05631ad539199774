// The manifest that makes regeneration incremental, one per target: per API, a hash of its spec and of each file
// written for it and the spec's path, plus the target's fingerprint (fingerprint.ts: a hash of what the target makes from the probe
// specs). Deterministic (sorted, no times) and committed with generated/; deleting it only costs time.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The TypeScript target's manifest; a target names its own (Target.manifestFile). */
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
  /** The spec file, relative to the project root, with `/` (a spec read from another folder is rebuilt). */
  specPath: string;
  /** Output file name → its hash and size (a no-op run compares sizes; `check` compares contents). */
  files: Record<string, FileStamp>;
}

export interface Manifest {
  manifestVersion: 1;
  fingerprint: string;
  /** The target's aggregate file (index.ts, which lists every API; the OpenAPI document). */
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

export function readManifest(outDir: string, name = MANIFEST_FILE): Manifest | undefined {
  const file = join(outDir, name);
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
        const files = Object.fromEntries(
          Object.keys(e.files)
            .sort()
            .map((f) => [f, e.files[f]!]),
        );
        return [k, { method: e.method, base: e.base, spec: e.spec, specPath: e.specPath, files }];
      }),
  );
  return (
    JSON.stringify({ manifestVersion: 1, fingerprint: manifest.fingerprint, index: manifest.index, apis }, null, 1) +
    "\n"
  );
}
