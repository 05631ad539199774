import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sign, signContent, type SignMethod } from "../../runtime/index.js";

type Params = Record<string, string>;

describe("sign: known answers published by TOP (md5)", () => {
  const cases: Array<[string, { given: { secret: string; params: Params }; want: string }]> = [
    [
      "taobao.item.seller.get, secret helloworld",
      {
        given: {
          secret: "helloworld",
          params: {
            method: "taobao.item.seller.get",
            app_key: "12345678",
            session: "test",
            timestamp: "2016-01-01 12:00:00",
            format: "json",
            v: "2.0",
            sign_method: "md5",
            fields: "num_iid,title,nick,price,num",
            num_iid: "11223344",
          },
        },
        want: "66987CB115214E59E6EC978214934FB8",
      },
    ],
    [
      "taobao.user.seller.get, secret test",
      {
        given: {
          secret: "test",
          params: {
            method: "taobao.user.seller.get",
            timestamp: "2013-05-06 13:52:03",
            format: "xml",
            app_key: "test",
            v: "2.0",
            fields: "nick",
            sign_method: "md5",
            session: "test",
          },
        },
        want: "72CB4D809B375A54502C09360D879C64",
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(sign(given.params, given.secret, "md5")).toBe(want);
  });
});

// RFC 2202 (HMAC-MD5) and RFC 4231 (HMAC-SHA256) vectors, with the data split into params whose sorted
// key+value concatenation is exactly the RFC's data. Empty values and `sign` must not change anything.
describe("sign: HMAC paths against RFC test vectors", () => {
  const hiThere: Params = { The: "re", H: "i ", sign: "IGNORED", a: "" }; // → "Hi There"
  const jefe: Params = { want: " for nothing?", w: "hat do ya " }; // → "what do ya want for nothing?"
  const cases: Array<[string, { given: { secret: string; params: Params; method: SignMethod }; want: string }]> = [
    [
      "RFC 2202 case 1 (HMAC-MD5, key 0x0b×16)",
      {
        given: { secret: "\x0b".repeat(16), params: hiThere, method: "hmac" },
        want: "9294727a3638bb1c13f48ef8158bfc9d",
      },
    ],
    [
      "RFC 2202 case 2 (HMAC-MD5, key Jefe)",
      { given: { secret: "Jefe", params: jefe, method: "hmac" }, want: "750c783e6ab0b503eaa86e310a5db738" },
    ],
    [
      "RFC 4231 case 1 (HMAC-SHA256, key 0x0b×20)",
      {
        given: { secret: "\x0b".repeat(20), params: hiThere, method: "hmac-sha256" },
        want: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
      },
    ],
    [
      "RFC 4231 case 2 (HMAC-SHA256, key Jefe)",
      {
        given: { secret: "Jefe", params: jefe, method: "hmac-sha256" },
        want: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(sign(given.params, given.secret, given.method)).toBe(want.toUpperCase());
  });
});

describe("sign: the concatenation rule", () => {
  const cases: Array<[string, { given: Record<string, string | null | undefined>; want: string }]> = [
    ["sorted by key", { given: { b: "2", a: "1", c: "3" }, want: "a1b2c3" }],
    ["code-unit order: capitals before lower case, _ between", { given: { a: "1", B: "2", _: "3" }, want: "B2_3a1" }],
    ["a prefix sorts first", { given: { ab: "2", a: "1" }, want: "a1ab2" }],
    [
      "sign, empty, null and undefined are left out",
      { given: { sign: "X", a: "", b: null, c: undefined, d: "4" }, want: "d4" },
    ],
    ["values kept raw (no URL encoding)", { given: { q: "a b&c=d+e/中" }, want: "qa b&c=d+e/中" }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(signContent(given)).toBe(want);
  });
});

describe("sign: Chinese values are hashed as UTF-8", () => {
  const params: Params = {
    method: "alibaba.nlife.b2c.trade.refund",
    app_key: "12345678",
    timestamp: "2016-12-31 23:59:59",
    store_id: "零售+门店",
    title: "支付宝支付",
  };
  const secret = "秘密secret";
  const concat =
    "app_key12345678methodalibaba.nlife.b2c.trade.refundstore_id零售+门店timestamp2016-12-31 23:59:59title支付宝支付";
  const utf8 = Buffer.from(concat, "utf8");
  const key = Buffer.from(secret, "utf8");
  const cases: Array<[SignMethod, string]> = [
    [
      "md5",
      createHash("md5")
        .update(Buffer.concat([key, utf8, key]))
        .digest("hex"),
    ],
    ["hmac", createHmac("md5", key).update(utf8).digest("hex")],
    ["hmac-sha256", createHmac("sha256", key).update(utf8).digest("hex")],
  ];
  it.each(cases)("%s", (method, want) => {
    expect(signContent(params)).toBe(concat);
    expect(sign(params, secret, method)).toBe(want.toUpperCase());
    // A Latin-1 hash (the classic error-25 mistake) would differ.
    expect(sign(params, secret, method)).not.toBe(
      createHmac("sha256", key).update(Buffer.from(concat, "latin1")).digest("hex").toUpperCase(),
    );
  });
});
