// Every error the runtime throws on purpose. None carries the app secret or a session (see client/redact.ts).
import type { ValidationIssue } from "./types.js";

/** Base class: `err instanceof TopError` catches every runtime error below. */
export abstract class TopError extends Error {
  /** The API method of the call that failed (empty when unknown). */
  readonly method: string;
  protected constructor(method: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.method = method;
  }
}

/** The gateway answered with `error_response`. */
export class TopApiError extends TopError {
  override readonly name = "TopApiError";
  /** TOP's top-level error code (a JSON number on the wire), e.g. 25, 50; 0 if the body carried none or not a number. */
  readonly code: number;
  /** The code as sent (`"7x"` stays `"7x"`); empty if the body carried none. */
  readonly codeText: string;
  readonly msg: string;
  declare readonly subCode?: string;
  declare readonly subMsg?: string;
  declare readonly requestId?: string;
  /** The HTTP status, when it was not 2xx (an `error_response` in a 500, say). */
  declare readonly status?: number;
  /** The raw response body. */
  readonly body: string;
  constructor(init: {
    method: string;
    code: number;
    codeText?: string | undefined;
    msg: string;
    subCode?: string | undefined;
    subMsg?: string | undefined;
    requestId?: string | undefined;
    status?: number | undefined;
    body: string;
  }) {
    const sub =
      init.subCode === undefined ? "" : ` [${init.subCode}${init.subMsg === undefined ? "" : `: ${init.subMsg}`}]`;
    const codeText = init.codeText ?? String(init.code);
    const http = init.status === undefined ? "" : ` (HTTP ${init.status})`;
    super(init.method, `${init.method}: TOP error ${codeText || "without a code"} ${init.msg}${sub}${http}`);
    this.code = init.code;
    this.codeText = codeText;
    this.msg = init.msg;
    if (init.subCode !== undefined) this.subCode = init.subCode;
    if (init.subMsg !== undefined) this.subMsg = init.subMsg;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.status !== undefined) this.status = init.status;
    this.body = init.body;
  }
}

/** `req.validate()` found problems; nothing was sent. */
export class TopValidationError extends TopError {
  override readonly name = "TopValidationError";
  readonly issues: readonly ValidationIssue[];
  constructor(method: string, issues: readonly ValidationIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path || "(request)"}: ${issue.message}`);
    const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : "";
    super(method, `${method}: invalid request: ${shown.join("; ")}${more}`);
    this.issues = issues;
  }
}

/** The body is JSON but does not match the documented response shape. */
export class TopDecodeError extends TopError {
  override readonly name = "TopDecodeError";
  /** Where, in wire names: `module.refund_bill_list[1].amount`; empty for the body itself. */
  readonly path: string;
  /** The offending value as JSON text (exact digits), when there is one. */
  declare readonly rawValue?: string;
  /** Why the value does not fit, e.g. "expected an integer". */
  readonly reason: string;
  /** The raw response body. */
  readonly body: string;
  constructor(init: { method: string; path: string; reason: string; rawValue?: string | undefined; body: string }) {
    super(init.method, decodeErrorMessage(init));
    this.path = init.path;
    this.reason = init.reason;
    if (init.rawValue !== undefined) this.rawValue = init.rawValue;
    this.body = init.body;
  }
}

/** A TopDecodeError's message: the offending value cut to 80 characters (client/redact.ts re-renders it after scrubbing). */
export function decodeErrorMessage(init: {
  method: string;
  path: string;
  reason: string;
  rawValue?: string | undefined;
}): string {
  const shown = init.rawValue === undefined ? "" : ` (got ${truncate(init.rawValue, 80)})`;
  return `${init.method}: cannot decode ${init.path || "the response"}: ${init.reason}${shown}`;
}

export type TransportErrorKind =
  "http" | "redirect" | "timeout" | "aborted" | "network" | "not-json" | "empty" | "too-large";

/**
 * No usable answer: `http` (status not 2xx or 3xx), `redirect` (a 3xx, never followed; `location` says where
 * to), `timeout` (firstByteTimeoutMs or timeoutMs elapsed), `aborted` (the caller's AbortSignal), `network`
 * (connection refused, reset or failed), `not-json` (e.g. an HTML error page), `empty` (empty body),
 * `too-large` (more than maxResponseBytes; the body is not kept).
 */
export class TopTransportError extends TopError {
  override readonly name = "TopTransportError";
  readonly kind: TransportErrorKind;
  /** HTTP status, when a response arrived. */
  declare readonly status?: number;
  declare readonly contentType?: string;
  /** The raw response body, when one arrived. */
  declare readonly body?: string;
  /** Where a redirect pointed (kind `redirect`), as sent. */
  declare readonly location?: string;
  /** A 429 or 503's `Retry-After`, in milliseconds from when it arrived. */
  declare readonly retryAfterMs?: number;
  constructor(init: {
    method: string;
    kind: TransportErrorKind;
    message: string;
    status?: number | undefined;
    contentType?: string | undefined;
    body?: string | undefined;
    location?: string | undefined;
    retryAfterMs?: number | undefined;
    cause?: unknown;
  }) {
    super(init.method, `${init.method}: ${init.message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.contentType !== undefined) this.contentType = init.contentType;
    if (init.body !== undefined) this.body = init.body;
    if (init.location !== undefined) this.location = init.location;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
