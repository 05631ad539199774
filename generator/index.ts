// topgen's programmatic API: the CLI is a thin layer over these.
export { loadConfig, type Config } from "./config.js";
export { InputError } from "./errors.js";
export { parseDoc, parseDocBytes } from "./parse.js";
export { readPage } from "./read/index.js";
export { normalize } from "./normalize/index.js";
export { buildSdk, type Sdk, type SdkOptions, type SpecEntry } from "./sdk.js";
export { checkProject, parseDocs, loadSpecs, writeSpecs, type Drift } from "./project.js";
export { generateProject, type GenerateOptions, type GenerateResult } from "./generate.js";
export { parseSpec, loadSpec } from "./spec/load.js";
export { serializeSpec } from "./spec/serialize.js";
export type { ApiSpec, Field, Rule, Diagnostic } from "./spec/types.js";
export { buildOpenApi, exportSpecsFolder, serializeOpenApi, type OpenApiDocument, type OpenApiOptions } from "./openapi/index.js";
