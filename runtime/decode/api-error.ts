// `{"error_response": {...}}` → TopApiError.
import { TopApiError } from "../errors.js";
import { isLosslessNumber } from "../json.js";
import { isPlainObject, own } from "../objects.js";

/** The TopApiError a parsed body stands for, or undefined when it is not an error body. */
export function apiErrorOf(
  method: string,
  parsed: unknown,
  body: () => string,
  status?: number,
): TopApiError | undefined {
  if (!isPlainObject(parsed) || !Object.hasOwn(parsed, "error_response")) return undefined;
  const err = own(parsed, "error_response");
  const fields = isPlainObject(err) ? err : {};
  const codeText = text(own(fields, "code")) ?? "";
  const code = /^-?\d+$/.test(codeText) ? Number(codeText) : 0;
  return new TopApiError({
    method,
    code: Number.isSafeInteger(code) ? code : 0,
    codeText,
    status,
    msg: text(own(fields, "msg")) ?? "",
    subCode: text(own(fields, "sub_code")),
    subMsg: text(own(fields, "sub_msg")),
    requestId: text(own(fields, "request_id")),
    body: body(),
  });
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (isLosslessNumber(value)) return value.toString();
  return undefined;
}
