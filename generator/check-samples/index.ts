// Samples as a test of the docs: a page's response samples are decoded, with the runtime's own decoder, against
// the response shape the page declares (built from the schema lines generated code carries: shape.ts). Every value that does not fit is
// reported, not just the first: after each decode error the value is taken out and the sample decoded again.
// The default sample (lists wrapped: `{"trades": {"trade": [...]}}`) and the simplified one (plain arrays) are
// then compared as decoded values, and each is checked for the list layout its format promises.
//
// Samples are read as JSON; an XML sample (what text pages render) is read as the JSON body it stands for
// (see xml.ts: all leaves are text, so JSON number-vs-string typing is not checked for it).
// Numbers decode to their exact digits and dates to their text (int64: "string", dates: "string"), so that the
// two samples compare exactly.

import {
  decodeResponse,
  isLosslessNumber,
  listItemKey,
  parseLossless,
  responseKey,
  stringifyLossless,
  TopApiError,
  TopDecodeError,
} from "../../runtime/index.js";
import type { ApiSpec, Diagnostic, Field } from "../model/types.js";
import { isObject, listArray, ownValue, removeAt, type JsonObject } from "./body.js";
import { differences, type Difference } from "./compare.js";
import type { FieldLines } from "../normalize/field-lines.js";
import { declaredType, fieldAtPath, parsePath, responseShape, type CheckedField, type CheckedStruct } from "./shape.js";
import { xmlSampleToJson } from "./xml.js";
import { byDocLine } from "../model/diagnostics.js";

export interface SampleCheckOptions {
  /** The doc line of a response field, when known (see withSampleCheck: from the normalizer). */
  readonly lineOf?: (field: Field) => number | undefined;
}

/** Decode errors recorded per sample before giving up on it (each round takes one value out). */
export const MAX_MISMATCHES = 100;

const DECODE_OPTIONS = { int64: "string", dates: "string" } as const;

/** Diagnostics for every disagreement between the spec's response samples and its declared response fields. */
export function checkSamples(spec: ApiSpec, options: SampleCheckOptions = {}): Diagnostic[] {
  return new SampleChecker(spec, options).run();
}

/**
 * The spec with the sample check's diagnostics appended (parse stage). Diagnostics end up ordered by line,
 * lineless ones last; the sort is stable, so same-line diagnostics keep their order. `lines` are the doc lines
 * the normalizer handed over with the spec (normalizeWithLines), for the lines of fields.
 */
export function withSampleCheck(spec: ApiSpec, lines?: FieldLines): ApiSpec {
  let byField: Map<Field, number> | undefined;
  const lineOf = (field: Field) => (byField ??= responseLines(spec.response, lines!)).get(field);
  const found = checkSamples(spec, lines ? { lineOf } : {});
  const before = spec.diagnostics ?? [];
  const diagnostics = [...before, ...found].sort(byDocLine);
  if (found.length === 0 && diagnostics.every((d, i) => d === before[i])) return spec;
  return { ...spec, diagnostics };
}

/** The line of each response field (by its path), for the fields of this copy of the spec. */
function responseLines(fields: readonly Field[], lines: FieldLines): Map<Field, number> {
  const out = new Map<Field, number>();
  const visit = (list: readonly Field[], prefix: readonly string[]) => {
    for (const field of list) {
      const path = [...prefix, field.name];
      const line = lines.get("response", path);
      if (line !== undefined) out.set(field, line);
      if (field.fields) visit(field.fields, path);
    }
  };
  visit(fields, []);
  return out;
}

type SampleKind = "default" | "simplified";

interface Checked {
  /** The decoded body (after the values that did not fit were taken out); undefined when nothing decoded. */
  readonly decoded?: unknown;
  /** Paths of the values that did not fit. */
  readonly mismatches: readonly string[];
}

class SampleChecker {
  private readonly root: CheckedStruct;
  private readonly out: Diagnostic[] = [];

  constructor(
    private readonly spec: ApiSpec,
    private readonly options: SampleCheckOptions,
  ) {
    this.root = responseShape("Response", spec.response);
  }

  run(): Diagnostic[] {
    const samples = this.spec.samples ?? {};
    const def = samples.response === undefined ? undefined : this.check("default", samples.response);
    const simple =
      samples.responseSimplified === undefined ? undefined : this.check("simplified", samples.responseSimplified);
    if (def?.decoded !== undefined && simple?.decoded !== undefined) {
      this.compare(def.decoded, simple.decoded, [...def.mismatches, ...simple.mismatches]);
    }
    return this.out;
  }

  private check(kind: SampleKind, text: string): Checked {
    const none: Checked = { mismatches: [] };
    const xml = text.trimStart().startsWith("<");
    const label =
      kind === "simplified"
        ? "simplified response sample"
        : xml
          ? "response sample (XML, read as JSON)"
          : "response sample";
    const key = responseKey(this.spec.method);

    let top: JsonObject;
    if (xml) {
      const body = xmlSampleToJson(text, this.root);
      if (body === undefined) {
        this.warn(`${label} is not XML: no element found`);
        return none;
      }
      // XML always has a root element: the wrapper, whatever its name.
      if (body.rootTag !== key && body.rootTag !== "error_response") {
        this.warn(`${label} wraps the body in <${body.rootTag}>, but this method answers in <${key}>; read inside it`);
        top = { [key]: body.inner };
      } else {
        top = { [body.rootTag]: body.inner };
      }
    } else {
      let parsed: unknown;
      try {
        parsed = parseLossless(text);
      } catch (err) {
        this.warn(`${label} is not JSON (${notJsonReason(err, text)}); not checked`);
        return none;
      }
      if (!isObject(parsed)) {
        this.warn(`${label} is not a JSON object (${shown(parsed)}); not checked`);
        return none;
      }
      top = parsed;
    }

    if (Object.hasOwn(top, "error_response")) {
      this.warn(`${label} is an error response (error_response), not a success sample; not checked`);
      return none;
    }
    let inner: unknown;
    if (Object.hasOwn(top, key)) {
      inner = top[key];
    } else {
      const documented = new Set(this.spec.response.map((f) => f.name));
      const stray = Object.keys(top).find((k) => k.endsWith("_response") && !documented.has(k));
      if (stray !== undefined) {
        this.warn(`${label} wraps the body in "${stray}", but this method answers in "${key}"; read inside it`);
        inner = top[stray];
      } else {
        if (kind === "default") this.warn(`${label} has no "${key}" wrapper (the default format has one)`);
        inner = top;
      }
    }
    if (!isObject(inner)) {
      this.warn(`${label}: the body inside "${key}" is not an object (${shown(inner)}); not checked`);
      return none;
    }
    const body: JsonObject = inner;

    const mismatches: string[] = [];
    for (;;) {
      let decoded: unknown;
      try {
        decoded = decodeResponse(this.spec.method, this.root.shape, { [key]: body }, DECODE_OPTIONS);
      } catch (err) {
        if (!(err instanceof TopDecodeError)) {
          const what =
            err instanceof TopApiError ? "an error response" : err instanceof Error ? err.message : String(err);
          this.warn(`${label} could not be checked: ${what}`);
          return { mismatches };
        }
        if (mismatches.length >= MAX_MISMATCHES) {
          this.warn(`${label}: stopped after ${MAX_MISMATCHES} values that do not fit the declared types`);
          return { mismatches };
        }
        const steps = parsePath(this.root, err.path);
        const field = steps === undefined ? undefined : fieldAtPath(this.root, steps);
        this.warn(this.mismatchMessage(label, err, field, steps?.at(-1)?.kind === "index"), field);
        mismatches.push(err.path);
        // A path that cannot be taken out would fail again: stop rather than loop.
        if (steps === undefined || steps.length === 0 || !removeAt(this.root, body, steps)) {
          this.warn(
            `${label}: could not take the value at ${err.path || "the top"} out; the rest of the sample is not checked`,
          );
          return { mismatches };
        }
        continue;
      }
      if (!xml) this.checkLayout(kind, label, body);
      return { decoded, mismatches };
    }
  }

  private mismatchMessage(
    label: string,
    err: TopDecodeError,
    field: CheckedField | undefined,
    isItem: boolean,
  ): string {
    const reason = decodeReason(err, this.spec.method);
    const got = err.rawValue === undefined ? "" : `sample has ${truncate(err.rawValue, 80)} `;
    if (err.path === "") return `${label}: the response body: ${got}(${reason})`;
    const declared =
      field === undefined
        ? ""
        : `declared ${isItem ? `${field.field.type} (a list item)` : declaredType(field.field)}, `;
    return `${label}: ${err.path}: ${declared}${got}(${reason})`;
  }

  /**
   * The list layout each format promises (ARCHITECTURE.md, "Responses"): the default sample wraps every list in an object keyed by
   * the item name, the simplified one has plain arrays. The decoder takes both, so these are page findings, one
   * per list field (not per item). Also notes members the page does not declare.
   */
  private checkLayout(kind: SampleKind, label: string, body: JsonObject): void {
    const seen = new Set<string>();
    const undeclared = new Map<string, { names: string[]; field: CheckedField | undefined }>();
    const once = (where: string, message: string, field: CheckedField) => {
      if (seen.has(where)) return;
      seen.add(where);
      this.warn(message, field);
    };
    const visit = (
      raw: JsonObject,
      struct: CheckedStruct,
      path: string,
      shape: string,
      owner: CheckedField | undefined,
    ) => {
      const names = new Set(struct.fields.map((f) => f.shape.name));
      const extra = Object.keys(raw).filter((k) => !names.has(k) && !(owner === undefined && k === "request_id"));
      if (extra.length) {
        const entry = undeclared.get(shape) ?? { names: [], field: owner };
        for (const name of extra) if (!entry.names.includes(name)) entry.names.push(name);
        undeclared.set(shape, entry);
      }
      for (const field of struct.fields) {
        const value = ownValue(raw, field.shape.name);
        if (value === undefined || value === null) continue;
        const at = path === "" ? field.shape.name : `${path}.${field.shape.name}`;
        const where = shape === "" ? field.shape.name : `${shape}.${field.shape.name}`;
        if (field.shape.list) {
          const expected = listItemKey(field.shape);
          if (kind === "default" && Array.isArray(value)) {
            once(
              where,
              `${label}: ${at} is a plain array; the default (not simplified) format wraps a list: {"${expected}": [...]}`,
              field,
            );
          } else if (isObject(value)) {
            const keys = Object.keys(value);
            const used = Array.isArray(ownValue(value, expected)) ? expected : keys.length === 1 ? keys[0] : undefined;
            if (kind === "simplified") {
              once(
                where,
                `${label}: ${at} is still wrapped ({"${used ?? keys.join('", "')}": [...]}); a simplified body has plain arrays`,
                field,
              );
            } else if (used !== undefined && used !== expected) {
              once(
                where,
                `${label}: ${at} wraps its items in "${used}"; the item key for ${declaredType(field.field)} is "${expected}"`,
                field,
              );
            }
          }
          const struct = field.struct;
          if (struct !== undefined) {
            for (const [i, item] of (listArray(value, field) ?? []).entries()) {
              if (isObject(item)) visit(item, struct, `${at}[${i}]`, where, field);
            }
          }
        } else if (field.struct !== undefined && isObject(value)) {
          visit(value, field.struct, at, where, field);
        }
      }
    };
    visit(body, this.root, "", "", undefined);
    for (const [shape, { names, field }] of undeclared) {
      const message = `${label}: ${shape === "" ? "the response" : shape} has members the page does not declare: ${names.join(", ")}`;
      this.note(message, field);
    }
  }

  private compare(a: unknown, b: unknown, mismatches: readonly string[]): void {
    const reported = (path: string) =>
      mismatches.some((m) => m === "" || path === m || path.startsWith(`${m}.`) || path.startsWith(`${m}[`));
    for (const d of differences(a, b, this.root)) {
      if (reported(d.path)) continue;
      this.warn(differenceMessage(d), d.field);
    }
  }

  private warn(message: string, field?: CheckedField): void {
    this.push("warning", message, field);
  }

  private note(message: string, field?: CheckedField): void {
    this.push("info", message, field);
  }

  private push(level: Diagnostic["level"], message: string, field: CheckedField | undefined): void {
    const line = field === undefined ? undefined : this.options.lineOf?.(field.field);
    this.out.push(line === undefined ? { level, message } : { level, message, line });
  }
}

function differenceMessage(d: Difference): string {
  switch (d.kind) {
    case "value":
      return `default and simplified response samples differ at ${d.path}: ${shown(d.a)} vs ${shown(d.b)}`;
    case "onlyDefault":
      return `${d.path} is in the default response sample only (${shown(d.a)})`;
    case "onlySimplified":
      return `${d.path} is in the simplified response sample only (${shown(d.b)})`;
    case "length":
      return `${d.path} has ${shown(d.a)} items in the default response sample, ${shown(d.b)} in the simplified one`;
  }
}

/** The decoder's reason, without the method, path and value its message also carries. */
function decodeReason(err: TopDecodeError, method: string): string {
  const prefix = `${method}: cannot decode ${err.path || "the response"}: `;
  let reason = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  if (err.rawValue !== undefined) {
    const cut = reason.lastIndexOf(" (got ");
    if (cut >= 0) reason = reason.slice(0, cut);
  }
  return reason;
}

/** lossless-json's message, with the text around the position it names. */
function notJsonReason(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  if (at === null) return message;
  const pos = Number(at[1]);
  // The line it is on (sample text is pretty-printed), at most 40 characters before and 20 after.
  const start = Math.max(text.lastIndexOf("\n", pos - 1) + 1, pos - 40);
  const end = Math.min(...[text.indexOf("\n", pos), pos + 20].filter((n) => n >= 0));
  const near = text.slice(start, end).replace(/\s+/g, " ").trim();
  return near === "" ? message : `${message}: ${near}`;
}

function shown(value: unknown): string {
  let text: string;
  if (value === undefined) text = "nothing";
  else if (typeof value === "string") text = JSON.stringify(value);
  else if (isLosslessNumber(value)) text = value.toString();
  else {
    try {
      text = stringifyLossless(value);
    } catch {
      text = String(value);
    }
  }
  return truncate(text, 80);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
