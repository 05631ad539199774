// Loading a spec: JSON parse, then the JSON Schema check, then what JSON Schema cannot say (a range no value
// meets, a field name a struct has twice); a bad spec is an InputError naming file and line.

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { InputError } from "../support/errors.js";
import { posixPath, readFolder } from "../support/fs.js";
import { validate as checkSpecSchema } from "./spec-validator.js";
import type { ApiSpec, Field } from "./types.js";
/** spec.schema.json compiled ahead of time (spec-validator-source.ts says how). */
const schemaCheck = checkSpecSchema as unknown as ValidateFunction;

function validate(value: unknown): readonly ErrorObject[] {
  return schemaCheck(value) ? [] : (schemaCheck.errors ?? []);
}

export function parseSpec(text: string, file: string): ApiSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonErrorLine(text, e), `not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const errors = validate(value);
  const first = errors[0];
  if (first) {
    const where = first.instancePath || "(root)";
    throw new InputError(
      file,
      lineOfPointer(text, first.instancePath),
      `not a valid topgen spec: ${where} ${first.message ?? ""}`.trim(),
    );
  }
  const spec = value as ApiSpec;
  const inverted = invertedRange(spec);
  if (inverted)
    throw new InputError(
      file,
      lineOfName(text, inverted.name),
      `not a valid topgen spec: ${inverted.name} has minValue ${inverted.limits!.minValue} above maxValue ${inverted.limits!.maxValue}`,
    );
  const repeated = repeatedField(spec);
  if (repeated)
    throw new InputError(
      file,
      lineOfName(text, repeated.name, repeated.ordinal),
      `not a valid topgen spec: ${repeated.path} is listed twice (a struct's field names are unique)`,
    );
  return spec;
}

/**
 * The first field (any depth, request then response) whose name an earlier field of the same struct has: the
 * spec's contract is one field per name in each struct, so that no later stage has to choose between two. The
 * normalizer keeps it for parsed pages (it drops the repeat, with a diagnostic); this check keeps it for a spec
 * written or edited by hand. `ordinal` counts the fields of that name before it, in the same walk, for its line.
 */
function repeatedField(spec: ApiSpec): { name: string; path: string; ordinal: number } | undefined {
  const counts = new Map<string, number>();
  const walk = (
    fields: readonly Field[],
    prefix: string,
  ): { name: string; path: string; ordinal: number } | undefined => {
    const here = new Set<string>();
    for (const f of fields) {
      const ordinal = counts.get(f.name) ?? 0;
      counts.set(f.name, ordinal + 1);
      const path = `${prefix}.${f.name}`;
      if (here.has(f.name)) return { name: f.name, path, ordinal };
      here.add(f.name);
      const deeper = f.fields ? walk(f.fields, path) : undefined;
      if (deeper) return deeper;
    }
    return undefined;
  };
  return walk(spec.request, "request") ?? walk(spec.response, "response");
}

/** The first field (any depth) whose limits no value can meet: minValue above maxValue. */
function invertedRange(spec: ApiSpec): Field | undefined {
  const walk = (fields: readonly Field[]): Field | undefined => {
    for (const f of fields) {
      const l = f.limits;
      if (l?.minValue !== undefined && l.maxValue !== undefined && l.minValue > l.maxValue) return f;
      const deeper = f.fields ? walk(f.fields) : undefined;
      if (deeper) return deeper;
    }
    return undefined;
  };
  return walk(spec.request) ?? walk(spec.response);
}

export function loadSpec(file: string): ApiSpec {
  return parseSpec(readFileSync(file, "utf8"), file);
}

export interface SpecEntry {
  spec: ApiSpec;
  /** The spec file (for the header and messages). */
  file: string;
}

/** Every spec (`*.json`) of a folder, checked; named in messages relative to `root`. */
export function loadSpecs(dir: string, root: string): SpecEntry[] {
  const texts = readFolder(dir, (n) => n.endsWith(".json"));
  return [...texts].map(([name, text]) => ({
    spec: parseSpec(text, posixPath(relative(root, join(dir, name)))),
    file: join(dir, name),
  }));
}

function jsonErrorLine(text: string, e: unknown): number {
  const pos = /position (\d+)/.exec(String((e as Error).message));
  if (!pos) return 1;
  return text.slice(0, Number(pos[1])).split("\n").length;
}

/**
 * Best-effort line of a field: the `"name": "<name>"` in the spec text after `ordinal` others (the first by
 * default; fields are written in the order a walk of the spec meets them).
 */
function lineOfName(text: string, name: string, ordinal = 0): number {
  const key = new RegExp(`"name"\\s*:\\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g");
  const found = [...text.matchAll(key)];
  const idx = (found[ordinal] ?? found[0])?.index;
  return idx === undefined ? 1 : text.slice(0, idx).split("\n").length;
}

/** Best-effort line of a JSON pointer in the spec text: the line of the last key named in the pointer. */
function lineOfPointer(text: string, pointer: string): number {
  const keys = pointer.split("/").filter((k) => k !== "" && !/^\d+$/.test(k));
  const last = keys[keys.length - 1];
  if (!last) return 1;
  const idx = text.indexOf(JSON.stringify(last) + ":");
  return idx < 0 ? 1 : text.slice(0, idx).split("\n").length;
}
