// Lays out one signed TOP call over HTTP: common params (and `sign`) in the URL query, API params in an
// urlencoded body, or a multipart body when there is a file (file parts are not signed).
import { type SignMethod, sign } from "./sign.js";
import type { TopFile } from "../types.js";
import type { WireParams } from "./params.js";

/** The common params of a call, before `sign`; absent or empty ones are not sent. */
export interface CommonParams {
  readonly method: string;
  readonly app_key: string;
  readonly session?: string | undefined;
  readonly timestamp: string;
  readonly sign_method: SignMethod;
  readonly simplify?: "true" | undefined;
  readonly partner_id?: string | undefined;
  readonly target_app_key?: string | undefined;
}

export interface HttpRequest {
  readonly url: URL;
  readonly body: string | FormData;
  /** Set for the urlencoded body; fetch writes the multipart boundary itself. */
  readonly contentType?: string;
}

const COMMON_NAMES: ReadonlySet<string> = new Set([
  "method",
  "app_key",
  "session",
  "timestamp",
  "v",
  "sign_method",
  "sign",
  "format",
  "simplify",
  "partner_id",
  "target_app_key",
]);

export function buildHttpRequest(gateway: string, common: CommonParams, wire: WireParams, secret: string): HttpRequest {
  for (const name of [...Object.keys(wire.text), ...Object.keys(wire.files)]) {
    if (COMMON_NAMES.has(name))
      throw new TypeError(`${common.method}: API param "${name}" clashes with a common param`);
  }
  const query = compact({ ...common, v: "2.0", format: "json" });
  const text = compact(wire.text);
  const url = new URL(gateway);
  for (const [key, value] of Object.entries(query)) url.searchParams.append(key, value);
  url.searchParams.append("sign", sign({ ...query, ...text }, secret, common.sign_method));
  const files = Object.entries(wire.files);
  if (files.length === 0) {
    return {
      url,
      body: new URLSearchParams(text).toString(),
      contentType: "application/x-www-form-urlencoded;charset=UTF-8",
    };
  }
  const form = new FormData();
  for (const [key, value] of Object.entries(text)) form.append(key, value);
  for (const [key, value] of files) {
    for (const file of Array.isArray(value) ? value : [value]) form.append(key, toBlob(file), file.name);
  }
  return { url, body: form };
}

/** Drops absent and empty values: TOP neither sends nor signs them. */
function compact(params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") out[key] = value;
  return out;
}

function toBlob(file: TopFile): Blob {
  if (file.data instanceof Blob) return file.data;
  // A copy: a view over a SharedArrayBuffer is not a valid BlobPart.
  return new Blob([new Uint8Array(file.data)], file.type === undefined ? {} : { type: file.type });
}
