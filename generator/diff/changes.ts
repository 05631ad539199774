// The change report: what changed between two versions of an API's spec, field by field, and what it means for
// callers. A change is breaking (code that worked may now fail to compile or be rejected), additive (new things
// to use; old code still works) or docs only (descriptions, examples, samples).

import type { ApiSpec, EnumValue, Field, Limits, Rule } from "../model/types.js";

export type ChangeClass = "breaking" | "additive" | "docs";
/** Spec changes: request, response or the API; surface changes (generated code): input, output or other types. */
export type Side = "request" | "response" | "api" | "input" | "output" | "other";

export interface Change {
  method: string;
  side: Side;
  /** Dotted field path inside the side (`refund_bill_list.type`); "" for the API itself. */
  path: string;
  class: ChangeClass;
  /** What changed, one line: `type String → Number`. */
  what: string;
  /** Why the class, where it is not obvious (an exhaustive switch over a response enum). */
  note?: string;
}

export const CLASSES: readonly ChangeClass[] = ["breaking", "additive", "docs"];

/** Changes from `old` to `now`; either may be missing (an API added or removed). */
export function diffSpecs(old: ApiSpec | undefined, now: ApiSpec | undefined): Change[] {
  const method = (now ?? old)?.method ?? "";
  if (!old && !now) return [];
  if (!old) return [{ method, side: "api", path: "", class: "additive", what: "API added" }];
  if (!now) return [{ method, side: "api", path: "", class: "breaking", what: "API removed" }];
  const out: Change[] = [];
  const api = (cls: ChangeClass, what: string) => out.push({ method, side: "api", path: "", class: cls, what });
  if (old.title !== now.title) api("docs", `title ${quote(old.title)} → ${quote(now.title)}`);
  if (old.description !== now.description) api("docs", "description changed");
  for (const key of ["request", "response", "responseSimplified", "error"] as const) {
    if (old.samples?.[key] !== now.samples?.[key])
      api(
        "docs",
        `${key} sample ${old.samples?.[key] === undefined ? "added" : now.samples?.[key] === undefined ? "removed" : "changed"}`,
      );
  }
  diffFields(old.request, now.request, "request", "", method, out);
  diffFields(old.response, now.response, "response", "", method, out);
  diffRules(old.rules ?? [], now.rules ?? [], method, out);
  return out;
}

function diffFields(
  old: Field[],
  now: Field[],
  side: "request" | "response",
  prefix: string,
  method: string,
  out: Change[],
): void {
  const before = new Map(old.map((f) => [f.name, f]));
  const after = new Map(now.map((f) => [f.name, f]));
  for (const f of old) {
    const path = prefix + f.name;
    const n = after.get(f.name);
    if (!n) {
      out.push({
        method,
        side,
        path,
        class: "breaking",
        what: `field removed (was ${typeText(f)}${f.required ? ", required" : ""})`,
      });
      continue;
    }
    diffField(f, n, side, path, method, out);
  }
  for (const f of now) {
    if (before.has(f.name)) continue;
    const path = prefix + f.name;
    if (side === "request" && f.required)
      out.push({ method, side, path, class: "breaking", what: `new required field (${typeText(f)})` });
    else
      out.push({
        method,
        side,
        path,
        class: "additive",
        what: `new ${side === "request" ? "optional " : ""}field (${typeText(f)})`,
      });
  }
}

function diffField(
  old: Field,
  now: Field,
  side: "request" | "response",
  path: string,
  method: string,
  out: Change[],
): void {
  const add = (cls: ChangeClass, what: string, note?: string) =>
    out.push({ method, side, path, class: cls, what, ...(note ? { note } : {}) });
  const bothStructs = old.fields !== undefined && now.fields !== undefined;
  if (typeText(old) !== typeText(now)) {
    // A struct renamed with the same shape still changes the name callers write (`Request.FundBill`).
    add("breaking", `type ${typeText(old)} → ${typeText(now)}`);
  }
  if (side === "request" && !old.required && now.required) add("breaking", "optional → required");
  if (side === "request" && old.required && !now.required) add("additive", "required → optional");
  diffLimits(old.limits ?? {}, now.limits ?? {}, side, add);
  diffEnum(old.enum, now.enum, side, add);
  if (old.description !== now.description) add("docs", "description changed");
  if (old.example !== now.example) add("docs", `example ${quote(old.example)} → ${quote(now.example)}`);
  if (bothStructs) diffFields(old.fields ?? [], now.fields ?? [], side, `${path}.`, method, out);
}

type Add = (cls: ChangeClass, what: string, note?: string) => void;

/** Upper limits tighten when they fall or appear; `minValue` tightens when it rises or appears. */
function diffLimits(old: Limits, now: Limits, side: "request" | "response", add: Add): void {
  for (const key of ["maxLength", "maxListSize", "maxValue", "minValue"] as const) {
    const a = old[key];
    const b = now[key];
    if (a === b) continue;
    const what = `${key} ${a ?? "none"} → ${b ?? "none"}`;
    // The response's limits bind the server, not the caller: they are documentation for the caller.
    if (side === "response") {
      add("docs", what);
      continue;
    }
    const tighter =
      key === "minValue"
        ? b !== undefined && (a === undefined || b > a)
        : b !== undefined && (a === undefined || b < a);
    add(tighter ? "breaking" : "additive", what, tighter ? "values valid before may now fail validate()" : undefined);
  }
  if (old.default !== now.default) add("docs", `default ${quote(old.default)} → ${quote(now.default)}`);
}

function diffEnum(
  old: EnumValue[] | undefined,
  now: EnumValue[] | undefined,
  side: "request" | "response",
  add: Add,
): void {
  if (!old && !now) return;
  const a = new Map((old ?? []).map((e) => [e.value, e]));
  const b = new Map((now ?? []).map((e) => [e.value, e]));
  if (!old) {
    // A free string becomes a closed set: requests narrow; responses narrow their type too (a union, not string).
    add(
      "breaking",
      `enum added (${[...b.keys()].join(", ")})`,
      side === "request" ? "other values are now rejected" : "the field's type narrows from string to a union",
    );
    return;
  }
  if (!now) {
    add(
      side === "request" ? "additive" : "breaking",
      "enum removed (any string now)",
      side === "response" ? "the field's type widens from a union to string" : undefined,
    );
    return;
  }
  for (const v of a.keys()) {
    if (b.has(v)) continue;
    if (side === "request") add("breaking", `enum value ${quote(v)} removed`);
    else add("additive", `enum value ${quote(v)} no longer returned`, "a comparison with it no longer type-checks");
  }
  for (const v of b.keys()) {
    if (a.has(v)) continue;
    if (side === "request") add("additive", `enum value ${quote(v)} added`);
    else add("additive", `enum value ${quote(v)} added`, "breaks an exhaustive switch over this field");
  }
  for (const [v, e] of b) {
    const before = a.get(v);
    if (before && before.description !== e.description) add("docs", `enum value ${quote(v)} description changed`);
  }
}

function diffRules(old: Rule[], now: Rule[], method: string, out: Change[]): void {
  const key = (r: Rule) => `${r.kind}(${r.fields.join(", ")})`;
  const a = new Map(old.map((r) => [key(r), r]));
  const b = new Map(now.map((r) => [key(r), r]));
  for (const [k] of a)
    if (!b.has(k)) out.push({ method, side: "request", path: "", class: "additive", what: `rule ${k} removed` });
  for (const [k] of b)
    if (!a.has(k))
      out.push({
        method,
        side: "request",
        path: "",
        class: "breaking",
        what: `rule ${k} added`,
        note: "requests that break it are now rejected",
      });
  for (const [k, r] of b) {
    const before = a.get(k);
    if (before && before.description !== r.description)
      out.push({ method, side: "request", path: "", class: "docs", what: `rule ${k} description changed` });
  }
}

function typeText(f: Field): string {
  return f.list ? `${f.type}[]` : f.type;
}

function quote(v: string | undefined): string {
  return v === undefined ? "none" : JSON.stringify(v.length > 40 ? v.slice(0, 37) + "…" : v);
}

/** Changes of every API in two sets of specs (by method), APIs in method order. */
export function diffSpecSets(old: ReadonlyMap<string, ApiSpec>, now: ReadonlyMap<string, ApiSpec>): Change[] {
  const methods = [...new Set([...old.keys(), ...now.keys()])].sort();
  return methods.flatMap((m) => diffSpecs(old.get(m), now.get(m)));
}
