// TopClient against a loopback gateway that misbehaves on cue: bounded reads (also compressed), redirects
// refused, timeouts, and which failures are retried. Every error is checked for secrets too.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type RetryInfo,
  TopApiError,
  TopClient,
  type TopClientOptions,
  TopTransportError,
} from "../../runtime/index.js";
import { type Gateway, type Received, type Reply, startGateway } from "./fixtures/gateway.js";

const APP_KEY = "34567890";
const APP_SECRET = "f00dfacecafebabe0123456789abcdef";
const SESSION = "6102a0c0ffee5e55104b1a2c3d4e5f60718293a4";
const READ = "taobao.trade.fullinfo.get";
const WRITE = "taobao.trade.memo.update";
const OK = (method: string): string =>
  JSON.stringify({ [`${method.slice(method.indexOf(".") + 1).replaceAll(".", "_")}_response`]: { ok: true } });

let gateway: Gateway;
let elsewhere: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ [APP_KEY]: APP_SECRET });
  elsewhere = await startGateway({ [APP_KEY]: APP_SECRET });
});
afterAll(async () => {
  await gateway.close();
  await elsewhere.close();
});

function client(options: Partial<TopClientOptions> = {}): TopClient {
  return new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...options,
  });
}

interface Outcome {
  readonly error: unknown;
  readonly value: unknown;
  /** Requests the gateway read during the call. */
  readonly seen: Received[];
  readonly ms: number;
}

async function call(
  c: TopClient,
  method: string,
  opts: { retryWrites?: boolean; signal?: AbortSignal } = {},
): Promise<Outcome> {
  const before = gateway.received.length;
  const started = Date.now();
  let error: unknown;
  let value: unknown;
  try {
    value = await c.executeRaw({ method, params: { tid: "1" } }, { session: SESSION, ...opts });
  } catch (err) {
    error = err;
  }
  return { error, value, seen: gateway.received.slice(before), ms: Date.now() - started };
}

/** Every own property, enumerable or not, followed into nested objects and causes. */
function ownProperties(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value !== "object" || value === null || seen.has(value)) return value;
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.getOwnPropertyNames(value))
    out[key] = ownProperties((value as Record<string, unknown>)[key], seen);
  return out;
}

const SECRET_FORMS = [APP_SECRET, SESSION, APP_SECRET.slice(0, 16), SESSION.slice(0, 16)];

function expectNoSecret(err: unknown): void {
  const views = [
    String(err),
    JSON.stringify(err),
    JSON.stringify(ownProperties(err)),
    inspect(err, { showHidden: true, depth: Infinity }),
  ];
  for (const view of views) for (const secret of SECRET_FORMS) expect(view).not.toContain(secret);
  // nor the signature of any request the gateway saw
  for (const got of gateway.received.slice(-5))
    for (const view of views) expect(view).not.toContain(got.query.sign ?? "no sign");
}

function expectFailure(
  outcome: Outcome,
  want: Record<string, unknown>,
  cls: typeof TopTransportError | typeof TopApiError,
): void {
  expect(outcome.error).toBeInstanceOf(cls);
  expect(outcome.error).toMatchObject(want);
  expectNoSecret(outcome.error);
}

describe("maxResponseBytes: counted after decompression, refused while reading", () => {
  const MB = 1024 * 1024;
  // maxStreamed: the gateway cannot have produced the whole body, so the client stopped reading early. A
  // compressed body of one repeated byte is ~1,000 times smaller on the wire and may be sent whole before the
  // client reads it: there the bound is checked only on the bomb, made large enough (1 GiB) not to fit.
  const cases: Array<[string, { given: Reply; options?: Partial<TopClientOptions>; want: { maxStreamed: number } }]> = [
    [
      "a 50 MB answer with a Content-Length, by default",
      { given: { stream: { bytes: 50 * MB } }, want: { maxStreamed: 20 * MB } },
    ],
    [
      "a gzip bomb (1 GiB inflated), by default",
      { given: { stream: { bytes: 1024 * MB, encoding: "gzip" } }, want: { maxStreamed: 512 * MB } },
    ],
    [
      "a 50 MB deflate answer, by default",
      { given: { stream: { bytes: 50 * MB, encoding: "deflate" } }, want: { maxStreamed: Infinity } },
    ],
    [
      "a small limit on a gzip answer",
      {
        given: { stream: { bytes: 1 * MB, encoding: "gzip" } },
        options: { maxResponseBytes: 64 * 1024 },
        want: { maxStreamed: Infinity },
      },
    ],
  ];
  it.each(cases)("%s: kind too-large, one attempt, the body not kept", async (_title, { given, options, want }) => {
    gateway.reply(given);
    const before = gateway.streamed.length;
    const outcome = await call(client(options), READ);
    expectFailure(outcome, { kind: "too-large", status: 200 }, TopTransportError);
    expect((outcome.error as TopTransportError).body).toBeUndefined();
    expect(outcome.seen).toHaveLength(1);
    // the client stopped reading: the gateway could not produce the whole body
    const produced = gateway.streamed[before] ?? 0;
    expect(produced).toBeGreaterThan(0);
    if (Number.isFinite(want.maxStreamed)) expect(produced).toBeLessThan(want.maxStreamed);
    expect(outcome.ms).toBeLessThan(20_000);
  });

  const fits: Array<[string, { given: { bytes: number; encoding?: "gzip" | "deflate" }; limit: number }]> = [
    ["plain, exactly at the limit", { given: { bytes: 4096 }, limit: 4096 }],
    [
      "gzip, 2 MB inflated under the default",
      { given: { bytes: 2 * MB, encoding: "gzip" }, limit: DEFAULT_MAX_RESPONSE_BYTES },
    ],
    ["deflate, exactly at the limit", { given: { bytes: 100_000, encoding: "deflate" }, limit: 100_000 }],
  ];
  it.each(fits)("%s: decoded in full", async (_title, { given, limit }) => {
    gateway.reply({ stream: given });
    const outcome = await call(client({ maxResponseBytes: limit }), READ);
    expect(outcome.error).toBeUndefined();
    expect((outcome.value as { big: string }).big).toBe("a".repeat(given.bytes - '{"big":""}'.length));
  });

  it("one byte over the limit is refused", async () => {
    gateway.reply({ stream: { bytes: 4097 } });
    expectFailure(await call(client({ maxResponseBytes: 4096 }), READ), { kind: "too-large" }, TopTransportError);
  });
});

describe("redirects are not followed", () => {
  const statuses = [301, 302, 303, 307, 308];
  it.each(statuses)("HTTP %i: kind redirect naming the location; nothing reaches the other host", async (status) => {
    const target = `${elsewhere.url}?steal=1`;
    gateway.reply({ status, headers: { location: target }, body: "" });
    elsewhere.reply({ body: OK(READ) });
    const outcome = await call(client(), READ);
    expectFailure(outcome, { kind: "redirect", status, location: target }, TopTransportError);
    expect((outcome.error as Error).message).toContain(new URL(elsewhere.url).host);
    expect(outcome.seen).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
  });
});

describe("a custom fetch that follows a redirect itself", () => {
  it("is refused as kind redirect too; its answer is not decoded", async () => {
    const following: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const moved = new Response(OK(READ), { status: 200, headers: { "content-type": "application/json" } });
      Object.defineProperties(moved, {
        redirected: { value: true },
        url: { value: `${elsewhere.url}?session=${SESSION}` },
      });
      await response.body?.cancel();
      return moved;
    };
    gateway.reply({ body: OK(READ) });
    const outcome = await call(client({ fetch: following }), READ);
    expectFailure(outcome, { kind: "redirect", location: elsewhere.url }, TopTransportError);
  });
});

describe("timeouts", () => {
  it("the defaults: 15 s to the first byte, 30 s in all, 16 MiB, 3 attempts", () => {
    const c = new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET });
    expect([DEFAULT_FIRST_BYTE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES]).toEqual([
      15_000,
      30_000,
      16 * 1024 * 1024,
    ]);
    expect(c).toMatchObject({ firstByteTimeoutMs: 15_000, timeoutMs: 30_000, maxResponseBytes: 16 * 1024 * 1024 });
    expect(c.retry).toMatchObject({ attempts: 3, retryWrites: false });
  });

  const cases: Array<
    [string, { given: Reply; options: Partial<TopClientOptions>; want: { minMs: number; maxMs: number } }]
  > = [
    [
      "a silent gateway, firstByteTimeoutMs",
      { given: { hang: true }, options: { firstByteTimeoutMs: 300 }, want: { minMs: 250, maxMs: 6_000 } },
    ],
    [
      "a silent gateway, timeoutMs shorter than the first-byte bound",
      { given: { hang: true }, options: { timeoutMs: 300 }, want: { minMs: 250, maxMs: 6_000 } },
    ],
    [
      "a trickle of 1 byte per 50 ms, timeoutMs",
      {
        given: { trickle: OK(WRITE), intervalMs: 50 },
        options: { timeoutMs: 500 },
        want: { minMs: 450, maxMs: 6_000 },
      },
    ],
  ];
  it.each(cases)("%s: kind timeout within the bound", async (_title, { given, options, want }) => {
    gateway.reply(given);
    const outcome = await call(client({ ...options, retry: false }), WRITE);
    expectFailure(outcome, { kind: "timeout" }, TopTransportError);
    expect(outcome.seen).toHaveLength(1);
    expect(outcome.ms).toBeGreaterThanOrEqual(want.minMs);
    expect(outcome.ms).toBeLessThan(want.maxMs);
  });

  it("a trickle within timeoutMs arrives whole (the first-byte bound stops at the headers)", async () => {
    gateway.reply({ trickle: OK(WRITE), intervalMs: 5 });
    const outcome = await call(client({ firstByteTimeoutMs: 100, retry: false }), WRITE);
    expect(outcome.error).toBeUndefined();
  });

  it.each([
    ["timeoutMs", { timeoutMs: 0 }],
    ["firstByteTimeoutMs", { firstByteTimeoutMs: -5 }],
    ["maxResponseBytes", { maxResponseBytes: Number.NaN }],
  ] as const)("a bad %s is a TypeError", (name, given) => {
    expect(() => client(given)).toThrow(new RegExp(name));
  });
});

const BUSY_BODY = JSON.stringify({
  error_response: {
    code: 7,
    msg: "App Call Limited",
    sub_code: "accesscontrol.limited-by-app-access-count",
    sub_msg: "This ban will last for 1 more seconds",
  },
});

describe("retry: what is sent again by default", () => {
  const status = (s: number, headers?: Record<string, string>): Reply => ({
    status: s,
    contentType: "text/plain",
    body: `status ${s}`,
    ...(headers === undefined ? {} : { headers }),
  });
  const isp: Reply = {
    body: JSON.stringify({
      error_response: { code: 15, msg: "Remote service error", sub_code: "isp.top-remote-connection-timeout" },
    }),
  };
  const isv: Reply = {
    body: JSON.stringify({
      error_response: { code: 15, msg: "Remote service error", sub_code: "isv.invalid-parameter" },
    }),
  };
  // [title, { given: the first answer, method, want: attempts seen (then the second answer is a success) }]
  const cases: Array<
    [
      string,
      { given: Reply; method: string; retryWrites?: boolean; want: { attempts: number; name?: string; kind?: string } },
    ]
  > = [
    ["a read after one 503", { given: status(503), method: READ, want: { attempts: 2 } }],
    [
      "a write after one bare 503 (may have run)",
      { given: status(503), method: WRITE, want: { attempts: 1, kind: "http" } },
    ],
    [
      "a write after a 503 with Retry-After (refused)",
      { given: status(503, { "retry-after": "0" }), method: WRITE, want: { attempts: 2 } },
    ],
    ["a write after one 429", { given: status(429), method: WRITE, want: { attempts: 2 } }],
    ["a read after one 500", { given: status(500), method: READ, want: { attempts: 2 } }],
    ["a write after one 500", { given: status(500), method: WRITE, want: { attempts: 1, kind: "http" } }],
    [
      "a write after one 500, retryWrites per call",
      { given: status(500), method: WRITE, retryWrites: true, want: { attempts: 2 } },
    ],
    ["a read after a reset", { given: { reset: true }, method: READ, want: { attempts: 2 } }],
    ["a write after a reset", { given: { reset: true }, method: WRITE, want: { attempts: 1, kind: "network" } }],
    ["a read after a dropped connection", { given: { destroy: true }, method: READ, want: { attempts: 2 } }],
    [
      "a write after a dropped connection",
      { given: { destroy: true }, method: WRITE, want: { attempts: 1, kind: "network" } },
    ],
    ["a read after an isp.* error", { given: isp, method: READ, want: { attempts: 2 } }],
    ["a write after an isp.* error", { given: isp, method: WRITE, want: { attempts: 1, name: "TopApiError" } }],
    [
      "a read after an isv.* error (the caller's fault)",
      { given: isv, method: READ, want: { attempts: 1, name: "TopApiError" } },
    ],
    ["a read after a 404", { given: status(404), method: READ, want: { attempts: 1, kind: "http" } }],
    [
      "a read after an HTML page",
      {
        given: { body: "<html></html>", contentType: "text/html" },
        method: READ,
        want: { attempts: 1, kind: "not-json" },
      },
    ],
  ];
  it.each(cases)("%s", async (_title, { given, method, retryWrites, want }) => {
    gateway.reply(given, { body: OK(method) });
    const retries: RetryInfo[] = [];
    const outcome = await call(
      client({ retry: { baseDelayMs: 20, onRetry: (info) => retries.push(info) } }),
      method,
      retryWrites === undefined ? {} : { retryWrites },
    );
    expect(outcome.seen).toHaveLength(want.attempts);
    expect(retries).toHaveLength(want.attempts - 1);
    for (const got of outcome.seen) expect(got.signatureOk).toBe(true);
    if (want.attempts === 1) {
      expect(outcome.error).toMatchObject({
        ...(want.name === undefined ? { name: "TopTransportError" } : { name: want.name }),
        ...(want.kind === undefined ? {} : { kind: want.kind }),
      });
      expectNoSecret(outcome.error);
      gateway.reply(); // the unused success stays queued: take it off
      await call(client({ retry: false }), READ);
    } else {
      expect(outcome.error).toBeUndefined();
      expect(retries[0]).toMatchObject({ method, attempt: 1 });
      expectNoSecret(retries[0]?.error);
    }
  });

  it("each attempt is signed afresh with a new timestamp", async () => {
    let clock = Date.parse("2026-12-02T00:00:00Z");
    gateway.reply(status(503), status(503), { body: OK(READ) });
    const outcome = await call(client({ now: () => (clock += 1000) }), READ);
    expect(outcome.error).toBeUndefined();
    expect(outcome.seen).toHaveLength(3);
    expect(new Set(outcome.seen.map((got) => got.query.timestamp)).size).toBe(3);
    expect(new Set(outcome.seen.map((got) => got.query.sign)).size).toBe(3);
    for (const got of outcome.seen) expect(got.signatureOk).toBe(true);
  });

  it("attempts are bounded (3 in all by default) and the backoff grows with jitter", async () => {
    gateway.reply(status(503), status(503), status(503), { body: OK(READ) });
    const retries: RetryInfo[] = [];
    const c = client({ retry: { baseDelayMs: 40, maxDelayMs: 1000, onRetry: (info) => retries.push(info) } });
    const outcome = await call(c, READ);
    expectFailure(outcome, { kind: "http", status: 503 }, TopTransportError);
    expect(outcome.seen).toHaveLength(3);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(20);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(40);
    expect(retries[1]?.delayMs).toBeGreaterThanOrEqual(40);
    expect(retries[1]?.delayMs).toBeLessThanOrEqual(80);
    await call(client({ retry: false }), READ); // the queued success
  });

  it("retry: false is one attempt; so is retry: false per call", async () => {
    gateway.reply(status(503), status(503), { body: OK(READ) }, { body: OK(READ) });
    expect((await call(client({ retry: false }), READ)).seen).toHaveLength(1);
    const c = client();
    const before = gateway.received.length;
    await expect(c.executeRaw({ method: READ }, { retry: false })).rejects.toMatchObject({ kind: "http", status: 503 });
    expect(gateway.received.length - before).toBe(1);
    expect((await call(c, READ)).seen).toHaveLength(1);
    expect((await call(c, READ)).seen).toHaveLength(1);
  });

  it("retryWrites as a client option", async () => {
    gateway.reply({ reset: true }, { body: OK(WRITE) });
    const outcome = await call(client({ retry: { baseDelayMs: 10, retryWrites: true } }), WRITE);
    expect(outcome.error).toBeUndefined();
    expect(outcome.seen).toHaveLength(2);
  });

  it("a read that times out is tried again, each attempt within its bound", async () => {
    gateway.reply({ hang: true }, { hang: true }, { body: OK(READ) });
    const outcome = await call(client({ firstByteTimeoutMs: 200 }), READ);
    expect(outcome.error).toBeUndefined();
    expect(outcome.seen).toHaveLength(3);
    expect(outcome.ms).toBeLessThan(10_000); // each attempt ended by its 200 ms bound, not the 15 s default
  });

  it("connection refused is retried for a write too (nothing was sent)", async () => {
    const closed = await startGateway({});
    const url = closed.url;
    await closed.close();
    const retries: RetryInfo[] = [];
    const c = new TopClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      gateway: url,
      retry: { baseDelayMs: 10, onRetry: (info) => retries.push(info) },
    });
    const err = await c.executeRaw({ method: WRITE }, { session: SESSION }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TopTransportError);
    expect(err).toMatchObject({ kind: "network" });
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, "refused"],
      [2, "refused"],
    ]);
    expectNoSecret(err);
  });

  it("the caller's abort during the backoff ends the call", async () => {
    gateway.reply(status(503), { body: OK(READ) });
    const controller = new AbortController();
    const c = client({
      retry: { baseDelayMs: 5_000, maxDelayMs: 5_000, onRetry: () => setTimeout(() => controller.abort(), 50) },
    });
    const outcome = await call(c, READ, { signal: controller.signal });
    expectFailure(outcome, { kind: "aborted" }, TopTransportError);
    expect(outcome.seen).toHaveLength(1);
    expect(outcome.ms).toBeLessThan(4_500); // not the 5 s backoff
    await call(client({ retry: false }), READ); // the queued success
  });

  it("a session echoed in a retried answer is not in the error handed to onRetry", async () => {
    gateway.reply(
      {
        status: 503,
        contentType: "text/plain",
        body: `busy, session=${SESSION} \\u00${SESSION.charCodeAt(0).toString(16)}`,
      },
      { body: OK(READ) },
    );
    const retries: RetryInfo[] = [];
    await call(client({ retry: { baseDelayMs: 10, onRetry: (info) => retries.push(info) } }), READ);
    expect(retries).toHaveLength(1);
    expectNoSecret(retries[0]?.error);
    expect((retries[0]?.error as TopTransportError).body).toContain("session=***");
  });
});

describe("the signature is scrubbed too", () => {
  const echoSign =
    (status: number) =>
    (got: Received): Reply => ({
      status,
      body: JSON.stringify({
        error_response: {
          code: 15,
          msg: `sign=${got.query.sign ?? ""}`,
          sub_code: "isp.echo",
          sub_msg: got.query.sign ?? "",
        },
      }),
    });
  const cases: Array<[string, { given: Array<(got: Received) => Reply>; method: string; want: { attempts: number } }]> =
    [
      ["a write whose answer echoes its sign", { given: [echoSign(200)], method: WRITE, want: { attempts: 1 } }],
      [
        "a read retried three times, each answer echoing that attempt's sign",
        { given: [echoSign(500), echoSign(500), echoSign(200)], method: READ, want: { attempts: 3 } },
      ],
    ];
  it.each(cases)("%s", async (_title, { given, method, want }) => {
    gateway.reply(...given);
    const retries: RetryInfo[] = [];
    const outcome = await call(client({ retry: { baseDelayMs: 5, onRetry: (info) => retries.push(info) } }), method);
    expect(outcome.seen).toHaveLength(want.attempts);
    expect(outcome.error).toBeInstanceOf(TopApiError);
    expect((outcome.error as TopApiError).msg).toBe("sign=***");
    for (const got of outcome.seen) {
      expect(got.query.sign).toMatch(/^[0-9A-F]{64}$/);
      for (const err of [outcome.error, ...retries.map((r) => r.error)])
        expect(inspect(err, { showHidden: true, depth: Infinity })).not.toContain(got.query.sign);
    }
    expectNoSecret(outcome.error);
  });
});

describe("retry: TOP code 7 (call limit) with a ban time", () => {
  it("a write banned for 1 second is sent again after at least 1 s", async () => {
    gateway.reply({ body: BUSY_BODY }, { body: OK(WRITE) });
    const retries: RetryInfo[] = [];
    const outcome = await call(client({ retry: { baseDelayMs: 10, onRetry: (info) => retries.push(info) } }), WRITE);
    expect(outcome.error).toBeUndefined();
    expect(outcome.seen).toHaveLength(2);
    const [first, second] = outcome.seen as [Received, Received];
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_000);
    expect(retries[0]).toMatchObject({ attempt: 1, reason: "refused" });
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(retries[0]?.error).toBeInstanceOf(TopApiError);
  });

  const refusals: Array<[string, { given: string; options?: Partial<TopClientOptions> }]> = [
    ["a ban longer than maxBanWaitMs (71 s > 30 s)", { given: BUSY_BODY.replace("for 1 more", "for 71 more") }],
    ["a ban longer than a chosen maxBanWaitMs", { given: BUSY_BODY, options: { retry: { maxBanWaitMs: 500 } } }],
    [
      "code 7 that names no ban time",
      { given: BUSY_BODY.replace("This ban will last for 1 more seconds", "slow down") },
    ],
  ];
  it.each(refusals)("%s: fails at once as TopApiError 7", async (_title, { given, options }) => {
    gateway.reply({ body: given }, { body: OK(WRITE) });
    const outcome = await call(client(options), WRITE);
    expectFailure(outcome, { code: 7, codeText: "7" }, TopApiError);
    expect(outcome.seen).toHaveLength(1);
    expect(outcome.ms).toBeLessThan(10_000); // not the 71 s ban
    await call(client({ retry: false }), READ); // the queued success
  });
});
