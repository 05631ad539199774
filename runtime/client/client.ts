// TopClient: validate → serialize → sign → POST → decode. Common params go in the URL query, API params in
// the body (urlencoded, or multipart when a file is present), as the official Java SDK does.
import { decodeParsed } from "../decode/decode.js";
import { apiErrorOf } from "../decode/api-error.js";
import { type TopError, TopTransportError, TopValidationError } from "../errors.js";
import { type JsonValue, toJsonValue } from "../json.js";
import { redactError, secretForms } from "./redact.js";
import { buildHttpRequest } from "../wire/http-request.js";
import type { SignMethod } from "../wire/sign.js";
import { backoffMs, type RetryOptions, type RetryPolicy, retryPolicy, sleep, verdict } from "./retry.js";
import { formatGmt8 } from "../wire/timestamp.js";
import { exchangeJson, type FetchLike, type JsonAnswer } from "../wire/transport.js";
import type { CodecOf, DateMode, Int64Mode, ResponseOf, TopFile, TopRequest } from "../types.js";
import { toWireParams, type WireParams } from "../wire/params.js";

export const DEFAULT_GATEWAY = "https://eco.taobao.com/router/rest";
/** The defaults of the client's bounds (the official Java client waits 15 s to connect and 30 s to read). */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface TopClientOptions<I extends Int64Mode = "bigint", D extends DateMode = "Date"> {
  readonly appKey: string;
  readonly appSecret: string;
  /** Default `https://eco.taobao.com/router/rest`. */
  readonly gateway?: string | undefined;
  /** Default `hmac-sha256`. */
  readonly signMethod?: SignMethod | undefined;
  /** Sends `simplify=true` (plain lists, no wrapper); decoding accepts both forms either way. */
  readonly simplify?: boolean | undefined;
  /** The whole exchange of one attempt (headers and body); default 30,000 ms; `Infinity` for none. */
  readonly timeoutMs?: number | undefined;
  /** One attempt until the response headers arrive; default 15,000 ms; `Infinity` for none. */
  readonly firstByteTimeoutMs?: number | undefined;
  /** The most body bytes read, counted after decompression, refused while reading; default 16 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** When a failed call is sent again (see retry.ts); `false` for a single attempt. Default: 3 attempts. */
  readonly retry?: RetryOptions | false | undefined;
  /** Replaces the global fetch (proxies, tests). */
  readonly fetch?: FetchLike | undefined;
  readonly partnerId?: string | undefined;
  readonly targetAppKey?: string | undefined;
  /** How Number response fields come out: `bigint` (default), `string`, or `number` (a decode error beyond 2^53). */
  readonly int64?: I;
  /** How Date response fields come out: `Date` (default) or the text as sent. */
  readonly dates?: D;
  /** Clock for the `timestamp` param, in epoch milliseconds; default Date.now. */
  readonly now?: (() => number) | undefined;
}

export interface ExecuteOptions {
  /** The user's authorization (sessionKey), for APIs that need one. */
  readonly session?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** This call may be re-sent after a reset, timeout, HTTP 5xx or isp.* error even if it is a write. */
  readonly retryWrites?: boolean | undefined;
  /** `false`: a single attempt for this call. */
  readonly retry?: false | undefined;
}

/** A call not (yet) generated: API params already in wire form. */
export interface RawRequest {
  readonly method: string;
  readonly params?: Readonly<Record<string, string | TopFile | null | undefined>>;
}

export class TopClient<I extends Int64Mode = "bigint", D extends DateMode = "Date"> {
  readonly appKey: string;
  readonly gateway: string;
  readonly signMethod: SignMethod;
  readonly simplify: boolean;
  readonly timeoutMs: number;
  readonly firstByteTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly retry: RetryPolicy;
  readonly partnerId: string | undefined;
  readonly targetAppKey: string | undefined;
  readonly int64: I;
  readonly dates: D;
  readonly #appSecret: string;
  readonly #fetch: FetchLike | undefined;
  readonly #now: () => number;

  constructor(options: TopClientOptions<I, D>) {
    if (typeof options.appKey !== "string" || options.appKey === "") throw new TypeError("appKey is required");
    if (typeof options.appSecret !== "string" || options.appSecret === "") throw new TypeError("appSecret is required");
    const signMethod = options.signMethod ?? "hmac-sha256";
    if (!["md5", "hmac", "hmac-sha256"].includes(signMethod)) throw new TypeError(`unknown signMethod: ${signMethod}`);
    const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs");
    const firstByteTimeoutMs = positive(
      options.firstByteTimeoutMs,
      DEFAULT_FIRST_BYTE_TIMEOUT_MS,
      "firstByteTimeoutMs",
    );
    const maxResponseBytes = positive(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES, "maxResponseBytes");
    const retry = retryPolicy(options.retry);
    const int64 = options.int64 ?? "bigint";
    if (!["bigint", "string", "number"].includes(int64)) throw new TypeError(`unknown int64 mode: ${int64}`);
    const dates = options.dates ?? "Date";
    if (!["Date", "string"].includes(dates)) throw new TypeError(`unknown dates mode: ${dates}`);
    this.appKey = options.appKey;
    this.#appSecret = options.appSecret;
    this.gateway = new URL(options.gateway ?? DEFAULT_GATEWAY).href;
    this.signMethod = signMethod;
    this.simplify = options.simplify ?? false;
    this.timeoutMs = timeoutMs;
    this.firstByteTimeoutMs = firstByteTimeoutMs;
    this.maxResponseBytes = maxResponseBytes;
    this.retry = retry;
    this.partnerId = options.partnerId;
    this.targetAppKey = options.targetAppKey;
    this.int64 = int64 as I;
    this.dates = dates as D;
    this.#fetch = options.fetch;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Validates (TopValidationError, nothing sent), sends, and decodes the answer into the request's typed
   * response. Throws TopApiError, TopTransportError or TopDecodeError; none of them carries a secret.
   */
  async execute<R>(req: TopRequest<R>, opts?: ExecuteOptions): Promise<ResponseOf<R, CodecOf<I, D>>> {
    return this.#guard(opts, async (signs) => {
      const answer = await this.#send(req.method, this.#wire(req), opts, signs);
      const options = { int64: this.int64, dates: this.dates };
      return decodeParsed(req.method, req.responseShape, answer.parsed, answer.text, options) as ResponseOf<
        R,
        CodecOf<I, D>
      >;
    });
  }

  /**
   * Sends a request and returns the body parsed without losing digits (integers beyond 2^53 as bigint),
   * untyped, as received (wrapper included). Throws TopApiError for `error_response`, and the transport errors.
   */
  async executeRaw(req: RawRequest | TopRequest, opts?: ExecuteOptions): Promise<JsonValue> {
    return this.#guard(opts, async (signs) => {
      const wire = isTopRequest(req) ? this.#wire(req) : rawWire(req);
      const answer = await this.#send(req.method, wire, opts, signs);
      const apiError = apiErrorOf(req.method, answer.parsed, () => answer.text);
      if (apiError !== undefined) throw apiError;
      return toJsonValue(answer.parsed);
    });
  }

  #wire(req: TopRequest): WireParams {
    const issues = req.validate();
    if (issues.length > 0) throw new TopValidationError(req.method, issues);
    return toWireParams(req.requestShape, req.params);
  }

  /**
   * Sends the call, and again while the retry policy allows (each attempt signed afresh with a new timestamp).
   * TopApiError bodies count as failures here, so that code 7 and isp.* errors can be retried.
   */
  async #send(
    method: string,
    wire: WireParams,
    opts: ExecuteOptions | undefined,
    signs: string[],
  ): Promise<JsonAnswer> {
    const policy = this.retry;
    const attempts = opts?.retry === false ? 1 : policy.attempts;
    const retryWrites = opts?.retryWrites ?? policy.retryWrites;
    for (let attempt = 1; ; attempt++) {
      let answer: JsonAnswer;
      try {
        answer = await this.#attempt(method, wire, opts, signs);
        const apiError = apiErrorOf(method, answer.parsed, () => answer.text);
        if (apiError === undefined || attempt >= attempts) return answer;
        if (!verdict(apiError, policy, method, retryWrites).retry) return answer;
        throw apiError;
      } catch (err) {
        const v = verdict(err, policy, method, retryWrites);
        if (!v.retry || attempt >= attempts) throw err;
        const delayMs = v.minWaitMs + backoffMs(policy, attempt);
        const error = redactError(err as TopError, this.#secrets(opts, signs));
        policy.onRetry?.({ method, attempt, error, delayMs, reason: v.reason });
        try {
          await sleep(delayMs, opts?.signal);
        } catch {
          throw new TopTransportError({
            method,
            kind: "aborted",
            message: `aborted by the caller (after ${attempt} attempts)`,
          });
        }
      }
    }
  }

  async #attempt(
    method: string,
    wire: WireParams,
    opts: ExecuteOptions | undefined,
    signs: string[],
  ): Promise<JsonAnswer> {
    const common = {
      method,
      app_key: this.appKey,
      session: opts?.session,
      timestamp: formatGmt8(this.#now()),
      sign_method: this.signMethod,
      simplify: this.simplify ? ("true" as const) : undefined,
      partner_id: this.partnerId,
      target_app_key: this.targetAppKey,
    };
    const request = buildHttpRequest(this.gateway, common, wire, this.#appSecret);
    signs.push(request.url.searchParams.get("sign") ?? "");
    const fetch = this.#fetch ?? globalThis.fetch;
    return exchangeJson({
      ...request,
      method,
      fetch,
      timeoutMs: finite(this.timeoutMs),
      firstByteTimeoutMs: finite(this.firstByteTimeoutMs),
      maxResponseBytes: finite(this.maxResponseBytes),
      signal: opts?.signal,
    });
  }

  /** Runs the call and scrubs the app secret, the session and each attempt's sign out of whatever it throws. */
  async #guard<T>(opts: ExecuteOptions | undefined, work: (signs: string[]) => Promise<T>): Promise<T> {
    const signs: string[] = [];
    try {
      return await work(signs);
    } catch (err) {
      throw redactError(err, this.#secrets(opts, signs));
    }
  }

  #secrets(opts: ExecuteOptions | undefined, signs: readonly string[]): string[] {
    return secretForms([this.#appSecret, opts?.session ?? "", ...signs]);
  }
}

/** A positive number option (Infinity allowed: no bound), or its default. */
function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0)) throw new TypeError(`${name} must be a positive number`);
  return value;
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

function isTopRequest(req: RawRequest | TopRequest): req is TopRequest {
  return "requestShape" in req && "validate" in req;
}

function rawWire(req: RawRequest): WireParams {
  const text: Record<string, string> = {};
  const files: Record<string, TopFile> = {};
  for (const [key, value] of Object.entries(req.params ?? {})) {
    if (typeof value === "string") text[key] = value;
    else if (value !== null && value !== undefined) files[key] = value;
  }
  return { text, files };
}
