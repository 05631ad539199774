// The OpenAPI 3.1 export of whole specs: structure, validity (OpenAPI schema and JSON Schema), the wire params
// of the README example, the doc site's JSON samples, names, and determinism.
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { AlibabaNlifeB2cTradeRefundRequest } from "../../../generated/index.js";
import { InputError } from "../../../generator/support/errors.js";
import {
  apiBases,
  buildOpenApi,
  ERROR_RESPONSE,
  FORM,
  MULTIPART,
  serializeOpenApi,
  structNames,
} from "../../../generator/targets/openapi/index.js";
import { parseDoc } from "../../../generator/project/parse.js";
import type { ApiSpec, Field } from "../../../generator/model/types.js";
import { responseKey, toWireParams } from "../../../runtime/index.js";
import { DOC_JSON } from "../../support/data.js";
import { buildInRepo } from "../../support/sdk.js";
import {
  component,
  errorsOf,
  readForm,
  REPO,
  repoSpecs,
  requestBodyPointer,
  responsePointer,
  schemaChecker,
  schemaPointer,
  specWith,
} from "./support.js";

const NLIFE = "alibaba.nlife.b2c.trade.refund";
const DEALREFUND = "alibaba.idle.isv.order.dealrefund";
const seeds = repoSpecs();
const doc = buildOpenApi(seeds);

describe("the export of the repo's specs", () => {
  it("is an OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has schemas that all compile as JSON Schema 2020-12 in ajv's strict mode", () => {
    expect(schemaChecker(doc).compileAll()).toBe(Object.keys(doc.components.schemas).length);
    for (const method of [NLIFE, DEALREFUND]) {
      schemaChecker(doc).at(requestBodyPointer(method, FORM));
      schemaChecker(doc).at(responsePointer(method, "200"));
    }
  });

  it("has one POST operation per API, in method order, named after the method", () => {
    expect(Object.keys(doc.paths)).toEqual([`/${DEALREFUND}`, `/${NLIFE}`]);
    const op = doc.paths[`/${NLIFE}`]!.post;
    expect(op.operationId).toBe(NLIFE);
    expect(op.summary).toBe("零售+请求退款");
    expect(op.description).toBe("零售+平台请求退款接口,在零售+平台不会有资金流变动,只是订单状态的更新");
  });

  it("names components after the SDK's classes and structs, each a valid component key", () => {
    expect(Object.keys(doc.components.schemas)).toEqual([
      "AlibabaIdleIsvOrderDealrefundRequest",
      "AlibabaIdleIsvOrderDealrefundRequest.AppraiseIsvRefundRequest",
      "AlibabaIdleIsvOrderDealrefundRequest.ShippingAddressInfo",
      "AlibabaIdleIsvOrderDealrefundResponse",
      "AlibabaIdleIsvOrderDealrefundResponse.RefundDto",
      "AlibabaNlifeB2cTradeRefundRequest",
      "AlibabaNlifeB2cTradeRefundRequest.FundBill",
      "AlibabaNlifeB2cTradeRefundResponse",
      ERROR_RESPONSE,
    ]);
    for (const name of Object.keys(doc.components.schemas)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
  });

  it("describes the params as a form body, a struct list as JSON text and a String[] as one comma-joined value", () => {
    const body = doc.paths[`/${NLIFE}`]!.post.requestBody!;
    expect(body.required).toBe(true);
    expect(Object.keys(body.content)).toEqual([FORM]);
    expect(body.content[FORM]!.encoding).toEqual({ refund_goods_list: { style: "form", explode: false } });
    const params = component(doc, body.content[FORM]!.schema.$ref);
    expect(params.required).toEqual(["out_request_no", "refund_bill_list", "refund_goods_list"]);
    expect(params.allOf).toEqual([{ anyOf: [{ required: ["trade_no"] }, { required: ["out_trade_no"] }] }]);
    expect(params.properties!["refund_bill_list"]).toMatchObject({
      type: "string",
      contentMediaType: "application/json",
      contentSchema: {
        type: "array",
        items: { $ref: "#/components/schemas/AlibabaNlifeB2cTradeRefundRequest.FundBill" },
        maxItems: 20,
      },
    });
    expect(params.properties!["refund_goods_list"]).toMatchObject({
      type: "array",
      items: { type: "string" },
      maxItems: 20,
    });
    expect(Object.keys(params.properties!)).toEqual(seeds.find((s) => s.method === NLIFE)!.request.map((f) => f.name));
  });

  it("describes the response inside its `<name>_response` wrapper, and errors as the default response", () => {
    const op = doc.paths[`/${DEALREFUND}`]!.post;
    const ok = op.responses["200"]!.content["application/json"]!.schema;
    const key = responseKey(DEALREFUND);
    expect(key).toBe("alibaba_idle_isv_order_dealrefund_response");
    expect(ok).toEqual({
      type: "object",
      required: [key],
      properties: { [key]: { $ref: "#/components/schemas/AlibabaIdleIsvOrderDealrefundResponse" } },
    });
    const fields = component(doc, ok.properties![key]!.$ref);
    expect(Object.keys(fields.properties!)).toEqual(["module", "request_id"]);
    expect(fields.required).toBeUndefined();
    expect(op.responses["default"]!.content["application/json"]!.schema).toEqual({
      $ref: `#/components/schemas/${ERROR_RESPONSE}`,
    });
    const error = doc.components.schemas[ERROR_RESPONSE]!.properties!["error_response"]!;
    expect(Object.keys(error.properties!)).toEqual(["code", "msg", "sub_code", "sub_msg", "request_id"]);
  });
});

describe("the request schema of alibaba.nlife.b2c.trade.refund against wire params (ajv 2020)", () => {
  // The README example, put on the wire by the generated SDK and the runtime's wire writer.
  const README_PARAMS = {
    out_request_no: "765345354",
    trade_no: "100004000000000045678",
    refund_bill_list: [
      { type: "ALIPAY", buyer_id_type: "WECHAT_OPENID", title: "支付宝支付", amount: 6000, currency: "CNY" },
    ],
    refund_goods_list: ["547580683166_326040728"],
  } as const;
  const wire = (params: object) => {
    const req = new AlibabaNlifeB2cTradeRefundRequest(params as typeof README_PARAMS);
    return toWireParams(req.requestShape, req.params).text;
  };
  const checker = schemaChecker(doc, { coerce: true });
  const body = checker.at(requestBodyPointer(NLIFE, FORM));
  const bills = checker.at(
    `${schemaPointer("AlibabaNlifeB2cTradeRefundRequest")}/properties/refund_bill_list/contentSchema`,
  );

  /** Form body and the JSON text inside refund_bill_list, as a server reading the document would check them. */
  const check = (text: Record<string, string>): string[] => {
    const issues = body(readForm(doc, NLIFE, FORM, text)) ? [] : errorsOf(body);
    const json = text["refund_bill_list"];
    if (json !== undefined && !bills(JSON.parse(json)))
      issues.push(...errorsOf(bills).map((e) => `refund_bill_list${e}`));
    return issues;
  };

  it("the wire params are what the README shows", () => {
    expect(wire(README_PARAMS)).toEqual({
      trade_no: "100004000000000045678",
      out_request_no: "765345354",
      refund_bill_list:
        '[{"type":"ALIPAY","buyer_id_type":"WECHAT_OPENID","title":"支付宝支付","amount":6000,"currency":"CNY"}]',
      refund_goods_list: "547580683166_326040728",
    });
  });

  const cases: Array<[string, { given: Record<string, string>; want: RegExp[] }]> = [
    ["the README example is accepted", { given: wire(README_PARAMS), want: [] }],
    [
      "two goods, comma-joined, and refund_points as text are accepted",
      {
        given: {
          ...wire(README_PARAMS),
          refund_goods_list: "547580683166_326040728,550217515160_3611278001",
          refund_points: "10",
        },
        want: [],
      },
    ],
    [
      "without out_request_no it is rejected",
      { given: omit(wire(README_PARAMS), "out_request_no"), want: [/must have required property 'out_request_no'/] },
    ],
    [
      "with neither trade_no nor out_trade_no it is rejected",
      {
        given: omit(wire(README_PARAMS), "trade_no"),
        want: [/required property 'trade_no'/, /required property 'out_trade_no'/, /must match a schema in anyOf/],
      },
    ],
    [
      "with out_trade_no instead of trade_no it is accepted",
      { given: { ...omit(wire(README_PARAMS), "trade_no"), out_trade_no: "OT423895437564378" }, want: [] },
    ],
    [
      "an out_request_no over 64 characters is rejected",
      {
        given: { ...wire(README_PARAMS), out_request_no: "x".repeat(65) },
        want: [/out_request_no must NOT have more than 64 characters/],
      },
    ],
    [
      "21 goods are rejected",
      {
        given: { ...wire(README_PARAMS), refund_goods_list: Array.from({ length: 21 }, (_, i) => `g${i}`).join(",") },
        want: [/refund_goods_list must NOT have more than 20 items/],
      },
    ],
    [
      "refund_points that is not an integer is rejected",
      { given: { ...wire(README_PARAMS), refund_points: "1.5" }, want: [/refund_points must be integer/] },
    ],
    [
      "a fund bill of an unknown type is rejected (inside the JSON text)",
      {
        given: {
          ...wire(README_PARAMS),
          refund_bill_list:
            '[{"type":"BITCOIN","buyer_id_type":"WECHAT_OPENID","title":"t","amount":1,"currency":"CNY"}]',
        },
        want: [/refund_bill_list\/0\/type must be equal to one of the allowed values/],
      },
    ],
    [
      "a fund bill without its amount is rejected (inside the JSON text)",
      {
        given: {
          ...wire(README_PARAMS),
          refund_bill_list: '[{"type":"ALIPAY","buyer_id_type":"WECHAT_OPENID","title":"t","currency":"CNY"}]',
        },
        want: [/refund_bill_list\/0 must have required property 'amount'/],
      },
    ],
  ];
  it.each(cases)("%s", (_t, { given, want }) => {
    const issues = check(given);
    expect(issues).toHaveLength(want.length);
    for (const pattern of want)
      expect(
        issues.some((i) => pattern.test(i)),
        `${String(pattern)} in ${JSON.stringify(issues)}`,
      ).toBe(true);
  });
});

describe("response bodies against the exported 200 and default schemas (ajv 2020)", () => {
  const checker = schemaChecker(doc);
  const cases: Array<[string, { method: string; status: string; given: unknown; valid: boolean }]> = [
    [
      "the seed's response sample, as JSON",
      {
        method: NLIFE,
        status: "200",
        given: {
          [responseKey(NLIFE)]: { gmt_refund: "2016-12-31 23:59:59", extend_params: '{"k1":v1}', request_id: "z2a1" },
        },
        valid: true,
      },
    ],
    [
      "a nested struct with 64-bit ids",
      {
        method: DEALREFUND,
        status: "200",
        given: {
          [responseKey(DEALREFUND)]: {
            module: { biz_order_id: 111222333, refund_type: "REFUND_ONLY_NO_SHIP", refund_time: "2021-03-05 11:00:00" },
          },
        },
        valid: true,
      },
    ],
    [
      "an undocumented refund_type is still a valid response",
      {
        method: DEALREFUND,
        status: "200",
        given: { [responseKey(DEALREFUND)]: { module: { refund_type: "NEW_KIND" } } },
        valid: true,
      },
    ],
    [
      "a date in another format is not",
      {
        method: NLIFE,
        status: "200",
        given: { [responseKey(NLIFE)]: { gmt_refund: "2016-12-31T23:59:59Z" } },
        valid: false,
      },
    ],
    [
      "the error sample",
      {
        method: NLIFE,
        status: "default",
        given: {
          error_response: {
            code: 50,
            msg: "Remote service error",
            sub_code: "isv.invalid-parameter",
            sub_msg: "非法参数",
            request_id: "z2a1",
          },
        },
        valid: true,
      },
    ],
    [
      "an error without msg",
      { method: NLIFE, status: "default", given: { error_response: { code: 50 } }, valid: false },
    ],
  ];
  it.each(cases)("%s", (_t, { method, status, given, valid }) => {
    const v = checker.at(responsePointer(method, status));
    expect(v(given), JSON.stringify(v.errors)).toBe(valid);
  });

  it("the doc site's simplified JSON samples (data/doc-json) validate against their APIs' 200 schemas", () => {
    const dir = pathToFileURL(`${DOC_JSON}/`);
    const specs = readdirSync(dir)
      .sort()
      .map((f) => parseDoc(new URL(f, dir).pathname, REPO));
    const exported = buildOpenApi(specs);
    const sampleChecker = schemaChecker(exported);
    const checked: string[] = [];
    for (const spec of specs) {
      const body = parsedJson(spec.samples?.responseSimplified);
      if (body === undefined) continue;
      const v = sampleChecker.at(responsePointer(spec.method, "200"));
      expect(v(body), `${spec.method}: ${JSON.stringify(errorsOf(v))}`).toBe(true);
      checked.push(spec.method);
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });
});

describe("names", () => {
  it("api bases: exactly the SDK's class bases (clashes resolved as the SDK does), never `Error`", () => {
    const bases = apiBases(["a.b_c", "taobao.trade.get", "a.b.c", "error", "Trade.get"]);
    expect(Object.fromEntries(bases)).toEqual({
      "a.b.c": "ABC",
      "a.b_c": "ABC2",
      error: "Error_2",
      "taobao.trade.get": "TaobaoTradeGet",
      "Trade.get": "TradeGet",
    });
    expect(apiBases(["a.b_c", "a.b.c"])).toEqual(apiBases(["a.b.c", "a.b_c"]));
  });

  it("structs: copies share a name, a different struct under a taken name is numbered, `$` becomes `_`", () => {
    const result = (fields: Field[]): Field => ({ name: "r", type: "Result", fields });
    const a = result([{ name: "id", type: "Number" }]);
    const aCopy: Field = {
      ...result([{ name: "id", type: "Number", description: "another description" }]),
      name: "again",
    };
    const b = result([{ name: "id", type: "String" }]);
    const dollar: Field = { name: "d", type: "$Info", fields: [{ name: "x", type: "String" }] };
    const reserved: Field = { name: "t", type: "Date", fields: [{ name: "x", type: "String" }] };
    const names = structNames([a, aCopy, b, dollar, reserved]);
    expect([a, aCopy, b, dollar, reserved].map((f) => names.get(f))).toEqual([
      "Result",
      "Result",
      "Result2",
      "_Info",
      "DateStruct",
    ]);
  });

  it("struct components carry the names the generated SDK gives the same structs", async () => {
    const spec = specWith(
      "test.names.get",
      [
        { name: "a", type: "Result", fields: [{ name: "id", type: "Number" }] },
        { name: "b", type: "Result", fields: [{ name: "id", type: "String" }] },
        { name: "c", type: "Date", fields: [{ name: "x", type: "String" }] },
      ],
      [{ name: "r", type: "Result", fields: [{ name: "ok", type: "Boolean" }] }],
    );
    const sdk = await buildInRepo([spec]);
    const module = [...sdk.files].find(([name]) => name === "test.names.get.ts")![1];
    const exported = buildOpenApi([spec]);
    const structs = Object.keys(exported.components.schemas).filter((n) => n.includes("."));
    expect(structs).toEqual([
      "TestNamesGetRequest.DateStruct",
      "TestNamesGetRequest.Result",
      "TestNamesGetRequest.Result2",
      "TestNamesGetResponse.Result",
    ]);
    for (const name of structs) {
      const [owner, struct] = name.split(".") as [string, string];
      expect(module).toMatch(new RegExp(`export namespace ${owner} \\{[^]*?export interface ${struct}\\b`));
    }
  });
});

describe("operations of other shapes", () => {
  const file = (required?: true): Field => ({ name: "image", type: "File", ...(required ? { required } : {}) });
  const tags: Field = { name: "tags", type: "String", list: true };

  it("an optional file: form and multipart bodies, the list encoding in both", () => {
    const op = buildOpenApi([specWith("test.upload", [file(), tags])]).paths["/test.upload"]!.post;
    expect(Object.keys(op.requestBody!.content)).toEqual([FORM, MULTIPART]);
    for (const media of Object.values(op.requestBody!.content))
      expect(media.encoding).toEqual({ tags: { style: "form", explode: false } });
    expect(op.requestBody!.required).toBe(false);
  });

  it("a required file: multipart only", () => {
    const op = buildOpenApi([specWith("test.upload", [file(true)])]).paths["/test.upload"]!.post;
    expect(Object.keys(op.requestBody!.content)).toEqual([MULTIPART]);
    expect(op.requestBody!.content[MULTIPART]!.encoding).toBeUndefined();
    expect(op.requestBody!.required).toBe(true);
  });

  it("no params: no request body; the response still has request_id", () => {
    const exported = buildOpenApi([specWith("test.ping", [])]);
    expect(exported.paths["/test.ping"]!.post.requestBody).toBeUndefined();
    expect(exported.components.schemas["TestPingResponse"]!.properties).toEqual({
      request_id: { type: "string", description: "The gateway's id of this call." },
    });
  });

  it("a documented request_id field is not doubled", () => {
    const exported = buildOpenApi([
      specWith("test.ping", [], [{ name: "request_id", type: "String", description: "documented" }]),
    ]);
    expect(exported.components.schemas["TestPingResponse"]!.properties).toEqual({
      request_id: { type: "string", description: "documented" },
    });
  });

  it("two rules: both must hold", () => {
    const spec: ApiSpec = {
      ...specWith(
        "test.rules",
        ["a", "b", "c", "d"].map((name) => ({ name, type: "String" })),
      ),
      rules: [
        { kind: "atLeastOne", fields: ["a", "b"] },
        { kind: "atLeastOne", fields: ["c", "d"], description: "c 和 d 不能同时为空" },
      ],
    };
    const exported = buildOpenApi([spec]);
    const params = exported.components.schemas["TestRulesRequest"]!;
    expect(params.allOf).toEqual([
      { anyOf: [{ required: ["a"] }, { required: ["b"] }] },
      { anyOf: [{ required: ["c"] }, { required: ["d"] }] },
    ]);
    expect(params.description).toContain("At least one of a, b is required.");
    expect(params.description).toContain("c 和 d 不能同时为空");
    const v = schemaChecker(exported).at(schemaPointer("TestRulesRequest"));
    expect([{ a: "1", c: "1" }, { b: "1", d: "1" }, { a: "1" }, {}].map((x) => v(x))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("empty title and description are left out", () => {
    const op = buildOpenApi([{ ...specWith("test.bare", []), title: "", description: "" }]).paths["/test.bare"]!.post;
    expect(Object.keys(op)).toEqual(["operationId", "responses"]);
  });

  it("a method described twice is bad input", () => {
    const spec = specWith("test.twice", []);
    expect(() => buildOpenApi([spec, { ...spec, source: { ...spec.source, file: "docs/other.txt" } }])).toThrow(
      InputError,
    );
  });
});

describe("determinism", () => {
  const text = serializeOpenApi(doc);

  it("exporting twice gives the same bytes", () => {
    expect(serializeOpenApi(buildOpenApi(repoSpecs()))).toBe(text);
  });

  it("the order of the input specs does not matter", () => {
    const many = [
      ...seeds,
      specWith("b.second", []),
      specWith("a.first", [{ name: "x", type: "Number" }]),
      specWith("c.third", []),
    ];
    const want = serializeOpenApi(buildOpenApi(many));
    for (const order of [[...many].reverse(), rotate(many, 2), rotate(many, 3)])
      expect(serializeOpenApi(buildOpenApi(order))).toBe(want);
  });

  it("is 2-space JSON with a final newline", () => {
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "openapi": "3.1.1",');
    expect(JSON.parse(text)).toEqual(doc);
  });

  it("does not change the specs it reads", () => {
    const before = JSON.stringify(seeds);
    buildOpenApi(seeds);
    expect(JSON.stringify(seeds)).toBe(before);
  });
});

function omit(params: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _gone, ...rest } = params;
  return rest;
}

function rotate<T>(list: readonly T[], n: number): T[] {
  return [...list.slice(n), ...list.slice(0, n)];
}

function parsedJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
