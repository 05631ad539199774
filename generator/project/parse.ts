// parse stage: a doc page file → its spec.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { normalize, type NormalizeOptions } from "../normalize/index.js";
import { withSampleCheck } from "../check-samples/index.js";
import { readPage } from "../read/index.js";
import type { ApiSpec } from "../model/types.js";
import { timed, type Timings } from "../support/timing.js";
import { posixPath } from "../support/fs.js";

export function parseDocBytes(bytes: Uint8Array, file: string, root = process.cwd(), timings?: Timings, options?: NormalizeOptions): ApiSpec {
  const shown = posixPath(relative(root, file)) || file;
  const raw = timed(timings, "read", () => readPage(bytes, shown));
  const spec = timed(timings, "normalize", () => normalize(raw, { file: shown, sha256: createHash("sha256").update(bytes).digest("hex") }, options));
  // Samples as a test of the docs: where a response sample disagrees with the declared types.
  return timed(timings, "sample check", () => withSampleCheck(spec, raw.response));
}

export function parseDoc(file: string, root = process.cwd(), timings?: Timings): ApiSpec {
  return parseDocBytes(readFileSync(file), file, root, timings);
}
