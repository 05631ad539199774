// The JSON tree's fast path (read/json/tree.ts, FastTree) is a shortcut, never a second dialect: on any text it
// gives what the jsonc-parser path gives, the same tree or the same error at the same line and column.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonTree, parseJsonTreeByJsonc } from "../../generator/read/json/tree.js";
import { CATALOGUE, describeData } from "../support/data.js";

function outcome(parse: (text: string) => unknown, text: string): unknown {
  try {
    return { tree: parse(text) };
  } catch (e) {
    return { error: String(e), line: (e as { line?: number }).line, column: (e as { column?: number }).column };
  }
}
function same(text: string): void {
  expect(outcome(parseJsonTree, text)).toEqual(outcome(parseJsonTreeByJsonc, text));
}

/** JSON texts with every kind of whitespace, line break, escape and number form. */
const gap = fc.constantFrom("", " ", "\n", "\r\n", "\r", "\t", "  \n\t", "\r\r\n");
const str = fc.oneof(
  fc.string(),
  fc.constantFrom('\\"', "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u00e9\\uD83D\\ude00", "中文", "\\u0000"),
);
const num = fc.oneof(
  fc.constantFrom("0", "-0", "1", "-12", "3.25", "1e5", "1E+5", "2e-3", "-0.5e10", "9223372036854775807"),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const jsonText = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    num,
    str.map((s) => `"${s.replace(/"/g, '\\"')}"`),
    fc.constantFrom("true", "false", "null"),
    fc.tuple(fc.array(tie("value"), { maxLength: 4 }), gap, gap).map(([xs, a, b]) => `[${a}${xs.join(`,${b}`)}${a}]`),
    fc
      .tuple(fc.array(fc.tuple(str, tie("value")), { maxLength: 4 }), gap, gap)
      .map(
        ([kv, a, b]) => `{${a}${kv.map(([k, v]) => `"${k.replace(/"/g, '\\"')}"${b}:${a}${v}`).join(`${b},${a}`)}${b}}`,
      ),
  ),
})).value;

/** The same texts broken: a character put in, taken out or replaced somewhere. */
const broken = fc
  .tuple(
    jsonText,
    fc.nat(),
    fc.constantFrom("", ",", "}", "]", '"', "\\", "\n", "x", "0", ".", "-", "\u0001", "\u00a0", "\ufeff", "/"),
    fc.boolean(),
  )
  .map(([text, at, ch, replace]) => {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + ch + text.slice(replace ? i + 1 : i);
  });

describe("the JSON tree's fast path gives what the jsonc-parser path gives", () => {
  it("on generated JSON texts", () => {
    fc.assert(
      fc.property(jsonText, (text) => same(text)),
      { numRuns: 3000 },
    );
  });

  it("on broken ones (the same error, at the same line and column)", () => {
    fc.assert(
      fc.property(broken, (text) => same(text)),
      { numRuns: 3000 },
    );
  });

  it.each<[string, { given: string }]>([
    ["a leading zero", { given: "[01]" }],
    ["a number run into a word", { given: "[1x]" }],
    ["a keyword run into a word", { given: "nullx" }],
    ["a trailing comma", { given: "[1,]" }],
    ["a raw line break in a string", { given: '"a\nb"' }],
    ["a bad escape", { given: '"\\x"' }],
    ["a short \\u escape", { given: '"\\u12"' }],
    ["an empty text", { given: "" }],
    ["two values", { given: "1 2" }],
    ["a lone CR and a CRLF before a value", { given: '\r\r\n{"a":\r1}' }],
    ["nesting past the limit", { given: "[".repeat(600) + "]".repeat(600) }],
    ["nesting at the limit", { given: "[".repeat(512) + "]".repeat(512) }],
  ])("%s", (_title, { given }) => same(given));

  describeData("on catalogue pages", () => {
    it("every page of a few categories", () => {
      const categories = readdirSync(CATALOGUE).sort().slice(0, 8);
      let pages = 0;
      for (const c of categories)
        for (const f of readdirSync(join(CATALOGUE, c)).filter((n) => n.endsWith(".json"))) {
          same(readFileSync(join(CATALOGUE, c, f), "utf8"));
          pages++;
        }
      expect(pages).toBeGreaterThan(20);
    });
  });
});
