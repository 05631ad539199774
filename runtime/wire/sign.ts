// TOP request signing (ARCHITECTURE.md "Protocol"): sorted key+value concatenation over UTF-8, uppercase hex digest.
import { createHash, createHmac } from "node:crypto";

/** `md5`: MD5(secret + s + secret); `hmac`: HMAC-MD5; `hmac-sha256`: HMAC-SHA256 (the secret as key). */
export type SignMethod = "md5" | "hmac" | "hmac-sha256";

/**
 * The text that gets hashed: every param except `sign` and empty/absent values, sorted by key in
 * code-unit order, each written as key + value with no separator.
 */
export function signContent(params: Readonly<Record<string, string | null | undefined>>): string {
  const keys = Object.keys(params)
    .filter((key) => key !== "sign")
    .sort();
  let out = "";
  for (const key of keys) {
    const value = params[key];
    if (value === undefined || value === null || value === "") continue;
    out += key + value;
  }
  return out;
}

/** The `sign` param for the given (text) params; files must not be passed in. */
export function sign(
  params: Readonly<Record<string, string | null | undefined>>,
  secret: string,
  method: SignMethod,
): string {
  const content = Buffer.from(signContent(params), "utf8");
  const key = Buffer.from(secret, "utf8");
  switch (method) {
    case "md5":
      return createHash("md5")
        .update(Buffer.concat([key, content, key]))
        .digest("hex")
        .toUpperCase();
    case "hmac":
      return createHmac("md5", key).update(content).digest("hex").toUpperCase();
    case "hmac-sha256":
      return createHmac("sha256", key).update(content).digest("hex").toUpperCase();
    default:
      throw new TypeError(`unknown sign method: ${String(method satisfies never)}`);
  }
}
