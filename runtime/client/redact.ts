// Scrubs secrets (app secret, session) out of an error before it leaves the client, in case a gateway,
// proxy or custom fetch echoed one into a body or message.

import { decodeErrorMessage, TopDecodeError } from "../errors.js";

const MASK = "***";

/**
 * Replaces every occurrence of each non-empty secret in the text, also where it is written with JSON escapes
 * (`\u0061` for `a`, `\/` for `/`, in any mix), as a gateway may echo it inside a JSON string.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== "") out = out.split(secret).join(MASK);
  if (out.includes("\\")) {
    for (const secret of secrets) if (secret !== "") out = out.replace(jsonEscapedPattern(secret), MASK);
  }
  return out;
}

const patterns = new Map<string, RegExp>();

/** A regex matching the secret with any of its characters written as a JSON escape. */
function jsonEscapedPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (pattern === undefined) {
    let source = "";
    for (let i = 0; i < secret.length; i++) {
      const unit = secret.charCodeAt(i);
      const hex = [...unit.toString(16).padStart(4, "0")]
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join("");
      const alternatives = [secret.charAt(i).replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"), `\\\\u${hex}`];
      const short = SHORT_ESCAPES[secret.charAt(i)];
      if (short !== undefined) alternatives.push(short);
      source += `(?:${alternatives.join("|")})`;
    }
    pattern = new RegExp(source, "g");
    if (patterns.size > 64) patterns.clear();
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\\\"',
  "\\": "\\\\\\\\",
  "/": "\\\\/",
  "\b": "\\\\b",
  "\f": "\\\\f",
  "\n": "\\\\n",
  "\r": "\\\\r",
  "\t": "\\\\t",
};

/**
 * Rewrites, in place, every string reachable through the error's own properties (message, stack, body, cause…).
 * A TopDecodeError's message is written again from its scrubbed value, so that a secret cut to the shown length
 * leaves no prefix behind.
 */
export function redactError<E>(err: E, secrets: readonly string[]): E {
  if (secrets.every((secret) => secret === "")) return err;
  scrub(err, secrets, new Set<object>(), 0);
  if (err instanceof TopDecodeError && err.rawValue !== undefined) rewriteMessage(err, decodeErrorMessage(err));
  return err;
}

function rewriteMessage(err: Error, message: string): void {
  if (message === err.message) return;
  const old = err.message;
  const stack = err.stack;
  Object.defineProperty(err, "message", { value: message, writable: true, configurable: true, enumerable: false });
  if (typeof stack === "string") {
    const at = stack.indexOf("\n    at ");
    const frames = at < 0 ? "" : stack.slice(at);
    const head = at < 0 ? stack : stack.slice(0, at);
    const fixed = head.includes(old) ? head.replace(old, () => message) : `${err.name}: ${message}`;
    Object.defineProperty(err, "stack", {
      value: fixed + frames,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

function scrub(value: unknown, secrets: readonly string[], seen: Set<object>, depth: number): void {
  if (typeof value !== "object" || value === null || seen.has(value) || depth > 8) return;
  seen.add(value);
  const bag = value as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !("value" in descriptor)) continue;
    const item: unknown = descriptor.value;
    if (typeof item === "string") {
      const clean = redactText(item, secrets);
      if (clean !== item && descriptor.writable === true) bag[key] = clean;
      else if (clean !== item && descriptor.configurable === true) Object.defineProperty(value, key, { value: clean });
    } else {
      scrub(item, secrets, seen, depth + 1);
    }
  }
}

/** Each secret as written, and as it looks URL-encoded (a failing fetch may quote the URL). */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === "") continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}
