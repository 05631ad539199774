// TopClient: validate → serialize → sign → POST → decode. Common params go in the URL query, API params in
// the body (urlencoded, or multipart when a file is present), as the official Java SDK does.
import { decodeParsed } from "./decode.js";
import { apiErrorOf } from "./api-error.js";
import { TopValidationError } from "./errors.js";
import { type JsonValue, toJsonValue } from "./json.js";
import { redactError, secretForms } from "./redact.js";
import { buildHttpRequest } from "./http-request.js";
import type { SignMethod } from "./sign.js";
import { formatGmt8 } from "./timestamp.js";
import { exchangeJson, type FetchLike, type JsonAnswer } from "./transport.js";
import type { CodecOf, DateMode, Int64Mode, ResponseOf, TopFile, TopRequest } from "./types.js";
import { toWireParams, type WireParams } from "./wire.js";

export const DEFAULT_GATEWAY = "https://eco.taobao.com/router/rest";

export interface TopClientOptions<I extends Int64Mode = "bigint", D extends DateMode = "Date"> {
  readonly appKey: string;
  readonly appSecret: string;
  /** Default `https://eco.taobao.com/router/rest`. */
  readonly gateway?: string | undefined;
  /** Default `hmac-sha256`. */
  readonly signMethod?: SignMethod | undefined;
  /** Sends `simplify=true` (plain lists, no wrapper); decoding accepts both forms either way. */
  readonly simplify?: boolean | undefined;
  /** Whole exchange (headers and body); none by default. */
  readonly timeoutMs?: number | undefined;
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
  readonly timeoutMs: number | undefined;
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
    const t = options.timeoutMs;
    if (t !== undefined && !(Number.isFinite(t) && t > 0)) throw new TypeError("timeoutMs must be a positive number");
    const int64 = options.int64 ?? "bigint";
    if (!["bigint", "string", "number"].includes(int64)) throw new TypeError(`unknown int64 mode: ${int64}`);
    const dates = options.dates ?? "Date";
    if (!["Date", "string"].includes(dates)) throw new TypeError(`unknown dates mode: ${dates}`);
    this.appKey = options.appKey;
    this.#appSecret = options.appSecret;
    this.gateway = new URL(options.gateway ?? DEFAULT_GATEWAY).href;
    this.signMethod = signMethod;
    this.simplify = options.simplify ?? false;
    this.timeoutMs = t;
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
    return this.#guard(opts, async () => {
      const answer = await this.#send(req.method, this.#wire(req), opts);
      const options = { int64: this.int64, dates: this.dates };
      return decodeParsed(req.method, req.responseShape, answer.parsed, answer.text, options) as ResponseOf<R, CodecOf<I, D>>;
    });
  }

  /**
   * Sends a request and returns the body parsed without losing digits (integers beyond 2^53 as bigint),
   * untyped, as received (wrapper included). Throws TopApiError for `error_response`, and the transport errors.
   */
  async executeRaw(req: RawRequest | TopRequest, opts?: ExecuteOptions): Promise<JsonValue> {
    return this.#guard(opts, async () => {
      const wire = isTopRequest(req) ? this.#wire(req) : rawWire(req);
      const answer = await this.#send(req.method, wire, opts);
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

  async #send(method: string, wire: WireParams, opts: ExecuteOptions | undefined): Promise<JsonAnswer> {
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
    const fetch = this.#fetch ?? globalThis.fetch;
    return exchangeJson({ ...request, method, fetch, timeoutMs: this.timeoutMs, signal: opts?.signal });
  }

  /** Runs the call and scrubs the app secret and the session out of whatever it throws. */
  async #guard<T>(opts: ExecuteOptions | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw redactError(err, secretForms([this.#appSecret, opts?.session ?? ""]));
    }
  }
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
