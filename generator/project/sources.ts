// docs/sources.json: where each page came from and when it was saved, for what the page itself does not show.
// `add --url/--saved` write it (without --saved: the added file's time, read once, when it is added). It is
// committed with the pages, so the specs stay the same on a fresh clone, where every file's time is the
// checkout's. A folder walk passes over it (JSON that is not an API page).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { InputError } from "../support/errors.js";

export const SOURCES_FILE = "sources.json";

export interface SourceEntry {
  url?: string;
  saved?: string;
  /** The copy of the page the date belongs to: a different page has an unknown date. */
  sha256?: string;
}

export function readSources(dir: string, root: string): Record<string, SourceEntry> {
  const file = join(dir, SOURCES_FILE);
  if (!existsSync(file)) return {};
  const shown = relative(root, file).split(sep).join("/");
  const text = readFileSync(file, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(shown, undefined, `not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(shown, 1, "an object: doc file name → { url, saved, sha256 }");
  for (const [name, entry] of Object.entries(value)) {
    const line = text.slice(0, Math.max(0, text.indexOf(JSON.stringify(name)))).split("\n").length;
    if (typeof entry !== "object" || entry === null)
      throw new InputError(shown, line, `${name}: an object { url, saved, sha256 }`);
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e))
      if (!["url", "saved", "sha256"].includes(k))
        throw new InputError(shown, line, `${name}: unknown key ${JSON.stringify(k)}`);
    if (e["saved"] !== undefined && !isDate(e["saved"]))
      throw new InputError(shown, line, `${name}: "saved" is a date, YYYY-MM-DD`);
    if (e["url"] !== undefined && typeof e["url"] !== "string")
      throw new InputError(shown, line, `${name}: "url" is a string`);
  }
  return value as Record<string, SourceEntry>;
}

export function writeSource(dir: string, root: string, docName: string, entry: SourceEntry): void {
  const all = { ...readSources(dir, root), [docName]: entry };
  const sorted = Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [
        k,
        Object.fromEntries(
          (["url", "saved", "sha256"] as const).filter((f) => all[k]![f] !== undefined).map((f) => [f, all[k]![f]]),
        ),
      ]),
  );
  writeFileSync(join(dir, SOURCES_FILE), JSON.stringify(sorted, null, 2) + "\n");
}

export function isDate(v: unknown): v is string {
  return (
    typeof v === "string" &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
  );
}
