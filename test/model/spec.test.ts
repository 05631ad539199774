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

it("serialization is deterministic and independent of key order", () => {
  const spec = parseDoc("docs/alibaba.idle.isv.order.dealrefund.txt");
  const shuffled = JSON.parse(JSON.stringify(spec, Object.keys(spec).reverse())) as ApiSpec;
  const reversed = { ...Object.fromEntries(Object.entries(spec).reverse()) } as unknown as ApiSpec;
  expect(serializeSpec(reversed)).toBe(serializeSpec(spec));
  expect(serializeSpec(parseDoc("docs/alibaba.idle.isv.order.dealrefund.txt"))).toBe(serializeSpec(spec));
  expect(shuffled.method).toBe(spec.method);
});
