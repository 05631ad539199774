// The catalogue of real API descriptions (../shared/data/catalogue): every API page file, and fixed samples of it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDocPage } from "../../generator/read/index.js";
import { CATALOGUE } from "./data.js";

export { CATALOGUE } from "./data.js";

/** Every API page in the catalogue (the per-category catelog.json files are not API pages), sorted. */
export function catalogueFiles(dir = CATALOGUE): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => isDocPage(readFileSync(f), f));
}

/** A fixed pseudo-random sample (mulberry32): the same files on every machine for a given seed. */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}
