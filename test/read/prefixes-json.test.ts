// Every line prefix of the 31 real doc-json payloads (../shared/data/doc-json): a one-line InputError (invalid JSON,
// naming the line), never a crash. Its own file so that vitest runs it beside the text prefixes.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { emptyTally, lineCuts, realPages, runCuts } from "../../bench/prefixes/prefixes.js";

it("every line prefix of every doc-json payload: a spec or a one-line input error, never a crash", () => {
  const files = realPages().filter((f) => f.endsWith(".json"));
  expect(files).toHaveLength(31);
  const tally = emptyTally();
  let whole = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const cuts = lineCuts(bytes);
    const text = bytes.toString("utf8").trim();
    whole += cuts.filter((c) => bytes.subarray(0, c).toString("utf8").trim() === text).length;
    runCuts(file, bytes, cuts, tally);
  }
  expect(tally.crashes).toEqual([]);
  expect(tally.prefixes).toBeGreaterThan(22_000);
  // Only the whole payload (with or without its final newline) is JSON; every shorter cut is an input error.
  expect(tally.specs).toBe(whole);
  expect(tally.errors).toBe(tally.prefixes - whole);
}, 900_000);
