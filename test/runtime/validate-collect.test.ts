// The pieces that make an invalid request cheap: the issue collector (./runtime/validate/collect.ts) and the
// texts made once per rule (typeText, enumText). Each must give exactly what the plain forms give.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { collectIssues, IssueCollector } from "../../runtime/validate/collect.js";
import { enumPrefix, EXPECTED, enumText, kindOf, quoted, typeText } from "../../runtime/validate/texts.js";
import type { ValidationIssue } from "../../runtime/types.js";
import type { StructCheck } from "../../runtime/validate/checks.js";

const issue = (i: number): ValidationIssue => ({ path: `f${i}`, code: "type", message: `m${i}` });

describe("IssueCollector", () => {
  it.each([0, 1, 2, 3, 4, 5, 9, 40])("hands out %i issues in order, as a new array, and is empty after", (n) => {
    const c = new IssueCollector();
    const want = Array.from({ length: n }, (_, i) => issue(i));
    for (const x of want) c.push(x);
    const got = c.take();
    expect(got).toEqual(want);
    for (let i = 0; i < n; i++) expect(got[i]).toBe(want[i]);
    expect(c.take()).toEqual([]);
  });
});

describe("collectIssues", () => {
  const pushes =
    (n: number): StructCheck =>
    (issues) => {
      for (let i = 0; i < n; i++) issues.push(issue(i));
    };

  it("gives a new array per call, even when empty", () => {
    const a = collectIssues(pushes(0), {});
    const b = collectIssues(pushes(0), {});
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    expect(collectIssues(pushes(6), {})).toEqual(Array.from({ length: 6 }, (_, i) => issue(i)));
  });

  it("keeps a call made from inside another apart (a getter that validates)", () => {
    let inner: ValidationIssue[] = [];
    const outer: StructCheck = (issues) => {
      issues.push(issue(1));
      inner = collectIssues(pushes(2), {});
      issues.push(issue(2));
    };
    expect(collectIssues(outer, {})).toEqual([issue(1), issue(2)]);
    expect(inner).toEqual([issue(0), issue(1)]);
  });

  it("stays right after a check that threw", () => {
    const throws: StructCheck = (issues) => {
      issues.push(issue(7));
      throw new Error("getter");
    };
    expect(() => collectIssues(throws, {})).toThrow("getter");
    expect(collectIssues(pushes(1), {})).toEqual([issue(0)]);
    expect(collectIssues(pushes(0), {})).toEqual([]);
  });
});

describe("texts made once per rule", () => {
  const anyValue = fc.oneof(
    fc.anything(),
    fc.double(),
    fc.bigInt(),
    fc.constantFrom(NaN, Infinity, -Infinity, 2 ** 60, 1.5, new Date(NaN), new Date(0), null, undefined, [], {}),
  );
  it("typeText(expected)(v) is expected + kindOf(v)", () => {
    for (const expected of Object.values(EXPECTED)) {
      const text = typeText(expected);
      fc.assert(fc.property(anyValue, (v) => text(v) === expected + kindOf(v)));
    }
  });

  it("enumText(values)(v) is enumPrefix(values) + quoted(v), and quoted is JSON.stringify", () => {
    const values = ["A", "B_C"];
    const text = enumText(values);
    const strings = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom('"', "\\", "\u2028", "\u0000", "\ud800", "a\udc00b", "😀", "\u007f", "同意"),
    );
    fc.assert(
      fc.property(strings, (v) => text(v) === enumPrefix(values) + quoted(v) && quoted(v) === JSON.stringify(v)),
    );
  });
});
