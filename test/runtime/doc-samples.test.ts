// The doc site's own JSON samples (data/doc-json): each page's default sample (lists wrapped by item name)
// and its simplified sample (plain arrays) must decode to the same typed value.
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  decodeResponse,
  TopDecodeError,
  type FieldShape,
  type ScalarType,
  type StructShape,
} from "../../runtime/index.js";
import { DOC_JSON_DIR } from "./fixtures/samples.js";

interface DocParam {
  readonly name: string;
  readonly type: string;
  readonly subParams?: readonly DocParam[] | null;
}

interface DocPage {
  readonly name: string;
  readonly responseParams?: readonly DocParam[];
  readonly rspSampleJson?: string;
  readonly rspSampleSimplifyJson?: string;
}

const SCALARS: ReadonlySet<string> = new Set<ScalarType>([
  "String",
  "Number",
  "Boolean",
  "Date",
  "Price",
  "BigDecimal",
  "Json",
  "Map",
  "FieldList",
]);

/** The test's own doc-param → shape reading (the generator's real one lives elsewhere). */
function toShape(name: string, params: readonly DocParam[]): StructShape {
  return { name, fields: params.map(toField) };
}

function toField(param: DocParam): FieldShape {
  const list = /\s*\[\]$/.test(param.type);
  const type = param.type.replace(/\s*\[\]$/, "").trim();
  const base = list ? { name: param.name, list: true as const } : { name: param.name };
  if (SCALARS.has(type)) return { ...base, type: type as ScalarType };
  const shape = toShape(type, param.subParams ?? []);
  return { ...base, type: "Struct", struct: () => shape };
}

async function pagesWithBothSamples(): Promise<Array<[string, DocPage]>> {
  const out: Array<[string, DocPage]> = [];
  for (const file of (await readdir(DOC_JSON_DIR)).sort()) {
    const json = JSON.parse(await readFile(new URL(file, DOC_JSON_DIR), "utf8")) as { data?: DocPage } & DocPage;
    const page = json.data ?? json;
    if (page.rspSampleJson && page.rspSampleSimplifyJson && page.responseParams) out.push([page.name, page]);
  }
  return out;
}

function isJson(text: string | undefined): boolean {
  try {
    JSON.parse(text ?? "");
    return true;
  } catch {
    return false;
  }
}

const pages = await pagesWithBothSamples();

describe("decodeResponse on the doc site's samples", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  const valid = pages.filter(([, page]) => isJson(page.rspSampleJson) && isJson(page.rspSampleSimplifyJson));
  const broken = pages.filter((entry) => !valid.includes(entry));

  it.each(valid)("%s: default and simplified samples decode alike", (method, page) => {
    const shape = toShape("Response", page.responseParams ?? []);
    const wrapped = decodeResponse(method, shape, page.rspSampleJson);
    const simplified = decodeResponse(method, shape, page.rspSampleSimplifyJson);
    expect(simplified).toEqual(wrapped);
    expect(Object.keys(wrapped as object).length).toBeGreaterThan(0);
  });

  // Some pages show placeholders such as `"brand_id":xxx` or `"special_id":,`: a typed error, not a crash.
  it.each(broken)("%s: a sample that is not JSON is a TopDecodeError", (method, page) => {
    const shape = toShape("Response", page.responseParams ?? []);
    for (const sample of [page.rspSampleJson, page.rspSampleSimplifyJson]) {
      expect(() => decodeResponse(method, shape, sample)).toThrow(TopDecodeError);
    }
  });
});
