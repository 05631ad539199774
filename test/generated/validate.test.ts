// The generated validate() of both seed requests: each rule passes and fails, with the right path and code.
import { describe, expect, test } from "vitest";
import {
  AlibabaIdleIsvOrderDealrefundRequest,
  AlibabaNlifeB2cTradeRefundRequest,
  type AlibabaIdleIsvOrderDealrefundParams,
  type AlibabaNlifeB2cTradeRefundParams,
} from "../../generated/index.js";

const bill: AlibabaNlifeB2cTradeRefundRequest.FundBill = {
  type: "ALIPAY",
  buyer_id_type: "WECHAT_OPENID",
  title: "支付宝支付",
  amount: 6000,
  currency: "CNY",
};
const refund: AlibabaNlifeB2cTradeRefundParams = {
  trade_no: "100004000000000045678",
  out_request_no: "765345354",
  refund_bill_list: [bill],
  refund_goods_list: ["547580683166_326040728"],
};
const deal: AlibabaIdleIsvOrderDealrefundParams = {
  param_appraise_isv_refund_request: {
    biz_order_id: 111222333n,
    operation: "AGREE_REFUND",
    return_goods_address: { area: "xx区", division_code: "110102" },
  },
};

/** Lets a test put a wrongly typed value where TypeScript would refuse it, as plain JavaScript callers can. */
function loose<T>(value: unknown): T {
  return value as T;
}
const issuesOf = (params: AlibabaNlifeB2cTradeRefundParams) =>
  new AlibabaNlifeB2cTradeRefundRequest(params).validate().map(({ path, code }) => ({ path, code }));
const dealIssuesOf = (params: AlibabaIdleIsvOrderDealrefundParams) =>
  new AlibabaIdleIsvOrderDealrefundRequest(params).validate().map(({ path, code }) => ({ path, code }));

describe("valid requests pass", () => {
  test.each([
    ["the nlife sample request", refund],
    ["out_trade_no instead of trade_no", { ...refund, trade_no: undefined, out_trade_no: "OT1" }],
    ["Number as bigint, digit string and safe number", { ...refund, refund_points: "10", refund_bill_list: [{ ...bill, amount: 9007199254740993n }] }],
    ["exactly 20 bills (max list size)", { ...refund, refund_bill_list: Array.from({ length: 20 }, () => bill) }],
    ["a 64-character trade_no (max length)", { ...refund, trade_no: "9".repeat(64) }],
  ])("%s", (_title, params) => {
    expect(issuesOf(loose<AlibabaNlifeB2cTradeRefundParams>(params))).toEqual([]);
  });
  test("the dealrefund request with a nested struct", () => {
    expect(dealIssuesOf(deal)).toEqual([]);
  });
});

describe("each rule fails with its path and code", () => {
  test.each<[string, { given: unknown; want: { path: string; code: string }[] }]>([
    ["required at top level", { given: { ...refund, out_request_no: undefined }, want: [{ path: "out_request_no", code: "required" }] }],
    ["empty string counts as missing", { given: { ...refund, out_request_no: "" }, want: [{ path: "out_request_no", code: "required" }] }],
    ["required list given empty", { given: { ...refund, refund_goods_list: [] }, want: [{ path: "refund_goods_list", code: "required" }] }],
    ["required inside a list item", { given: { ...refund, refund_bill_list: [bill, { ...bill, amount: undefined }] }, want: [{ path: "refund_bill_list[1].amount", code: "required" }] }],
    ["type: string expected", { given: { ...refund, store_id: 100004 }, want: [{ path: "store_id", code: "type" }] }],
    ["type: Number rejects a fraction", { given: { ...refund, refund_points: 1.5 }, want: [{ path: "refund_points", code: "type" }] }],
    ["type: Number rejects an unsafe float", { given: { ...refund, refund_points: 2 ** 60 }, want: [{ path: "refund_points", code: "type" }] }],
    ["type: Number rejects non-digit text", { given: { ...refund, refund_points: "10a" }, want: [{ path: "refund_points", code: "type" }] }],
    ["type: list expected", { given: { ...refund, refund_goods_list: "a,b" }, want: [{ path: "refund_goods_list", code: "type" }] }],
    ["type: struct expected in a list", { given: { ...refund, refund_bill_list: ["x"] }, want: [{ path: "refund_bill_list[0]", code: "type" }] }],
    ["max length", { given: { ...refund, trade_no: "9".repeat(65) }, want: [{ path: "trade_no", code: "maxLength" }] }],
    ["max list size", { given: { ...refund, refund_bill_list: Array.from({ length: 21 }, () => bill) }, want: [{ path: "refund_bill_list", code: "maxListSize" }] }],
    ["closed enum in a list item", { given: { ...refund, refund_bill_list: [{ ...bill, type: "BITCOIN" }] }, want: [{ path: "refund_bill_list[0].type", code: "enum" }] }],
    ["atLeastOne: trade_no or out_trade_no", { given: { ...refund, trade_no: undefined }, want: [{ path: "trade_no|out_trade_no", code: "atLeastOne" }] }],
  ])("%s", (_title, { given, want }) => {
    expect(issuesOf(loose<AlibabaNlifeB2cTradeRefundParams>(given))).toEqual(want);
  });

  test.each<[string, { given: unknown; want: { path: string; code: string }[] }]>([
    ["required two levels down", { given: { param_appraise_isv_refund_request: { operation: "AGREE_REFUND" } }, want: [{ path: "param_appraise_isv_refund_request.biz_order_id", code: "required" }] }],
    ["enum on a nested field", { given: { param_appraise_isv_refund_request: { biz_order_id: 1, operation: "agree" } }, want: [{ path: "param_appraise_isv_refund_request.operation", code: "enum" }] }],
    ["type three levels down", { given: { param_appraise_isv_refund_request: { biz_order_id: 1, operation: "AGREE_RETURN", return_goods_address: { city: 3 } } }, want: [{ path: "param_appraise_isv_refund_request.return_goods_address.city", code: "type" }] }],
    ["an optional struct may be absent", { given: {}, want: [] }],
  ])("%s", (_title, { given, want }) => {
    expect(dealIssuesOf(loose<AlibabaIdleIsvOrderDealrefundParams>(given))).toEqual(want);
  });
});

test("validate() reports every issue, not just the first", () => {
  const issues = issuesOf(loose({ out_request_no: "x".repeat(65), refund_bill_list: [{ ...bill, type: "NOPE", amount: "1.5" }], refund_goods_list: [] }));
  expect(issues).toEqual([
    { path: "out_request_no", code: "maxLength" },
    { path: "refund_bill_list[0].type", code: "enum" },
    { path: "refund_bill_list[0].amount", code: "type" },
    { path: "refund_goods_list", code: "required" },
    { path: "trade_no|out_trade_no", code: "atLeastOne" },
  ]);
});

describe("issues carry a readable message", () => {
  test.each<[string, { given: Record<string, unknown>; want: string }]>([
    ["too long: the length and the limit", { given: { trade_no: "9".repeat(65) }, want: "is 65 characters long; at most 64 allowed" }],
    ["required", { given: { out_request_no: null }, want: "is required" }],
    ["wrong type: what was expected and what came", { given: { out_request_no: 12 }, want: "expected a string, got number" }],
    ["a fraction for an integer", { given: { refund_points: 1.5 }, want: "expected an integer (number, bigint or digit string), got a number with a fraction" }],
    ["an unsafe integer", { given: { refund_points: 2 ** 60 }, want: "expected an integer (number, bigint or digit string), got an integer beyond 2^53 (pass it as a bigint or a digit string)" }],
    ["NaN", { given: { refund_points: Number.NaN }, want: "expected an integer (number, bigint or digit string), got NaN" }],
    ["a list for a string", { given: { out_request_no: ["a"] }, want: "expected a string, got a list" }],
    [
      "not in the enum: the values and the value, quoted",
      { given: { refund_bill_list: [{ ...bill, type: 'say "hi"' }] }, want: 'must be one of CASH, UNIONPAY, ALIPAY, WECHAT_PAY, PROMOTION, CUSTOM_PROMOTION, CUSTOM_PREPAY_CARD, OFFLINE_PREPAY_CARD, MOLING; got "say \\"hi\\""' },
    ],
  ])("%s", (_title, { given, want }) => {
    const issues = new AlibabaNlifeB2cTradeRefundRequest(loose({ ...refund, ...given })).validate();
    expect(issues.map((i) => i.message)).toEqual([want]);
  });
});
