// One HTTP exchange with the gateway: POST, with a timeout and the caller's AbortSignal, and every failure
// turned into a TopTransportError. The URL (which carries the session) never goes into an error.
import { TopTransportError } from "./errors.js";
import { parseLossless } from "./json.js";

export type FetchLike = typeof fetch;

export interface HttpExchange {
  readonly method: string;
  readonly url: URL;
  readonly body: string | FormData;
  /** Set for a text body; a FormData body gets its multipart boundary from fetch. */
  readonly contentType?: string;
  readonly fetch: FetchLike;
  readonly timeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface JsonAnswer {
  readonly parsed: unknown;
  readonly text: string;
}

/** Sends the request and returns the body parsed losslessly; throws TopTransportError for anything else. */
export async function exchangeJson(x: HttpExchange): Promise<JsonAnswer> {
  const { status, contentType, text } = await exchange(x);
  const fail = (kind: "http" | "empty" | "not-json", message: string): never => {
    throw new TopTransportError({ method: x.method, kind, message, status, contentType, body: text });
  };
  if (status < 200 || status > 299) return fail("http", `HTTP ${status} from the gateway`);
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

async function exchange(x: HttpExchange): Promise<{ status: number; contentType: string; text: string }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    x.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, x.timeoutMs);
  const onAbort = (): void => controller.abort();
  x.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    if (x.signal?.aborted === true) throw new Error("aborted before sending");
    const headers: Record<string, string> = x.contentType === undefined ? {} : { "content-type": x.contentType };
    const init: RequestInit = { method: "POST", headers, body: x.body, signal: controller.signal };
    const response = await raceAbort(x.fetch(x.url, init), controller.signal);
    const text = await raceAbort(response.text(), controller.signal);
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text };
  } catch (err) {
    if (timedOut) {
      throw new TopTransportError({ method: x.method, kind: "timeout", message: `no answer within ${x.timeoutMs}ms` });
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
    if (timer !== undefined) clearTimeout(timer);
    x.signal?.removeEventListener("abort", onAbort);
  }
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
