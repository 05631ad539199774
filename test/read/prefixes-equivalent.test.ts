// The long prefix run (npm run prefixes) parses one byte prefix per class of cuts of a JSON page
// (bench/prefixes/equivalent.ts). The witness that the classes are sound: on real pages small enough to cut at
// every byte here, every cut of a class gives the outcome of its class's first cut, but for the line and column
// in the message.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { classify, jsonCuts } from "../../bench/prefixes/equivalent.js";
import { parsePrefix, realPages } from "../../bench/prefixes/prefixes.js";

/** The outcome with its numbers (line, column, byte) taken out. */
function shape(bytes: Uint8Array, file: string, k: number): string {
  const outcome = parsePrefix(bytes.subarray(0, k), file);
  return JSON.stringify(outcome).replace(/\d+/g, "#");
}

it("every cut of a JSON page behaves as the first cut of its class", () => {
  const files = realPages()
    .filter((f) => f.endsWith(".json"))
    .map((file) => ({ file, bytes: readFileSync(file) }))
    .sort((a, b) => a.bytes.length - b.bytes.length)
    .slice(0, 6);
  let checked = 0;
  for (const { file, bytes } of files) {
    const classes = classify(bytes);
    const first = new Map<string, string>();
    for (let k = 1; k <= bytes.length; k++) {
      const c = classes[k];
      if (c === undefined) continue;
      const got = shape(bytes, file, k);
      const want = first.get(c);
      if (want === undefined) first.set(c, got);
      else expect(`${c} at ${k}: ${got}`).toBe(`${c} at ${k}: ${want}`);
      checked++;
    }
    const cuts = jsonCuts(bytes);
    expect(cuts.at(-1)).toBe(bytes.length);
    expect(cuts.length).toBeLessThan(bytes.length / 2);
  }
  expect(checked).toBeGreaterThan(4_000);
}, 600_000);

it("classes: a string's plain cuts, its escapes, open UTF-8 sequences and white space runs", () => {
  const bytes = new TextEncoder().encode('{ "ab\\u00e9c同d":  1 }');
  const classes = classify(bytes);
  const at = (text: string) => classes[new TextEncoder().encode(text).length];
  expect(at('{ "a')).toBe(at('{ "ab'));
  expect(at('{ "ab\\')).not.toBe(at('{ "ab'));
  expect(at('{ "ab\\u0')).not.toBe(at('{ "ab\\u00'));
  expect(at('{ "ab\\u00e9')).toBe(at('{ "a'));
  expect(at('{ "ab\\u00e9c同')).toBe(at('{ "a'));
  expect(classes[new TextEncoder().encode('{ "ab\\u00e9c').length + 1]).toMatch(/utf8-3-1/);
  expect(at('{ "ab\\u00e9c同d":  ')).toBe(at('{ "ab\\u00e9c同d": '));
  expect(at('{ "ab\\u00e9c同d"')).toBeUndefined();
  expect(at("{")).toBeUndefined();
});
