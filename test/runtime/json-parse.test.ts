// The runtime's own lossless parser against two references: lossless-json's parse (same LosslessNumber
// values) and JSON.parse (same structure once numbers are compared by value).
import fc from "fast-check";
import { parse as referenceParse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { isLosslessNumber, parseLossless, stringifyLossless } from "../../runtime/index.js";
import { MAX_JSON_DEPTH } from "../../runtime/json-parse.js";

/** Numbers as their exact text, so that two parses compare digit for digit. */
function plain(value: unknown): unknown {
  if (isLosslessNumber(value)) return { number: value.toString() };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).map(([k, v]) => [k, plain(v)]);
  }
  return value;
}

const reference = (text: string): unknown => referenceParse(text, null, { onDuplicateKey: (info) => info.newValue });

describe("parseLossless (runtime/json-parse.ts)", () => {
  const valid: Array<[string, { given: string }]> = [
    [
      "numbers of every form",
      { given: "[0,-0,1,-1,7091800003790954036,1.50,1e-7,1E+30,-2.5e-3,123456789012345678901234567890]" },
    ],
    [
      "escapes of every kind",
      { given: String.raw`["a\"b\\c\/d\b\f\n\r\t","\u00e9\u4E2D","\ud83d\ude00","\ud800 lone","plain"]` },
    ],
    ["a string with an escape at each end", { given: String.raw`"\nmiddle\u0041"` }],
    [
      "nested structures and whitespace",
      { given: ' { "a" : [ 1 , { "b" : null } , true , false ] ,\n\t"c" : {} , "d" : [] } ' },
    ],
    ["duplicate keys keep the first place, the last value", { given: '{"a":1,"b":2,"a":3}' }],
    ["a __proto__ key", { given: '{"__proto__":{"x":1},"y":2}' }],
    ["top-level scalars", { given: '"just text"' }],
    ["empty key", { given: '{"":1}' }],
  ];
  it.each(valid)("%s: same as lossless-json and JSON.parse", (_title, { given }) => {
    const ours = parseLossless(given);
    expect(plain(ours)).toEqual(plain(reference(given)));
    expect(JSON.parse(stringifyLossless(ours))).toEqual(JSON.parse(given));
  });

  it("a __proto__ key is data, not the prototype", () => {
    const value = parseLossless('{"__proto__":{"polluted":true}}') as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  const invalid: Array<[string, { given: string }]> = [
    ["empty", { given: "" }],
    ["html", { given: "<html>" }],
    ["trailing comma in an array", { given: "[1,]" }],
    ["trailing comma in an object", { given: '{"a":1,}' }],
    ["leading zero", { given: "01" }],
    ["bare minus", { given: "-" }],
    ["fraction without digits", { given: "1." }],
    ["single quotes", { given: "'a'" }],
    ["unterminated string", { given: '"abc' }],
    ["raw newline in a string", { given: '"a\nb"' }],
    ["bad escape", { given: String.raw`"\x41"` }],
    ["short unicode escape", { given: String.raw`"\u12"` }],
    ["two values", { given: "1 2" }],
    ["unquoted key", { given: "{a:1}" }],
    ["missing colon", { given: '{"a" 1}' }],
    ["truncated word", { given: "tru" }],
    ["NaN", { given: "NaN" }],
  ];
  it.each(invalid)("%s: a SyntaxError, as JSON.parse", (_title, { given }) => {
    expect(() => JSON.parse(given)).toThrow(SyntaxError);
    expect(() => parseLossless(given)).toThrow(SyntaxError);
    expect(() => parseLossless(given)).toThrow(/ at position \d+$/); // the generator's sample check quotes the text there
  });

  it("names the position of the fault", () => {
    expect(() => parseLossless('{"id":xxx}')).toThrow("JSON value expected but got 'x' at position 6");
    expect(() => parseLossless("[1")).toThrow(
      "Comma ',' or end of array ']' expected but reached end of input at position 2",
    );
  });

  it("nesting beyond the bound is a SyntaxError, not a stack overflow", () => {
    const deep = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(() => parseLossless(deep)).toThrow(/nested deeper/);
    const ok = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(() => parseLossless(ok)).not.toThrow();
  });

  it("agrees with lossless-json on arbitrary JSON (fast-check)", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), (text) => {
        expect(plain(parseLossless(text))).toEqual(plain(reference(text)));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it("accepts and rejects what JSON.parse does on mutated JSON (fast-check)", () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "]", "}", '"', "\\", "-", "0", "\n", "\u0001", "e", ":"))
      .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));
    fc.assert(
      fc.property(mutated, (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        if (!nativeOk) {
          expect(() => parseLossless(text)).toThrow(SyntaxError);
          return;
        }
        expect(JSON.parse(stringifyLossless(parseLossless(text)))).toEqual(native);
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});
