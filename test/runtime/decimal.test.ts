import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFromNumber, plainDecimal } from "../../runtime/decimal.js";

describe("plainDecimal", () => {
  const cases: Array<[string, { given: string; want: string | undefined }]> = [
    ["plain stays", { given: "200.07", want: "200.07" }],
    ["trailing zeros are kept", { given: "200.10", want: "200.10" }],
    ["negative exponent", { given: "1e-7", want: "0.0000001" }],
    ["negative exponent with digits", { given: "-1.25E-3", want: "-0.00125" }],
    ["positive exponent", { given: "1.5e3", want: "1500" }],
    ["exponent inside the digits", { given: "1.2345e2", want: "123.45" }],
    ["big exponent", { given: "1e+21", want: "1000000000000000000000" }],
    ["leading zeros dropped", { given: "007.5", want: "7.5" }],
    ["many digits kept", { given: "12345678901234567890.123456789", want: "12345678901234567890.123456789" }],
    ["not a number", { given: "abc", want: undefined }],
    ["no bare dot", { given: ".5", want: undefined }],
    ["no hex", { given: "0x10", want: undefined }],
    ["no blank", { given: "", want: undefined }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(plainDecimal(given)).toBe(want);
  });
});

describe("decimalFromNumber", () => {
  const cases: Array<[string, { given: number; want: string }]> = [
    ["a price", { given: 200.07, want: "200.07" }],
    ["0.1 + 0.2 is what it is, no more", { given: 0.1 + 0.2, want: "0.30000000000000004" }],
    ["tiny", { given: 1e-7, want: "0.0000001" }],
    ["huge", { given: 1e21, want: "1000000000000000000000" }],
    ["negative zero", { given: -0, want: "0" }],
    ["integer", { given: 6000, want: "6000" }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(decimalFromNumber(given)).toBe(want);
  });

  it("rejects NaN and infinities", () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => decimalFromNumber(n)).toThrow(TypeError);
    }
  });

  it("never writes an exponent, and reads back as the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = decimalFromNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
