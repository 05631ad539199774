// ApiSpec[] → one OpenAPI 3.1 document: an operation `POST /<method>` per API, its params as a form body, its
// response as the decoded JSON shape, structs as components. Pure: the same specs, in any order, give the same
// document.

import { responseKey } from "../../../runtime/names.js";
import { InputError } from "../../support/errors.js";
import type { ApiSpec, Field, Rule } from "../../model/types.js";
import { apiBases, compareText, ERROR_RESPONSE, schemaRef, structNames } from "./names.js";
import { fieldSchema, type Side } from "./schema.js";
import type { Content, Encoding, OpenApiDocument, Operation, Schema } from "./types.js";

export const OPENAPI_VERSION = "3.1.1";
export const FORM = "application/x-www-form-urlencoded";
export const MULTIPART = "multipart/form-data";
const JSON_MEDIA = "application/json";

export interface OpenApiOptions {
  title?: string;
  version?: string;
}

const INFO_DESCRIPTION = [
  "Taobao Open Platform (TOP) APIs, exported by topgen from its specs (one spec per doc page).",
  "",
  "Each API is described as `POST /<method>`. On the wire every call goes to the gateway " +
    "(`https://eco.taobao.com/router/rest`) with `method=<method>` and the signed common params " +
    "(`app_key`, `timestamp` in GMT+8, `v=2.0`, `sign_method`, `sign`, `format=json`, `session`, …) in the query; " +
    "the operation's request body holds the API params. The gateway reports errors with HTTP status 200 as well, " +
    "as an `error_response` body (the `default` response).",
].join("\n");

export function buildOpenApi(specs: readonly ApiSpec[], options: OpenApiOptions = {}): OpenApiDocument {
  const sorted = [...specs].sort((a, b) => compareText(a.method, b.method));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const spec = sorted[i]!;
    if (prev.method === spec.method) {
      throw new InputError(
        spec.source.file,
        undefined,
        `${spec.method} is described by two specs (the other from ${prev.source.file})`,
      );
    }
  }
  const bases = apiBases(sorted.map((s) => s.method));
  const schemas = new Map<string, Schema>([[ERROR_RESPONSE, errorResponseSchema()]]);
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of sorted) {
    const api = apiComponents(spec, bases.get(spec.method)!);
    for (const [name, schema] of api.schemas) schemas.set(name, schema);
    paths[`/${spec.method}`] = { post: api.operation };
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: options.title ?? "Taobao Open Platform (TOP) APIs",
      version: options.version ?? "1.0.0",
      description: INFO_DESCRIPTION,
    },
    paths,
    components: { schemas: Object.fromEntries([...schemas].sort(([a], [b]) => compareText(a, b))) },
  };
}

interface ApiComponents {
  operation: Operation;
  schemas: Map<string, Schema>;
}

/** One API: its operation and the component schemas it refers to. */
export function apiComponents(spec: ApiSpec, base: string): ApiComponents {
  const requestName = `${base}Request`;
  const responseName = `${base}Response`;
  const schemas = new Map<string, Schema>();

  const requestStructs = structNames(spec.request);
  const requestRef = (f: Field) => schemaRef(`${requestName}.${requestStructs.get(f)!}`);
  addStructs(schemas, spec.request, requestStructs, requestName, "json", requestRef);
  const responseStructs = structNames(spec.response);
  const responseRef = (f: Field) => schemaRef(`${responseName}.${responseStructs.get(f)!}`);
  addStructs(schemas, spec.response, responseStructs, responseName, "response", responseRef);

  let requestBody: Operation["requestBody"];
  if (spec.request.length > 0) {
    const ruleNotes = (spec.rules ?? []).map(
      (r) => r.description ?? `At least one of ${r.fields.join(", ")} is required.`,
    );
    const description = [`The API params of ${spec.method}: the fields of the POST body.`, ...ruleNotes].join("\n\n");
    const params = objectSchema({ title: requestName, description }, spec.request, "form", requestRef);
    // Each rule is an `anyOf` of `required`s inside `allOf`: a bare `anyOf` beside `properties` makes
    // openapi-typescript type the whole body `unknown`; inside `allOf` it keeps the object type.
    if (spec.rules !== undefined && spec.rules.length > 0) params.allOf = spec.rules.map(ruleSchema);
    schemas.set(requestName, params);
    requestBody = {
      description: "The API params; the common params go in the query.",
      required: spec.request.some((f) => f.required),
      content: requestContent(spec.request, schemaRef(requestName)),
    };
  }

  const response = objectSchema(
    {
      title: responseName,
      description: `The fields of a ${spec.method} response (the platform leaves out empty ones).`,
    },
    spec.response,
    "response",
    responseRef,
  );
  response.properties ??= {};
  response.properties["request_id"] ??= { type: "string", description: "The gateway's id of this call." };
  schemas.set(responseName, response);

  const key = responseKey(spec.method);
  const responses: Operation["responses"] = {
    "200": {
      description:
        `The decoded JSON body: \`${key}\` holds the fields (with simplify=true some SDKs drop this wrapper). ` +
        "An error comes with status 200 too, as the `default` response's body.",
      content: {
        [JSON_MEDIA]: {
          schema: { type: "object", required: [key], properties: { [key]: { $ref: schemaRef(responseName) } } },
        },
      },
    },
    default: {
      description: "An error: `error_response` with `code` and `msg`, and for most errors `sub_code` and `sub_msg`.",
      content: { [JSON_MEDIA]: { schema: { $ref: schemaRef(ERROR_RESPONSE) } } },
    },
  };
  const operation: Operation = {
    operationId: spec.method,
    ...(spec.title !== "" ? { summary: spec.title } : {}),
    ...(spec.description !== "" ? { description: spec.description } : {}),
    ...(requestBody !== undefined ? { requestBody } : {}),
    responses,
  };
  return { operation, schemas };
}

/** Every struct of one side as a component `<owner>.<name>` (copies of one struct are one component). */
function addStructs(
  schemas: Map<string, Schema>,
  fields: readonly Field[],
  names: Map<Field, string>,
  owner: string,
  side: Side,
  refOf: (f: Field) => string,
): void {
  const visit = (list: readonly Field[]) => {
    for (const f of list) {
      if (f.fields === undefined) continue;
      const name = `${owner}.${names.get(f)!}`;
      if (!schemas.has(name)) schemas.set(name, objectSchema({ title: f.type }, f.fields, side, refOf));
      visit(f.fields);
    }
  };
  visit(fields);
}

/** An object with one property per field (a spec has one field per name: model/load.ts) and its `required` list. */
function objectSchema(
  head: Pick<Schema, "title" | "description">,
  fields: readonly Field[],
  side: Side,
  refOf: (f: Field) => string,
): Schema {
  const properties: NonNullable<Schema["properties"]> = {};
  const required: string[] = [];
  for (const f of fields) {
    properties[f.name] = fieldSchema(f, side, refOf);
    if (f.required && side !== "response") required.push(f.name);
  }
  const schema: Schema = { ...head, type: "object", properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

function ruleSchema(rule: Rule): Schema {
  return { anyOf: rule.fields.map((name) => ({ required: [name] })) };
}

/**
 * The body's media types: form-urlencoded unless a file is required, multipart when there is a file param.
 * Top-level scalar lists travel as one comma-joined value: `style: form, explode: false` says exactly that
 * (OpenAPI 3.1.1 applies `style` to both form media types). File lists are one part per file (the default).
 */
function requestContent(params: readonly Field[], ref: string): Content {
  const encoding: { [name: string]: Encoding } = {};
  const seen = new Set<string>();
  for (const f of params) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    if (f.list && f.fields === undefined && f.type !== "File") encoding[f.name] = { style: "form", explode: false };
  }
  const sortedEncoding = Object.fromEntries(Object.entries(encoding).sort(([a], [b]) => compareText(a, b)));
  const media = () =>
    Object.keys(sortedEncoding).length > 0
      ? { schema: { $ref: ref }, encoding: sortedEncoding }
      : { schema: { $ref: ref } };
  const files = params.filter((f) => f.type === "File");
  const content: Content = {};
  if (!files.some((f) => f.required)) content[FORM] = media();
  if (files.length > 0) content[MULTIPART] = media();
  return content;
}

function errorResponseSchema(): Schema {
  return {
    title: ERROR_RESPONSE,
    description: "The body of any failed call (HTTP status 200 as well).",
    type: "object",
    required: ["error_response"],
    properties: {
      error_response: {
        type: "object",
        required: ["code", "msg"],
        properties: {
          code: {
            type: "integer",
            description: "Platform error code (e.g. 25 invalid signature, 40 missing argument, 41 invalid argument).",
            examples: [50],
          },
          msg: { type: "string", description: "Platform error message.", examples: ["Remote service error"] },
          sub_code: { type: "string", description: "The API's own error code.", examples: ["isv.invalid-parameter"] },
          sub_msg: { type: "string", description: "The API's own error message.", examples: ["非法参数"] },
          request_id: { type: "string", description: "The gateway's id of this call." },
        },
      },
    },
  };
}
