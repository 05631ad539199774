import { describe, expect, it } from "vitest";
import {
  isLosslessNumber,
  parseJsonValue,
  parseLossless,
  stringifyLossless,
  toJsonValue,
} from "../../runtime/index.js";

describe("parseLossless / stringifyLossless", () => {
  it("keeps every digit of every number", () => {
    const text = '{"id":7091800003790954036,"price":200.10,"tiny":1e-7,"list":[9223372036854775807]}';
    const parsed = parseLossless(text) as { id: unknown };
    expect(isLosslessNumber(parsed.id)).toBe(true);
    expect(stringifyLossless(parsed)).toBe(text);
  });

  it("writes bigint as a bare number", () => {
    expect(stringifyLossless({ id: 7091800003790954036n, ok: true })).toBe('{"id":7091800003790954036,"ok":true}');
  });

  it("duplicate keys: the last wins, as with JSON.parse", () => {
    expect(stringifyLossless(parseLossless('{"a":1,"a":2}'))).toBe('{"a":2}');
  });

  it("a __proto__ key stays data", () => {
    const value = parseJsonValue('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  it("rejects invalid JSON with a SyntaxError", () => {
    expect(() => parseLossless("<html>")).toThrow(SyntaxError);
  });
});

describe("toJsonValue", () => {
  const cases: Array<[string, { given: string; want: unknown }]> = [
    ["safe integers are numbers", { given: "[1,-2,9007199254740991]", want: [1, -2, 9007199254740991] }],
    [
      "unsafe integers are bigint",
      { given: "[9007199254740993,-7091800003790954036]", want: [9007199254740993n, -7091800003790954036n] },
    ],
    ["decimals are numbers", { given: "[1.5,2e3]", want: [1.5, 2000] }],
    ["nested", { given: '{"a":{"b":[null,true,"x"]}}', want: { a: { b: [null, true, "x"] } } }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(toJsonValue(parseLossless(given))).toEqual(want);
  });
});
