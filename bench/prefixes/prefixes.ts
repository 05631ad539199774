// Every prefix of every real page (../shared/data: seeds, text-pages, doc-json), cut by line and by byte, through
// the programmatic parse. A prefix must give a spec (with a warning that the page ends early when it is cut) or an
// InputError of one line (the CLI's exit 2); anything else thrown is a crash (the CLI's exit 3).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../../generator/support/errors.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import type { ApiSpec } from "../../generator/model/types.js";

/** The repo root (the folder with package.json) above this file, whether run from bench/ or dist/bench/. */
export function repoRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const DATA = resolve(repoRoot(), "../shared/data");
const FOLDERS = ["seeds", "text-pages", "doc-json"];

/** Every real page under ../shared/data (READMEs are no pages), sorted, as paths. */
export function realPages(data = DATA): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(data, folder))
      .filter((f) => /\.(txt|json)$/.test(f))
      .sort()
      .map((f) => join(data, folder, f)),
  );
}

/** Byte lengths of the prefixes that end a line: the first k lines, without their final newline. */
export function lineCuts(bytes: Uint8Array): number[] {
  const cuts: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) cuts.push(i);
  cuts.push(bytes.length);
  return cuts.filter((c) => c > 0);
}

export type Outcome =
  { kind: "spec"; cutWarned: boolean } | { kind: "error"; message: string } | { kind: "crash"; message: string };

/** A warning that says the page ends early. */
export function isCutWarning(message: string): boolean {
  return /ends early/.test(message);
}

export function parsePrefix(bytes: Uint8Array, file: string): Outcome {
  let spec: ApiSpec;
  try {
    spec = parseDocBytes(bytes, file, "/");
  } catch (e) {
    if (e instanceof InputError && !e.message.includes("\n")) return { kind: "error", message: e.message };
    return { kind: "crash", message: e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e) };
  }
  const cutWarned = (spec.diagnostics ?? []).some((d) => d.level === "warning" && isCutWarning(d.message));
  return { kind: "spec", cutWarned };
}

export interface Tally {
  prefixes: number;
  specs: number;
  /** Specs from a prefix shorter than the page (or from a page that is itself cut) that carry the warning. */
  cutWarned: number;
  /** Specs from a strict prefix of the page with no ends-early warning. */
  cutSilent: number;
  errors: number;
  crashes: { file: string; length: number; message: string }[];
  silent: { file: string; length: number }[];
}

export function emptyTally(): Tally {
  return { prefixes: 0, specs: 0, cutWarned: 0, cutSilent: 0, errors: 0, crashes: [], silent: [] };
}

/** Runs the given cuts of one page into the tally. */
export function runCuts(file: string, bytes: Uint8Array, cuts: Iterable<number>, tally: Tally): void {
  const full = new TextDecoder().decode(bytes).trimEnd();
  for (const length of cuts) {
    const prefix = bytes.subarray(0, length);
    tally.prefixes++;
    const outcome = parsePrefix(prefix, file);
    if (outcome.kind === "error") tally.errors++;
    else if (outcome.kind === "crash") tally.crashes.push({ file, length, message: outcome.message });
    else {
      tally.specs++;
      if (outcome.cutWarned) tally.cutWarned++;
      else if (!file.endsWith(".json") && new TextDecoder().decode(prefix).trimEnd() !== full) {
        tally.cutSilent++;
        tally.silent.push({ file, length });
      }
    }
  }
}

export function readPage(file: string): Uint8Array {
  return readFileSync(file);
}
