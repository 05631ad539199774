// A response body → the typed value generated code promises, or a typed error.
import { apiErrorOf } from "./api-error.js";
import { DecodeContext } from "./context.js";
import { decodeStruct } from "./struct.js";
import { TopDecodeError } from "../errors.js";
import { parseLossless } from "../json.js";
import { responseKey } from "../names.js";
import { isPlainObject, own } from "../objects.js";
import type { DecodeOptions, StructShape } from "../types.js";

/**
 * Decodes a response body (JSON text, parsed here without losing digits, or an already parsed value) against
 * the response shape. Accepts the `<name>_response` wrapper or a simplified body without it. Throws
 * TopApiError for `error_response`, TopDecodeError for anything that does not match the shape.
 */
export function decodeResponse(method: string, shape: StructShape, body: unknown, options?: DecodeOptions): unknown {
  if (typeof body !== "string") return decodeParsed(method, shape, body, undefined, options);
  let parsed: unknown;
  try {
    parsed = parseLossless(body);
  } catch {
    throw new TopDecodeError({ method, path: "", reason: "the body is not JSON", body });
  }
  return decodeParsed(method, shape, parsed, body, options);
}

/** decodeResponse on a parsed body; `text` (the body as received) is what errors carry, when known. */
export function decodeParsed(
  method: string,
  shape: StructShape,
  parsed: unknown,
  text: string | undefined,
  options?: DecodeOptions,
): unknown {
  const ctx = new DecodeContext(method, parsed, text, options);
  if (!isPlainObject(parsed)) return ctx.fail("", "expected a JSON object", parsed);
  const apiError = apiErrorOf(method, parsed, () => ctx.body());
  if (apiError !== undefined) throw apiError;
  const key = responseKey(method);
  if (Object.hasOwn(parsed, key)) return decodeStruct(ctx, shape, own(parsed, key), "");
  const documented = new Set(shape.fields.map((field) => field.name));
  const stray = Object.keys(parsed).find((name) => name.endsWith("_response") && !documented.has(name));
  if (stray !== undefined) return ctx.fail(stray, `unexpected wrapper (this method answers in "${key}")`);
  return decodeStruct(ctx, shape, parsed, "");
}
