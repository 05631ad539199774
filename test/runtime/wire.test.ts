import { describe, expect, it } from "vitest";
import { toWireParams, type FieldShape, type ScalarType, type StructShape } from "../../runtime/index.js";
import {
  AlibabaIdleIsvOrderDealrefundRequest,
  type AlibabaIdleIsvOrderDealrefundParams,
} from "../../generated/alibaba.idle.isv.order.dealrefund.js";
import { AlibabaNlifeB2cTradeRefundRequest } from "../../generated/alibaba.nlife.b2c.trade.refund.js";
import { SAMPLE_NLIFE_PARAMS } from "./fixtures/seed-params.js";

const one = (type: ScalarType, extra: Partial<FieldShape> = {}): StructShape => ({
  name: "One",
  fields: [{ name: "v", type, ...extra }],
});
const wire = (shape: StructShape, value: unknown): string | undefined => toWireParams(shape, { v: value }).text.v;

const INNER: StructShape = {
  name: "Inner",
  fields: [
    { name: "s", type: "String" },
    { name: "n", type: "Number" },
    { name: "b", type: "Boolean" },
    { name: "d", type: "Date" },
    { name: "p", type: "Price" },
    { name: "bd", type: "BigDecimal" },
    { name: "j", type: "Json" },
    { name: "m", type: "Map" },
    { name: "fl", type: "FieldList" },
    { name: "tags", type: "String", list: true },
    { name: "ids", type: "Number", list: true },
    { name: "child", type: "Struct", struct: () => INNER },
    { name: "children", type: "Struct", list: true, struct: () => INNER },
  ],
};

describe("toWireParams: top-level scalars", () => {
  const cases: Array<[string, { given: { type: ScalarType; value: unknown; list?: true }; want: string | undefined }]> =
    [
      ["String as is", { given: { type: "String", value: "a b,中" }, want: "a b,中" }],
      ["Number from number", { given: { type: "Number", value: 6000 }, want: "6000" }],
      ["Number from bigint", { given: { type: "Number", value: 7091800003790954036n }, want: "7091800003790954036" }],
      [
        "Number from digit string",
        { given: { type: "Number", value: "7091800003790954036" }, want: "7091800003790954036" },
      ],
      ["Number: negative", { given: { type: "Number", value: -12 }, want: "-12" }],
      ["Number: leading zeros dropped", { given: { type: "Number", value: "007" }, want: "7" }],
      ["Boolean true", { given: { type: "Boolean", value: true }, want: "true" }],
      ["Boolean false is sent", { given: { type: "Boolean", value: false }, want: "false" }],
      [
        "Date from a Date, GMT+8",
        { given: { type: "Date", value: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)) }, want: "2016-12-31 23:59:59" },
      ],
      ["Date string as is", { given: { type: "Date", value: "2016-12-31 23:59:59" }, want: "2016-12-31 23:59:59" }],
      ["Price from string", { given: { type: "Price", value: "200.07" }, want: "200.07" }],
      ["Price from number", { given: { type: "Price", value: 200.07 }, want: "200.07" }],
      ["Price: no exponent", { given: { type: "Price", value: 1e-7 }, want: "0.0000001" }],
      ["Price: exponent string expanded", { given: { type: "Price", value: "2.5e2" }, want: "250" }],
      [
        "BigDecimal keeps every digit",
        { given: { type: "BigDecimal", value: "12345678901234567890.0100" }, want: "12345678901234567890.0100" },
      ],
      ["Json string as is", { given: { type: "Json", value: '{"k1":v1}' }, want: '{"k1":v1}' }],
      [
        "Json object → text, bigint exact",
        {
          given: { type: "Json", value: { a: [1, "x"], id: 7091800003790954036n } },
          want: '{"a":[1,"x"],"id":7091800003790954036}',
        },
      ],
      ["Map → JSON text", { given: { type: "Map", value: { k: "v", n: 1 } }, want: '{"k":"v","n":1}' }],
      ["FieldList from string", { given: { type: "FieldList", value: "num_iid,title" }, want: "num_iid,title" }],
      [
        "FieldList from array",
        { given: { type: "FieldList", value: ["num_iid", "title", "nick"] }, want: "num_iid,title,nick" },
      ],
      [
        "String[] comma-joined",
        {
          given: { type: "String", list: true, value: ["547580683166_326040728", "550217515160_3611278001"] },
          want: "547580683166_326040728,550217515160_3611278001",
        },
      ],
      [
        "Number[] comma-joined, exact",
        {
          given: { type: "Number", list: true, value: [1, 7091800003790954036n, "42"] },
          want: "1,7091800003790954036,42",
        },
      ],
      ["Boolean[]", { given: { type: "Boolean", list: true, value: [true, false] }, want: "true,false" }],
      [
        "Date[]",
        {
          given: { type: "Date", list: true, value: [new Date(0), "2021-03-05 11:00:00"] },
          want: "1970-01-01 08:00:00,2021-03-05 11:00:00",
        },
      ],
      ["Price[]", { given: { type: "Price", list: true, value: [0.1, "2.50"] }, want: "0.1,2.50" }],
      ["a list given already joined passes", { given: { type: "String", list: true, value: "a,b" }, want: "a,b" }],
      ["empty string: not sent", { given: { type: "String", value: "" }, want: undefined }],
      ["empty list: not sent", { given: { type: "String", list: true, value: [] }, want: undefined }],
      ["null: not sent", { given: { type: "Number", value: null }, want: undefined }],
      ["undefined: not sent", { given: { type: "Number", value: undefined }, want: undefined }],
    ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const shape = one(given.type, given.list === undefined ? {} : { list: true });
    expect(wire(shape, given.value)).toBe(want);
  });
});

describe("toWireParams: wrong kinds are TypeErrors with the path", () => {
  const cases: Array<[string, { given: { type: ScalarType; value: unknown; list?: true }; want: RegExp }]> = [
    ["non-integer number", { given: { type: "Number", value: 1.5 }, want: /^v: 1\.5 is not a safe integer/ }],
    ["unsafe number", { given: { type: "Number", value: 2 ** 60 }, want: /^v: .* is not a safe integer/ }],
    ["decimal string for Number", { given: { type: "Number", value: "1.0" }, want: /^v: expected an integer/ }],
    ["NaN price", { given: { type: "Price", value: Number.NaN }, want: /not a finite number/ }],
    ["non-numeric price", { given: { type: "Price", value: "12,5" }, want: /^v: expected a decimal/ }],
    ["number for String", { given: { type: "String", value: 5 }, want: /^v: expected a string/ }],
    ["string for Boolean", { given: { type: "Boolean", value: "true" }, want: /^v: expected a boolean/ }],
    ["invalid Date", { given: { type: "Date", value: new Date(Number.NaN) }, want: /^v: invalid Date/ }],
    [
      "list item",
      { given: { type: "Number", list: true, value: [1, 1.5] }, want: /^v\[1\]: 1\.5 is not a safe integer/ },
    ],
    ["not a list", { given: { type: "Number", list: true, value: 3 }, want: /^v: expected an array/ }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const shape = one(given.type, given.list === undefined ? {} : { list: true });
    expect(() => wire(shape, given.value)).toThrow(TypeError);
    expect(() => wire(shape, given.value)).toThrow(want);
  });
});

describe("toWireParams: structs become JSON text with wire keys", () => {
  const shape: StructShape = { name: "S", fields: [{ name: "v", type: "Struct", struct: () => INNER }] };
  const listShape: StructShape = {
    name: "S",
    fields: [{ name: "v", type: "Struct", list: true, struct: () => INNER }],
  };

  const cases: Array<[string, { given: { shape: StructShape; value: unknown }; want: string }]> = [
    [
      "every scalar kind inside a struct",
      {
        given: {
          shape,
          value: {
            s: "中文",
            n: 7091800003790954036n,
            b: false,
            d: new Date(Date.UTC(2021, 2, 5, 3)),
            p: 200.1,
            bd: "0.000000100",
            j: { k: 1 },
            m: { big: 7091800003790954036n },
            fl: ["a", "b"],
            tags: ["x", "y"],
            ids: [1, "2", 3n],
          },
        },
        want:
          '{"s":"中文","n":7091800003790954036,"b":false,"d":"2021-03-05 11:00:00","p":"200.1","bd":0.000000100,' +
          '"j":"{\\"k\\":1}","m":{"big":7091800003790954036},"fl":"a,b","tags":["x","y"],"ids":[1,2,3]}',
      },
    ],
    [
      "keys in shape order; unknown keys, null and undefined dropped",
      {
        given: { shape, value: { zzz: 1, n: "5", s: null, b: undefined, p: "1e-7" } },
        want: '{"n":5,"p":"0.0000001"}',
      },
    ],
    [
      "nested structs and struct lists",
      {
        given: { shape, value: { child: { s: "a", child: { n: 1 } }, children: [{ s: "b" }, {}] } },
        want: '{"child":{"s":"a","child":{"n":1}},"children":[{"s":"b"},{}]}',
      },
    ],
    [
      "a struct list is a JSON array",
      { given: { shape: listShape, value: [{ n: 1 }, { n: 2 }] }, want: '[{"n":1},{"n":2}]' },
    ],
    [
      "a string date passes as is",
      { given: { shape, value: { d: "2016-12-31 23:59:59" } }, want: '{"d":"2016-12-31 23:59:59"}' },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(wire(given.shape, given.value)).toBe(want);
  });

  it("reports the deep path of a bad value", () => {
    expect(() => wire(shape, { children: [{}, { child: { n: 0.5 } }] })).toThrow(
      /^v\.children\[1\]\.child\.n: 0\.5 is not a safe integer/,
    );
  });
});

describe("toWireParams: files", () => {
  const shape: StructShape = {
    name: "Up",
    fields: [
      { name: "img", type: "File" },
      { name: "title", type: "String" },
    ],
  };
  it("puts files apart from text", () => {
    const img = { name: "a.png", data: new Uint8Array([1, 2, 3]), type: "image/png" };
    expect(toWireParams(shape, { img, title: "t" })).toEqual({ text: { title: "t" }, files: { img } });
  });
  it("rejects a non-file", () => {
    expect(() => toWireParams(shape, { img: "a.png" })).toThrow(/^img: expected a file/);
  });
});

describe("toWireParams: the seed APIs (their generated modules)", () => {
  it("alibaba.nlife.b2c.trade.refund (the doc's Java sample)", () => {
    const params = SAMPLE_NLIFE_PARAMS;
    expect(toWireParams(new AlibabaNlifeB2cTradeRefundRequest(params).requestShape, params)).toEqual({
      text: {
        trade_no: "100004000000000045678",
        out_request_no: "765345354",
        refund_bill_list:
          '[{"id":"201612310000000345354","type":"ALIPAY","buyer_id":"53456456","buyer_id_type":"WECHAT_OPENID",' +
          '"title":"支付宝支付","amount":6000,"currency":"CNY","extend_params":"{\\"k1\\":v1}","attachment":"age:26,gender:female"}]',
        refund_goods_list: "547580683166_326040728,550217515160_3611278001",
        out_trade_no: "OT423895437564378",
        store_id: "100004",
        refund_points: "10",
      },
      files: {},
    });
  });

  it("alibaba.idle.isv.order.dealrefund (a struct param, 19-digit id)", () => {
    const params: AlibabaIdleIsvOrderDealrefundParams = {
      param_appraise_isv_refund_request: {
        biz_order_id: 7091800003790954036n,
        leave_message: "这里写退款操作的说明",
        operation: "AGREE_REFUND",
        return_goods_address: { area: "xx区", post_code: "000000", division_code: "110102" },
      },
    };
    expect(toWireParams(new AlibabaIdleIsvOrderDealrefundRequest(params).requestShape, params).text).toEqual({
      param_appraise_isv_refund_request:
        '{"biz_order_id":7091800003790954036,"leave_message":"这里写退款操作的说明","operation":"AGREE_REFUND",' +
        '"return_goods_address":{"area":"xx区","post_code":"000000","division_code":"110102"}}',
    });
  });
});
