// The parts of OpenAPI 3.1 (and its JSON Schema 2020-12 dialect) that the export writes. Plain data: every
// value is JSON, so the writer is JSON.stringify and a test can hand any schema to a validator as it is.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (2020-12, OpenAPI 3.1 dialect), with only the keywords the export uses. */
export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array";
  format?: string;
  pattern?: string;
  contentMediaType?: string;
  contentEncoding?: string;
  contentSchema?: Schema;
  enum?: string[];
  /** Per-value descriptions, aligned with `enum` (the openapi-generator / openapi-typescript convention). */
  "x-enum-descriptions"?: string[];
  anyOf?: Schema[];
  allOf?: Schema[];
  required?: string[];
  properties?: { [name: string]: Schema };
  additionalProperties?: boolean;
  items?: Schema;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: JsonValue;
  examples?: JsonValue[];
}

export interface Encoding {
  style: "form";
  explode: boolean;
}

export interface MediaType {
  schema: Schema;
  encoding?: { [property: string]: Encoding };
}

export interface Content {
  [mediaType: string]: MediaType;
}

export interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  requestBody?: { description: string; required: boolean; content: Content };
  responses: { [status: string]: { description: string; content: Content } };
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: { [path: string]: { post: Operation } };
  components: { schemas: { [name: string]: Schema } };
}
