// The OpenAPI 3.1 export: `topgen openapi [--specs dir] [--out file]`.

import { basename, dirname, isAbsolute, relative } from "node:path";
import { InputError } from "../../support/errors.js";
import { loadSpecs } from "../../model/load.js";
import { buildOpenApi, OPENAPI_VERSION, type OpenApiOptions } from "./document.js";
import { serializeOpenApi, writeTextFile } from "./write.js";
import { PROBE_SPECS } from "../probes.js";
import { codeKey, type Target } from "../target.js";

export { buildOpenApi, apiComponents, OPENAPI_VERSION, FORM, MULTIPART, type OpenApiOptions } from "./document.js";
export { apiBases, structNames, ERROR_RESPONSE } from "./names.js";
export { fieldSchema, typeSchema, valueOf, DATE_PATTERN, DECIMAL_PATTERN, type Side } from "./schema.js";
export { serializeOpenApi, writeTextFile } from "./write.js";
export type { OpenApiDocument, Operation, Schema, JsonValue } from "./types.js";

/** The export of every spec in `specsDir` as document text; a folder without specs is bad input. */
export function exportSpecsFolder(
  specsDir: string,
  root: string,
  options: OpenApiOptions = {},
): { text: string; apis: number } {
  const specs = loadSpecs(specsDir, root).map((e) => e.spec);
  if (specs.length === 0)
    throw new InputError(relative(root, specsDir) || ".", undefined, "no specs (*.json) to export");
  return { text: serializeOpenApi(buildOpenApi(specs, options)), apis: specs.length };
}

/** The `openapi` command: the document to `out` (a file), or to stdout when `out` is undefined. */
export function runOpenApiCommand(specsDir: string, root: string, out: string | undefined): string | undefined {
  const { text, apis } = exportSpecsFolder(specsDir, root);
  if (out === undefined) {
    process.stdout.write(text);
    return undefined;
  }
  writeTextFile(out, text);
  const shown = relative(root, out);
  const where = shown === "" || shown.startsWith("..") || isAbsolute(shown) ? out : shown;
  return `exported ${apis} APIs as OpenAPI ${OPENAPI_VERSION} to ${where} (${Buffer.byteLength(text)} bytes)`;
}

/**
 * The export as a Target (config key "openapi": the document's file): one aggregate file built from every spec,
 * no per-API files. Through build/ it is rebuilt only when a spec or the exporter's output changed, and `check`
 * compares it. Its manifest sits beside it, named after it.
 */
export function openapiTarget(file: string, options: OpenApiOptions = {}): Target {
  const name = basename(file);
  const manifestFile = `${name.replace(/\.json$/, "")}.topgen-manifest.json`;
  return {
    name: "openapi",
    outDir: dirname(file),
    manifestFile,
    filesOf: () => [],
    aggregate: {
      file: name,
      from: "specs",
      build: async ({ specs }) => serializeOpenApi(buildOpenApi(specs(), options)),
    },
    owns: (n) => n === name || n === manifestFile,
    fingerprint: {
      key: () => codeKey(["openapi", JSON.stringify(options)]),
      probe: async () => serializeOpenApi(buildOpenApi(PROBE_SPECS, options)),
    },
  };
}
