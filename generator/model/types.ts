// The intermediate spec (version 1): the contract between parsing and emitting. See spec.schema.json.

import { SCALAR_TYPES } from "../../runtime/types.js";

export interface Limits {
  maxLength?: number;
  maxListSize?: number;
  maxValue?: number;
  minValue?: number;
  default?: string;
}

export interface EnumValue {
  value: string;
  description?: string;
}

/**
 * Whether an enum is closed (validate() and the request type refuse other values) and why. Written by the reader
 * for every enum it draws from a description; an enum without it is open.
 */
export interface EnumEvidence {
  closed: boolean;
  why: string;
}

export interface Field {
  name: string;
  /** String | Number | Boolean | Date | Price | BigDecimal | Json | Map | File | FieldList | <StructName> */
  type: string;
  list?: true;
  required?: true;
  example?: string;
  description?: string;
  limits?: Limits;
  enum?: EnumValue[];
  enumEvidence?: EnumEvidence;
  /** Present exactly when `type` is a struct. */
  fields?: Field[];
}

/**
 * How a text page's nesting was settled: samples, a repeated name, a known struct shape, the same struct type
 * elsewhere on the page, a wrapper name, or not.
 */
export type DepthCue = "sample" | "repeated-name" | "known-shape" | "same-type" | "wrapper-name" | "guess";

export type Rule = { kind: "atLeastOne"; fields: string[]; description?: string };

export interface Diagnostic {
  level: "warning" | "info";
  message: string;
  line?: number;
  /** The last line of the rows the diagnostic names, when they run past `line` (a range of rows). */
  endLine?: number;
}

export interface ApiSpec {
  specVersion: 1;
  method: string;
  title: string;
  description: string;
  source: Source;
  request: Field[];
  response: Field[];
  rules?: Rule[];
  samples?: { request?: string; response?: string; responseSimplified?: string; error?: string };
  /**
   * Text pages: for each struct whose end was in doubt (the page prints no depth), the weakest cue that decided
   * it. `guess`: no cue settled it (a warning names the rows). Paths are field names joined by `.`.
   */
  depthCues?: { side: "request" | "response"; path: string; cue: DepthCue }[];
  diagnostics?: Diagnostic[];
  /** Hand fixes applied after normalizing (from the overrides folder), in their file's order. */
  overrides?: AppliedOverride[];
}

export interface Source {
  format: "text" | "html" | "json";
  file: string;
  sha256: string;
  /** Which reader read the page: `text`, `html` (its DOM tables), `html-text` (its text rendering) or `json`. */
  reader?: string;
  /** Where the page came from: shown by the page itself, or given to `add --url`. */
  url?: string;
  /** When the page was saved (YYYY-MM-DD): given to `add --saved`, else the added file's time, or shown by the page. */
  saved?: string;
}

export interface AppliedOverride {
  /** `request.<field>[.<field>…]` or `response.…`. */
  path: string;
  reason: string;
  /** What the page said, for the keys the override changed (null: the page had none); absent for an added field. */
  page?: Record<string, unknown>;
}

// The scalar doc types are the runtime's: one list for the spec, the emitter and the wire.
export { SCALAR_TYPES };
export type ScalarTypeName = (typeof SCALAR_TYPES)[number];

export function isScalarType(type: string): type is ScalarTypeName {
  return (SCALAR_TYPES as readonly string[]).includes(type);
}

/** A request enum is closed only where the spec records the evidence for it; an enum without evidence is open. */
export function enumClosed(field: Field): boolean {
  return field.enumEvidence?.closed === true;
}
