// Facts from a JSON response sample: object nesting shows the true depth, leaf values the examples. TOP wraps
// lists in an object named after the item (`{"trades": {"trade": [ … ]}}`); the simplified layout has the array
// itself. A sample cut by its source (a truncated page) is closed where it stops, and the objects it was inside
// are partial: they show what they hold, not what they lack.

import { nameKey, type FieldRef, type SampleFacts } from "./facts.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function jsonSampleFacts(sample: string): SampleFacts | undefined {
  const parsed = parseLenient(sample);
  if (!parsed || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
    return undefined;
  let root = parsed.value as { [k: string]: Json };
  const keys = Object.keys(root);
  if (keys.length === 1 && /_response$/.test(keys[0]!) && isObject(root[keys[0]!]!))
    root = root[keys[0]!] as { [k: string]: Json };

  // Every object under a key, with its parent key, for lookups by name.
  const byKey = new Map<string, { value: Json; parentKey: string | undefined }[]>();
  const walk = (v: Json, parentKey: string | undefined): void => {
    if (Array.isArray(v)) for (const item of v) walk(item, parentKey);
    else if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        const list = byKey.get(nameKey(k)) ?? [];
        byKey.set(nameKey(k), list);
        list.push({ value: child, parentKey });
        walk(child, k);
      }
    }
  };
  walk(root, undefined);

  return {
    childrenOf(field: FieldRef) {
      const found = byKey.get(nameKey(field.name));
      if (!found) return undefined;
      const out = new Set<string>();
      for (const f of found) for (const o of objectsIn(f.value)) for (const k of Object.keys(o)) out.add(nameKey(k));
      return out;
    },
    valueOf(parent: FieldRef | undefined, name: string) {
      for (const f of byKey.get(nameKey(name)) ?? []) {
        if (typeof f.value === "object" && f.value !== null) continue;
        if (parent === undefined ? f.parentKey !== undefined : f.parentKey === undefined) continue;
        if (parent && nameKey(f.parentKey!) !== nameKey(parent.name) && !wraps(f.parentKey!, parent.name)) continue;
        return String(f.value);
      }
      return undefined;
    },
    isPartial: (field) => parsed.open.has(nameKey(field.name)),
  };
}

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The struct values a key holds: an object, an array of objects, or TOP's `{"item": [ … ]}` list wrapper. */
function objectsIn(v: Json): { [k: string]: Json }[] {
  if (Array.isArray(v)) return v.filter(isObject);
  if (!isObject(v)) return [];
  const keys = Object.keys(v);
  if (keys.length === 1 && Array.isArray(v[keys[0]!])) return (v[keys[0]!] as Json[]).filter(isObject);
  return [v];
}

/** A list item key (`trade`) stands for its list (`trades`): loosely, one is a prefix of the other. */
function wraps(itemKey: string, listName: string): boolean {
  const a = nameKey(itemKey);
  const b = nameKey(listName);
  return b.startsWith(a) || a.startsWith(b);
}

/**
 * JSON.parse, and for a cut sample a second try with its open strings, arrays and objects closed; `open` holds
 * the keys of the objects the cut left open.
 */
function parseLenient(text: string): { value: Json; open: Set<string> } | undefined {
  try {
    return { value: JSON.parse(text) as Json, open: new Set() };
  } catch {
    // fall through: maybe cut
  }
  const closers: string[] = [];
  const openKeys: (string | undefined)[] = [];
  let inString = false;
  let lastString = "";
  let current = "";
  let lastKey: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === "\\") {
        current += text.slice(i, i + 2);
        i++;
      } else if (ch === '"') {
        inString = false;
        lastString = current;
      } else current += ch;
      continue;
    }
    if (ch === '"') {
      inString = true;
      current = "";
    } else if (ch === ":") lastKey = lastString;
    else if (ch === "{" || ch === "[") {
      closers.push(ch === "{" ? "}" : "]");
      openKeys.push(lastKey);
    } else if (ch === "}" || ch === "]") {
      closers.pop();
      openKeys.pop();
    }
  }
  let cut = text;
  if (inString) cut += '"';
  // Drop a dangling key or separator, then close what is open.
  cut = cut.replace(/,\s*"[^"]*"\s*:?\s*$/, "").replace(/[,:]\s*$/, "");
  if (/:\s*"[^"]*"$/.test(cut) === false && /"\s*$/.test(cut) && /[{,]\s*"[^"]*"$/.test(cut))
    cut = cut.replace(/,?\s*"[^"]*"$/, "");
  const closed = cut + closers.reverse().join("");
  try {
    return {
      value: JSON.parse(closed) as Json,
      open: new Set(openKeys.filter((k): k is string => k !== undefined).map(nameKey)),
    };
  } catch {
    return undefined;
  }
}
