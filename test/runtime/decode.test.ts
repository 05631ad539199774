import { describe, expect, it } from "vitest";
import {
  decodeResponse,
  TopApiError,
  TopDecodeError,
  type FieldShape,
  type ScalarType,
  type StructShape,
} from "../../runtime/index.js";
import { AlibabaIdleIsvOrderDealrefundRequest } from "../../generated/alibaba.idle.isv.order.dealrefund.js";
import { AlibabaNlifeB2cTradeRefundRequest } from "../../generated/alibaba.nlife.b2c.trade.refund.js";
import { DEALREFUND_SAMPLE, ERROR_SAMPLE, NLIFE_SAMPLE, seedXmlSample, xmlToJson } from "./fixtures/samples.js";
import { SAMPLE_NLIFE_PARAMS } from "./fixtures/seed-params.js";
import { thrown } from "../support/thrown.js";

const DEALREFUND = "alibaba.idle.isv.order.dealrefund";
const NLIFE = "alibaba.nlife.b2c.trade.refund";
/** The response shapes of the seeds' generated modules. */
const DEALREFUND_RESPONSE_SHAPE = new AlibabaIdleIsvOrderDealrefundRequest().responseShape;
const NLIFE_RESPONSE_SHAPE = new AlibabaNlifeB2cTradeRefundRequest(SAMPLE_NLIFE_PARAMS).responseShape;

const DEALREFUND_DECODED = {
  module: {
    apply_refund_fee: 100n,
    biz_order_id: 111222333n,
    dispute_id: 333444555n,
    real_refund_fee: 100n,
    refund_status: "2",
    refund_time: new Date(Date.UTC(2021, 2, 5, 3, 0, 0)),
    refund_type: "REFUND_ONLY_NO_SHIP",
    return_goods_status: "UNSHIPPED",
    timeout: 3600n,
  },
};

/** Catches what fn throws, for asserting on its properties. */

describe("decodeResponse: the seed pages' samples", () => {
  it("dealrefund: bigint numbers, GMT+8 date, request_id and unknown keys dropped", () => {
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, DEALREFUND_SAMPLE)).toEqual(DEALREFUND_DECODED);
  });

  it("nlife refund", () => {
    expect(decodeResponse(NLIFE, NLIFE_RESPONSE_SHAPE, NLIFE_SAMPLE)).toEqual({
      gmt_refund: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)),
      extend_params: '{"k1":v1}',
    });
  });

  it.each([
    ["000_1b120cedeac55814.txt", DEALREFUND, DEALREFUND_RESPONSE_SHAPE, DEALREFUND_SAMPLE],
    ["002_83a8456f5fe44fdf.txt", NLIFE, NLIFE_RESPONSE_SHAPE, NLIFE_SAMPLE],
  ] as const)(
    "the XML sample of %s, read as JSON with text leaves, decodes the same",
    async (file, method, shape, json) => {
      const root = `${method.replaceAll(".", "_")}_response`;
      const fromXml = xmlToJson(await seedXmlSample(file, root));
      expect(decodeResponse(method, shape, fromXml)).toEqual(decodeResponse(method, shape, json));
    },
  );

  it("the error sample", () => {
    const err = thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, ERROR_SAMPLE));
    expect(err).toBeInstanceOf(TopApiError);
    expect(err).toMatchObject({
      code: 50,
      msg: "Remote service error",
      subCode: "isv.invalid-parameter",
      subMsg: "非法参数",
      requestId: "0ba5d4b516148765",
      body: ERROR_SAMPLE,
      method: DEALREFUND,
    });
  });
});

describe("decodeResponse: 64-bit integers", () => {
  const body =
    '{"alibaba_idle_isv_order_dealrefund_response":{"module":{"biz_order_id":7091800003790954036,"timeout":3600}}}';
  const digitString = '{"module":{"biz_order_id":"7091800003790954036"}}';

  it.each([
    ["bigint (default)", undefined, 7091800003790954036n, 3600n],
    ["bigint", "bigint", 7091800003790954036n, 3600n],
    ["string", "string", "7091800003790954036", "3600"],
  ] as const)("%s keeps all 19 digits", (_title, int64, want, timeout) => {
    const options = int64 === undefined ? {} : { int64 };
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, body, options)).toEqual({
      module: { biz_order_id: want, timeout },
    });
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, digitString, options)).toEqual({
      module: { biz_order_id: want },
    });
  });

  it("number mode throws rather than rounding", () => {
    const err = thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, body, { int64: "number" }));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ path: "module.biz_order_id", rawValue: "7091800003790954036", body });
  });

  it("number mode gives numbers when they are safe", () => {
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, DEALREFUND_SAMPLE, { int64: "number" })).toMatchObject(
      {
        module: { biz_order_id: 111222333, timeout: 3600 },
      },
    );
  });

  it("a body already rounded by JSON.parse is refused, not decoded to a wrong id", () => {
    const rounded = JSON.parse(body) as unknown;
    const err = thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, rounded));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ path: "module.biz_order_id" });
  });

  it("the largest Long and the smallest", () => {
    const big = '{"module":{"biz_order_id":9223372036854775807,"dispute_id":-9223372036854775808}}';
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, big)).toEqual({
      module: { biz_order_id: 9223372036854775807n, dispute_id: -9223372036854775808n },
    });
  });
});

describe("decodeResponse: wrapped or simplified bodies give the same value", () => {
  const simplified = JSON.stringify({
    module: {
      apply_refund_fee: 100,
      biz_order_id: 111222333,
      dispute_id: 333444555,
      real_refund_fee: 100,
      refund_status: "2",
      refund_time: "2021-03-05 11:00:00",
      refund_type: "REFUND_ONLY_NO_SHIP",
      return_goods_status: "UNSHIPPED",
      timeout: 3600,
    },
    request_id: "x",
  });
  it("no wrapper", () => {
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, simplified)).toEqual(DEALREFUND_DECODED);
  });
  it("an already parsed body (JSON.parse) is accepted too", () => {
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, JSON.parse(DEALREFUND_SAMPLE))).toEqual(
      DEALREFUND_DECODED,
    );
  });
  it("another method's wrapper is an error, not an empty value", () => {
    const err = thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, NLIFE_SAMPLE));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ path: "alibaba_nlife_b2c_trade_refund_response" });
  });
});

// A response with lists of structs and of basic values, as in taobao.* APIs.
const FUND_BILL: StructShape = {
  name: "FundBill",
  fields: [
    { name: "id", type: "String" },
    { name: "amount", type: "Number" },
  ],
};
const LISTS: StructShape = {
  name: "ListsResponse",
  fields: [
    {
      name: "module",
      type: "Struct",
      struct: () => ({
        name: "RefundModule",
        fields: [
          { name: "refund_bill_list", type: "Struct", list: true, struct: () => FUND_BILL },
          { name: "tags", type: "String", list: true },
          { name: "label_ids", type: "Number", list: true },
        ],
      }),
    },
  ],
};

describe("decodeResponse: lists", () => {
  const want = {
    module: {
      refund_bill_list: [
        { id: "a", amount: 1n },
        { id: "b", amount: 7091800003790954036n },
      ],
      tags: ["x", "y"],
      label_ids: [1n, 2n],
    },
  };
  const bills = [
    { id: "a", amount: 1 },
    { id: "b", amount: "7091800003790954036" },
  ];
  const cases: Array<[string, { given: Record<string, unknown> }]> = [
    ["plain arrays (simplify=true)", { given: { refund_bill_list: bills, tags: ["x", "y"], label_ids: [1, 2] } }],
    [
      "wrapped by item name (default)",
      {
        given: { refund_bill_list: { fund_bill: bills }, tags: { string: ["x", "y"] }, label_ids: { number: [1, 2] } },
      },
    ],
    [
      "wrapped under some other single key",
      { given: { refund_bill_list: { FundBill: bills }, tags: { item: ["x", "y"] }, label_ids: { long: [1, 2] } } },
    ],
    [
      "the item key wins over other keys",
      { given: { refund_bill_list: { fund_bill: bills, total: 2 }, tags: ["x", "y"], label_ids: [1, 2] } },
    ],
  ];
  it.each(cases)("%s", (_title, { given }) => {
    const body = JSON.stringify({ lists_response: { module: given } }).replace(
      '"7091800003790954036"',
      "7091800003790954036",
    );
    expect(decodeResponse("taobao.lists", LISTS, body)).toEqual(want);
  });

  const bad: Array<[string, { given: unknown; want: { path: string; rawValue: string } }]> = [
    [
      "two array keys",
      { given: { a: [], b: [] }, want: { path: "module.refund_bill_list", rawValue: '{"a":[],"b":[]}' } },
    ],
    ["a string", { given: "a,b", want: { path: "module.refund_bill_list", rawValue: '"a,b"' } }],
    [
      "an object of objects",
      {
        given: { fund_bill: { id: "a" } },
        want: { path: "module.refund_bill_list", rawValue: '{"fund_bill":{"id":"a"}}' },
      },
    ],
    ["a null item", { given: [{ id: "a" }, null], want: { path: "module.refund_bill_list[1]", rawValue: "null" } }],
  ];
  it.each(bad)("rejects %s", (_title, { given, want }) => {
    const body = JSON.stringify({ module: { refund_bill_list: given } });
    const err = thrown(() => decodeResponse("taobao.lists", LISTS, body));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ ...want, body });
  });

  it("a bad value deep in a list names its path", () => {
    const body = '{"lists_response":{"module":{"refund_bill_list":{"fund_bill":[{"amount":1},{"amount":"12.5"}]}}}}';
    const err = thrown(() => decodeResponse("taobao.lists", LISTS, body));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ path: "module.refund_bill_list[1].amount", rawValue: '"12.5"', body });
    expect((err as Error).message).toContain("module.refund_bill_list[1].amount");
  });
});

const ALL: StructShape = {
  name: "All",
  fields: (["String", "Number", "Boolean", "Date", "Price", "BigDecimal", "Json", "Map", "FieldList"] as const).map(
    (type): FieldShape => ({ name: type.toLowerCase(), type }),
  ),
};
const decodeOne = (type: ScalarType, raw: string, options = {}): unknown =>
  (decodeResponse("taobao.all", ALL, `{"${type.toLowerCase()}":${raw}}`, options) as Record<string, unknown>)[
    type.toLowerCase()
  ];

describe("decodeResponse: each basic type", () => {
  const cases: Array<[string, { given: { type: ScalarType; raw: string; options?: object }; want: unknown }]> = [
    ["String", { given: { type: "String", raw: '"中文"' }, want: "中文" }],
    [
      "String from a JSON number keeps its exact text",
      { given: { type: "String", raw: "7091800003790954036" }, want: "7091800003790954036" },
    ],
    ["String from a decimal number keeps its text", { given: { type: "String", raw: "1.10" }, want: "1.10" }],
    ["String from a boolean", { given: { type: "String", raw: "true" }, want: "true" }],
    ["Number", { given: { type: "Number", raw: "-42" }, want: -42n }],
    ["Number from a digit string", { given: { type: "Number", raw: '"42"' }, want: 42n }],
    ["Number as string mode", { given: { type: "Number", raw: "42", options: { int64: "string" } }, want: "42" }],
    ["Boolean", { given: { type: "Boolean", raw: "false" }, want: false }],
    ["Boolean from text", { given: { type: "Boolean", raw: '"true"' }, want: true }],
    [
      "Date (GMT+8)",
      { given: { type: "Date", raw: '"2016-12-31 23:59:59"' }, want: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)) },
    ],
    ["Date from epoch ms", { given: { type: "Date", raw: "1614913200000" }, want: new Date(1614913200000) }],
    ["Date from epoch ms text", { given: { type: "Date", raw: '"1614913200000"' }, want: new Date(1614913200000) }],
    [
      "Date, string mode, as sent",
      {
        given: { type: "Date", raw: '"2016-12-31 23:59:59"', options: { dates: "string" } },
        want: "2016-12-31 23:59:59",
      },
    ],
    [
      "Date, string mode, epoch ms → GMT+8 text",
      { given: { type: "Date", raw: "1614913200000", options: { dates: "string" } }, want: "2021-03-05 11:00:00" },
    ],
    ["Price from a string", { given: { type: "Price", raw: '"200.07"' }, want: "200.07" }],
    ["Price from a number, exact text", { given: { type: "Price", raw: "200.10" }, want: "200.10" }],
    ["Price with an exponent", { given: { type: "Price", raw: "1E-7" }, want: "0.0000001" }],
    [
      "BigDecimal keeps all digits",
      { given: { type: "BigDecimal", raw: "12345678901234567890.123456789" }, want: "12345678901234567890.123456789" },
    ],
    ["Json string", { given: { type: "Json", raw: '"{\\"a\\":1}"' }, want: '{"a":1}' }],
    [
      "Json object → its lossless text",
      {
        given: { type: "Json", raw: '{"id":7091800003790954036,"a":[1.5,"x"]}' },
        want: '{"id":7091800003790954036,"a":[1.5,"x"]}',
      },
    ],
    [
      "Map → values, unsafe integers as bigint",
      {
        given: { type: "Map", raw: '{"id":7091800003790954036,"n":1,"f":1.5,"s":"x","l":[true,null],"o":{"k":"v"}}' },
        want: { id: 7091800003790954036n, n: 1, f: 1.5, s: "x", l: [true, null], o: { k: "v" } },
      },
    ],
    ["FieldList", { given: { type: "FieldList", raw: '"a,b"' }, want: "a,b" }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(decodeOne(given.type, given.raw, given.options)).toEqual(want);
  });

  const bad: Array<[string, { given: { type: ScalarType; raw: string }; want: string }]> = [
    ["String from an object", { given: { type: "String", raw: '{"a":1}' }, want: '{"a":1}' }],
    ["Number from a decimal", { given: { type: "Number", raw: "1.5" }, want: "1.5" }],
    ["Number from text", { given: { type: "Number", raw: '"abc"' }, want: '"abc"' }],
    ["Number from an empty string", { given: { type: "Number", raw: '""' }, want: '""' }],
    ["Boolean from 1", { given: { type: "Boolean", raw: "1" }, want: "1" }],
    ["Date in ISO form", { given: { type: "Date", raw: '"2016-12-31T23:59:59Z"' }, want: '"2016-12-31T23:59:59Z"' }],
    [
      "Date that does not exist",
      { given: { type: "Date", raw: '"2021-02-30 00:00:00"' }, want: '"2021-02-30 00:00:00"' },
    ],
    ["Price from text", { given: { type: "Price", raw: '"12,50"' }, want: '"12,50"' }],
    ["Map from an array", { given: { type: "Map", raw: "[1]" }, want: "[1]" }],
  ];
  it.each(bad)("rejects %s", (_title, { given, want }) => {
    const err = thrown(() => decodeOne(given.type, given.raw));
    expect(err).toBeInstanceOf(TopDecodeError);
    expect(err).toMatchObject({ path: given.type.toLowerCase(), rawValue: want });
  });
});

describe("decodeResponse: structs", () => {
  it("absent and null fields are omitted, never undefined-valued", () => {
    const out = decodeResponse(
      DEALREFUND,
      DEALREFUND_RESPONSE_SHAPE,
      '{"module":{"biz_order_id":1,"refund_time":null,"x":2}}',
    );
    expect(out).toEqual({ module: { biz_order_id: 1n } });
    expect(Object.keys((out as { module: object }).module)).toEqual(["biz_order_id"]);
  });
  it("a null module is omitted", () => {
    expect(decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, '{"module":null}')).toEqual({});
  });
  it("a struct that is not an object is an error", () => {
    const err = thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, '{"module":5}'));
    expect(err).toMatchObject({ name: "TopDecodeError", path: "module", rawValue: "5" });
  });
  it("inherited names are not read as fields", () => {
    const shape: StructShape = {
      name: "S",
      fields: [
        { name: "constructor", type: "String" },
        { name: "toString", type: "String" },
      ],
    };
    expect(decodeResponse("taobao.s", shape, "{}")).toEqual({});
  });
});

describe("decodeResponse: bodies that are not a response", () => {
  const cases: Array<[string, { given: unknown; want: { name: string; path?: string } }]> = [
    ["HTML page", { given: "<html><body>502 Bad Gateway</body></html>", want: { name: "TopDecodeError", path: "" } }],
    ["empty text", { given: "", want: { name: "TopDecodeError", path: "" } }],
    ["a JSON array", { given: "[1,2]", want: { name: "TopDecodeError", path: "" } }],
    ["a JSON string", { given: '"ok"', want: { name: "TopDecodeError", path: "" } }],
    ["null", { given: null, want: { name: "TopDecodeError", path: "" } }],
    ["an error_response without fields", { given: '{"error_response":{}}', want: { name: "TopApiError" } }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(thrown(() => decodeResponse(DEALREFUND, DEALREFUND_RESPONSE_SHAPE, given))).toMatchObject(want);
  });

  it("error_response with a string code and no sub code", () => {
    const err = thrown(() =>
      decodeResponse(
        DEALREFUND,
        DEALREFUND_RESPONSE_SHAPE,
        '{"error_response":{"code":"25","msg":"Invalid signature"}}',
      ),
    );
    expect(err).toBeInstanceOf(TopApiError);
    expect(err).toMatchObject({ code: 25, msg: "Invalid signature" });
    expect(Object.keys(err as object)).not.toContain("subCode");
  });
});
