// When a failed call is sent again, and after how long. By default only what retrying cannot harm:
// - any call the gateway refused before running it: connection refused (nothing was sent), HTTP 429, HTTP 503
//   with a Retry-After (the server says it refused the call and when to come back; a bare 503 may come from
//   behind the gateway, after the call ran, and counts as a 5xx), and TOP code 7 (call limit) when its message
//   says how long the ban lasts; a stated wait (Retry-After, ban) is waited out, plus the backoff, when it is
//   within maxBanWaitMs, and not retried otherwise;
// - a read method (see isReadMethod) also on what may have happened after the call ran: a reset or dropped
//   connection, a timeout, any other HTTP 5xx, and TOP errors with an `isp.*` sub-code (the service behind the
//   gateway failed). A write is retried on those only with retryWrites (client option or per call).
// Everything else (validation, 4xx, isv.* errors, redirects, bodies that are too large or not JSON, the
// caller's abort) fails at once.
import { TopApiError, type TopError, TopTransportError } from "../errors.js";

export interface RetryOptions {
  /** Attempts in all, the first included; default 3. */
  readonly attempts?: number | undefined;
  /** The backoff before the second attempt; it doubles after each, with jitter (a random 50–100 %). Default 200. */
  readonly baseDelayMs?: number | undefined;
  /** The longest backoff; default 5,000. */
  readonly maxDelayMs?: number | undefined;
  /** TOP code 7 ("This ban will last for N more seconds") is waited out when N s is at most this; default 30,000. */
  readonly maxBanWaitMs?: number | undefined;
  /** Also retry writes on resets, timeouts, HTTP 5xx and isp.* errors (they may have run); default false. */
  readonly retryWrites?: boolean | undefined;
  /** Which methods are reads; default isReadMethod. */
  readonly isRead?: ((method: string) => boolean) | undefined;
  /** Called before each wait; the error is already scrubbed of secrets. */
  readonly onRetry?: ((info: RetryInfo) => void) | undefined;
}

export interface RetryInfo {
  readonly method: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly error: TopError;
  /** How long the client waits before the next attempt. */
  readonly delayMs: number;
  /** Why it may retry: `refused` (the call did not run) or `read` (a read that may have run). */
  readonly reason: "refused" | "read";
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxBanWaitMs: number;
  readonly retryWrites: boolean;
  readonly isRead: (method: string) => boolean;
  readonly onRetry: ((info: RetryInfo) => void) | undefined;
}

export const DEFAULT_RETRY = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxBanWaitMs: 30_000,
} as const;

/**
 * The last segment of the method name is one of the read verbs: `taobao.trade.fullinfo.get`,
 * `taobao.items.onsale.query`, `taobao.tbk.item.search`, `….list`, `….find`, `….count`, `….detail`, `….info`.
 * Only whole segments count: `getcoupon`, `listing` (put an item on sale) and other compounds are writes.
 */
export function isReadMethod(method: string): boolean {
  const last = method.slice(method.lastIndexOf(".") + 1).toLowerCase();
  return READ_VERBS.has(last);
}

const READ_VERBS: ReadonlySet<string> = new Set(["get", "query", "search", "list", "find", "count", "detail", "info"]);

/** The policy from the client's `retry` option; `false` is a single attempt. */
export function retryPolicy(option: RetryOptions | false | undefined): RetryPolicy {
  const o = option === false ? { attempts: 1 } : (option ?? {});
  const attempts = o.attempts ?? DEFAULT_RETRY.attempts;
  if (!Number.isSafeInteger(attempts) || attempts < 1) throw new TypeError("retry.attempts must be an integer ≥ 1");
  const ms = (value: number | undefined, fallback: number, name: string): number => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v < 0) throw new TypeError(`retry.${name} must be a number ≥ 0`);
    return v;
  };
  return {
    attempts,
    baseDelayMs: ms(o.baseDelayMs, DEFAULT_RETRY.baseDelayMs, "baseDelayMs"),
    maxDelayMs: ms(o.maxDelayMs, DEFAULT_RETRY.maxDelayMs, "maxDelayMs"),
    maxBanWaitMs: ms(o.maxBanWaitMs, DEFAULT_RETRY.maxBanWaitMs, "maxBanWaitMs"),
    retryWrites: o.retryWrites ?? false,
    isRead: o.isRead ?? isReadMethod,
    onRetry: o.onRetry,
  };
}

/** How a failure may be retried: not at all, or why and with at least how long a wait. */
export type Verdict =
  { readonly retry: false } | { readonly retry: true; readonly reason: "refused" | "read"; readonly minWaitMs: number };

const NO: Verdict = { retry: false };
/** System codes of a connection that never carried the request. */
const NOT_SENT: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);
const BAN = /ban will last for (\d{1,9}) more seconds?/i;

export function verdict(err: unknown, policy: RetryPolicy, method: string, retryWrites: boolean): Verdict {
  const refused = (minWaitMs = 0): Verdict => ({ retry: true, reason: "refused", minWaitMs });
  const mayHaveRun: Verdict = policy.isRead(method) || retryWrites ? { retry: true, reason: "read", minWaitMs: 0 } : NO;
  const stated = (waitMs: number): Verdict => (waitMs <= policy.maxBanWaitMs ? refused(waitMs) : NO);
  const byStatus = (status: number | undefined, retryAfterMs?: number): Verdict | undefined => {
    if (status === 429) return retryAfterMs === undefined ? refused() : stated(retryAfterMs);
    if (status === 503 && retryAfterMs !== undefined) return stated(retryAfterMs);
    if (status !== undefined && status >= 500 && status <= 599) return mayHaveRun;
    return undefined;
  };
  if (err instanceof TopTransportError) {
    switch (err.kind) {
      case "network":
        return NOT_SENT.has(systemCode(err.cause) ?? "") ? refused() : mayHaveRun;
      case "timeout":
        return mayHaveRun;
      case "http":
        return byStatus(err.status, err.retryAfterMs) ?? NO;
      default:
        return NO;
    }
  }
  if (err instanceof TopApiError) {
    if (err.codeText === "7") {
      const ban = BAN.exec(`${err.subMsg ?? ""} ${err.msg}`);
      return ban === null ? NO : stated(Number(ban[1]) * 1000);
    }
    const status = byStatus(err.status);
    if (status !== undefined) return status;
    if (err.subCode?.startsWith("isp.") === true) return mayHaveRun;
  }
  return NO;
}

function systemCode(cause: unknown): string | undefined {
  const code: unknown = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** The backoff before attempt `failed + 1`: exponential, capped, with jitter (a random 50–100 % of it). */
export function backoffMs(policy: RetryPolicy, failed: number, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failed - 1));
  return Math.round(full * (0.5 + random() * 0.5));
}

/** Waits, or rejects with the signal's reason when the caller aborts meanwhile. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new Error("aborted"));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error("aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
