// Integration case: a hand-written spec with every doc type (its output is checked by ../cases.test.ts and
// compiled by the repo's type-check); its validate() must enforce every limit.
import { describe, expect, it } from "vitest";
import { TopgenTestAllTypesRequest, type TopgenTestAllTypesParams } from "./generated/topgen.test.all.types.js";

const ok: TopgenTestAllTypesParams = { count: 5 };
const codes = (params: unknown) =>
  new TopgenTestAllTypesRequest(params as TopgenTestAllTypesParams)
    .validate()
    .map(({ path, code }) => `${path}:${code}`);

describe("validators for every type", () => {
  it.each<[string, { given: Record<string, unknown>; want: string[] }]>([
    ["minimal valid", { given: {}, want: [] }],
    ["Number below minValue", { given: { count: 0 }, want: ["count:minValue"] }],
    ["Number above maxValue, as bigint", { given: { count: 101n }, want: ["count:maxValue"] }],
    ["Number at the bounds", { given: { count: "100" }, want: [] }],
    ["Price as text within range", { given: { price: "200.07" }, want: [] }],
    ["Price below minValue", { given: { price: 0 }, want: ["price:minValue"] }],
    ["Price not a decimal", { given: { price: "2e3" }, want: ["price:type"] }],
    ["BigDecimal as a number", { given: { rate: 0.125 }, want: [] }],
    ["Boolean as text is a type error", { given: { enabled: "true" }, want: ["enabled:type"] }],
    ["Date as Date and as GMT+8 text", { given: { start: new Date(0) }, want: [] }],
    ["Date as other text", { given: { start: "2021/03/05" }, want: ["start:type"] }],
    ["Date invalid", { given: { start: new Date(Number.NaN) }, want: ["start:type"] }],
    ["Json as an object", { given: { extra: { a: 1 } }, want: [] }],
    ["Json text too long", { given: { extra: '{"aaaaaaaaaaaaaaaaaaaaaa":1}' }, want: ["extra:maxLength"] }],
    ["Map must be an object", { given: { attrs: [1] }, want: ["attrs:type"] }],
    ["File within its byte limit", { given: { image: { name: "a.png", data: new Uint8Array(4) } }, want: [] }],
    [
      "File over its byte limit",
      { given: { image: { name: "a.png", data: new Uint8Array(5) } }, want: ["image:maxLength"] },
    ],
    ["File without data", { given: { image: { name: "a.png" } }, want: ["image:type"] }],
    ["FieldList as a list", { given: { fields: ["num_iid", "title"] }, want: [] }],
    ["Number list too long", { given: { ids: [1, 2, 3, 4] }, want: ["ids:maxListSize"] }],
    ["Number list item wrong", { given: { ids: [1, "x"] }, want: ["ids[1]:type"] }],
    [
      "max length applies to each String list item",
      { given: { tags: ["ok", "toolong"] }, want: ["tags[1]:maxLength"] },
    ],
    ["a non-identifier wire name", { given: { "weird-name": 3 }, want: ["weird-name:type"] }],
    [
      "nested list inside a struct",
      {
        given: { node: { label: "a", children: [{ weight: 1 }, { weight: 11 }, {}] } },
        want: ["node.children[1].weight:maxValue", "node.children[2].weight:required"],
      },
    ],
  ])("%s", (_title, { given, want }) => {
    expect(codes({ ...ok, ...given })).toEqual(want);
  });
});
