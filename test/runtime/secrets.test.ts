// Neither the app secret nor the session may show in any error (message, String(err), its own properties,
// its cause), whatever the gateway, a proxy or a custom fetch echoes back.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TopClient } from "../../runtime/index.js";
import { type Gateway, type Reply, startGateway } from "./fixtures/gateway.js";
import {
  AlibabaNlifeB2cTradeRefundRequest,
  type AlibabaNlifeB2cTradeRefundParams,
} from "../../generated/alibaba.nlife.b2c.trade.refund.js";

const APP_KEY = "23456789";
const APP_SECRET = "s3cr3t-APP-SECRET-5f4dcc3b5aa765d61d8327deb882cf99";
const SESSION = "sess+ion/61005a7e 汉字==";
const FORMS = [
  APP_SECRET,
  SESSION,
  encodeURIComponent(SESSION),
  new URLSearchParams({ s: SESSION }).toString().slice(2),
];

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ [APP_KEY]: APP_SECRET });
});
afterAll(async () => {
  await gateway.close();
});

const PARAMS: AlibabaNlifeB2cTradeRefundParams = {
  out_request_no: "765345354",
  trade_no: "100004000000000045678",
  refund_bill_list: [{ type: "ALIPAY", buyer_id_type: "ALIPAY_OPENID", title: "t", amount: 1, currency: "CNY" }],
  refund_goods_list: ["a"],
};
const echo = `session=${SESSION} secret=${APP_SECRET} url=?session=${encodeURIComponent(SESSION)}&s=${new URLSearchParams({ s: SESSION })}`;

function client(extra: { timeoutMs?: number; fetch?: typeof fetch; appSecret?: string } = {}): TopClient {
  return new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url, ...extra });
}

async function provoke(
  reply: Reply | undefined,
  run: (c: TopClient) => Promise<unknown>,
  c = client(),
): Promise<unknown> {
  if (reply !== undefined) gateway.reply(reply);
  try {
    await run(c);
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

const send =
  (params: AlibabaNlifeB2cTradeRefundParams = PARAMS, signal?: AbortSignal) =>
  (c: TopClient) =>
    c.execute(
      new AlibabaNlifeB2cTradeRefundRequest(params),
      signal === undefined ? { session: SESSION } : { session: SESSION, signal },
    );

/** The generated request with its checks switched off, so that a bad value reaches the wire writer. */
class Unchecked extends AlibabaNlifeB2cTradeRefundRequest {
  override validate(): [] {
    return [];
  }
}

/** Every own property, enumerable or not, followed into nested objects and causes. */
function ownProperties(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(value)) {
    out[key] = ownProperties((value as Record<string, unknown>)[key], seen);
  }
  return out;
}

const urlEchoingFetch: typeof fetch = async (input) => {
  const url = String(input);
  throw new TypeError(`cannot reach ${url}`, { cause: new Error(`socket for ${decodeURIComponent(url)} closed`) });
};

const cases: Array<
  [
    string,
    { reply?: Reply; run: (c: TopClient) => Promise<unknown>; client?: () => TopClient; want: Record<string, unknown> },
  ]
> = [
  ["TopValidationError", { run: send({ ...PARAMS, out_request_no: "" }), want: { name: "TopValidationError" } }],
  [
    "TopApiError echoing both",
    {
      reply: {
        body: JSON.stringify({
          error_response: { code: 27, msg: echo, sub_code: echo, sub_msg: echo, request_id: SESSION },
        }),
      },
      run: send(),
      want: { name: "TopApiError", code: 27 },
    },
  ],
  [
    "TopApiError 25 from a wrong secret",
    {
      run: send(),
      client: () => client({ appSecret: `${APP_SECRET}-wrong` }),
      want: { name: "TopApiError", code: 25 },
    },
  ],
  [
    "TopDecodeError with the session as the bad value",
    {
      reply: { body: JSON.stringify({ gmt_refund: SESSION, extend_params: echo }) },
      run: send(),
      want: { name: "TopDecodeError", path: "gmt_refund" },
    },
  ],
  [
    "TopTransportError not-json",
    { reply: { body: `<html>${echo}</html>`, contentType: "text/html" }, run: send(), want: { kind: "not-json" } },
  ],
  [
    "TopTransportError http",
    { reply: { status: 500, body: echo, contentType: "text/plain" }, run: send(), want: { kind: "http" } },
  ],
  ["TopTransportError empty", { reply: { body: "" }, run: send(), want: { kind: "empty" } }],
  [
    "TopTransportError timeout",
    { reply: { hang: true }, run: send(), client: () => client({ timeoutMs: 100 }), want: { kind: "timeout" } },
  ],
  [
    "TopTransportError aborted",
    { reply: { hang: true }, run: (c) => send(PARAMS, AbortSignal.timeout(100))(c), want: { kind: "aborted" } },
  ],
  ["TopTransportError network (dropped)", { reply: { destroy: true }, run: send(), want: { kind: "network" } }],
  [
    "TopTransportError network (a fetch that quotes the URL)",
    { run: send(), client: () => client({ fetch: urlEchoingFetch }), want: { kind: "network" } },
  ],
  [
    "TypeError from the wire writer (the module's validate() would stop 1.5 first: here it is skipped)",
    {
      run: (c) => c.execute(new Unchecked({ ...PARAMS, refund_points: 1.5 }), { session: SESSION }),
      want: { name: "TypeError" },
    },
  ],
  [
    "executeRaw TopApiError",
    {
      reply: { body: JSON.stringify({ error_response: { code: 27, msg: echo } }) },
      run: (c) => c.executeRaw({ method: "taobao.x", params: { q: "1" } }, { session: SESSION }),
      want: { name: "TopApiError" },
    },
  ],
];

describe("no secret in any error", () => {
  it.each(cases)("%s", async (_title, { reply, run, client: c, want }) => {
    const err = await provoke(reply, run, c === undefined ? client() : c());
    expect(err).toMatchObject(want);
    const views = [
      (err as Error).message,
      String(err),
      JSON.stringify(err),
      JSON.stringify(ownProperties(err)),
      inspect(err, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
    ];
    for (const view of views) for (const secret of FORMS) expect(view).not.toContain(secret);
  });

  it("the echo really reached the client (the redaction is what hides it)", async () => {
    gateway.reply({ body: JSON.stringify({ error_response: { code: 27, msg: echo } }) });
    const err = await provoke(undefined, send());
    expect(err).toMatchObject({ msg: expect.stringContaining("session=*** secret=***") });
  });

  it("the client itself does not show the secret", () => {
    const c = client();
    expect(JSON.stringify(c)).not.toContain(APP_SECRET);
    expect(inspect(c, { showHidden: true, depth: Number.POSITIVE_INFINITY })).not.toContain(APP_SECRET);
  });
});
