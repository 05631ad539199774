// Spec field → JSON Schema, per doc type and per side of the wire (form param, request struct JSON, response).
import { describe, expect, it } from "vitest";
import {
  DATE_PATTERN,
  DECIMAL_PATTERN,
  fieldSchema,
  typeSchema,
  valueOf,
  type Schema,
  type Side,
} from "../../../generator/targets/openapi/index.js";
import type { Field, ScalarTypeName } from "../../../generator/model/types.js";

const ref = (f: Field) => `#/components/schemas/Api.${f.type}`;
const DECIMAL: Schema = { type: "string", pattern: DECIMAL_PATTERN };
const JSON_TEXT: Schema = { type: "string", contentMediaType: "application/json" };
const MAP: Schema = { type: "object", additionalProperties: true };
const FILE: Schema = { type: "string", format: "binary", contentMediaType: "application/octet-stream" };
const BYTES: Schema = { type: "string", contentEncoding: "base64", contentMediaType: "application/octet-stream" };

describe("typeSchema: every doc type on every side", () => {
  const same = (schema: Schema): Record<Side, Schema> => ({ form: schema, json: schema, response: schema });
  const cases: Array<[ScalarTypeName, { want: Record<Side, Schema> }]> = [
    ["String", { want: same({ type: "string" }) }],
    ["FieldList", { want: same({ type: "string" }) }],
    ["Number", { want: same({ type: "integer", format: "int64" }) }],
    ["Boolean", { want: same({ type: "boolean" }) }],
    ["Date", { want: same({ type: "string", pattern: DATE_PATTERN }) }],
    ["Price", { want: same(DECIMAL) }],
    // topgen's wire writer puts a BigDecimal inside struct JSON as a bare number with its exact digits.
    ["BigDecimal", { want: { form: DECIMAL, json: { type: "number" }, response: DECIMAL } }],
    ["Json", { want: same(JSON_TEXT) }],
    // A top-level Map param is JSON text; inside JSON and in responses it is an object.
    ["Map", { want: { form: { ...JSON_TEXT, contentSchema: MAP }, json: MAP, response: MAP } }],
    // A file param is a multipart part; bytes below the top or in a response (doc type `byte`) are base64 JSON text.
    ["File", { want: { form: FILE, json: BYTES, response: BYTES } }],
  ];
  it.each(cases)("%s", (type, { want }) => {
    for (const side of ["form", "json", "response"] as const) expect(typeSchema(type, side), side).toEqual(want[side]);
  });
});

describe("the date and decimal patterns", () => {
  const cases: Array<[string, { given: string; pattern: string; want: boolean }]> = [
    ["a date", { given: "2016-12-31 23:59:59", pattern: DATE_PATTERN, want: true }],
    ["midnight", { given: "2021-03-05 00:00:00", pattern: DATE_PATTERN, want: true }],
    ["ISO T separator", { given: "2016-12-31T23:59:59", pattern: DATE_PATTERN, want: false }],
    ["no seconds", { given: "2016-12-31 23:59", pattern: DATE_PATTERN, want: false }],
    ["month 13", { given: "2016-13-01 00:00:00", pattern: DATE_PATTERN, want: false }],
    ["hour 24", { given: "2016-12-31 24:00:00", pattern: DATE_PATTERN, want: false }],
    ["epoch millis", { given: "1483199999000", pattern: DATE_PATTERN, want: false }],
    ["decimal", { given: "200.07", pattern: DECIMAL_PATTERN, want: true }],
    ["negative integer", { given: "-1", pattern: DECIMAL_PATTERN, want: true }],
    ["exponent", { given: "1e-7", pattern: DECIMAL_PATTERN, want: false }],
    ["trailing point", { given: "1.", pattern: DECIMAL_PATTERN, want: false }],
    ["float artefact still text", { given: "0.30000000000000004", pattern: DECIMAL_PATTERN, want: true }],
  ];
  it.each(cases)("%s", (_t, { given, pattern, want }) => {
    expect(new RegExp(pattern, "u").test(given)).toBe(want);
  });
});

describe("fieldSchema", () => {
  const cases: Array<[string, { given: Field; side: Side; want: Schema }]> = [
    [
      "description and example carried, example as the schema's type",
      {
        given: { name: "amount", type: "Number", example: "6000", description: "金额" },
        side: "json",
        want: { type: "integer", format: "int64", description: "金额", examples: [6000] },
      },
    ],
    [
      "a 19-digit id example stays text (a JSON number would be rounded)",
      {
        given: { name: "tid", type: "Number", example: "7091800003790954036" },
        side: "response",
        want: { type: "integer", format: "int64", examples: ["7091800003790954036"] },
      },
    ],
    [
      "an example that is not of the type is carried as the doc wrote it",
      {
        given: { name: "n", type: "Number", example: "null" },
        side: "response",
        want: { type: "integer", format: "int64", examples: ["null"] },
      },
    ],
    [
      "Boolean example",
      {
        given: { name: "ok", type: "Boolean", example: "true" },
        side: "response",
        want: { type: "boolean", examples: [true] },
      },
    ],
    [
      "Date: pattern, GMT+8 note after the doc description",
      {
        given: { name: "gmt_refund", type: "Date", example: "2016-12-31 23:59:59", description: "退款时间" },
        side: "response",
        want: {
          type: "string",
          pattern: DATE_PATTERN,
          description: "退款时间\n\nFormat yyyy-MM-dd HH:mm:ss, GMT+8 (Asia/Shanghai).",
          examples: ["2016-12-31 23:59:59"],
        },
      },
    ],
    [
      "Price: decimal text",
      {
        given: { name: "price", type: "Price", example: "200.07" },
        side: "form",
        want: { ...DECIMAL, description: "Exact decimal text, never a float.", examples: ["200.07"] },
      },
    ],
    [
      "BigDecimal inside request JSON: a number, its range as minimum/maximum",
      {
        given: { name: "rate", type: "BigDecimal", example: "0.5", limits: { minValue: 0, maxValue: 1 } },
        side: "json",
        want: {
          type: "number",
          minimum: 0,
          maximum: 1,
          description: "Exact decimal text, never a float.",
          examples: [0.5],
        },
      },
    ],
    [
      "Price range cannot be a keyword on text: said in the description",
      {
        given: { name: "price", type: "Price", limits: { minValue: 0, maxValue: 100 } },
        side: "form",
        want: { ...DECIMAL, description: "Exact decimal text, never a float.\n\nAt least 0.\n\nAt most 100." },
      },
    ],
    [
      "String limits: maxLength, default",
      {
        given: { name: "s", type: "String", limits: { maxLength: 64, default: "x" } },
        side: "form",
        want: { type: "string", maxLength: 64, default: "x" },
      },
    ],
    [
      "Number limits: minimum, maximum, default as a number",
      {
        given: { name: "page_size", type: "Number", limits: { minValue: 1, maxValue: 100, default: "20" } },
        side: "form",
        want: { type: "integer", format: "int64", minimum: 1, maximum: 100, default: 20 },
      },
    ],
    [
      "maxLength on a Number is a note, not a keyword that would not apply",
      {
        given: { name: "n", type: "Number", limits: { maxLength: 20 } },
        side: "form",
        want: { type: "integer", format: "int64", description: "At most 20 characters." },
      },
    ],
    [
      "maxListSize on a field that is not a list is a note",
      {
        given: { name: "ids", type: "String", limits: { maxListSize: 5 } },
        side: "form",
        want: { type: "string", description: "At most 5 items." },
      },
    ],
    [
      "request enum: closed, with per-value descriptions",
      {
        given: {
          name: "op",
          type: "String",
          enum: [{ value: "A", description: "甲" }, { value: "B" }],
          enumEvidence: { closed: true, why: "w" },
        },
        side: "json",
        want: { type: "string", enum: ["A", "B"], "x-enum-descriptions": ["甲", ""] },
      },
    ],
    [
      "request enum without descriptions",
      {
        given: {
          name: "op",
          type: "String",
          enum: [{ value: "A" }, { value: "B" }],
          enumEvidence: { closed: true, why: "w" },
        },
        side: "form",
        want: { type: "string", enum: ["A", "B"] },
      },
    ],
    [
      "request enum the evidence leaves open: documented, other values allowed",
      {
        given: {
          name: "op",
          type: "String",
          enum: [{ value: "A" }, { value: "B" }],
          enumEvidence: { closed: false, why: "w" },
        },
        side: "form",
        want: { type: "string", anyOf: [{ enum: ["A", "B"] }, { type: "string" }] },
      },
    ],
    [
      "request enum without evidence: open",
      {
        given: { name: "op", type: "String", enum: [{ value: "A" }, { value: "B" }] },
        side: "form",
        want: { type: "string", anyOf: [{ enum: ["A", "B"] }, { type: "string" }] },
      },
    ],
    [
      "response enum: open (the platform adds values), the documented ones listed",
      {
        given: {
          name: "status",
          type: "String",
          example: "A",
          enum: [
            { value: "A", description: "甲" },
            { value: "B", description: "乙" },
          ],
        },
        side: "response",
        want: {
          type: "string",
          anyOf: [{ enum: ["A", "B"], "x-enum-descriptions": ["甲", "乙"] }, { type: "string" }],
          examples: ["A"],
        },
      },
    ],
    [
      "top-level String[]: an array (comma-joined on the wire, by its encoding entry), items limited",
      {
        given: {
          name: "goods",
          type: "String",
          list: true,
          example: "a_1,b_2",
          limits: { maxListSize: 20, maxLength: 64 },
        },
        side: "form",
        want: {
          type: "array",
          items: { type: "string", maxLength: 64 },
          maxItems: 20,
          description: "Sent as one comma-joined value (a,b,c).",
          examples: [["a_1", "b_2"]],
        },
      },
    ],
    [
      "top-level Number[]: integer items, example split and converted",
      {
        given: { name: "ids", type: "Number", list: true, example: "1,2" },
        side: "form",
        want: {
          type: "array",
          items: { type: "integer", format: "int64" },
          description: "Sent as one comma-joined value (a,b,c).",
          examples: [[1, 2]],
        },
      },
    ],
    [
      "response String[]: an array, the wrapped form named",
      {
        given: { name: "labels", type: "String", list: true },
        side: "response",
        want: {
          type: "array",
          items: { type: "string" },
          description: 'Without simplify=true the gateway wraps the list: {"string": [...]}.',
        },
      },
    ],
    [
      "top-level struct: JSON text whose content is the struct",
      {
        given: {
          name: "param",
          type: "ShippingAddressInfo",
          description: "退货地址",
          fields: [{ name: "city", type: "String" }],
        },
        side: "form",
        want: {
          type: "string",
          contentMediaType: "application/json",
          contentSchema: { $ref: "#/components/schemas/Api.ShippingAddressInfo" },
          description: "退货地址",
        },
      },
    ],
    [
      "top-level struct list: JSON array text, maxListSize on the array",
      {
        given: {
          name: "bills",
          type: "FundBill",
          list: true,
          required: true,
          limits: { maxListSize: 20 },
          fields: [{ name: "id", type: "String" }],
        },
        side: "form",
        want: {
          type: "string",
          contentMediaType: "application/json",
          contentSchema: { type: "array", items: { $ref: "#/components/schemas/Api.FundBill" }, maxItems: 20 },
        },
      },
    ],
    [
      "struct inside a struct: a $ref with the field's docs beside it",
      {
        given: {
          name: "addr",
          type: "ShippingAddressInfo",
          description: "退货地址",
          example: "null",
          fields: [{ name: "city", type: "String" }],
        },
        side: "json",
        want: { $ref: "#/components/schemas/Api.ShippingAddressInfo", description: "退货地址", examples: ["null"] },
      },
    ],
    [
      "response struct list: array of $ref, wrapped form named after the struct type",
      {
        given: { name: "results", type: "PublisherOrderDto", list: true, fields: [{ name: "id", type: "Number" }] },
        side: "response",
        want: {
          type: "array",
          items: { $ref: "#/components/schemas/Api.PublisherOrderDto" },
          description: 'Without simplify=true the gateway wraps the list: {"publisher_order_dto": [...]}.',
        },
      },
    ],
    [
      "Json: text with a media type, maxLength",
      {
        given: { name: "ext", type: "Json", example: '{"k1":"v1"}', limits: { maxLength: 1000 } },
        side: "form",
        want: { ...JSON_TEXT, maxLength: 1000, examples: ['{"k1":"v1"}'] },
      },
    ],
    [
      "Map in a response: an object, a JSON example parsed",
      {
        given: { name: "attrs", type: "Map", example: '{"a":"1"}' },
        side: "response",
        want: { ...MAP, examples: [{ a: "1" }] },
      },
    ],
    [
      "File: binary part, maxLength counts bytes",
      {
        given: { name: "image", type: "File", required: true, limits: { maxLength: 1048576 } },
        side: "form",
        want: {
          ...FILE,
          maxLength: 1048576,
          description:
            "A multipart/form-data file part (not signed); leave it out of an application/x-www-form-urlencoded body.",
        },
      },
    ],
    [
      "File list: one part per file",
      {
        given: { name: "images", type: "File", list: true },
        side: "form",
        want: {
          type: "array",
          items: FILE,
          description:
            "A multipart/form-data file part (not signed); leave it out of an application/x-www-form-urlencoded body.\n\nEach file is one multipart part under this name.",
        },
      },
    ],
    [
      "bytes in a response (doc type byte): base64 text, noted",
      {
        given: { name: "online_status", type: "File", description: "楼盘上下架状态" },
        side: "response",
        want: {
          ...BYTES,
          description:
            "楼盘上下架状态\n\nBytes (doc type byte/byte[]) inside JSON: base64 text. topgen's SDK neither sends nor decodes a file here.",
        },
      },
    ],
    [
      "FieldList: text, noted",
      {
        given: { name: "fields", type: "FieldList", example: "num_iid,title" },
        side: "form",
        want: { type: "string", description: "Comma-separated field names.", examples: ["num_iid,title"] },
      },
    ],
  ];
  it.each(cases)("%s", (_t, { given, side, want }) => {
    expect(fieldSchema(given, side, ref)).toEqual(want);
  });

  it("never shares a schema object between calls (callers may add to it)", () => {
    const f: Field = { name: "d", type: "Date" };
    expect(fieldSchema(f, "form", ref)).not.toBe(fieldSchema(f, "form", ref));
    expect(typeSchema("Date", "form")).not.toBe(typeSchema("Date", "form"));
  });
});

describe("valueOf: doc text → a value of the schema's type, or the text", () => {
  const cases: Array<[string, { given: string; schema: Schema; want: unknown }]> = [
    ["integer", { given: "-12", schema: { type: "integer" }, want: -12 }],
    ["integer beyond 2^53", { given: "9007199254740993", schema: { type: "integer" }, want: "9007199254740993" }],
    ["not an integer", { given: "12.5", schema: { type: "integer" }, want: "12.5" }],
    ["number kept exactly", { given: "0.1", schema: { type: "number" }, want: 0.1 }],
    ["number that would not round-trip", { given: "0.10", schema: { type: "number" }, want: "0.10" }],
    ["boolean", { given: "false", schema: { type: "boolean" }, want: false }],
    ["not a boolean", { given: "yes", schema: { type: "boolean" }, want: "yes" }],
    ["string as is", { given: "  a b ", schema: { type: "string" }, want: "  a b " }],
    [
      "array from JSON",
      { given: '["a,b","c"]', schema: { type: "array", items: { type: "string" } }, want: ["a,b", "c"] },
    ],
    [
      "array split on commas",
      { given: "1,2,3", schema: { type: "array", items: { type: "integer" } }, want: [1, 2, 3] },
    ],
    [
      "array with a bad item stays text",
      { given: "1,x", schema: { type: "array", items: { type: "integer" } }, want: "1,x" },
    ],
    ["array of structs needs JSON", { given: "a,b", schema: { type: "array", items: { $ref: "#/x" } }, want: "a,b" }],
    ["struct from JSON", { given: '{"id":"1"}', schema: { $ref: "#/x" }, want: { id: "1" } }],
    [
      "struct with a long number stays text",
      { given: '{"id":7091800003790954036}', schema: { $ref: "#/x" }, want: '{"id":7091800003790954036}' },
    ],
    ["object from non-object JSON stays text", { given: "[1]", schema: { type: "object" }, want: "[1]" }],
  ];
  it.each(cases)("%s", (_t, { given, schema, want }) => {
    expect(valueOf(given, schema)).toEqual(want);
  });
});
