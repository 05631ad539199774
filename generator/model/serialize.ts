// Specs are written with a fixed key order, two-space indent and a final newline: same spec → same bytes.

import type { ApiSpec, Field } from "./types.js";

const SPEC_KEYS = [
  "specVersion",
  "method",
  "title",
  "description",
  "source",
  "request",
  "response",
  "rules",
  "samples",
  "depthCues",
  "diagnostics",
  "overrides",
] as const;
const FIELD_KEYS = [
  "name",
  "type",
  "list",
  "required",
  "example",
  "description",
  "limits",
  "enum",
  "enumEvidence",
  "fields",
] as const;
const LIMIT_KEYS = ["maxLength", "maxListSize", "maxValue", "minValue", "default"] as const;
const SAMPLE_KEYS = ["request", "response", "responseSimplified", "error"] as const;

export function serializeSpec(spec: ApiSpec): string {
  return JSON.stringify(canonicalSpec(spec), null, 2) + "\n";
}

function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function canonicalSpec(spec: ApiSpec): Record<string, unknown> {
  const out = pick(spec, SPEC_KEYS);
  out["source"] = pick(spec.source, ["format", "file", "sha256", "reader", "url", "saved"]);
  out["request"] = spec.request.map(canonicalField);
  out["response"] = spec.response.map(canonicalField);
  if (spec.rules) out["rules"] = spec.rules.map((r) => pick(r, ["kind", "fields", "description"]));
  if (spec.samples) out["samples"] = pick(spec.samples, SAMPLE_KEYS);
  if (spec.depthCues) out["depthCues"] = spec.depthCues.map((d) => pick(d, ["side", "path", "cue"]));
  if (spec.diagnostics)
    out["diagnostics"] = spec.diagnostics.map((d) => pick(d, ["level", "message", "line", "endLine"]));
  if (spec.overrides) out["overrides"] = spec.overrides.map((o) => pick(o, ["path", "reason", "page"]));
  return out;
}

function canonicalField(field: Field): Record<string, unknown> {
  const out = pick(field, FIELD_KEYS);
  if (field.limits) out["limits"] = pick(field.limits, LIMIT_KEYS);
  if (field.enum) out["enum"] = field.enum.map((e) => pick(e, ["value", "description"]));
  if (field.enumEvidence) out["enumEvidence"] = pick(field.enumEvidence, ["closed", "why"]);
  if (field.fields) out["fields"] = field.fields.map(canonicalField);
  return out;
}
