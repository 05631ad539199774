import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../generator/support/errors.js";
import { isJsonApiPage, readJsonPage } from "../../generator/read/json.js";
import { JsonSyntaxError, parseJsonTree, toPlainValue } from "../../generator/read/json/tree.js";
import type { RawDiagnostic, RawLimits, RawPage, RawRow } from "../../generator/read/raw.js";
import { CATALOGUE, describeData, DOC_JSON } from "../support/data.js";
import { thrown } from "../support/thrown.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/json/", import.meta.url));

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

function readFixture(name: string): RawPage {
  return readJsonPage(fixture(name), name);
}

function readDocJson(name: string): RawPage {
  const file = join(DOC_JSON, name);
  return readJsonPage(readFileSync(file, "utf8"), file);
}

type RowWant = Partial<Omit<RawRow, "line" | "depth" | "name" | "type">>;

/** A row as the reader must produce it (limits default to {}). */
function row(line: number, depth: number, name: string, type: string, rest: RowWant = {}): RawRow {
  return { line, depth, name, type, limits: {}, ...rest };
}

describe("readJsonPage: accepted shapes", () => {
  const cases: Array<[string, { given: string; want: Omit<RawPage, "format" | "file"> }]> = [
    [
      "the whole getDocument.json answer { success, data }",
      {
        given: "whole-answer.json",
        want: {
          url: "https://open.taobao.com/api.htm?docId=1&docType=2", // the page's "id"
          method: "taobao.demo.refund.get",
          title: "退款查询",
          description: "查询退款，支持：按单号；按时间。",
          request: [
            row(11, 0, "refund_id", "Number", { required: true, example: "123456", description: "退款单号" }),
            row(24, 0, "fields", "String[]", {
              required: false,
              limits: { maxListSize: 20, default: "refund_id,status" },
            }),
          ],
          response: [
            row(35, 0, "refund", "Refund", { description: "退款" }),
            row(42, 1, "status", "String", { example: "SUCCESS", description: "状态" }),
          ],
          samples: {
            request: "TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);\nreq.setRefundId(123456L);",
            response: '{"refund_get_response":{"refund":{"status":"SUCCESS"}}}',
            responseFormat: "json",
            responseSimplified: '{"refund":{"status":"SUCCESS"}}',
            error: '{"error_response":{"code":50,"msg":"Remote service error"}}',
          },
          diagnostics: [],
        },
      },
    ],
    [
      "the data object alone (keys sorted as on the doc site; limits as strings and numbers; XML and JAVA8 fallbacks)",
      {
        given: "data-only.json",
        want: {
          url: "https://open.taobao.com/api.htm?docId=2&docType=2", // the page's "id"
          method: "taobao.demo.stock.update",
          title: "库存更新",
          description: "更新库存；数量不能为负。",
          request: [
            row(7, 0, "outer_id", "String", {
              required: true,
              example: "A-1",
              description: "商家编码",
              limits: { maxLength: 64 },
            }),
            row(20, 0, "quantity", "Number", {
              required: false,
              example: "10",
              description: "数量",
              limits: { maxValue: 99999, minValue: 0, default: "1" },
            }),
          ],
          response: [row(35, 0, "is_success", "Boolean", { example: "true", description: "是否成功" })],
          samples: {
            request: "TaobaoDemoStockUpdateRequest request = new TaobaoDemoStockUpdateRequest();",
            response: "<stock_update_response><is_success>true</is_success></stock_update_response>",
            responseFormat: "xml",
            error: "<error_response><code>50</code></error_response>",
          },
          diagnostics: [],
        },
      },
    ],
    [
      "the catalogue form: four levels, subParams before name, duplicated names, `required: false` dropped",
      {
        given: "catalogue.json",
        want: {
          url: "https://open.taobao.com/api.htm?docId=3&docType=2", // the page's "id"
          method: "taobao.demo.order.create",
          title: "创建订单",
          description: "创建订单（含子单）",
          request: [
            row(3, 0, "order", "Order", { required: true, description: "订单：含子单" }),
            row(9, 1, "items", "OrderItem []", { required: true, limits: { maxListSize: 50 } }),
            row(15, 2, "sku", "Sku", { required: false }),
            row(19, 3, "id", "Number", { required: true }),
            row(24, 3, "id", "String", { required: false, description: "重复的 id" }),
            row(31, 2, "id", "Number", { required: false, description: "子单 id" }),
            row(40, 0, "id", "Number", { required: false, description: "顶层 id" }),
          ],
          response: [
            row(47, 0, "result", "Result", { description: "result" }),
            row(49, 1, "ids", "byte[]", { description: "ids" }),
          ],
          samples: {},
          diagnostics: [
            {
              level: "warning",
              line: 24,
              message: 'duplicate param name "id" in requestParams › order.items.sku (first at line 19)',
            },
          ],
        },
      },
    ],
    [
      "an API without any params (the catalogue has such pages)",
      {
        given: "no-params.json",
        want: {
          url: "https://open.taobao.com/api.htm?docId=27385&docType=2", // the page's "id"
          method: "taobao.top.secret.register",
          title: "注册加密账号",
          description: "提供给isv注册非淘系账号秘钥，isv依赖sdk自主加、解密",
          request: [],
          response: [],
          samples: {},
          diagnostics: [],
        },
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(readFixture(given)).toEqual({ format: "json", file: given, ...want });
  });

  it("never sets unsettled or nested, and omits empty example/description", () => {
    for (const name of ["whole-answer.json", "data-only.json", "catalogue.json", "limits.json", "oddities.json"]) {
      const page = readFixture(name);
      for (const r of [...page.request, ...page.response]) {
        expect(r).not.toHaveProperty("unsettled");
        expect(r).not.toHaveProperty("nested");
        if ("example" in r) expect(r.example?.trim()).not.toBe("");
        if ("description" in r) expect(r.description?.trim()).not.toBe("");
      }
    }
  });

  it("sets required on request rows only", () => {
    const page = readFixture("whole-answer.json");
    expect(page.request.every((r) => typeof r.required === "boolean")).toBe(true);
    // The response's `status` says `required: true` in the file; response rows carry no required.
    expect(page.response.some((r) => "required" in r)).toBe(false);
  });

  const variants: Array<[string, { given: (text: string) => string }]> = [
    ["CRLF line ends", { given: (t) => t.replace(/\n/g, "\r\n") }],
    ["lone CR line ends", { given: (t) => t.replace(/\n/g, "\r") }],
    ["a byte order mark", { given: (t) => `\uFEFF${t}` }],
  ];
  it.each(variants)("reads the same rows and lines with %s", (_title, { given }) => {
    for (const name of ["whole-answer.json", "catalogue.json"]) {
      const want = readFixture(name);
      expect(readJsonPage(given(fixture(name)), name)).toEqual(want);
    }
  });

  it("reads minified JSON: every row on line 1", () => {
    const text = JSON.stringify(JSON.parse(fixture("catalogue.json")));
    const page = readJsonPage(text, "min.json");
    expect(page.request.map((r) => [r.name, r.depth, r.line])).toEqual([
      ["order", 0, 1],
      ["items", 1, 1],
      ["sku", 2, 1],
      ["id", 3, 1],
      ["id", 3, 1],
      ["id", 2, 1],
      ["id", 0, 1],
    ]);
  });
});

describe("readJsonPage: limits", () => {
  const page = readFixture("limits.json");
  const byName = new Map(page.request.map((r) => [r.name, r]));
  const cases: Array<[string, { given: string; want: RawLimits; example?: string }]> = [
    [
      "JSON numbers, negative included",
      { given: "as_numbers", want: { maxLength: 64, maxListSize: 20, maxValue: 999999, minValue: -9999 } },
    ],
    [
      "numeric strings (padded, exponent, decimal)",
      { given: "as_strings", want: { maxLength: 32, maxListSize: 10, maxValue: 1000, minValue: 0.01 } },
    ],
    ["empty strings and null: absent, silently", { given: "as_empty", want: {} }],
    ["non-numeric text, booleans, arrays: ignored", { given: "not_numeric", want: {} }],
    ["integers beyond 2^53: ignored rather than rounded", { given: "too_big", want: {} }],
    [
      "a numeric defaultValue and demoValue keep their source text",
      { given: "defaults", want: { default: "0" }, example: "12.50" },
    ],
    [
      "a string defaultValue; a boolean demoValue as text",
      { given: "default_text", want: { default: "a,b" }, example: "false" },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want, example }) => {
    const r = byName.get(given);
    expect(r?.limits).toEqual(want);
    expect(r?.example).toBe(example);
  });

  it("reports each ignored limit, on its line", () => {
    expect(page.diagnostics).toEqual([
      { level: "warning", line: 9, message: 'param "not_numeric" maxLength "64个字符" is not a number; ignored' },
      { level: "warning", line: 9, message: 'param "not_numeric" maxValue is a boolean, expected a number; ignored' },
      { level: "warning", line: 9, message: 'param "not_numeric" minValue is an array, expected a number; ignored' },
      {
        level: "warning",
        line: 10,
        message:
          'param "too_big" maxValue 9223372036854775807 cannot be held exactly as a number (truncate integer); ignored',
      },
      {
        level: "warning",
        line: 10,
        message:
          'param "too_big" minValue -9223372036854775808 cannot be held exactly as a number (truncate integer); ignored',
      },
    ]);
  });
});

describe("readJsonPage: tolerated oddities", () => {
  const page = readFixture("oddities.json");

  it("keeps what it can", () => {
    expect(page.method).toBe("taobao.demo.odd");
    expect(page.title).toBe("");
    expect(page.response).toEqual([]);
    expect(page.samples).toEqual({});
    expect(page.request).toEqual([
      row(11, 0, "no_type", "", { required: true }),
      row(12, 0, "null_type", ""),
      row(13, 0, "number_type", "", { required: false }),
      row(14, 0, "padded", "Number", { required: false }),
      row(15, 0, "twice", "String", { required: false }),
      row(16, 0, "twice", "String", { required: false, description: "12" }),
      row(17, 0, "weird_values", "String", { required: false }),
    ]);
  });

  const cases: Array<[string, { given: number; want: Omit<RawDiagnostic, "line"> }]> = [
    ["no apiChineseName", { given: 1, want: { level: "warning", message: 'page has no "apiChineseName"' } }],
    [
      "a method name with white space",
      {
        given: 2,
        want: { level: "warning", message: '"name" has surrounding white space; trimmed to "taobao.demo.odd"' },
      },
    ],
    [
      "a param without a name, skipped with its children",
      {
        given: 5,
        want: { level: "warning", message: "param requestParams[0] has no name; skipped with its 3 nested params" },
      },
    ],
    [
      "an empty name",
      {
        given: 9,
        want: { level: "warning", message: 'param requestParams[1] has no name ("name" is empty); skipped' },
      },
    ],
    [
      "a name that is not a string",
      {
        given: 10,
        want: { level: "warning", message: 'param requestParams[2] has no name ("name" is a number); skipped' },
      },
    ],
    ["a missing type", { given: 11, want: { level: "warning", message: 'param "no_type" has no type' } }],
    [
      "required as a string",
      {
        given: 11,
        want: { level: "info", message: 'param "no_type" required is the string "true"; read as a boolean' },
      },
    ],
    ["a null type", { given: 12, want: { level: "warning", message: 'param "null_type" has no type' } }],
    [
      "required as a number",
      {
        given: 12,
        want: { level: "warning", message: 'param "null_type" required is a number, expected a boolean; left unset' },
      },
    ],
    [
      "a type that is not a string",
      {
        given: 13,
        want: { level: "warning", message: 'param "number_type" type is a number, expected a string; type left empty' },
      },
    ],
    [
      "a duplicated key",
      {
        given: 14,
        want: {
          level: "warning",
          message: 'duplicate key "type" in requestParams[6] (also at line 14); the last one is used',
        },
      },
    ],
    [
      "a param name with white space",
      { given: 14, want: { level: "warning", message: 'param name " padded " has surrounding white space; trimmed' } },
    ],
    [
      "a duplicated param name",
      {
        given: 16,
        want: { level: "warning", message: 'duplicate param name "twice" in requestParams (first at line 15)' },
      },
    ],
    [
      "a demoValue that is not text",
      {
        given: 17,
        want: { level: "warning", message: 'param "weird_values" demoValue is an array, expected text; ignored' },
      },
    ],
    [
      "a description that is not text",
      {
        given: 17,
        want: { level: "warning", message: 'param "weird_values" description is an object, expected text; ignored' },
      },
    ],
    [
      "a sample that is not a string",
      {
        given: 20,
        want: { level: "warning", message: 'page "rspSampleJson" is an object, expected a string; ignored' },
      },
    ],
    [
      "sdkDemos that is not an array",
      {
        given: 21,
        want: { level: "warning", message: 'page "sdkDemos" is a string, expected an array; no request sample' },
      },
    ],
  ];
  it.each(cases)("reports %s", (_title, { given, want }) => {
    expect(page.diagnostics).toContainEqual({ ...want, line: given });
  });

  it("reports nothing else, in line order", () => {
    expect(page.diagnostics).toHaveLength(cases.length);
    const lines = page.diagnostics.map((d) => d.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe("readJsonPage: bad input", () => {
  const cases: Array<[string, { given: string; want: { line: number; reason: string } }]> = [
    [
      "invalid JSON (a missing comma)",
      {
        given: "bad-syntax.json",
        want: { line: 5, reason: "invalid JSON (column 5): expected ',' or ']' in an array, found '{'" },
      },
    ],
    [
      "invalid JSON (an unterminated string)",
      {
        given: "bad-unterminated.json",
        want: { line: 3, reason: "invalid JSON (column 31): unterminated string (a raw line break inside a string)" },
      },
    ],
    [
      "an empty file",
      {
        given: "bad-empty.json",
        want: { line: 1, reason: "invalid JSON (column 1): expected a JSON value, found the end of the input" },
      },
    ],
    [
      "not an object",
      {
        given: "bad-root-array.json",
        want: { line: 1, reason: "not a TOP API doc page: the JSON is an array, expected an object" },
      },
    ],
    [
      "a catalogue category file (catelog.json)",
      {
        given: "catelog.json",
        want: {
          line: 1,
          reason:
            "not a TOP API doc page: no apiChineseName, requestParams, responseParams (a catalogue category file?)",
        },
      },
    ],
    [
      "no name",
      {
        given: "bad-no-name.json",
        want: { line: 1, reason: 'not a TOP API doc page: no "name" (the API method name)' },
      },
    ],
    [
      "a name that is not a string",
      { given: "bad-name-number.json", want: { line: 3, reason: '"name" is a number, expected a string' } },
    ],
    [
      "params that are not an array",
      {
        given: "bad-params-object.json",
        want: { line: 4, reason: "responseParams is an object, expected an array of params" },
      },
    ],
    [
      "subParams that are not an array",
      {
        given: "bad-subparams-string.json",
        want: { line: 7, reason: "requestParams[0].subParams is a string, expected an array of params" },
      },
    ],
    [
      "a param that is not an object",
      {
        given: "bad-param-not-object.json",
        want: { line: 5, reason: "requestParams[1] is a string, expected a param object" },
      },
    ],
    [
      "an answer reporting failure",
      {
        given: "bad-answer-failed.json",
        want: { line: 2, reason: "the getDocument.json answer reports failure (success: false): NEED_LOGIN 请先登录" },
      },
    ],
    [
      "an answer whose data is not an object",
      {
        given: "bad-answer-no-data.json",
        want: { line: 3, reason: `the getDocument.json answer's "data" is a string, expected the doc page object` },
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const err = thrown(() => readFixture(given));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: given, line: want.line, reason: want.reason });
    const message = (err as InputError).message;
    expect(message).toBe(`${given}:${want.line}: ${want.reason}`);
    expect(message).not.toMatch(/[\r\n]/);
  });

  const inline: Array<[string, { given: string; want: RegExp }]> = [
    [
      "a stray control character",
      {
        given: '{"name": "a\tb"}',
        want: /^x\.json:1: invalid JSON \(column 12\): raw control character U\+0009 inside a string$/,
      },
    ],
    [
      "trailing garbage",
      {
        given: '{"name": "a", "requestParams": []}\n\n  x',
        want: /^x\.json:3: invalid JSON \(column 3\): unexpected 'x' after the end of the JSON value$/,
      },
    ],
    [
      "a bad escape",
      {
        given: '{\n"name": "a\\x"}',
        want: /^x\.json:2: invalid JSON \(column 11\): invalid escape \\'x' in a string$/,
      },
    ],
    [
      "a leading zero",
      { given: '{"id": 012}', want: /^x\.json:1: invalid JSON \(column 9\): invalid number: leading zero, found '1'$/ },
    ],
    [
      "nesting beyond 512 levels",
      { given: "[".repeat(600), want: /^x\.json:1: invalid JSON \(column 513\): nested deeper than 512 levels$/ },
    ],
    ["an empty name", { given: '{"name": " ", "requestParams": []}', want: /^x\.json:1: "name" is empty$/ }],
    [
      "a null data in an answer",
      {
        given: '{"success": true,\n "data": null}',
        want: /^x\.json:2: the getDocument\.json answer's "data" is null, expected the doc page object$/,
      },
    ],
  ];
  it.each(inline)("%s", (_title, { given, want }) => {
    const err = thrown(() => readJsonPage(given, "x.json"));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(want);
  });
});

describe("isJsonApiPage", () => {
  const cases: Array<[string, { given: unknown; want: boolean }]> = [
    ["the whole answer", { given: JSON.parse(fixture("whole-answer.json")), want: true }],
    ["the data object", { given: JSON.parse(fixture("data-only.json")), want: true }],
    ["the catalogue form", { given: JSON.parse(fixture("catalogue.json")), want: true }],
    ["a page without params", { given: JSON.parse(fixture("no-params.json")), want: true }],
    ["a catalogue category file", { given: JSON.parse(fixture("catelog.json")), want: false }],
    ["an answer reporting failure", { given: JSON.parse(fixture("bad-answer-failed.json")), want: false }],
    ["a page without name", { given: { apiChineseName: "x", requestParams: [] }, want: false }],
    ["a page with an empty name", { given: { name: "", requestParams: [] }, want: false }],
    ["an array", { given: [{ name: "a.b", requestParams: [] }], want: false }],
    ["null", { given: null, want: false }],
    ["a string", { given: "a.b", want: false }],
  ];
  it.each(cases)("%s → %s", (_title, { given, want }) => {
    expect(isJsonApiPage(given)).toBe(want);
  });
});

describe("the JSON tree parser", () => {
  it("agrees with JSON.parse on any JSON text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(toPlainValue(parseJsonTree(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects exactly what JSON.parse rejects, with a line inside the text", () => {
    const piece = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"',
      "\\",
      " ",
      "\n",
      "\r\n",
      "1",
      "-",
      ".",
      "e",
      "0",
      "true",
      "nul",
      "null",
      '"a"',
      "\u0001",
      "x",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        let jsonOk = true;
        try {
          JSON.parse(text);
        } catch {
          jsonOk = false;
        }
        try {
          parseJsonTree(text);
          expect(jsonOk).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(JsonSyntaxError);
          expect(jsonOk).toBe(false);
          const lines = text.split(/\r\n|\r|\n/).length;
          expect((err as JsonSyntaxError).line).toBeGreaterThanOrEqual(1);
          expect((err as JsonSyntaxError).line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps every digit of a number", () => {
    const node = parseJsonTree('{"v": 9223372036854775807.50e-0}');
    expect(node).toMatchObject({
      kind: "object",
      entries: [{ key: "v", value: { kind: "number", text: "9223372036854775807.50e-0" } }],
    });
  });

  it("keeps duplicate keys in order, each with the line of its key", () => {
    const node = parseJsonTree('{"a": 1,\n "b": true,\n "a":\n  "x"}');
    expect(node).toEqual({
      kind: "object",
      line: 1,
      entries: [
        { key: "a", line: 1, value: { kind: "number", line: 1, text: "1" } },
        { key: "b", line: 2, value: { kind: "boolean", line: 2, value: true } },
        { key: "a", line: 3, value: { kind: "string", line: 4, value: "x" } },
      ],
    });
  });

  it("counts LF, CRLF and a lone CR as one line break each", () => {
    const node = parseJsonTree("[1,\r\n2,\r3,\n\r\n4]");
    expect(node.kind === "array" && node.items.map((n) => n.line)).toEqual([1, 2, 3, 5]);
    expect(thrown(() => parseJsonTree("[1,\r\n2,\r3,\n\r\n4,]"))).toMatchObject({ line: 5, column: 3 });
  });

  const errors: Array<[string, { given: string; want: { reason: string; line: number; column: number } }]> = [
    [
      "a line comment",
      { given: '{"a": 1, // no\n"b": 2}', want: { reason: "expected a quoted key, found '/'", line: 1, column: 10 } },
    ],
    [
      "a block comment",
      { given: "[1,\n /* no */ 2]", want: { reason: "expected a value, found '/'", line: 2, column: 2 } },
    ],
    [
      "a trailing comma in an object",
      { given: '{"a": 1,\n}', want: { reason: "expected a quoted key, found '}'", line: 2, column: 1 } },
    ],
    [
      "a trailing comma in an array",
      { given: "[1, 2,]", want: { reason: "expected a value, found ']'", line: 1, column: 7 } },
    ],
    [
      "a missing colon",
      { given: '{"a" 1}', want: { reason: `expected ':' after key "a", found '1'`, line: 1, column: 6 } },
    ],
    [
      "a missing value",
      { given: '{"a":}', want: { reason: `expected a value for key "a", found '}'`, line: 1, column: 6 } },
    ],
    [
      "an unclosed object",
      {
        given: '{"a": 1',
        want: { reason: "expected ',' or '}' in an object, found the end of the input", line: 1, column: 8 },
      },
    ],
    [
      "an unclosed array",
      { given: "[1,\n", want: { reason: "expected a value, found the end of the input", line: 2, column: 1 } },
    ],
    [
      "a misspelt keyword",
      { given: '{"a": nul}', want: { reason: `expected a value for key "a", found 'n'`, line: 1, column: 7 } },
    ],
    [
      "a keyword run into a word",
      { given: "[nullx]", want: { reason: "expected ',' or ']' in an array, found 'x'", line: 1, column: 6 } },
    ],
    [
      "a word after the root value",
      { given: "true false", want: { reason: "unexpected 'f' after the end of the JSON value", line: 1, column: 6 } },
    ],
    [
      "a number without fraction digits",
      { given: "[1.]", want: { reason: "invalid number: expected a digit after '.', found ']'", line: 1, column: 4 } },
    ],
    [
      "a number without exponent digits",
      {
        given: "[1e+]",
        want: { reason: "invalid number: expected a digit in the exponent, found ']'", line: 1, column: 5 },
      },
    ],
    [
      "a minus without digits",
      { given: "[-x]", want: { reason: "invalid number: expected a digit, found 'x'", line: 1, column: 3 } },
    ],
    [
      "a leading zero after a minus",
      { given: "-01", want: { reason: "invalid number: leading zero, found '1'", line: 1, column: 3 } },
    ],
    ["a plus sign", { given: "+1", want: { reason: "expected a JSON value, found '+'", line: 1, column: 1 } }],
    [
      "a short \\u escape",
      {
        given: '"ab\\u12"',
        want: { reason: "invalid \\u escape in a string (expected four hex digits)", line: 1, column: 4 },
      },
    ],
    [
      "the first of two errors in a string",
      { given: '["a\\qb\u0001"]', want: { reason: "invalid escape \\'q' in a string", line: 1, column: 4 } },
    ],
    ["an unterminated key", { given: '{"ab', want: { reason: "unterminated string", line: 1, column: 5 } }],
    [
      "a bad string where a comma is due",
      { given: '[1 "\\q"]', want: { reason: "expected ',' or ']' in an array, found '\"'", line: 1, column: 4 } },
    ],
    [
      "a vertical tab as white space",
      { given: "[1,\u000b2]", want: { reason: "expected a value, found U+000B", line: 1, column: 4 } },
    ],
    [
      "a byte order mark inside",
      { given: "[1]\ufeff", want: { reason: "unexpected U+FEFF after the end of the JSON value", line: 1, column: 4 } },
    ],
  ];
  it.each(errors)("rejects %s at the offending character", (_title, { given, want }) => {
    const err = thrown(() => parseJsonTree(given));
    expect(err).toBeInstanceOf(JsonSyntaxError);
    expect(err).toMatchObject(want);
    expect(() => JSON.parse(given)).toThrow(SyntaxError);
  });

  it("refuses nesting beyond 512 levels without overflowing the stack", () => {
    expect(thrown(() => parseJsonTree("[".repeat(200_000)))).toMatchObject({
      reason: "nested deeper than 512 levels",
      column: 513,
    });
    expect(thrown(() => parseJsonTree('{"a":'.repeat(600)))).toMatchObject({
      reason: "nested deeper than 512 levels",
      column: 2561,
    });
    expect(parseJsonTree(`${"[".repeat(512)}${"]".repeat(512)}`).kind).toBe("array");
  });
});

describe("readJsonPage: rows and lines for any param tree", () => {
  interface Param {
    name: string;
    type: string;
    subParams?: Param[];
  }
  // Few names, so duplicates (siblings, cousins, parent and child) are common.
  const name = fc.constantFrom("id", "name", "item", "Items", "id ");
  const { param } = fc.letrec<{ param: Param; params: Param[] }>((tie) => ({
    param: fc.record(
      { name, type: fc.constantFrom("String", "Number", "Foo []", "byte[]"), subParams: tie("params") },
      { requiredKeys: ["name", "type"] },
    ),
    params: fc.array(tie("param"), { maxLength: 3, depthIdentifier: "params" }),
  }));

  function flatten(params: readonly Param[], depth: number): Array<[string, number]> {
    return params.flatMap((p) => [
      [p.name.trim(), depth] as [string, number],
      ...flatten(p.subParams ?? [], depth + 1),
    ]);
  }

  it("gives pre-order rows with the right depth, each on the line of its own object", () => {
    fc.assert(
      fc.property(fc.array(param, { maxLength: 4 }), fc.array(param, { maxLength: 4 }), (request, response) => {
        const text = JSON.stringify({ name: "a.b", requestParams: request, responseParams: response }, null, 2);
        const page = readJsonPage(text, "p.json");
        const lines = text.split("\n");
        for (const [rows, params] of [
          [page.request, request],
          [page.response, response],
        ] as const) {
          expect(rows.map((r) => [r.name, r.depth])).toEqual(flatten(params, 0));
          for (const r of rows) {
            expect(lines[r.line - 1]?.trim()).toBe("{");
            // JSON.stringify keeps key order: the object's first key is its name.
            expect(lines[r.line]?.trim()).toMatch(new RegExp(`^"name": "${r.name} ?",$`));
          }
          expect(new Set(rows.map((r) => r.line)).size).toBe(rows.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describeData("real doc pages (shared/data/doc-json)", () => {
  const files = readdirSync(DOC_JSON).filter((f) => f.endsWith(".json"));

  it("has the 31 pages", () => {
    expect(files).toHaveLength(31);
  });

  it.each(files)("%s reads without a diagnostic; depth grows by at most one a row", (name) => {
    const page = readDocJson(name);
    expect(page.method).toBe(name.replace(/\.json$/, ""));
    expect(page.diagnostics).toEqual([]);
    for (const rows of [page.request, page.response]) {
      rows.forEach((r, i) => {
        const prev = rows[i - 1];
        expect(r.depth).toBeLessThanOrEqual(prev ? (prev.depth ?? 0) + 1 : 0);
      });
    }
  });

  it("reads the same from the whole answer as from its data", () => {
    for (const name of files) {
      const text = readFileSync(join(DOC_JSON, name), "utf8");
      // Prefixed on the first line, so the lines do not move.
      expect(readJsonPage(`{"success":true,"data":${text}}`, name)).toEqual(readJsonPage(text, name));
    }
  });

  // The facts below were checked by reading the files.
  it("taobao.tbk.coupon.convert: rows, examples, defaults, deep lines, samples", () => {
    const page = readDocJson("taobao.tbk.coupon.convert.json");
    expect(page.title).toBe("淘宝客-推广者-单品券高效转链");
    expect(page.request).toHaveLength(14);
    expect(page.response).toHaveLength(34);
    expect(page.request[0]).toEqual(
      row(485, 0, "adzone_id", "Number", {
        required: true,
        example: "123",
        description: "推广位id，mm_xx_xx_xx pid三段式中的第三段",
      }),
    );
    expect(page.request.find((r) => r.name === "platform")).toEqual(
      row(527, 0, "platform", "Number", {
        required: false,
        example: "1",
        description: "1：PC，2：无线，默认：１",
        limits: { default: "1" },
      }),
    );
    // The example keeps its trailing space, as on the page.
    expect(page.request.find((r) => r.name === "biz_scene_id")?.example).toBe("1 ");
    expect(page.response.find((r) => r.name === "topn_start_time")).toMatchObject({
      line: 1246,
      depth: 3,
      example: "1937297392332",
    });
    expect(page.response.find((r) => r.name === "topn_info")).toMatchObject({
      line: 1231,
      depth: 2,
      type: "StepRateDto",
    });
    expect(page.samples.request).toMatch(
      /^TaobaoClient client = new DefaultTaobaoClient\(url, appkey, secret\);\nTbkCouponConvertRequest req/,
    );
    expect(page.samples.responseFormat).toBe("json");
    expect(page.samples.response).toMatch(/^\{\n {4}"tbk_coupon_convert_response":\{/);
    expect(page.samples.responseSimplified).toContain('"coupon_remain_count":6859');
    expect(page.samples.error).toContain('"sub_code":"isv.invalid-parameter"');
  });

  it("alibaba.servicecenter.spserviceorder.query: depth 4, a name repeated in two structs", () => {
    const page = readDocJson("alibaba.servicecenter.spserviceorder.query.json");
    expect(page.request).toHaveLength(7);
    expect(page.response).toHaveLength(72);
    expect(Math.max(...page.response.map((r) => r.depth ?? 0))).toBe(4);
    expect(page.response.filter((r) => r.name === "seller_nick")).toEqual([
      row(73, 4, "seller_nick", "String", { description: "卖家名称" }),
      row(321, 4, "seller_nick", "String", { description: "卖家名称" }),
    ]);
    expect(page.response.slice(0, 4).map((r) => [r.line, r.depth, r.name, r.type])).toEqual([
      [44, 0, "result", "Result"],
      [49, 1, "result_data", "Paged"],
      [55, 2, "data_list", "SpServiceOrderDTO[]"],
      [61, 3, "refund_service_count", "Number"],
    ]);
    expect(page.samples).toEqual({});
  });

  it("alibaba.baichuan.aso.query and taobao.xhotel.get: limits on top-level request params", () => {
    const aso = readDocJson("alibaba.baichuan.aso.query.json");
    expect(aso.request.slice(2)).toEqual([
      row(19, 0, "device_info_list", "AsoDeviceInfoDO[]", {
        required: true,
        description: "设备信息，ios为idfa ，android 为imei + imsi",
        limits: { maxListSize: 20 },
      }),
      row(26, 1, "idfa", "String", { required: false, description: "idfa" }),
      row(31, 1, "imei", "String", { required: false, description: "imei" }),
      row(36, 1, "imsi", "String", { required: false, description: "imsi" }),
    ]);
    const hotel = readDocJson("taobao.xhotel.get.json");
    expect(hotel.request.map((r) => [r.line, r.name, r.limits])).toEqual([
      [7, "hid", {}],
      [12, "outer_id", { maxLength: 64 }],
      [18, "vendor", { maxLength: 50 }],
      [24, "need_sale_info", {}],
    ]);
  });
});

describeData("the catalogue (shared/data/catalogue)", () => {
  it("reads every API page and refuses every category file", () => {
    expect(existsSync(CATALOGUE)).toBe(true);
    let pages = 0;
    let categories = 0;
    for (const dir of readdirSync(CATALOGUE)) {
      for (const name of readdirSync(join(CATALOGUE, dir))) {
        if (!name.endsWith(".json")) continue;
        const file = join(CATALOGUE, dir, name);
        const text = readFileSync(file, "utf8");
        if (isJsonApiPage(JSON.parse(text))) {
          const page = readJsonPage(text, file);
          expect(page.method).not.toBe("");
          pages++;
        } else {
          expect(name).toBe("catelog.json");
          expect(() => readJsonPage(text, file)).toThrow(/not a TOP API doc page/);
          categories++;
        }
      }
    }
    expect(pages).toBe(5312);
    expect(categories).toBe(313);
  });
});
