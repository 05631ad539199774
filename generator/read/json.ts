// Reader for the JSON a TOP doc page loads (getDocument.json): the whole answer `{ success, data }`, its `data`
// object alone, or the reduced catalogue form (name, apiChineseName, description, requestParams, responseParams).
// Produces the raw page; all interpretation (types, structs, lists) is left to the normalizer.

import { getUnsafeNumberReason, isNumber } from "lossless-json";
import { InputError } from "../support/errors.js";
import type { RawDiagnostic, RawLimits, RawPage, RawRow, RawSamples } from "./raw.js";
import { describeKind, JsonSyntaxError, parseJsonTree } from "./json/tree.js";
import { DOC_PAGE_URL } from "./provenance.js";
import type { JsonArray, JsonEntry, JsonNode, JsonObject } from "./json/tree.js";
import { byDocLine } from "../model/diagnostics.js";

/** Keys one of which (besides a string `name`) marks an object as an API doc page. */
const PAGE_MARKERS = ["apiChineseName", "requestParams", "responseParams"] as const;

const LIMIT_KEYS = ["maxLength", "maxListSize", "maxValue", "minValue"] as const;
type LimitKey = (typeof LIMIT_KEYS)[number];

/**
 * True when `value` (a parsed JSON value, e.g. from JSON.parse) is a TOP API doc page this reader accepts:
 * an object with a non-empty string `name` and at least one of `apiChineseName`, `requestParams`,
 * `responseParams` — either directly or as the `data` of a getDocument.json answer. False for anything else,
 * such as the catalogue's per-category `catelog.json` (`{ name, pkg, id }`).
 */
export function isJsonApiPage(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (!Object.hasOwn(value, "name") && Object.hasOwn(value, "data"))
    return value["success"] !== false && isPageObject(value["data"]);
  return isPageObject(value);
}

function isPageObject(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const name = value["name"];
  return typeof name === "string" && name.trim() !== "" && PAGE_MARKERS.some((k) => Object.hasOwn(value, k));
}

/** Reads one JSON doc page. Throws InputError (file and line) when the text is not a TOP API doc page. */
export function readJsonPage(text: string, file: string): RawPage {
  let root: JsonNode;
  try {
    root = parseJsonTree(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    if (err instanceof JsonSyntaxError)
      throw new InputError(file, err.line, `invalid JSON (column ${err.column}): ${err.reason}`);
    throw err;
  }
  return new PageReader(file).read(root);
}

class PageReader {
  private readonly diagnostics: RawDiagnostic[] = [];

  constructor(private readonly file: string) {}

  read(root: JsonNode): RawPage {
    const doc = this.unwrap(root);
    const fields = this.fieldsOf(doc, "the page");

    const name = fields.get("name");
    const marked = PAGE_MARKERS.some((k) => fields.has(k));
    if (!marked) {
      throw this.error(
        doc.line,
        name
          ? `not a TOP API doc page: no ${PAGE_MARKERS.join(", ")} (a catalogue category file?)`
          : `not a TOP API doc page: no name, ${PAGE_MARKERS.join(", ")}`,
      );
    }
    if (!name) throw this.error(doc.line, `not a TOP API doc page: no "name" (the API method name)`);
    if (name.value.kind !== "string")
      throw this.error(name.line, `"name" is ${describeKind(name.value)}, expected a string`);
    const method = name.value.value.trim();
    if (method === "") throw this.error(name.line, `"name" is empty`);
    if (method !== name.value.value)
      this.warn(name.line, `"name" has surrounding white space; trimmed to ${JSON.stringify(method)}`);

    const request = this.params(fields.get("requestParams"), "requestParams", true);
    const response = this.params(fields.get("responseParams"), "responseParams", false);

    const title = this.pageText(fields, doc, "apiChineseName", true);
    const description = this.pageText(fields, doc, "description", false);
    const samples = this.samples(fields);
    this.diagnostics.sort(byDocLine);
    // The doc id names the page's URL on the doc site.
    const id = fields.get("id")?.value;
    const docId = id?.kind === "number" ? id.text : id?.kind === "string" ? id.value : undefined;
    return {
      format: "json",
      ...(docId !== undefined && /^\d+$/.test(docId) ? { url: `${DOC_PAGE_URL}${docId}&docType=2` } : {}),
      file: this.file,
      method,
      title,
      description,
      request,
      response,
      samples,
      diagnostics: this.diagnostics,
    };
  }

  /** The page object: the root itself, or the `data` of a getDocument.json answer. */
  private unwrap(root: JsonNode): JsonObject {
    if (root.kind !== "object")
      throw this.error(root.line, `not a TOP API doc page: the JSON is ${describeKind(root)}, expected an object`);
    const keys = new Set(root.entries.map((e) => e.key));
    if (keys.has("name") || !keys.has("data")) return root;
    const fields = this.fieldsOf(root, "the getDocument.json answer");
    const success = fields.get("success");
    const data = fields.get("data");
    if (success && success.value.kind === "boolean" && !success.value.value) {
      const why = ["errorCode", "code", "errMsg", "errorMsg", "message", "msg"]
        .map((k) => fields.get(k)?.value)
        .flatMap((v) =>
          v && (v.kind === "string" || v.kind === "number") ? [oneLine(v.kind === "string" ? v.value : v.text)] : [],
        )
        .filter((s) => s !== "");
      throw this.error(
        success.line,
        `the getDocument.json answer reports failure (success: false)${why.length ? `: ${why.join(" ")}` : ""}`,
      );
    }
    if (!data || data.value.kind !== "object") {
      throw this.error(
        data?.line ?? root.line,
        `the getDocument.json answer's "data" is ${data ? describeKind(data.value) : "missing"}, expected the doc page object`,
      );
    }
    return data.value;
  }

  /** A page-level text field (title, description): "" when absent, with a warning for the title. */
  private pageText(fields: Map<string, JsonEntry>, doc: JsonObject, key: string, wanted: boolean): string {
    const entry = fields.get(key);
    const text = entry ? this.scalarText(entry, `page "${key}"`) : undefined;
    if (text === undefined && wanted) this.warn(entry?.line ?? doc.line, `page has no "${key}"`);
    return text ?? "";
  }

  private params(entry: JsonEntry | undefined, path: string, isRequest: boolean): RawRow[] {
    const rows: RawRow[] = [];
    const list = this.paramList(entry, path);
    if (list) this.walk(list, path, path, 0, isRequest, rows);
    return rows;
  }

  /** A params array (absent or null: none). Anything else is bad input. */
  private paramList(entry: JsonEntry | undefined, path: string): JsonArray | undefined {
    if (!entry || entry.value.kind === "null") return undefined;
    if (entry.value.kind !== "array")
      throw this.error(entry.line, `${path} is ${describeKind(entry.value)}, expected an array of params`);
    return entry.value;
  }

  /**
   * Appends the params of `list` and their nested params in pre-order. `path` locates the list by index (for
   * structural errors); `struct` names it by param names (for messages about names).
   */
  private walk(list: JsonArray, path: string, struct: string, depth: number, isRequest: boolean, rows: RawRow[]): void {
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
      const where = `${path}[${index}]`;
      if (item.kind !== "object")
        throw this.error(item.line, `${where} is ${describeKind(item)}, expected a param object`);
      const fields = this.fieldsOf(item, where);
      const subList = this.paramList(fields.get("subParams"), `${where}.subParams`);

      const name = this.paramName(fields, item);
      if (typeof name !== "string") {
        const skipped = subList ? countParams(subList) : 0;
        this.warn(
          item.line,
          `param ${where} has no name${name.why}; skipped${skipped ? ` with its ${skipped} nested params` : ""}`,
        );
        return;
      }
      const previous = seen.get(name);
      if (previous !== undefined)
        this.warn(item.line, `duplicate param name ${JSON.stringify(name)} in ${struct} (first at line ${previous})`);
      else seen.set(name, item.line);

      const row: RawRow = {
        line: item.line,
        name,
        type: this.paramType(fields, item, name),
        limits: this.limits(fields, name),
        depth,
      };
      if (isRequest) {
        const required = this.required(fields.get("required"), name);
        if (required !== undefined) row.required = required;
      }
      const example = this.optionalText(fields.get("demoValue"), `param "${name}" demoValue`);
      if (example !== undefined) row.example = example;
      const description = this.optionalText(fields.get("description"), `param "${name}" description`);
      if (description !== undefined) row.description = description;
      rows.push(row);

      if (subList)
        this.walk(
          subList,
          `${where}.subParams`,
          depth === 0 ? `${path} › ${oneLine(name)}` : `${struct}.${oneLine(name)}`,
          depth + 1,
          isRequest,
          rows,
        );
    });
  }

  /** The param's name (trimmed), or why it has none. */
  private paramName(fields: Map<string, JsonEntry>, item: JsonObject): string | { why: string } {
    const entry = fields.get("name");
    if (!entry || entry.value.kind === "null") return { why: "" };
    if (entry.value.kind !== "string") return { why: ` ("name" is ${describeKind(entry.value)})` };
    const name = entry.value.value;
    if (name.trim() === "") return { why: ` ("name" is ${name === "" ? "empty" : "white space"})` };
    if (name.trim() !== name)
      this.warn(item.line, `param name ${JSON.stringify(name)} has surrounding white space; trimmed`);
    return name.trim();
  }

  private paramType(fields: Map<string, JsonEntry>, item: JsonObject, name: string): string {
    const entry = fields.get("type");
    if (entry?.value.kind === "string" && entry.value.value.trim() !== "") return entry.value.value;
    this.warn(
      entry?.line ?? item.line,
      entry && entry.value.kind !== "string" && entry.value.kind !== "null"
        ? `param "${name}" type is ${describeKind(entry.value)}, expected a string; type left empty`
        : `param "${name}" has no type`,
    );
    return "";
  }

  /** Request rows: a missing or null `required` means optional (the catalogue form drops `required: false`). */
  private required(entry: JsonEntry | undefined, name: string): boolean | undefined {
    if (!entry || entry.value.kind === "null") return false;
    const v = entry.value;
    if (v.kind === "boolean") return v.value;
    if (v.kind === "string" && /^(true|false)$/i.test(v.value.trim())) {
      this.info(entry.line, `param "${name}" required is the string ${JSON.stringify(v.value)}; read as a boolean`);
      return v.value.trim().toLowerCase() === "true";
    }
    this.warn(
      entry.line,
      `param "${name}" required is ${describeKind(v)}${v.kind === "string" ? ` ${JSON.stringify(v.value)}` : ""}, expected a boolean; left unset`,
    );
    return undefined;
  }

  private limits(fields: Map<string, JsonEntry>, name: string): RawLimits {
    const limits: RawLimits = {};
    for (const key of LIMIT_KEYS) {
      const value = this.limitNumber(fields.get(key), key, name);
      if (value !== undefined) limits[key] = value;
    }
    const def = this.optionalText(fields.get("defaultValue"), `param "${name}" defaultValue`);
    if (def !== undefined) limits.default = def;
    return limits;
  }

  /** A limit as a number: JSON numbers or numeric strings; null/empty mean absent; anything else is ignored with a warning. */
  private limitNumber(entry: JsonEntry | undefined, key: LimitKey, name: string): number | undefined {
    if (!entry) return undefined;
    const v = entry.value;
    let text: string;
    if (v.kind === "null") return undefined;
    if (v.kind === "number") {
      text = v.text;
    } else if (v.kind === "string") {
      text = v.value.trim();
      if (text === "") return undefined;
      if (!isNumber(text)) {
        this.warn(entry.line, `param "${name}" ${key} ${JSON.stringify(oneLine(v.value))} is not a number; ignored`);
        return undefined;
      }
    } else {
      this.warn(entry.line, `param "${name}" ${key} is ${describeKind(v)}, expected a number; ignored`);
      return undefined;
    }
    const unsafe = getUnsafeNumberReason(text);
    if (unsafe !== undefined) {
      this.warn(
        entry.line,
        `param "${name}" ${key} ${text} cannot be held exactly as a number (${unsafe.replace("_", " ")}); ignored`,
      );
      return undefined;
    }
    return Number(text);
  }

  private samples(fields: Map<string, JsonEntry>): RawSamples {
    const samples: RawSamples = {};
    const sample = (key: string): string | undefined => {
      const entry = fields.get(key);
      return entry ? this.optionalText(entry, `page "${key}"`, true) : undefined;
    };
    const request = this.javaDemo(fields.get("sdkDemos"));
    if (request !== undefined) samples.request = request;
    const json = sample("rspSampleJson");
    const xml = json === undefined ? sample("rspSampleXml") : undefined;
    if (json !== undefined) {
      samples.response = json;
      samples.responseFormat = "json";
    } else if (xml !== undefined) {
      samples.response = xml;
      samples.responseFormat = "xml";
    }
    const simplified = sample("rspSampleSimplifyJson");
    if (simplified !== undefined) samples.responseSimplified = simplified;
    const error = sample("apiErrDemoJson") ?? sample("apiErrDemoXml");
    if (error !== undefined) samples.error = error;
    return samples;
  }

  /** The Java request sample: the sdkDemos entry named "JAVA" (else the first named "JAVA…", e.g. "JAVA8"). */
  private javaDemo(entry: JsonEntry | undefined): string | undefined {
    if (!entry || entry.value.kind === "null") return undefined;
    if (entry.value.kind !== "array") {
      this.warn(entry.line, `page "sdkDemos" is ${describeKind(entry.value)}, expected an array; no request sample`);
      return undefined;
    }
    const demos = entry.value.items.flatMap((item) => {
      if (item.kind !== "object") return [];
      const fields = this.fieldsOf(item, "an sdkDemos entry");
      const name = fields.get("name")?.value;
      if (name?.kind !== "string") return [];
      // The doc site spells the code field "descprition".
      const code = fields.get("descprition") ?? fields.get("description");
      return [{ name: name.value.trim().toUpperCase(), code, line: item.line }];
    });
    const java = demos.find((d) => d.name === "JAVA") ?? demos.find((d) => d.name.startsWith("JAVA"));
    if (!java?.code) return undefined;
    return this.optionalText(java.code, `sdkDemos ${java.name} sample`, true);
  }

  /** Text of a scalar (numbers as written); undefined for null, empty or white space only. */
  private optionalText(entry: JsonEntry | undefined, what: string, mustBeString = false): string | undefined {
    if (!entry) return undefined;
    const text = this.scalarText(entry, what, mustBeString);
    return text === undefined || text.trim() === "" ? undefined : text;
  }

  private scalarText(entry: JsonEntry, what: string, mustBeString = false): string | undefined {
    const v = entry.value;
    switch (v.kind) {
      case "string":
        return v.value;
      case "null":
        return undefined;
      case "number":
      case "boolean":
        if (!mustBeString) return v.kind === "number" ? v.text : String(v.value);
    }
    this.warn(entry.line, `${what} is ${describeKind(v)}, expected ${mustBeString ? "a string" : "text"}; ignored`);
    return undefined;
  }

  /** An object's members by key; the last of duplicated keys wins (as with JSON.parse), with a warning. */
  private fieldsOf(obj: JsonObject, what: string): Map<string, JsonEntry> {
    const fields = new Map<string, JsonEntry>();
    for (const entry of obj.entries) {
      const previous = fields.get(entry.key);
      if (previous)
        this.warn(
          entry.line,
          `duplicate key ${JSON.stringify(entry.key)} in ${what} (also at line ${previous.line}); the last one is used`,
        );
      fields.set(entry.key, entry);
    }
    return fields;
  }

  private warn(line: number | undefined, message: string): void {
    this.diagnostics.push(line === undefined ? { level: "warning", message } : { level: "warning", message, line });
  }

  private info(line: number | undefined, message: string): void {
    this.diagnostics.push(line === undefined ? { level: "info", message } : { level: "info", message, line });
  }

  private error(line: number, reason: string): InputError {
    return new InputError(this.file, line, reason);
  }
}

/** Params in a list, nested ones included (for messages). */
function countParams(list: JsonArray): number {
  let n = 0;
  for (const item of list.items) {
    n++;
    if (item.kind !== "object") continue;
    const sub = item.entries.findLast((e) => e.key === "subParams")?.value;
    if (sub?.kind === "array") n += countParams(sub);
  }
  return n;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collapses white space so a server message fits in a one-line error. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
