// The change classes, case by case: an old spec and a new one → each change with its class. Every class of the
// issue on both sides and inside a struct.
import { describe, expect, it } from "vitest";
import { diffSpecs, type Change } from "../../generator/diff/changes.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";

/** A small spec: a request with a scalar, an enum, a list and a struct; a response with a struct. */
function base(): ApiSpec {
  return {
    specVersion: 1,
    method: "x.test.api",
    title: "t",
    description: "d",
    source: { format: "text", file: "docs/x.txt", sha256: "0".repeat(64) },
    request: [
      { name: "trade_no", type: "String", description: "order", example: "1", limits: { maxLength: 64 } },
      { name: "out_trade_no", type: "String", limits: { maxLength: 64 } },
      { name: "count", type: "Number", required: true, limits: { minValue: 1, maxValue: 100 } },
      { name: "kind", type: "String", enum: [{ value: "A" }, { value: "B" }] },
      {
        name: "bill",
        type: "FundBill",
        list: true,
        limits: { maxListSize: 20 },
        fields: [
          { name: "amount", type: "Number", required: true },
          { name: "title", type: "String", limits: { maxLength: 32 } },
        ],
      },
    ],
    response: [
      { name: "gmt_refund", type: "Date", description: "when" },
      { name: "status", type: "String", enum: [{ value: "OK" }, { value: "FAIL" }] },
      {
        name: "detail",
        type: "Detail",
        fields: [
          { name: "code", type: "Number" },
          { name: "memo", type: "String" },
        ],
      },
    ],
    rules: [{ kind: "atLeastOne", fields: ["trade_no", "out_trade_no"] }],
  };
}

function field(fields: Field[], path: string): Field {
  const [head, ...rest] = path.split(".");
  const f = fields.find((x) => x.name === head);
  if (!f) throw new Error(`no field ${path}`);
  return rest.length ? field(f.fields ?? [], rest.join(".")) : f;
}

type Edit = (s: ApiSpec) => void;
const req =
  (path: string, edit: (f: Field) => void): Edit =>
  (s) =>
    edit(field(s.request, path));
const res =
  (path: string, edit: (f: Field) => void): Edit =>
  (s) =>
    edit(field(s.response, path));
const removeFrom =
  (fields: (s: ApiSpec) => Field[], name: string): Edit =>
  (s) => {
    const list = fields(s);
    list.splice(
      list.findIndex((f) => f.name === name),
      1,
    );
  };
const structOf = (side: "request" | "response", path: string) => (s: ApiSpec) => field(s[side], path).fields!;

type Want = [side: Change["side"], path: string, cls: Change["class"], what: RegExp];

const cases: [string, { given: Edit; want: Want[] }][] = [
  // request: breaking
  [
    "request: new required field",
    {
      given: (s) => s.request.push({ name: "shop", type: "String", required: true }),
      want: [["request", "shop", "breaking", /new required field/]],
    },
  ],
  [
    "request: field removed",
    { given: removeFrom((s) => s.request, "kind"), want: [["request", "kind", "breaking", /field removed/]] },
  ],
  [
    "request: type changed",
    {
      given: req("trade_no", (f) => (f.type = "Number")),
      want: [["request", "trade_no", "breaking", /type String → Number/]],
    },
  ],
  [
    "request: a single value becomes a list",
    {
      given: req("trade_no", (f) => (f.list = true)),
      want: [["request", "trade_no", "breaking", /type String → String\[\]/]],
    },
  ],
  [
    "request: optional becomes required",
    {
      given: req("trade_no", (f) => (f.required = true)),
      want: [["request", "trade_no", "breaking", /optional → required/]],
    },
  ],
  [
    "request: maxLength tightened",
    {
      given: req("trade_no", (f) => (f.limits = { maxLength: 32 })),
      want: [["request", "trade_no", "breaking", /maxLength 64 → 32/]],
    },
  ],
  [
    "request: a limit where there was none",
    {
      given: req("kind", (f) => (f.limits = { maxLength: 8 })),
      want: [["request", "kind", "breaking", /maxLength none → 8/]],
    },
  ],
  [
    "request: minValue raised",
    {
      given: req("count", (f) => (f.limits = { minValue: 2, maxValue: 100 })),
      want: [["request", "count", "breaking", /minValue 1 → 2/]],
    },
  ],
  [
    "request: enum value removed",
    {
      given: req("kind", (f) => (f.enum = [{ value: "A" }])),
      want: [["request", "kind", "breaking", /enum value "B" removed/]],
    },
  ],
  [
    "request: a free string gets an enum",
    {
      given: req("trade_no", (f) => (f.enum = [{ value: "X" }])),
      want: [["request", "trade_no", "breaking", /enum added/]],
    },
  ],
  [
    "request: cross-field rule added",
    {
      given: (s) => s.rules!.push({ kind: "atLeastOne", fields: ["kind", "count"] }),
      want: [["request", "", "breaking", /rule atLeastOne\(kind, count\) added/]],
    },
  ],
  // request: additive
  [
    "request: new optional field",
    {
      given: (s) => s.request.push({ name: "memo", type: "String" }),
      want: [["request", "memo", "additive", /new optional field/]],
    },
  ],
  [
    "request: required becomes optional",
    { given: req("count", (f) => delete f.required), want: [["request", "count", "additive", /required → optional/]] },
  ],
  [
    "request: maxValue widened",
    {
      given: req("count", (f) => (f.limits = { minValue: 1, maxValue: 1000 })),
      want: [["request", "count", "additive", /maxValue 100 → 1000/]],
    },
  ],
  [
    "request: minValue dropped",
    {
      given: req("count", (f) => (f.limits = { maxValue: 100 })),
      want: [["request", "count", "additive", /minValue 1 → none/]],
    },
  ],
  [
    "request: new enum value",
    {
      given: req("kind", (f) => f.enum!.push({ value: "C" })),
      want: [["request", "kind", "additive", /enum value "C" added/]],
    },
  ],
  [
    "request: enum dropped (any string now)",
    { given: req("kind", (f) => delete f.enum), want: [["request", "kind", "additive", /enum removed/]] },
  ],
  [
    "request: rule removed",
    {
      given: (s) => delete s.rules,
      want: [["request", "", "additive", /rule atLeastOne\(trade_no, out_trade_no\) removed/]],
    },
  ],
  // request: docs only
  [
    "request: description changed",
    {
      given: req("trade_no", (f) => (f.description = "the order")),
      want: [["request", "trade_no", "docs", /description changed/]],
    },
  ],
  [
    "request: example changed",
    { given: req("trade_no", (f) => (f.example = "2")), want: [["request", "trade_no", "docs", /example "1" → "2"/]] },
  ],
  [
    "request: enum value's description",
    {
      given: req("kind", (f) => (f.enum![0]!.description = "a")),
      want: [["request", "kind", "docs", /enum value "A" description/]],
    },
  ],
  // inside a request struct
  [
    "request struct: new required field",
    {
      given: (s) => structOf("request", "bill")(s).push({ name: "currency", type: "String", required: true }),
      want: [["request", "bill.currency", "breaking", /new required field/]],
    },
  ],
  [
    "request struct: field removed",
    {
      given: removeFrom(structOf("request", "bill"), "title"),
      want: [["request", "bill.title", "breaking", /field removed/]],
    },
  ],
  [
    "request struct: type changed",
    {
      given: req("bill.amount", (f) => (f.type = "String")),
      want: [["request", "bill.amount", "breaking", /type Number → String/]],
    },
  ],
  [
    "request struct: limit tightened",
    {
      given: req("bill.title", (f) => (f.limits = { maxLength: 16 })),
      want: [["request", "bill.title", "breaking", /maxLength 32 → 16/]],
    },
  ],
  [
    "request struct: list limit tightened",
    {
      given: req("bill", (f) => (f.limits = { maxListSize: 10 })),
      want: [["request", "bill", "breaking", /maxListSize 20 → 10/]],
    },
  ],
  [
    "request struct: new optional field",
    {
      given: (s) => structOf("request", "bill")(s).push({ name: "memo", type: "String" }),
      want: [["request", "bill.memo", "additive", /new optional field/]],
    },
  ],
  [
    "request struct: limit widened",
    {
      given: req("bill.title", (f) => (f.limits = { maxLength: 64 })),
      want: [["request", "bill.title", "additive", /maxLength 32 → 64/]],
    },
  ],
  [
    "request struct: description",
    {
      given: req("bill.title", (f) => (f.description = "x")),
      want: [["request", "bill.title", "docs", /description changed/]],
    },
  ],
  [
    "request struct: renamed type",
    {
      given: req("bill", (f) => (f.type = "Bill")),
      want: [["request", "bill", "breaking", /type FundBill\[\] → Bill\[\]/]],
    },
  ],
  // response: breaking
  [
    "response: field removed",
    {
      given: removeFrom((s) => s.response, "gmt_refund"),
      want: [["response", "gmt_refund", "breaking", /field removed/]],
    },
  ],
  [
    "response: type changed (Date → String)",
    {
      given: res("gmt_refund", (f) => (f.type = "String")),
      want: [["response", "gmt_refund", "breaking", /type Date → String/]],
    },
  ],
  [
    "response struct: field removed",
    {
      given: removeFrom(structOf("response", "detail"), "memo"),
      want: [["response", "detail.memo", "breaking", /field removed/]],
    },
  ],
  [
    "response struct: type changed",
    {
      given: res("detail.code", (f) => (f.type = "String")),
      want: [["response", "detail.code", "breaking", /type Number → String/]],
    },
  ],
  // response: additive
  [
    "response: new field",
    {
      given: (s) => s.response.push({ name: "refund_id", type: "String" }),
      want: [["response", "refund_id", "additive", /new field/]],
    },
  ],
  [
    "response struct: new field",
    {
      given: (s) => structOf("response", "detail")(s).push({ name: "extra", type: "String" }),
      want: [["response", "detail.extra", "additive", /new field/]],
    },
  ],
  [
    "response: new enum value, noted for exhaustive switches",
    {
      given: res("status", (f) => f.enum!.push({ value: "PENDING" })),
      want: [["response", "status", "additive", /enum value "PENDING" added/]],
    },
  ],
  // response: docs only
  [
    "response: description",
    {
      given: res("gmt_refund", (f) => (f.description = "time")),
      want: [["response", "gmt_refund", "docs", /description changed/]],
    },
  ],
  [
    "response struct: description",
    {
      given: res("detail.memo", (f) => (f.description = "m")),
      want: [["response", "detail.memo", "docs", /description changed/]],
    },
  ],
  [
    "response: a limit is documentation",
    {
      given: res("detail.memo", (f) => (f.limits = { maxLength: 8 })),
      want: [["response", "detail.memo", "docs", /maxLength none → 8/]],
    },
  ],
  ["response: required has no meaning", { given: res("gmt_refund", (f) => (f.required = true)), want: [] }],
  // the API itself
  ["api: title", { given: (s) => (s.title = "t2"), want: [["api", "", "docs", /title "t" → "t2"/]] }],
  [
    "api: response sample",
    { given: (s) => (s.samples = { response: "<x/>" }), want: [["api", "", "docs", /response sample added/]] },
  ],
  ["no change", { given: () => {}, want: [] }],
];

describe("change classes", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    const now = base();
    given(now);
    const changes = diffSpecs(base(), now);
    expect(changes.map((c) => [c.side, c.path, c.class])).toEqual(want.map(([side, path, cls]) => [side, path, cls]));
    changes.forEach((c, i) => expect(c.what).toMatch(want[i]![3]));
  });

  it("a new response enum value says it breaks an exhaustive switch", () => {
    const now = base();
    field(now.response, "status").enum!.push({ value: "PENDING" });
    expect(diffSpecs(base(), now)[0]?.note).toMatch(/exhaustive switch/);
  });

  it("an API added is additive, an API removed breaking", () => {
    expect(diffSpecs(undefined, base()).map((c) => c.class)).toEqual(["additive"]);
    expect(diffSpecs(base(), undefined).map((c) => c.class)).toEqual(["breaking"]);
  });
});
