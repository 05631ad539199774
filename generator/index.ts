// topgen's programmatic API: the CLI is a thin layer over these.
export { loadConfig, type Config } from "./config/config.js";
export { InputError } from "./support/errors.js";
export { parseDoc, parseDocBytes } from "./project/parse.js";
export { readPage } from "./read/index.js";
export { normalize } from "./normalize/index.js";
export { buildSdk, type Sdk, type SdkOptions, type SpecEntry } from "./project/sdk.js";
export { checkProject, parseDocs, loadSpecs, writeSpecs, type Drift } from "./project/project.js";
export { generateProject, targetsOf, type GenerateOptions, type GenerateResult } from "./project/targets.js";
export type { Target, BatchEntry, BatchResult, AggregateInput, Fingerprint } from "./targets/target.js";
export { parseSpec, loadSpec } from "./model/load.js";
export { serializeSpec } from "./model/serialize.js";
export type { ApiSpec, Field, Rule, Diagnostic } from "./model/types.js";
export {
  buildOpenApi,
  exportSpecsFolder,
  serializeOpenApi,
  type OpenApiDocument,
  type OpenApiOptions,
} from "./targets/openapi/index.js";
