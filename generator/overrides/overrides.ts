// Overrides: hand fixes to what a doc page says, kept beside the docs so that re-parsing keeps them. One file per
// API (`overrides/<method>.json`); each override names a field by path, says what to set, add or remove, and why.
// They are applied after normalizing and recorded in the spec (`overrides`). An override that names a field the
// page no longer has, or that gives no reason, is bad input (exit 2); one that changes nothing is a warning.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import {
  isScalarType,
  type ApiSpec,
  type AppliedOverride,
  type EnumValue,
  type Field,
  type Limits,
} from "../model/types.js";
import { InputError } from "../support/errors.js";

export interface Override {
  /** `request.refund_bill_list.type`, `response.gmt_refund`. */
  path: string;
  set?: FieldPatch;
  add?: Omit<Field, "name">;
  remove?: true;
  reason: string;
  /** 1-based line of the override in its file. */
  line: number;
}

export interface FieldPatch {
  type?: string;
  list?: boolean;
  required?: boolean;
  /** Merged into the field's limits; a null removes that limit. */
  limits?: { [K in keyof Limits]?: Limits[K] | null };
  /** Replaces the field's enum: values, or values with descriptions; null or [] removes it. */
  enum?: (string | EnumValue)[] | null;
  description?: string;
  example?: string;
}

export interface OverrideFile {
  /** As shown in messages (relative to the project, forward slashes). */
  file: string;
  method: string;
  overrides: Override[];
}

const PATCH_KEYS = ["type", "list", "required", "limits", "enum", "description", "example"] as const;
const LIMIT_KEYS = ["maxLength", "maxListSize", "maxValue", "minValue", "default"] as const;

/** Every override file of a folder, by method (empty when the folder is missing). */
export function loadOverrides(dir: string, root: string): Map<string, OverrideFile> {
  const out = new Map<string, OverrideFile>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const shown = relative(root, join(dir, name)).split(sep).join("/");
    const parsed = parseOverrides(readFileSync(join(dir, name), "utf8"), shown, name.replace(/\.json$/, ""));
    out.set(parsed.method, parsed);
  }
  return out;
}

export function parseOverrides(text: string, file: string, methodFromName: string): OverrideFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, undefined, `not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const bad = (line: number | undefined, reason: string) => new InputError(file, line, reason);
  if (!isObject(value) || !Array.isArray(value["overrides"]))
    throw bad(1, 'an override file is { "method": …, "overrides": [ … ] }');
  const method = value["method"] ?? methodFromName;
  if (typeof method !== "string" || method !== methodFromName)
    throw bad(lineOfKey(text, "method", 0), `"method" must be the file's name (${methodFromName})`);
  const lines = entryLines(text);
  const overrides = (value["overrides"] as unknown[]).map((entry, i): Override => {
    const line = lines[i] ?? lineOfKey(text, "overrides", 0);
    if (!isObject(entry)) throw bad(line, "an override is an object");
    const unknown = Object.keys(entry).filter((k) => !["path", "set", "add", "remove", "reason"].includes(k));
    if (unknown.length)
      throw bad(line, `unknown key ${JSON.stringify(unknown[0])} (an override has path, set | add | remove, reason)`);
    const { path, set, add, remove, reason } = entry;
    if (typeof path !== "string" || !/^(request|response)\.[^.]+(\.[^.]+)*$/.test(path))
      throw bad(line, 'an override needs "path": "request.<field>[.<field>…]" or "response.…"');
    if (typeof reason !== "string" || reason.trim() === "")
      throw bad(line, `override of ${path} has no "reason": say why the page is wrong`);
    const ops = [set, add, remove].filter((x) => x !== undefined).length;
    if (ops !== 1) throw bad(line, `override of ${path} needs exactly one of "set", "add", "remove"`);
    const o: Override = { path, reason, line };
    if (set !== undefined) o.set = checkPatch(set, path, line, bad);
    if (add !== undefined) o.add = checkAdd(add, path, line, bad);
    if (remove !== undefined) {
      if (remove !== true) throw bad(line, `"remove" is true`);
      o.remove = true;
    }
    return o;
  });
  return { file, method, overrides };
}

type Bad = (line: number | undefined, reason: string) => InputError;

function checkPatch(set: unknown, path: string, line: number, bad: Bad): FieldPatch {
  if (!isObject(set)) throw bad(line, `"set" of ${path} is an object`);
  for (const k of Object.keys(set))
    if (!(PATCH_KEYS as readonly string[]).includes(k))
      throw bad(line, `"set" of ${path}: unknown key ${JSON.stringify(k)} (one of ${PATCH_KEYS.join(", ")})`);
  const p = set as FieldPatch;
  if (p.type !== undefined && (typeof p.type !== "string" || !isScalarType(p.type)))
    throw bad(line, `"set.type" of ${path} must be a doc scalar type (String, Number, …)`);
  for (const k of ["list", "required"] as const)
    if (p[k] !== undefined && typeof p[k] !== "boolean") throw bad(line, `"set.${k}" of ${path} is true or false`);
  for (const k of ["description", "example"] as const)
    if (p[k] !== undefined && typeof p[k] !== "string") throw bad(line, `"set.${k}" of ${path} is a string`);
  if (p.limits !== undefined) {
    if (!isObject(p.limits)) throw bad(line, `"set.limits" of ${path} is an object`);
    for (const [k, v] of Object.entries(p.limits)) {
      if (!(LIMIT_KEYS as readonly string[]).includes(k))
        throw bad(line, `"set.limits" of ${path}: unknown limit ${JSON.stringify(k)}`);
      if (v !== null && (k === "default" ? typeof v !== "string" : typeof v !== "number"))
        throw bad(line, `"set.limits.${k}" of ${path} is a ${k === "default" ? "string" : "number"} or null`);
    }
  }
  if (p.enum !== undefined && p.enum !== null) {
    if (
      !Array.isArray(p.enum) ||
      !p.enum.every((e) => typeof e === "string" || (isObject(e) && typeof e["value"] === "string"))
    )
      throw bad(line, `"set.enum" of ${path} is a list of values`);
  }
  return p;
}

function checkAdd(add: unknown, path: string, line: number, bad: Bad): Omit<Field, "name"> {
  if (!isObject(add) || typeof add["type"] !== "string")
    throw bad(line, `"add" of ${path} is a field: { "type": …, … }`);
  if (!isScalarType(add["type"]) && !Array.isArray(add["fields"]))
    throw bad(line, `"add" of ${path}: a struct type needs "fields"`);
  return add as unknown as Omit<Field, "name">;
}

/** Applies a file's overrides to a spec; returns the patched spec (a copy) and a warning per no-op override. */
export function applyOverrides(spec: ApiSpec, file: OverrideFile): { spec: ApiSpec; warnings: string[] } {
  const out = structuredClone(spec);
  const warnings: string[] = [];
  const applied: AppliedOverride[] = [];
  for (const o of file.overrides) {
    const where = `${file.file}:${o.line}`;
    const [side, ...names] = o.path.split(".") as ["request" | "response", ...string[]];
    const name = names[names.length - 1]!;
    const parent = fieldsAt(out[side], names.slice(0, -1));
    const stale = (what: string) =>
      new InputError(
        file.file,
        o.line,
        `override of ${o.path}: ${what} (the page changed: update or remove the override)`,
      );
    if (!parent) throw stale(`${side}.${names.slice(0, -1).join(".")} is no longer a struct of this API`);
    const at = parent.findIndex((f) => f.name === name);
    const record: AppliedOverride = { path: o.path, reason: o.reason };
    if (o.remove) {
      if (at < 0) {
        warnings.push(`${where}: override removes ${o.path}, which the page no longer has; remove the override`);
        continue;
      }
      record.page = pageOf(parent[at]!);
      parent.splice(at, 1);
    } else if (o.add) {
      const field = { name, ...structuredClone(o.add) } as Field;
      if (at >= 0) {
        if (JSON.stringify(sorted(parent[at]!)) === JSON.stringify(sorted(field))) {
          warnings.push(`${where}: override adds ${o.path}, which the page now has as given; remove the override`);
          continue;
        }
        throw new InputError(file.file, o.line, `override adds ${o.path}, which the page has: use "set" to change it`);
      }
      parent.push(field);
    } else if (o.set) {
      if (at < 0) throw stale("the page no longer has this field");
      const before = parent[at]!;
      const after = patched(before, o.set);
      if (JSON.stringify(sorted(before)) === JSON.stringify(sorted(after))) {
        warnings.push(`${where}: override of ${o.path} changes nothing (the page now says the same); remove it`);
        continue;
      }
      record.page = pageOf(before, Object.keys(o.set));
      parent[at] = after;
    }
    applied.push(record);
  }
  if (applied.length) out.overrides = applied;
  return { spec: out, warnings };
}

function fieldsAt(fields: Field[], names: string[]): Field[] | undefined {
  let at = fields;
  for (const n of names) {
    const f = at.find((x) => x.name === n);
    if (!f?.fields) return undefined;
    at = f.fields;
  }
  return at;
}

function patched(field: Field, set: FieldPatch): Field {
  const f: Field = structuredClone(field);
  if (set.type !== undefined) {
    f.type = set.type;
    delete f.fields; // a scalar now (checked when loading)
  }
  if (set.list !== undefined) set.list ? (f.list = true) : delete f.list;
  if (set.required !== undefined) set.required ? (f.required = true) : delete f.required;
  if (set.description !== undefined) f.description = set.description;
  if (set.example !== undefined) f.example = set.example;
  if (set.limits !== undefined) {
    const limits: Record<string, unknown> = { ...f.limits };
    for (const [k, v] of Object.entries(set.limits)) v === null ? delete limits[k] : (limits[k] = v);
    if (Object.keys(limits).length) f.limits = limits as Limits;
    else delete f.limits;
  }
  if (set.enum !== undefined) {
    if (set.enum === null || set.enum.length === 0) delete f.enum;
    else
      f.enum = set.enum.map((e) => (typeof e === "string" ? (f.enum?.find((x) => x.value === e) ?? { value: e }) : e));
  }
  return f;
}

/** What the page said, for the keys an override changes (the whole field for a removal): kept in the spec. */
function pageOf(field: Field, keys?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys ?? ["type", "list", "required", "limits", "enum"]) {
    const v = (field as unknown as Record<string, unknown>)[k];
    out[k] = v === undefined ? null : k === "enum" ? (v as EnumValue[]).map((e) => e.value) : v;
  }
  return out;
}

/** Key order does not matter for "changes nothing". */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted(value[k])]),
    );
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The line of each entry of "overrides": the line of its `"path"` key, in order (best effort). */
function entryLines(text: string): number[] {
  const start = text.indexOf('"overrides"');
  const lines: number[] = [];
  // Entries are the objects one level inside the overrides array.
  let depth = 0;
  let inString = false;
  const from = start < 0 ? 0 : text.indexOf("[", start) + 1;
  for (let i = from; i < text.length && from > 0; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth === 0 && c === "{") lines.push(text.slice(0, i).split("\n").length);
      depth++;
    } else if (c === "}" || c === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return lines;
}

function lineOfKey(text: string, key: string, from: number): number {
  const at = text.indexOf(`"${key}"`, from);
  return at < 0 ? 1 : text.slice(0, at).split("\n").length;
}
