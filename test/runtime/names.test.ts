import { describe, expect, it } from "vitest";
import { listItemKey, responseKey, type FieldShape } from "../../runtime/index.js";

describe("responseKey", () => {
  const cases: Array<[string, { given: string; want: string }]> = [
    ["taobao. prefix dropped", { given: "taobao.trade.fullinfo.get", want: "trade_fullinfo_get_response" }],
    [
      "alibaba. kept",
      { given: "alibaba.idle.isv.order.dealrefund", want: "alibaba_idle_isv_order_dealrefund_response" },
    ],
    ["seed 002", { given: "alibaba.nlife.b2c.trade.refund", want: "alibaba_nlife_b2c_trade_refund_response" }],
    [
      "taobao inside the name is kept",
      {
        given: "alibaba.taobao.ud.smart.monitor.url.create",
        want: "alibaba_taobao_ud_smart_monitor_url_create_response",
      },
    ],
    [
      "tmall kept",
      {
        given: "tmall.mallitemcenter.serviceproduct.query",
        want: "tmall_mallitemcenter_serviceproduct_query_response",
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(responseKey(given)).toBe(want);
  });
});

describe("listItemKey", () => {
  const struct = (name: string): FieldShape => ({
    name: "x",
    type: "Struct",
    list: true,
    struct: () => ({ name, fields: [] }),
  });
  const cases: Array<[string, { given: string | FieldShape; want: string }]> = [
    ["ArticleDTO: every capital starts a segment", { given: "ArticleDTO", want: "article_d_t_o" }],
    ["NTbkItem", { given: "NTbkItem", want: "n_tbk_item" }],
    ["FundBill", { given: "FundBill", want: "fund_bill" }],
    ["PublisherOrderDto", { given: "PublisherOrderDto", want: "publisher_order_dto" }],
    ["digits stay in their segment", { given: "Top3Item", want: "top3_item" }],
    ["a qualified name uses its last part", { given: "AlibabaNlifeB2cTradeRefundRequest.FundBill", want: "fund_bill" }],
    ["String", { given: "String", want: "string" }],
    ["Number", { given: "Number", want: "number" }],
    ["Boolean", { given: "Boolean", want: "boolean" }],
    ["struct field shape", { given: struct("SpServiceOrderDTO"), want: "sp_service_order_d_t_o" }],
    ["string field shape", { given: { name: "tags", type: "String", list: true }, want: "string" }],
    ["number field shape", { given: { name: "label_ids", type: "Number", list: true }, want: "number" }],
    ["other scalars: lowercase type name", { given: { name: "times", type: "Date", list: true }, want: "date" }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(listItemKey(given)).toBe(want);
  });
});
