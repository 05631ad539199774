// The redaction gaps of issue 14: a secret cut to the shown length, and a secret echoed with JSON escapes.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TopApiError, TopClient, TopDecodeError } from "../../runtime/index.js";
import { redactError, redactText, secretForms } from "../../runtime/client/redact.js";
import { type Gateway, startGateway } from "./fixtures/gateway.js";
import {
  AlibabaNlifeB2cTradeRefundRequest,
  type AlibabaNlifeB2cTradeRefundParams,
} from "../../generated/alibaba.nlife.b2c.trade.refund.js";

const APP_KEY = "45678901";
const APP_SECRET = "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4";
const SESSION = "sess/61005a7e+汉字==";

/** Every character as a \uXXXX escape; `upper` picks the hex case, `every` escapes only each n-th character. */
function escaped(text: string, { upper = false, every = 1 } = {}): string {
  return [...text]
    .map((ch, i) => {
      if (i % every !== 0) return ch === "/" ? "\\/" : ch;
      const hex = ch.charCodeAt(0).toString(16).padStart(4, "0");
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    })
    .join("");
}

describe("redactText", () => {
  const cases: Array<[string, { given: string; want: string }]> = [
    ["as written", { given: `a ${SESSION} b`, want: "a *** b" }],
    ["every character escaped, lower-case hex", { given: `"${escaped(SESSION)}"`, want: '"***"' }],
    ["every character escaped, upper-case hex", { given: `"${escaped(SESSION, { upper: true })}"`, want: '"***"' }],
    [
      "a mix of escaped and plain characters, \\/ for /",
      { given: `x${escaped(SESSION, { every: 3 })}y`, want: "x***y" },
    ],
    ["twice", { given: `${escaped(APP_SECRET)}-${APP_SECRET}`, want: "***-***" }],
    [
      "an escaped text that is not the secret is kept",
      { given: String.raw`"\u0061\u0062"`, want: String.raw`"\u0061\u0062"` },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(redactText(given, secretForms([APP_SECRET, SESSION]))).toBe(want);
  });
});

describe("TopDecodeError: the value is scrubbed before it is cut to the shown length", () => {
  it("a secret across the 80-character cut leaves no prefix in the message or the stack", () => {
    const raw = JSON.stringify(`${"x".repeat(50)}${APP_SECRET}${"y".repeat(40)}`);
    const err = new TopDecodeError({
      method: "m",
      path: "gmt_refund",
      reason: "expected a date",
      rawValue: raw,
      body: raw,
    });
    expect(err.message).toContain(APP_SECRET.slice(0, 29)); // the gap: 29 characters of the secret shown
    redactError(err, secretForms([APP_SECRET]));
    for (const view of [
      err.message,
      String(err.stack),
      inspect(err),
      JSON.stringify(Object.getOwnPropertyDescriptors(err)),
    ]) {
      expect(view).not.toContain(APP_SECRET.slice(0, 6));
    }
    expect(err.message).toContain("***");
    expect(err.rawValue).toContain("***");
    expect(err.stack?.split("\n")[0]).toBe(`TopDecodeError: ${err.message}`);
  });
});

describe("TopClient: secrets echoed with JSON escapes", () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ [APP_KEY]: APP_SECRET });
  });
  afterAll(async () => {
    await gateway.close();
  });
  const client = (): TopClient => new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url });
  const params: AlibabaNlifeB2cTradeRefundParams = {
    out_request_no: "765345354",
    trade_no: "100004000000000045678",
    refund_bill_list: [{ type: "ALIPAY", buyer_id_type: "ALIPAY_OPENID", title: "t", amount: 1, currency: "CNY" }],
    refund_goods_list: ["a"],
  };

  const cases: Array<[string, { given: string; want: Record<string, unknown> }]> = [
    [
      "an error_response echoing the session and the secret as \\u00XX escapes",
      {
        given: `{"error_response":{"code":27,"msg":"${escaped(SESSION)} ${escaped(APP_SECRET, { upper: true })}"}}`,
        want: { name: "TopApiError", code: 27 },
      },
    ],
    [
      "a decode error whose value is the escaped secret, cut across it",
      {
        given: `{"gmt_refund":"${"x".repeat(60)}${escaped(APP_SECRET, { every: 2 })}"}`,
        want: { name: "TopDecodeError", path: "gmt_refund" },
      },
    ],
    [
      "a 500 with an error_response echoing the session",
      {
        given: `{"error_response":{"code":15,"sub_code":"isp.x","sub_msg":"${escaped(SESSION)}"}}`,
        want: { name: "TopApiError", code: 15 },
      },
    ],
  ];
  it.each(cases)("%s: masked in the message and in body", async (title, { given, want }) => {
    gateway.reply({ status: title.includes("500") ? 500 : 200, body: given });
    const err = await client()
      .execute(new AlibabaNlifeB2cTradeRefundRequest(params), { session: SESSION })
      .catch((e: unknown) => e);
    expect(err).toMatchObject(want);
    const body = (err as TopApiError | TopDecodeError).body;
    expect(body).toContain("***");
    const views = [String(err), JSON.stringify(err), body, inspect(err, { showHidden: true, depth: Infinity })];
    for (const view of views) {
      for (const secret of [
        SESSION,
        APP_SECRET,
        escaped(SESSION),
        APP_SECRET.slice(0, 6),
        escaped(APP_SECRET.slice(0, 4)),
      ]) {
        expect(view).not.toContain(secret);
      }
    }
  });
});
