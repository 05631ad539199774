// The real generated SDK (generated/) driven through the runtime against the local gateway: the wire params and
// decoded values the seed pages document.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  AlibabaIdleIsvOrderDealrefundRequest,
  AlibabaNlifeB2cTradeRefundRequest,
  decodeAlibabaIdleIsvOrderDealrefundResponse,
  decodeAlibabaNlifeB2cTradeRefundResponse,
} from "../../generated/index.js";
import { TopClient, TopValidationError, toWireParams } from "../../runtime/index.js";
import { type Gateway, startGateway } from "./fixtures/gateway.js";
import { DEALREFUND_SAMPLE, NLIFE_SAMPLE } from "./fixtures/samples.js";
import { SAMPLE_FUND_BILL, SAMPLE_NLIFE_PARAMS } from "./fixtures/seed-params.js";

const APP_KEY = "34567890";
const APP_SECRET = "generated-sdk-secret-0123456789";
const SESSION = "6100gen0session";

let gateway: Gateway;
let client: TopClient;
beforeAll(async () => {
  gateway = await startGateway({ [APP_KEY]: APP_SECRET });
  client = new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url });
});
afterAll(async () => {
  await gateway.close();
});

const NLIFE_PARAMS = {
  ...SAMPLE_NLIFE_PARAMS,
  refund_bill_list: [{ ...SAMPLE_FUND_BILL, amount: 7091800003790954036n }],
} as const;

const DEALREFUND_PARAMS = {
  param_appraise_isv_refund_request: {
    biz_order_id: "7091800003790954036",
    leave_message: "这里写退款操作的说明",
    operation: "AGREE_REFUND",
    return_goods_address: { area: "xx区", city: "xx市", consignee_name: "张三", division_code: "110102" },
  },
} as const;

describe("generated alibaba.nlife.b2c.trade.refund", () => {
  it("its request shape gives every param its documented wire form", () => {
    const generated = new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS);
    expect(toWireParams(generated.requestShape, generated.params)).toEqual({
      text: {
        trade_no: "100004000000000045678",
        out_request_no: "765345354",
        refund_bill_list:
          '[{"id":"201612310000000345354","type":"ALIPAY","buyer_id":"53456456","buyer_id_type":"WECHAT_OPENID",' +
          '"title":"支付宝支付","amount":7091800003790954036,"currency":"CNY","extend_params":"{\\"k1\\":v1}","attachment":"age:26,gender:female"}]',
        refund_goods_list: "547580683166_326040728,550217515160_3611278001",
        out_trade_no: "OT423895437564378",
        store_id: "100004",
        refund_points: "10",
      },
      files: {},
    });
  });

  it("executes: wire params as documented, typed response", async () => {
    gateway.reply({ body: NLIFE_SAMPLE });
    const res = await client.execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { session: SESSION });
    const got = gateway.received.at(-1);
    expect(got?.signatureOk).toBe(true);
    expect(got?.query.session).toBe(SESSION);
    expect(got?.body.refund_bill_list).toBe(
      '[{"id":"201612310000000345354","type":"ALIPAY","buyer_id":"53456456","buyer_id_type":"WECHAT_OPENID",' +
        '"title":"支付宝支付","amount":7091800003790954036,"currency":"CNY","extend_params":"{\\"k1\\":v1}","attachment":"age:26,gender:female"}]',
    );
    expect(got?.body.refund_goods_list).toBe("547580683166_326040728,550217515160_3611278001");
    expect(res).toEqual({ gmt_refund: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)), extend_params: '{"k1":v1}' });
    expectTypeOf(res.gmt_refund).toEqualTypeOf<Date | undefined>();
  });

  it("its validate() stops a bad request before the network", async () => {
    const before = gateway.received.length;
    const bad = new AlibabaNlifeB2cTradeRefundRequest({ ...NLIFE_PARAMS, trade_no: "x".repeat(65) });
    await expect(client.execute(bad)).rejects.toBeInstanceOf(TopValidationError);
    await expect(client.execute(bad)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "trade_no" })],
    });
    expect(gateway.received.length).toBe(before);
  });

  it("its decode function", () => {
    expect(decodeAlibabaNlifeB2cTradeRefundResponse(NLIFE_SAMPLE, { dates: "string" })).toEqual({
      gmt_refund: "2016-12-31 23:59:59",
      extend_params: '{"k1":v1}',
    });
  });
});

describe("generated alibaba.idle.isv.order.dealrefund", () => {
  it("its decode function reads the page's response sample, every Number a bigint", () => {
    expect(decodeAlibabaIdleIsvOrderDealrefundResponse(DEALREFUND_SAMPLE)).toEqual({
      module: {
        apply_refund_fee: 100n,
        biz_order_id: 111222333n,
        dispute_id: 333444555n,
        real_refund_fee: 100n,
        refund_status: "2",
        refund_time: new Date(Date.UTC(2021, 2, 5, 3)),
        refund_type: "REFUND_ONLY_NO_SHIP",
        return_goods_status: "UNSHIPPED",
        timeout: 3600n,
      },
    });
  });

  it("its validate() checks the struct param's required fields and closed enum", () => {
    const bad = new AlibabaIdleIsvOrderDealrefundRequest({
      param_appraise_isv_refund_request: { biz_order_id: "1", operation: "REFUND" as never },
    });
    expect(bad.validate().map((issue) => issue.path)).toEqual(["param_appraise_isv_refund_request.operation"]);
    expect(new AlibabaIdleIsvOrderDealrefundRequest(DEALREFUND_PARAMS).validate()).toEqual([]);
  });

  it("executes: the struct param as JSON, 19-digit ids exact", async () => {
    gateway.reply({
      body: '{"alibaba_idle_isv_order_dealrefund_response":{"module":{"biz_order_id":7091800003790954036,"refund_time":"2021-03-05 11:00:00"}}}',
    });
    const res = await client.execute(new AlibabaIdleIsvOrderDealrefundRequest(DEALREFUND_PARAMS), { session: SESSION });
    expect(gateway.received.at(-1)?.body).toEqual({
      param_appraise_isv_refund_request:
        '{"biz_order_id":7091800003790954036,"leave_message":"这里写退款操作的说明","operation":"AGREE_REFUND",' +
        '"return_goods_address":{"area":"xx区","city":"xx市","consignee_name":"张三","division_code":"110102"}}',
    });
    expect(res).toEqual({
      module: { biz_order_id: 7091800003790954036n, refund_time: new Date(Date.UTC(2021, 2, 5, 3)) },
    });
    expectTypeOf(res.module?.biz_order_id).toEqualTypeOf<bigint | undefined>();
  });

  it("a client with int64 'string' types the generated response accordingly", async () => {
    gateway.reply({ body: DEALREFUND_SAMPLE });
    const stringy = new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url, int64: "string" });
    const res = await stringy.execute(new AlibabaIdleIsvOrderDealrefundRequest(DEALREFUND_PARAMS));
    expect(res.module?.biz_order_id).toBe("111222333");
    expectTypeOf(res.module?.biz_order_id).toEqualTypeOf<string | undefined>();
  });
});
