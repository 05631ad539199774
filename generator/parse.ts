// parse stage: a doc page file → its spec.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { normalize } from "./normalize/index.js";
import { readPage } from "./read/index.js";
import type { ApiSpec } from "./spec/types.js";

export function parseDocBytes(bytes: Uint8Array, file: string, root = process.cwd()): ApiSpec {
  const shown = relative(root, file).split(sep).join("/") || file;
  const raw = readPage(bytes, shown);
  return normalize(raw, { file: shown, sha256: createHash("sha256").update(bytes).digest("hex") });
}

export function parseDoc(file: string, root = process.cwd()): ApiSpec {
  return parseDocBytes(readFileSync(file), file, root);
}
