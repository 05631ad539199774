// The document as text (2-space JSON, final newline), and writing it so that a failed run changes nothing.

import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { OpenApiDocument } from "./types.js";

/**
 * Key order is the order the document was built in, which is fixed: paths and component names sorted, schema
 * keywords in code order, properties in doc order (a doc page's param order means something to its readers).
 */
export function serializeOpenApi(doc: OpenApiDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Writes `text` to `file` through a temporary file beside it, renamed into place. The caller holds the lock of the
 * file's folder (build/lock.ts, as a run of the openapi target does): temporary files of this name that a killed
 * run left are then nobody's, and are removed first.
 */
export function writeTextFile(file: string, text: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const prefix = `.${basename(file)}.topgen-tmp-`;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  const tmp = join(dir, `${prefix}${randomBytes(6).toString("hex")}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
