// Specs: the JSON Schema guards every load; serialization is deterministic.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../generator/support/errors.js";
import { parseDoc } from "../../generator/project/parse.js";
import { parseSpec } from "../../generator/model/load.js";
import { serializeSpec } from "../../generator/model/serialize.js";
import type { ApiSpec } from "../../generator/model/types.js";

const committed = readFileSync("specs/alibaba.nlife.b2c.trade.refund.json", "utf8");

it("the committed specs load", () => {
  expect(parseSpec(committed, "x.json").method).toBe("alibaba.nlife.b2c.trade.refund");
});

describe("the schema rejects what the emitter could not trust", () => {
  const base = JSON.parse(committed) as ApiSpec;
  it.each<[string, (s: ApiSpec) => unknown]>([
    ["wrong spec version", (s) => ({ ...s, specVersion: 2 })],
    ["a struct type without fields", (s) => ({ ...s, request: [{ name: "a", type: "Foo" }] })],
    ["fields on a scalar", (s) => ({ ...s, request: [{ name: "a", type: "String", fields: [] }] })],
    ["a type that is not an identifier", (s) => ({ ...s, request: [{ name: "a", type: "Foo Bar" }] })],
    [
      "required: false (absent means optional)",
      (s) => ({ ...s, request: [{ name: "a", type: "String", required: false }] }),
    ],
    ["an unknown key", (s) => ({ ...s, extra: 1 })],
    ["a bad sha256", (s) => ({ ...s, source: { ...s.source, sha256: "x" } })],
  ])("%s", (_title, edit) => {
    expect(() => parseSpec(JSON.stringify(edit(base), null, 2), "bad.json")).toThrow(InputError);
  });
  it("the error names the file and a line", () => {
    expect(() => parseSpec('{\n  "specVersion": 1,\n  "method": 5\n}', "bad.json")).toThrowError(
      /^bad\.json:\d+: not a valid topgen spec/,
    );
    expect(() => parseSpec("{\n  oops\n}", "bad.json")).toThrowError(/^bad\.json:2: not valid JSON/);
  });
});

describe("a struct lists each field name once (what JSON Schema cannot say)", () => {
  const spec = (request: unknown[], response: unknown[] = []) =>
    JSON.stringify({ ...(JSON.parse(committed) as ApiSpec), request, response, rules: [] }, null, 2).replace(
      /,\n {2}"rules": \[\]/,
      "",
    );
  const field = (name: string, type = "String", fields?: unknown[]) => ({ name, type, ...(fields ? { fields } : {}) });
  it.each<[string, { given: string; want: RegExp | undefined }]>([
    [
      "a top-level param twice: refused at the repeat's line",
      {
        given: spec([field("a"), field("b"), field("a", "Number")]),
        want: /^bad\.json:(\d+): .*request\.a is listed twice/,
      },
    ],
    [
      "a struct's field twice, deep in the response",
      {
        given: spec([field("x")], [field("r", "R", [field("x"), field("s", "S", [field("x"), field("x", "Number")])])]),
        want: /^bad\.json:(\d+): .*response\.r\.s\.x is listed twice/,
      },
    ],
    [
      "one name in two structs, or on both sides, is no repeat",
      { given: spec([field("a"), field("s", "S", [field("a")])], [field("a")]), want: undefined },
    ],
  ])("%s", (_title, { given, want }) => {
    if (want === undefined) {
      expect(parseSpec(given, "bad.json").request).toHaveLength(2);
      return;
    }
    let message = "";
    try {
      parseSpec(given, "bad.json");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      message = (e as Error).message;
    }
    const line = Number(want.exec(message)?.[1]);
    // The line named is the repeat's own `"name"` line: the last line of the text with that field's name on it.
    const name = /(\w+) is listed twice/.exec(message)![1]!;
    const lines = given.split("\n");
    const last = lines.findLastIndex((l) => l.includes(`"name": "${name}"`)) + 1;
    expect(line).toBe(last);
  });
});

it("serialization is deterministic and independent of key order", () => {
  const spec = parseDoc("docs/alibaba.idle.isv.order.dealrefund.txt");
  const shuffled = JSON.parse(JSON.stringify(spec, Object.keys(spec).reverse())) as ApiSpec;
  const reversed = { ...Object.fromEntries(Object.entries(spec).reverse()) } as unknown as ApiSpec;
  expect(serializeSpec(reversed)).toBe(serializeSpec(spec));
  expect(serializeSpec(parseDoc("docs/alibaba.idle.isv.order.dealrefund.txt"))).toBe(serializeSpec(spec));
  expect(shuffled.method).toBe(spec.method);
});
