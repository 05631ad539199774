import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  TopApiError,
  TopClient,
  TopTransportError,
  TopValidationError,
  type SignMethod,
  type TopClientOptions,
} from "../../runtime/index.js";
import { AlibabaIdleIsvOrderDealrefundRequest } from "../../generated/alibaba.idle.isv.order.dealrefund.js";
import { type Gateway, type Received, startGateway } from "./fixtures/gateway.js";
import {
  AlibabaNlifeB2cTradeRefundRequest,
  type AlibabaNlifeB2cTradeRefundParams,
} from "../../generated/alibaba.nlife.b2c.trade.refund.js";
import { DEALREFUND_SAMPLE, NLIFE_SAMPLE } from "./fixtures/samples.js";
import { PictureUploadRequest } from "./fixtures/upload.js";
import { SAMPLE_FUND_BILL, SAMPLE_NLIFE_PARAMS } from "./fixtures/seed-params.js";

const APP_KEY = "12345678";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const SESSION = "6100e23a8f0c1b2d3e4f5a6b7c8d9e0f";

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ [APP_KEY]: APP_SECRET });
});
afterAll(async () => {
  await gateway.close();
});

function client<I extends "bigint" | "string" | "number" = "bigint", D extends "Date" | "string" = "Date">(
  options: Partial<TopClientOptions<I, D>> = {},
): TopClient<I, D> {
  return new TopClient<I, D>({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url, ...options });
}

/** Runs fn and returns the one request the gateway received meanwhile. */
async function exchange<T>(fn: () => Promise<T>): Promise<{ result: T; got: Received }> {
  const before = gateway.received.length;
  const result = await fn();
  expect(gateway.received.length).toBe(before + 1);
  return { result, got: gateway.received[before] as Received };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

const NLIFE_PARAMS: AlibabaNlifeB2cTradeRefundParams = {
  ...SAMPLE_NLIFE_PARAMS,
  refund_bill_list: [
    SAMPLE_FUND_BILL,
    {
      type: "PROMOTION",
      buyer_id_type: "TAOBAO_OPENID",
      title: "零售+平台的优惠",
      amount: 7091800003790954036n,
      currency: "CNY",
    },
  ],
  store_id: "零售+门店 100004",
};

describe("TopClient against a local gateway: alibaba.nlife.b2c.trade.refund", () => {
  it("sends common params in the query, API params in an urlencoded body, signed; decodes the answer", async () => {
    gateway.reply({ body: NLIFE_SAMPLE });
    const { result, got } = await exchange(() =>
      client().execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { session: SESSION }),
    );
    expect(got.httpMethod).toBe("POST");
    expect(got.path).toBe("/router/rest");
    expect(got.contentType).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(got.signatureOk).toBe(true);
    expect(Object.keys(got.query).sort()).toEqual(
      ["app_key", "format", "method", "session", "sign", "sign_method", "timestamp", "v"].sort(),
    );
    expect(got.query).toMatchObject({
      method: "alibaba.nlife.b2c.trade.refund",
      app_key: APP_KEY,
      session: SESSION,
      v: "2.0",
      sign_method: "hmac-sha256",
      format: "json",
    });
    expect(got.query.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(Math.abs(got.timestampSkewMs)).toBeLessThan(5_000); // GMT+8, whatever this host's zone
    expect(got.body).toEqual({
      trade_no: "100004000000000045678",
      out_request_no: "765345354",
      refund_bill_list:
        '[{"id":"201612310000000345354","type":"ALIPAY","buyer_id":"53456456","buyer_id_type":"WECHAT_OPENID",' +
        '"title":"支付宝支付","amount":6000,"currency":"CNY","extend_params":"{\\"k1\\":v1}","attachment":"age:26,gender:female"},' +
        '{"type":"PROMOTION","buyer_id_type":"TAOBAO_OPENID","title":"零售+平台的优惠","amount":7091800003790954036,"currency":"CNY"}]',
      refund_goods_list: "547580683166_326040728,550217515160_3611278001",
      out_trade_no: "OT423895437564378",
      store_id: "零售+门店 100004",
      refund_points: "10",
    });
    expect(got.files).toEqual({});
    expect(result).toEqual({ gmt_refund: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)), extend_params: '{"k1":v1}' });
    expectTypeOf(result.gmt_refund).toEqualTypeOf<Date | undefined>();
    expectTypeOf(result.extend_params).toEqualTypeOf<string | undefined>();
  });

  it.each<SignMethod>(["md5", "hmac", "hmac-sha256"])(
    "sign_method %s with Chinese values is accepted",
    async (signMethod) => {
      gateway.reply({ body: NLIFE_SAMPLE });
      const { got } = await exchange(() =>
        client({ signMethod }).execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { session: SESSION }),
      );
      expect(got.query.sign_method).toBe(signMethod);
      expect(got.signatureOk).toBe(true);
    },
  );

  it("optional common params are sent and signed; none is sent empty", async () => {
    gateway.reply({ body: '{"gmt_refund":"2016-12-31 23:59:59"}' });
    const fixed = Date.UTC(2016, 0, 1, 4, 0, 0);
    const { result, got } = await exchange(() =>
      client({ simplify: true, partnerId: "topgen", targetAppKey: "87654321", now: () => fixed }).execute(
        new AlibabaNlifeB2cTradeRefundRequest({ ...NLIFE_PARAMS, trade_no: "", store_id: "" }),
      ),
    );
    expect(got.signatureOk).toBe(true);
    expect(got.query).toMatchObject({ simplify: "true", partner_id: "topgen", target_app_key: "87654321" });
    expect(got.query.timestamp).toBe("2016-01-01 12:00:00");
    expect(got.query).not.toHaveProperty("session");
    expect(got.body).not.toHaveProperty("trade_no");
    expect(got.body).not.toHaveProperty("store_id");
    expect(result).toEqual({ gmt_refund: new Date(Date.UTC(2016, 11, 31, 15, 59, 59)) });
  });

  it("a wrong secret gets TOP's error 25 as a TopApiError", async () => {
    const wrong = new TopClient({ appKey: APP_KEY, appSecret: "not-the-secret", gateway: gateway.url });
    const err = await failure(wrong.execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)));
    expect(err).toBeInstanceOf(TopApiError);
    expect(err).toMatchObject({ code: 25, msg: "Invalid signature", subCode: "isv.invalid-signature" });
    expect(gateway.received.at(-1)?.signatureOk).toBe(false);
  });

  it("an invalid request throws TopValidationError without touching the network", async () => {
    let calls = 0;
    const counting: typeof fetch = async (...args) => {
      calls++;
      return fetch(...args);
    };
    const before = gateway.received.length;
    const bad = new AlibabaNlifeB2cTradeRefundRequest({
      ...NLIFE_PARAMS,
      out_request_no: "",
      refund_bill_list: [{ type: "ALIPAY", buyer_id_type: "ALIPAY_OPENID", title: "t", amount: "", currency: "CNY" }],
    });
    const err = await failure(client({ fetch: counting }).execute(bad, { session: SESSION }));
    expect(err).toBeInstanceOf(TopValidationError);
    expect((err as TopValidationError).issues.map((issue) => issue.path)).toEqual([
      "out_request_no",
      "refund_bill_list[0].amount",
    ]);
    expect(calls).toBe(0);
    expect(gateway.received.length).toBe(before);
  });
});

describe("TopClient against a local gateway: alibaba.idle.isv.order.dealrefund", () => {
  const req = new AlibabaIdleIsvOrderDealrefundRequest({
    param_appraise_isv_refund_request: {
      biz_order_id: 7091800003790954036n,
      leave_message: "这里写退款操作的说明",
      operation: "AGREE_RETURN",
      return_goods_address: {
        address_detail: "xx省xx市xx区xx路xx大厦xx室",
        consignee_name: "张三",
        mobile_phone: "13911911010",
        post_code: "000000",
        province: "浙江省",
        town: "xx街道/xx镇",
        division_code: "110102",
      },
    },
  });
  const answer =
    '{"alibaba_idle_isv_order_dealrefund_response":{"module":{"apply_refund_fee":100,"biz_order_id":7091800003790954036,' +
    '"dispute_id":333444555,"refund_status":"2","refund_time":"2021-03-05 11:00:00","timeout":3600},"request_id":"r1"}}';

  it("sends the struct param as JSON text and keeps 19-digit ids exact both ways", async () => {
    gateway.reply({ body: answer });
    const { result, got } = await exchange(() => client().execute(req, { session: SESSION }));
    expect(got.signatureOk).toBe(true);
    expect(got.body).toEqual({
      param_appraise_isv_refund_request:
        '{"biz_order_id":7091800003790954036,"leave_message":"这里写退款操作的说明","operation":"AGREE_RETURN",' +
        '"return_goods_address":{"address_detail":"xx省xx市xx区xx路xx大厦xx室","consignee_name":"张三",' +
        '"mobile_phone":"13911911010","post_code":"000000","province":"浙江省","town":"xx街道/xx镇","division_code":"110102"}}',
    });
    expect(result).toEqual({
      module: {
        apply_refund_fee: 100n,
        biz_order_id: 7091800003790954036n,
        dispute_id: 333444555n,
        refund_status: "2",
        refund_time: new Date(Date.UTC(2021, 2, 5, 3)),
        timeout: 3600n,
      },
    });
    expectTypeOf(result.module?.biz_order_id).toEqualTypeOf<bigint | undefined>();
  });

  it("int64: 'string' and dates: 'string' type and decode accordingly", async () => {
    gateway.reply({ body: answer });
    const result = await client({ int64: "string", dates: "string" }).execute(req, { session: SESSION });
    expect(result.module).toMatchObject({ biz_order_id: "7091800003790954036", refund_time: "2021-03-05 11:00:00" });
    expectTypeOf(result.module?.biz_order_id).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.module?.refund_time).toEqualTypeOf<string | undefined>();
  });

  it("int64: 'number' refuses to round", async () => {
    gateway.reply({ body: answer });
    const err = await failure(client({ int64: "number" }).execute(req, { session: SESSION }));
    expect(err).toMatchObject({ name: "TopDecodeError", path: "module.biz_order_id", rawValue: "7091800003790954036" });
  });

  it("the seed sample decodes", async () => {
    gateway.reply({ body: DEALREFUND_SAMPLE });
    const result = await client().execute(req);
    expect(result.module?.biz_order_id).toBe(111222333n);
  });
});

describe("TopClient: multipart when a file is present", () => {
  it("sends the file as an unsigned part and the text params as signed fields", async () => {
    gateway.reply({ body: '{"picture_upload_response":{"picture_path":"/i1/a.png"}}' });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const req = new PictureUploadRequest({
      picture_category_id: 7091800003790954036n,
      img: { name: "图片.png", data: bytes, type: "image/png" },
      image_input_title: "标题 title",
    });
    const { result, got } = await exchange(() => client({ signMethod: "md5" }).execute(req, { session: SESSION }));
    expect(got.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(got.signatureOk).toBe(true); // the gateway signs text fields only
    expect(got.body).toEqual({ picture_category_id: "7091800003790954036", image_input_title: "标题 title" });
    expect(Object.keys(got.files)).toEqual(["img"]);
    expect(got.files.img?.filename).toBe("图片.png");
    expect(got.files.img?.type).toBe("image/png");
    expect([...(got.files.img?.bytes ?? [])]).toEqual([...bytes]);
    expect(result).toEqual({ picture_path: "/i1/a.png" });
  });
});

describe("TopClient.executeRaw", () => {
  it("sends wire params as given and returns the body with exact integers", async () => {
    gateway.reply({
      body: '{"trade_fullinfo_get_response":{"trade":{"tid":7091800003790954036,"num":2,"price":"9.11"}}}',
    });
    const { result, got } = await exchange(() =>
      client().executeRaw(
        {
          method: "taobao.trade.fullinfo.get",
          params: { fields: "tid,num,price", tid: "7091800003790954036", empty: "" },
        },
        { session: SESSION },
      ),
    );
    expect(got.signatureOk).toBe(true);
    expect(got.body).toEqual({ fields: "tid,num,price", tid: "7091800003790954036" });
    expect(result).toEqual({
      trade_fullinfo_get_response: { trade: { tid: 7091800003790954036n, num: 2, price: "9.11" } },
    });
  });

  it("takes a TopRequest too, and throws TopApiError for error_response", async () => {
    gateway.reply({ body: '{"error_response":{"code":11,"msg":"Insufficient isv permissions","request_id":"r2"}}' });
    const err = await failure(client().executeRaw(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)));
    expect(err).toBeInstanceOf(TopApiError);
    expect(err).toMatchObject({ code: 11, requestId: "r2" });
  });

  it("refuses an API param named like a common param", async () => {
    await expect(client().executeRaw({ method: "taobao.x", params: { timestamp: "1" } })).rejects.toThrow(TypeError);
  });
});

describe("TopClient: answers that are not a response", () => {
  const html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
  const cases: Array<[string, { given: Parameters<Gateway["reply"]>[0]; want: Record<string, unknown> }]> = [
    [
      "an HTML error page (HTTP 200)",
      {
        given: { body: html, contentType: "text/html" },
        want: { name: "TopTransportError", kind: "not-json", status: 200, contentType: "text/html", body: html },
      },
    ],
    ["an empty body", { given: { body: "" }, want: { name: "TopTransportError", kind: "empty", status: 200 } }],
    ["a blank body", { given: { body: " \r\n" }, want: { name: "TopTransportError", kind: "empty" } }],
    [
      "HTTP 502 with an HTML page",
      {
        given: { status: 502, body: html, contentType: "text/html" },
        want: { name: "TopTransportError", kind: "http", status: 502, body: html },
      },
    ],
    [
      "HTTP 500 with an error_response: its code and sub-code are kept",
      {
        given: {
          status: 500,
          body: '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.remote-service-error"}}',
        },
        want: { name: "TopApiError", code: 15, codeText: "15", subCode: "isp.remote-service-error", status: 500 },
      },
    ],
    [
      "HTTP 500 with JSON that is not an error_response",
      {
        given: { status: 500, body: '{"oops":1}' },
        want: { name: "TopTransportError", kind: "http", status: 500 },
      },
    ],
    [
      "an odd code is kept as text",
      {
        given: { body: '{"error_response":{"code":"7x","msg":"odd"}}' },
        want: { name: "TopApiError", code: 0, codeText: "7x", message: expect.stringContaining("TOP error 7x odd") },
      },
    ],
    [
      "truncated JSON",
      {
        given: { body: '{"alibaba_nlife_b2c_trade_refund_response":{"gmt_re' },
        want: { name: "TopTransportError", kind: "not-json" },
      },
    ],
    ["JSON that is not an object", { given: { body: "[]" }, want: { name: "TopDecodeError", path: "" } }],
    [
      "a bad value",
      {
        given: { body: '{"gmt_refund":"yesterday"}' },
        want: { name: "TopDecodeError", path: "gmt_refund", rawValue: '"yesterday"' },
      },
    ],
    [
      "error_response",
      {
        given: {
          body: '{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数"}}',
        },
        want: { name: "TopApiError", code: 50, subMsg: "非法参数" },
      },
    ],
  ];
  it.each(cases)("%s", async (_title, { given, want }) => {
    gateway.reply(given);
    const err = await failure(
      client().execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { session: SESSION }),
    );
    expect(err).toMatchObject({ ...want, method: "alibaba.nlife.b2c.trade.refund" });
  });

  it("timeoutMs: a gateway that never answers", async () => {
    gateway.reply({ hang: true });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 300 }).execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)));
    expect(err).toBeInstanceOf(TopTransportError);
    expect(err).toMatchObject({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("timeoutMs: a slow body", async () => {
    gateway.reply({ body: NLIFE_SAMPLE, delayMs: 2_000 });
    const err = await failure(client({ timeoutMs: 200 }).execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)));
    expect(err).toMatchObject({ name: "TopTransportError", kind: "timeout" });
  });

  it("timeoutMs holds even when a custom fetch ignores the signal", async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => undefined);
    const err = await failure(
      client({ timeoutMs: 100, fetch: deaf }).execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)),
    );
    expect(err).toMatchObject({ name: "TopTransportError", kind: "timeout" });
  });

  it("the caller's AbortSignal", async () => {
    gateway.reply({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure(
      client().execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { signal: controller.signal }),
    );
    expect(err).toMatchObject({ name: "TopTransportError", kind: "aborted" });
  });

  it("an already aborted signal sends nothing", async () => {
    const before = gateway.received.length;
    const err = await failure(
      client().execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS), { signal: AbortSignal.abort() }),
    );
    expect(err).toMatchObject({ name: "TopTransportError", kind: "aborted" });
    expect(gateway.received.length).toBe(before);
  });

  it("the connection drops", async () => {
    gateway.reply({ destroy: true });
    const err = await failure(client().execute(new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS)));
    expect(err).toMatchObject({ name: "TopTransportError", kind: "network" });
  });

  it("nobody listens", async () => {
    const closed = await startGateway({});
    const url = closed.url;
    await closed.close();
    const err = await failure(
      new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: url }).execute(
        new AlibabaNlifeB2cTradeRefundRequest(NLIFE_PARAMS),
      ),
    );
    expect(err).toMatchObject({ name: "TopTransportError", kind: "network" });
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("TopClient options", () => {
  const cases: Array<[string, { given: Record<string, unknown>; want: RegExp }]> = [
    ["no appKey", { given: { appKey: "" }, want: /appKey is required/ }],
    ["no appSecret", { given: { appSecret: "" }, want: /appSecret is required/ }],
    ["bad signMethod", { given: { signMethod: "sha1" }, want: /unknown signMethod/ }],
    ["bad timeout", { given: { timeoutMs: -1 }, want: /timeoutMs/ }],
    ["bad int64", { given: { int64: "long" }, want: /unknown int64 mode/ }],
    ["bad gateway", { given: { gateway: "not a url" }, want: /Invalid URL/ }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const options = { appKey: APP_KEY, appSecret: APP_SECRET, ...given } as unknown as TopClientOptions;
    expect(() => new TopClient(options)).toThrow(want);
  });

  it("defaults", () => {
    const c = new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET });
    expect(c).toMatchObject({
      gateway: "https://eco.taobao.com/router/rest",
      signMethod: "hmac-sha256",
      simplify: false,
      int64: "bigint",
      dates: "Date",
    });
  });
});

describe("TopClient: a file list (byte[][]) is several unsigned parts under one name", () => {
  it("sends each file as its own part", async () => {
    gateway.reply({ body: '{"picture_upload_response":{"picture_path":"/i1/a.png"}}' });
    const req = new PictureUploadRequest({
      picture_category_id: 1,
      img: { name: "a.png", data: new Uint8Array([1]) },
      image_input_title: "t",
    });
    const shape = {
      ...req.requestShape,
      fields: req.requestShape.fields.map((f) => (f.name === "img" ? { ...f, list: true as const } : f)),
    };
    const files = [
      { name: "a.png", data: new Uint8Array([1]) },
      { name: "b.png", data: new Uint8Array([2, 3]) },
    ];
    const listReq = Object.assign(Object.create(req) as PictureUploadRequest, {
      requestShape: shape,
      params: { ...req.params, img: files },
    });
    const { got } = await exchange(() => client().execute(listReq));
    expect(got.signatureOk).toBe(true);
    expect(got.fileParts.map((p) => [p.name, p.filename, [...p.bytes]])).toEqual([
      ["img", "a.png", [1]],
      ["img", "b.png", [2, 3]],
    ]);
  });
});
