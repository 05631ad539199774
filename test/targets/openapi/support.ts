// Helpers for the OpenAPI export tests: the repo's specs, ajv (JSON Schema 2020-12) over an exported document,
// and the server side of a form body (what an OpenAPI-driven server does with the wire params).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument, Schema } from "../../../generator/targets/openapi/index.js";
import { parseSpec } from "../../../generator/model/load.js";
import type { ApiSpec } from "../../../generator/model/types.js";
import { REPO } from "../../support/sdk.js";

export { REPO, specWith } from "../../support/sdk.js";

export function repoSpecs(): ApiSpec[] {
  const dir = join(REPO, "specs");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => parseSpec(readFileSync(join(dir, n), "utf8"), `specs/${n}`));
}

const BASE = "https://topgen.test/openapi.json";

/** `#/a/b` → the JSON pointer's escaped form of one token. */
export function pointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

export interface SchemaChecker {
  /** A validator for the schema at `pointer` (e.g. `/components/schemas/X`) of the document. */
  at(pointer: string): ValidateFunction;
  /** Compiles every component schema (strict mode: an unknown keyword or format throws). */
  compileAll(): number;
}

/**
 * ajv 2020 in strict mode (unknown keywords, formats and type mismatches throw) over the whole document: OpenAPI's own fields are annotations to it, component schemas
 * and inline schemas are reached by JSON pointer, so `$ref`s resolve as an OpenAPI tool would resolve them.
 * `coerce`: form values are text; coerceTypes turns "10" into 10 and "true" into true, as a server would.
 */
export function schemaChecker(doc: OpenApiDocument, options: { coerce?: boolean } = {}): SchemaChecker {
  // strictRequired off: `anyOf: [{ required: ["a"] }, { required: ["b"] }]` (a cross-field rule) names
  // properties defined beside it, the standard JSON Schema idiom for "at least one of", which that lint flags.
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
    coerceTypes: options.coerce ?? false,
  });
  for (const keyword of ["openapi", "info", "paths", "components", "x-enum-descriptions"]) ajv.addKeyword(keyword);
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("binary", true);
  // A copy: coerceTypes and defaults must not touch the document under test.
  ajv.addSchema({ $id: BASE, ...(structuredClone(doc) as object) });
  const cache = new Map<string, ValidateFunction>();
  const at = (pointer: string): ValidateFunction => {
    let v = cache.get(pointer);
    if (v === undefined) {
      v = ajv.compile({ $ref: `${BASE}#${pointer}` });
      cache.set(pointer, v);
    }
    return v;
  };
  return {
    at,
    compileAll: () => {
      const names = Object.keys(doc.components.schemas);
      for (const name of names) at(`/components/schemas/${pointerToken(name)}`);
      return names.length;
    },
  };
}

/**
 * Every component schema compiled by one ajv (2020, strict as in schemaChecker), each added under its own `$id`
 * with its `$ref`s pointing at those ids: for a catalogue-sized document, where resolving JSON pointers into the
 * whole document again for each schema takes minutes. Returns the number compiled.
 */
export function compileComponentsById(doc: OpenApiDocument): number {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  ajv.addKeyword("x-enum-descriptions");
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("binary", true);
  const idOf = (name: string) => `https://topgen.test/schemas/${encodeURIComponent(name)}`;
  const names = Object.keys(doc.components.schemas);
  for (const name of names) {
    const text = JSON.stringify(doc.components.schemas[name]).replace(
      /"#\/components\/schemas\/([^"]+)"/g,
      (_m, ref: string) => JSON.stringify(idOf(ref)),
    );
    ajv.addSchema({ ...(JSON.parse(text) as object), $id: idOf(name) });
  }
  for (const name of names) ajv.getSchema(idOf(name));
  return names.length;
}

export function schemaPointer(name: string): string {
  return `/components/schemas/${pointerToken(name)}`;
}

export function requestBodyPointer(method: string, mediaType: string): string {
  return `/paths/${pointerToken(`/${method}`)}/post/requestBody/content/${pointerToken(mediaType)}/schema`;
}

export function responsePointer(method: string, status: string): string {
  return `/paths/${pointerToken(`/${method}`)}/post/responses/${status}/content/application~1json/schema`;
}

/** The component a `$ref` names. */
export function component(doc: OpenApiDocument, ref: string | undefined): Schema {
  const name = (ref ?? "").replace(/^#\/components\/schemas\//, "");
  const schema = doc.components.schemas[name];
  if (schema === undefined) throw new Error(`no component ${name}`);
  return schema;
}

/**
 * Form text params → the values an OpenAPI server hands to its schema: a property whose encoding is
 * `style: form, explode: false` is split on commas; everything else stays text (ajv's coerceTypes does the rest).
 */
export function readForm(
  doc: OpenApiDocument,
  method: string,
  mediaType: string,
  text: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const media = doc.paths[`/${method}`]?.post.requestBody?.content[mediaType];
  if (media === undefined) throw new Error(`${method} takes no ${mediaType} body`);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text)) {
    const encoding = media.encoding?.[name];
    out[name] = encoding?.style === "form" && !encoding.explode ? value.split(",") : value;
  }
  return out;
}

export function errorsOf(v: ValidateFunction): string[] {
  return (v.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
}
