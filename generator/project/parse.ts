// parse stage: a doc page file → its spec.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { normalizeWithLines, type NormalizeOptions } from "../normalize/index.js";
import { withSampleCheck } from "../check-samples/index.js";
import { applyOverrides, type OverrideFile } from "../overrides/overrides.js";
import { readPage } from "../read/index.js";
import { pageUrl } from "../read/provenance.js";
import type { ApiSpec } from "../model/types.js";
import { timed, type Timings } from "../support/timing.js";
import { posixPath } from "../support/fs.js";

export interface ParseOptions extends NormalizeOptions {
  /** The API's override file, if it has one: applied after normalizing, before the sample check. */
  overrides?: (method: string) => OverrideFile | undefined;
  /** Recorded provenance of the page (`docs/sources.json`); `saved` only counts for the copy it was taken of. */
  provenance?: { url?: string; saved?: string; sha256?: string };
  onWarning?: (message: string) => void;
}

export function parseDocBytes(
  bytes: Uint8Array,
  file: string,
  root = process.cwd(),
  timings?: Timings,
  options: ParseOptions = {},
): ApiSpec {
  const shown = posixPath(relative(root, file)) || file;
  const raw = timed(timings, "read", () => readPage(bytes, shown));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const normalized = timed(timings, "normalize", () => normalizeWithLines(raw, { file: shown, sha256 }, options));
  let spec = normalized.spec;
  spec.source.reader = raw.reader ?? raw.format;
  const url =
    options.provenance?.url ??
    raw.url ??
    (raw.format === "html" ? pageUrl(Buffer.from(bytes).toString("utf8"), raw.format) : undefined);
  if (url !== undefined) spec.source.url = url;
  const saved = options.provenance?.saved;
  if (saved !== undefined && (options.provenance?.sha256 === undefined || options.provenance.sha256 === sha256))
    spec.source.saved = saved;
  else if (saved !== undefined)
    options.onWarning?.(
      `${shown}: the saved date recorded in sources.json is for another copy of this page; \`topgen add\` it again (with --saved) to record this one's`,
    );
  const overrides = options.overrides?.(spec.method);
  if (overrides) {
    const result = applyOverrides(spec, overrides);
    for (const w of result.warnings) options.onWarning?.(w);
    spec = result.spec;
  }
  // Samples as a test of the docs: where a response sample disagrees with the declared types.
  return timed(timings, "sample check", () => withSampleCheck(spec, normalized.lines));
}

export function parseDoc(file: string, root = process.cwd(), timings?: Timings, options: ParseOptions = {}): ApiSpec {
  return parseDocBytes(readFileSync(file), file, root, timings, options);
}
