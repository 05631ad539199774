// The one normalizer: raw page (any format) → spec v1.

import type { RawPage, RawRow } from "../read/raw.js";
import type { ApiSpec, Diagnostic, Field } from "../model/types.js";
import { settleCells } from "./cells.js";
import { enumEvidence } from "./enum-evidence.js";
import { enumFromDescription } from "./enums.js";
import { buildTree, rowsRange, type Node } from "./nesting.js";
import { rulesFromFields } from "./rules.js";
import type { KnownShapes } from "./shapes.js";
import { combineFacts, withoutLineNumbers, type SampleFacts } from "./samples/facts.js";
import { jsonSampleFacts } from "./samples/json.js";
import { javaSampleFacts } from "./samples/java.js";
import { xmlSampleFacts } from "./samples/xml.js";
import { byDocLine } from "../model/diagnostics.js";
import { checkedLimits } from "./limits.js";
import { FieldLines } from "./field-lines.js";

export interface SourceInfo {
  /** The doc file as recorded in the spec (relative, forward slashes). */
  file: string;
  sha256: string;
}

export interface NormalizeOptions {
  /** Struct shapes already known (other APIs' specs, a folder of doc JSON), for depth a text page leaves open. */
  shapes?: KnownShapes;
}

export function normalize(raw: RawPage, source: SourceInfo, options: NormalizeOptions = {}): ApiSpec {
  return normalizeWithLines(raw, source, options).spec;
}

/** The spec, and the doc line of each field in it (for the sample check: the spec itself keeps no lines). */
export function normalizeWithLines(
  raw: RawPage,
  source: SourceInfo,
  options: NormalizeOptions = {},
): { spec: ApiSpec; lines: FieldLines } {
  const diagnostics: Diagnostic[] = raw.diagnostics.map((d) => ({ ...d }));
  const requestFacts = raw.samples.request ? javaSampleFacts(raw.samples.request) : undefined;
  const responseFacts = responseSampleFacts(raw);

  const cues = (facts: SampleFacts | undefined) => ({ facts, shapes: options.shapes, method: raw.method });
  const requestTree = buildTree(raw.request, cues(requestFacts), diagnostics);
  const responseTree = buildTree(raw.response, cues(responseFacts), diagnostics);
  const request = toFields(requestTree, "request", requestFacts, diagnostics);
  const response = toFields(responseTree, "response", responseFacts, diagnostics);
  const rules = rulesFromFields(request);

  const spec: ApiSpec = {
    specVersion: 1,
    method: raw.method,
    title: raw.title,
    description: raw.description,
    source: { format: raw.format, file: source.file, sha256: source.sha256 },
    request,
    response,
  };
  if (rules.length) spec.rules = rules;
  const depthCues: NonNullable<ApiSpec["depthCues"]> = [];
  const lines = new FieldLines();
  for (const [side, fields, nodes] of [
    ["request", request, requestTree],
    ["response", response, responseTree],
  ] as const) {
    for (const { field, node, path } of keptFields(fields, nodes)) {
      lines.set(side, path, node.row.line);
      if (field.fields && node.depthCue) depthCues.push({ side, path: path.join("."), cue: node.depthCue });
    }
  }
  if (depthCues.length) spec.depthCues = depthCues;
  const samples = pickSamples(raw);
  if (samples) spec.samples = samples;
  if (diagnostics.length) spec.diagnostics = diagnostics.sort(byDocLine);
  return { spec, lines };
}

/**
 * Each field of `fields` (any depth, in field order) with the node it was made from and its path of names. The
 * node of a field is the first of its name (toFields keeps the first of a repeated name, and skips nameless ones).
 */
function* keptFields(
  fields: readonly Field[],
  nodes: readonly Node[],
  prefix: readonly string[] = [],
): Generator<{ field: Field; node: Node; path: readonly string[] }> {
  for (const field of fields) {
    const node = nodes.find((n) => n.row.name === field.name);
    if (!node) continue;
    const path = [...prefix, field.name];
    yield { field, node, path };
    if (field.fields) yield* keptFields(field.fields, node.children, path);
  }
}

function responseSampleFacts(raw: RawPage): SampleFacts | undefined {
  if (!raw.samples.response) return undefined;
  const sample = withoutLineNumbers(raw.samples.response).trim();
  const facts = sample.startsWith("<") ? xmlSampleFacts(sample) : jsonSampleFacts(sample);
  return facts ? combineFacts([facts]) : undefined;
}

function toFields(
  nodes: Node[],
  side: "request" | "response",
  facts: SampleFacts | undefined,
  diagnostics: Diagnostic[],
): Field[] {
  const fields: Field[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node.row.name.trim() === "") {
      diagnostics.push({
        level: "warning",
        message: `a ${side} field without a name was dropped`,
        line: node.row.line,
      });
      continue;
    }
    if (seen.has(node.row.name)) {
      diagnostics.push({
        level: "warning",
        message: `duplicate field ${node.row.name} dropped (first one kept)`,
        ...rowsRange(node),
      });
      continue;
    }
    seen.add(node.row.name);
    fields.push(toField(node, side, facts, diagnostics));
  }
  return fields;
}

function toField(
  node: Node,
  side: "request" | "response",
  facts: SampleFacts | undefined,
  diagnostics: Diagnostic[],
): Field {
  const { row } = node;
  const parsed = node.parsed.unknown ? settleUnknownType(node, diagnostics) : javaByte(node, side, diagnostics);
  const field: Field = { name: row.name, type: parsed.type };
  if (parsed.list) field.list = true;
  if (side === "request" && row.required) field.required = true;
  const cells = settleCells(node, facts, diagnostics);
  if (cells.example !== undefined && cells.example !== "") field.example = cells.example;
  if (cells.description !== undefined && cells.description !== "") field.description = cells.description;
  const limits = limitsOf(row, diagnostics);
  if (limits) field.limits = limits;
  if (parsed.type === "String" && field.description) {
    const values = enumFromDescription(field.description);
    if (values) {
      field.enum = values;
      field.enumEvidence = enumEvidence(
        values,
        { name: field.name, description: field.description, example: field.example },
        side,
      );
      diagnostics.push({ level: "info", message: enumNote(node, side, field), line: row.line });
    }
  }
  if (parsed.struct) {
    field.fields = toFields(node.children, side, facts, diagnostics);
    if (field.fields.length === 0) {
      diagnostics.push({
        level: "info",
        message: `struct ${row.name} (${parsed.type}) lists no fields`,
        line: row.line,
      });
    }
  } else if (node.children.length) {
    diagnostics.push({
      level: "warning",
      message: `${row.name} is ${parsed.type}, not a struct; its sub-fields were dropped`,
      line: row.line,
    });
  }
  return field;
}

/** The info a reviewer finds every prose enum by: where, open or closed and why, and the values. */
function enumNote(node: Node, side: "request" | "response", field: Field): string {
  const path: string[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) path.unshift(n.row.name);
  const evidence = field.enumEvidence!;
  const values = field.enum!.map((e) => e.value).join(", ");
  return `${side} ${path.join(".")}: enum drawn from the description, ${evidence.closed ? "closed" : "open"} (${evidence.why}): ${values}`;
}

/**
 * `byte` is a file only as a top-level request param (ARCHITECTURE.md "Types": byte[], also byte); inside a struct or a response a
 * file cannot travel, and there it is Java's byte, a small number (`online_status`).
 */
function javaByte(node: Node, side: "request" | "response", diagnostics: Diagnostic[]): Node["parsed"] {
  const { row, parsed } = node;
  if (
    parsed.type !== "File" ||
    row.type.replace(/\s+/g, "").toLowerCase() !== "byte" ||
    (side === "request" && !node.parent)
  )
    return parsed;
  diagnostics.push({
    level: "info",
    message: `${row.name} is "byte" outside the top-level params: read as Number (Java's byte), not a file`,
    line: row.line,
  });
  return { ...parsed, type: "Number" };
}

/** A cell that names no type: a struct named after the field when it has sub-fields, else Json (any JSON). */
function settleUnknownType(node: Node, diagnostics: Diagnostic[]): Node["parsed"] {
  const { row, parsed } = node;
  if (node.children.length) {
    const type = row.name
      .replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase())
      .replace(/^(?=\d)/, "T");
    diagnostics.push({
      level: "warning",
      message: `${row.name} has no type ("${row.type}") but has sub-fields; read as struct ${type}`,
      line: row.line,
    });
    return { type, list: parsed.list, struct: true };
  }
  diagnostics.push({
    level: "warning",
    message: `${row.name} has no type ("${row.type}"); read as Json`,
    line: row.line,
  });
  return { type: "Json", list: parsed.list, struct: false };
}

function limitsOf(row: RawRow, diagnostics: Diagnostic[]): Field["limits"] | undefined {
  const entries = Object.entries(checkedLimits(row.limits, row.name, row.line, diagnostics)).filter(
    ([, v]) => v !== undefined && v !== "",
  );
  return entries.length ? (Object.fromEntries(entries) as Field["limits"]) : undefined;
}

function pickSamples(raw: RawPage): ApiSpec["samples"] | undefined {
  const { request, response, responseSimplified, error } = raw.samples;
  const out: NonNullable<ApiSpec["samples"]> = {};
  if (request) out.request = request;
  if (response) out.response = response;
  if (responseSimplified) out.responseSimplified = responseSimplified;
  if (error) out.error = error;
  return Object.keys(out).length ? out : undefined;
}
