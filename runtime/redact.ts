// Scrubs secrets (app secret, session) out of an error before it leaves the client, in case a gateway,
// proxy or custom fetch echoed one into a body or message.

const MASK = "***";

/** Replaces every occurrence of each non-empty secret in the text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== "") out = out.split(secret).join(MASK);
  return out;
}

/** Rewrites, in place, every string reachable through the error's own properties (message, stack, body, cause…). */
export function redactError<E>(err: E, secrets: readonly string[]): E {
  if (secrets.every((secret) => secret === "")) return err;
  scrub(err, secrets, new Set<object>(), 0);
  return err;
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
