// One HTTP exchange with the gateway: POST, with two time bounds (to the first byte, and for the whole
// exchange), the caller's AbortSignal, a bound on the body read (counted after decompression, enforced while
// reading), redirects refused, and every failure turned into a TopTransportError (or a TopApiError when a
// non-2xx answer carries `error_response`). The URL (which carries the session) never goes into an error.
import { apiErrorOf } from "../decode/api-error.js";
import { TopTransportError, type TransportErrorKind } from "../errors.js";
import { parseLossless } from "../json.js";

export type FetchLike = typeof fetch;

export interface HttpExchange {
  readonly method: string;
  readonly url: URL;
  readonly body: string | FormData;
  /** Set for a text body; a FormData body gets its multipart boundary from fetch. */
  readonly contentType?: string;
  readonly fetch: FetchLike;
  /** The whole exchange, headers and body; none when undefined. */
  readonly timeoutMs?: number | undefined;
  /** Until the response headers arrive; none when undefined. */
  readonly firstByteTimeoutMs?: number | undefined;
  /** The most body bytes read (after decompression); none when undefined. */
  readonly maxResponseBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface JsonAnswer {
  readonly parsed: unknown;
  readonly text: string;
}

/** Sends the request and returns the body parsed losslessly; throws TopTransportError for anything else. */
export async function exchangeJson(x: HttpExchange): Promise<JsonAnswer> {
  const { status, contentType, retryAfter, text } = await exchange(x);
  const fail = (kind: TransportErrorKind, message: string): never => {
    const retryAfterMs = retryAfter === null ? undefined : retryAfterMsOf(retryAfter);
    throw new TopTransportError({ method: x.method, kind, message, status, contentType, body: text, retryAfterMs });
  };
  if (status < 200 || status > 299) {
    const apiError = apiErrorOf(x.method, tryParse(text), () => text, status);
    if (apiError !== undefined) throw apiError;
    return fail("http", `HTTP ${status} from the gateway`);
  }
  if (text.trim() === "") return fail("empty", `empty body (HTTP ${status})`);
  try {
    return { parsed: parseLossless(text), text };
  } catch {
    return fail(
      "not-json",
      `the gateway answered with something that is not JSON (${contentType || "no content type"})`,
    );
  }
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from now; undefined when unreadable. */
export function retryAfterMsOf(header: string, now: number = Date.now()): number | undefined {
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) || !/[a-z]/i.test(text) ? undefined : Math.max(0, date - now);
}

function tryParse(text: string): unknown {
  try {
    return parseLossless(text);
  } catch {
    return undefined;
  }
}

/** Thrown inside exchange() for an answer refused on sight; passed through as it is. */
class Refusal extends Error {
  constructor(readonly error: TopTransportError) {
    super(error.message);
  }
}

interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly text: string;
}

async function exchange(x: HttpExchange): Promise<RawAnswer> {
  const controller = new AbortController();
  let timedOut: string | undefined;
  const timeout = (ms: number | undefined, what: string): ReturnType<typeof setTimeout> | undefined =>
    ms === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = `${what} within ${ms}ms`;
          controller.abort();
        }, ms);
  const whole = timeout(x.timeoutMs, "no complete answer");
  let firstByte = timeout(x.firstByteTimeoutMs, "no answer");
  const onAbort = (): void => controller.abort();
  x.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    if (x.signal?.aborted === true) throw new Error("aborted before sending");
    const headers: Record<string, string> = x.contentType === undefined ? {} : { "content-type": x.contentType };
    const init: RequestInit = { method: "POST", headers, body: x.body, signal: controller.signal, redirect: "manual" };
    const response = await raceAbort(x.fetch(x.url, init), controller.signal);
    if (firstByte !== undefined) clearTimeout(firstByte);
    firstByte = undefined;
    const status = response.status;
    const contentType = response.headers.get("content-type") ?? "";
    if (response.type === "opaqueredirect" || (status >= 300 && status <= 399)) {
      await response.body?.cancel().catch(() => undefined);
      throw new Refusal(redirectError(x.method, status, response.headers.get("location")));
    }
    if (response.redirected) {
      // a custom fetch that followed a redirect itself: its answer is from elsewhere (only origin and path kept)
      await response.body?.cancel().catch(() => undefined);
      const where = new URL(response.url);
      throw new Refusal(redirectError(x.method, status, `${where.origin}${where.pathname}`));
    }
    const text = await readText(response, x, controller.signal);
    return { status, contentType, retryAfter: response.headers.get("retry-after"), text };
  } catch (err) {
    if (err instanceof Refusal) throw err.error;
    if (timedOut !== undefined) {
      throw new TopTransportError({ method: x.method, kind: "timeout", message: timedOut });
    }
    if (x.signal?.aborted === true) {
      throw new TopTransportError({ method: x.method, kind: "aborted", message: "aborted by the caller" });
    }
    const cause = describe(err);
    throw new TopTransportError({
      method: x.method,
      kind: "network",
      message: `network error: ${cause.message}`,
      cause,
    });
  } finally {
    if (whole !== undefined) clearTimeout(whole);
    if (firstByte !== undefined) clearTimeout(firstByte);
    x.signal?.removeEventListener("abort", onAbort);
  }
}

/** A 3xx: never followed (a redirect would re-send the signed params to wherever it points). */
function redirectError(method: string, status: number, location: string | null): TopTransportError {
  let shown = "no location";
  if (location !== null) {
    try {
      const url = new URL(location, "http://gateway.invalid/");
      shown = url.host === "gateway.invalid" ? url.pathname : `${url.protocol}//${url.host}${url.pathname}`;
    } catch {
      shown = "an unreadable location";
    }
  }
  return new TopTransportError({
    method,
    kind: "redirect",
    message: `HTTP ${status} redirect to ${shown}, not followed`,
    status,
    ...(location === null ? {} : { location }),
  });
}

/** The body as text, refused (kind `too-large`) as soon as more than maxResponseBytes have been read. */
async function readText(response: Response, x: HttpExchange, signal: AbortSignal): Promise<string> {
  const max = x.maxResponseBytes;
  const tooLarge = (): Refusal =>
    new Refusal(
      new TopTransportError({
        method: x.method,
        kind: "too-large",
        message: `the answer is larger than maxResponseBytes (${max} bytes)`,
        status: response.status,
        contentType: response.headers.get("content-type") ?? undefined,
      }),
    );
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const encoded = (response.headers.get("content-encoding") ?? "identity") !== "identity";
  if (max !== undefined && !encoded && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  // One buffer, sized from Content-Length when there is one and grown by doubling otherwise: each chunk is
  // copied in and dropped at once, and the text is decoded once at the end (about 2× the body at the peak).
  let buffer = Buffer.allocUnsafe(
    Math.min(Number.isSafeInteger(declared) && declared > 0 ? declared : 64 * 1024, max ?? Infinity),
  );
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      if (max !== undefined && total + value.byteLength > max) throw tooLarge();
      if (total + value.byteLength > buffer.length) {
        const grown = Buffer.allocUnsafe(
          Math.min(Math.max(buffer.length * 2, total + value.byteLength), max ?? Infinity),
        );
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      buffer.set(value, total);
      total += value.byteLength;
    }
  } catch (err) {
    reader.cancel().catch(() => undefined);
    throw err;
  }
  return new TextDecoder("utf-8").decode(buffer.subarray(0, total));
}

/** Rejects as soon as the signal aborts, even when a custom fetch ignores the signal. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined); // settled later by the aborted fetch; nobody waits for it
    return Promise.reject(new Error("aborted"));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/**
 * A fresh Error summarizing a fetch failure (name, message, system error code of the cause chain), so that no
 * object from the failing stack (which may hold the request URL) is attached to ours.
 */
function describe(err: unknown): Error {
  const parts: string[] = [];
  let code: string | undefined;
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    parts.push(current.message);
    const c: unknown = (current as { code?: unknown }).code;
    if (code === undefined && typeof c === "string") code = c;
    current = current.cause;
  }
  if (parts.length === 0) parts.push(String(err));
  const summary = new Error(code === undefined ? parts.join(": ") : `${parts.join(": ")} (${code})`);
  if (code !== undefined) Object.assign(summary, { code });
  return summary;
}
