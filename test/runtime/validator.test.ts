// The compiled params check (runtime/validate/compile.ts) against the interpreted one (runtime/validate/interpreter.ts):
// the same issues, in the same order, for any value, on the shapes of the seeds and of the all-types case.
// And validate() where code generation from strings is disabled (the interpreted check takes over).

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AlibabaIdleIsvOrderDealrefundRequest, AlibabaNlifeB2cTradeRefundRequest } from "../../generated/index.js";
import { compiledStructCheck } from "../../runtime/validate/compile.js";
import { structCheck } from "../../runtime/validate/interpreter.js";
import { schema } from "../../runtime/schema.js";
import type { FieldShape, StructShape, ValidationIssue } from "../../runtime/types.js";
import { TopgenTestAllTypesRequest } from "../integration/all-types/generated/topgen.test.all.types.js";

const shapes: [string, StructShape][] = [
  [
    "nlife refund",
    new AlibabaNlifeB2cTradeRefundRequest({ out_request_no: "", refund_bill_list: [], refund_goods_list: [] })
      .requestShape,
  ],
  [
    "idle dealrefund",
    new AlibabaIdleIsvOrderDealrefundRequest({
      param_appraise_isv_refund_request: { biz_order_id: 1, operation: "AGREE_REFUND" },
    }).requestShape,
  ],
  ["all types", new TopgenTestAllTypesRequest({ count: 1 }).requestShape],
  // A struct inside itself and a chain deeper than the compiler inlines: both are checked by calls that take a
  // non-empty path.
  [
    "recursive and deep",
    schema(`
{"def":"$params","name":"P"}
{"name":"root","type":"Struct","struct":"Node"}
{"name":"chain","type":"Struct","struct":"L1"}
{"def":"Node","name":"Node"}
{"name":"id","type":"Number","required":true,"minValue":1}
{"name":"label","type":"String","maxLength":2,"enum":["a","bb","ccc"]}
{"name":"children","type":"Struct","list":true,"maxListSize":2,"struct":"Node"}
{"name":"next","type":"Struct","struct":"Node"}
{"atLeastOne":["label","next"]}
{"def":"L1","name":"L1"}
{"name":"l2","type":"Struct","required":true,"struct":"L2"}
{"def":"L2","name":"L2"}
{"name":"l3","type":"Struct","struct":"L3"}
{"def":"L3","name":"L3"}
{"name":"l4","type":"Struct","list":true,"struct":"L4"}
{"def":"L4","name":"L4"}
{"name":"v","type":"Boolean","required":true}
{"name":"w","type":"Price","maxValue":5}
`).struct("$params"),
  ],
];

const junk = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    "",
    " ",
    "\t \n",
    "\u3000",
    " x",
    0,
    -1,
    1.5,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    [],
    {},
    new Date("x"),
    new Date(0),
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.stringMatching(/^-?\d{1,20}(\.\d{1,3})?$/),
);

/** Values for a field: mostly of its type (near its limits and enum), often not. */
function valueOf(field: FieldShape, depth: number): fc.Arbitrary<unknown> {
  const one = scalarOf(field, depth);
  if (!field.list) return one;
  const size = (field.maxListSize ?? 3) + 1;
  return fc.oneof(
    fc.array(one, { maxLength: Math.min(size, 4) }),
    fc.array(one, { minLength: size, maxLength: size }),
    junk,
  );
}

function scalarOf(field: FieldShape, depth: number): fc.Arbitrary<unknown> {
  const max = field.maxLength ?? 8;
  switch (field.type) {
    case "String":
      return fc.oneof(
        field.enum?.length ? fc.constantFrom(...field.enum) : fc.string({ maxLength: max }),
        fc.string({ minLength: max, maxLength: max + 2 }),
        junk,
      );
    case "Number":
      return fc.oneof(
        fc.integer({ min: (field.minValue ?? 0) - 2, max: (field.maxValue ?? 100) + 2 }),
        fc.bigInt(),
        junk,
      );
    case "Price":
    case "BigDecimal":
      return fc.oneof(fc.double({ min: (field.minValue ?? 0) - 1, max: (field.maxValue ?? 100) + 1 }), junk);
    case "Boolean":
      return fc.oneof(fc.boolean(), junk);
    case "Struct":
      return depth > 3
        ? junk
        : fc.oneof({ weight: 3, arbitrary: structOf(field.struct!(), depth + 1) }, { weight: 1, arbitrary: junk });
    default:
      return junk;
  }
}

function structOf(shape: StructShape, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const entries = shape.fields.map((f) => [f.name, fc.option(valueOf(f, depth), { nil: undefined })] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
}

const run = (check: ReturnType<typeof structCheck>, value: Record<string, unknown>): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  check(issues, value, "");
  return issues;
};

describe("compiled check = interpreted check", () => {
  it.each(shapes)("%s", (_, shape) => {
    const compiled = compiledStructCheck(shape);
    const interpreted = structCheck(shape);
    expect(compiled).not.toBe(interpreted);
    fc.assert(
      fc.property(structOf(shape, 0), (value) => {
        expect(run(compiled, value)).toEqual(run(interpreted, value));
      }),
      { numRuns: 2000 },
    );
  });

  it("the property can fail: a check that misses one rule is told apart", () => {
    const [, shape] = shapes[0]!;
    const weaker: StructShape = { ...shape, atLeastOne: [] };
    expect(() =>
      fc.assert(
        fc.property(structOf(shape, 0), (value) => {
          expect(run(compiledStructCheck(weaker), value)).toEqual(run(structCheck(shape), value));
        }),
      ),
    ).toThrow();
  });
});

it("validate() works where code generation from strings is disabled", () => {
  const script = `
    import * as rt from "./dist/runtime/index.js";
    const schema = rt.schema(\`
{"def":"$params","name":"P"}
{"name":"a","type":"String","required":true,"maxLength":2}
{"name":"b","type":"Struct","list":true,"struct":"B"}
{"atLeastOne":["c","d"]}
{"def":"B","name":"B"}
{"name":"e","type":"String","required":true,"enum":["X"]}
\`);
    const issues = [];
    schema.paramsCheck(issues, { a: "abc", b: [{ e: "X" }, { e: "Y" }, {}] }, "");
    let codegen = true;
    try { new Function("return 1"); } catch { codegen = false; }
    console.log(JSON.stringify({ codegen, issues: issues.map((i) => i.path + " " + i.code) }));`;
  const root = join(import.meta.dirname, "../..");
  const run = (...flags: string[]) => {
    const r = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout) as { codegen: boolean; issues: string[] };
  };
  const want = ["a maxLength", "b[1].e enum", "b[2].e required", "c|d atLeastOne"];
  expect(run()).toEqual({ codegen: true, issues: want });
  expect(run("--disallow-code-generation-from-strings")).toEqual({ codegen: false, issues: want });
});

describe("fields named like members every object has", () => {
  const text = `
{"def":"$params","name":"P"}
{"name":"toString","type":"String","required":true}
{"name":"constructor","type":"Number"}
{"atLeastOne":["valueOf","hasOwnProperty"]}
`;
  const shape = schema(text).struct("$params");
  it.each([
    [
      "nothing given: toString is missing, not a function",
      { given: {}, want: ["toString required", "valueOf|hasOwnProperty atLeastOne"] },
    ],
    ["given as own properties", { given: { toString: "x", constructor: 1, valueOf: "y" }, want: [] }],
  ])("%s", (_, { given, want }) => {
    for (const check of [compiledStructCheck(shape), structCheck(shape)]) {
      expect(run(check, given as Record<string, unknown>).map((i) => `${i.path} ${i.code}`)).toEqual(want);
    }
  });
});

describe("a required string of only whitespace is missing, as Java's RequestCheckUtils.checkNotEmpty decides (it trims)", () => {
  const shape = schema(`
{"def":"$params","name":"P"}
{"name":"a","type":"String","required":true}
{"name":"o","type":"String"}
{"name":"j","type":"Json","required":true}
{"name":"s","type":"Struct","struct":"S"}
{"name":"l","type":"Struct","list":true,"struct":"S"}
{"def":"S","name":"S"}
{"name":"b","type":"String","required":true,"enum":["X"]}
{"name":"n","type":"Number","required":true}
`).struct("$params");
  const full = { a: "x", j: "{}", s: { b: "X", n: 1 } };
  it.each<[string, { given: Record<string, unknown>; want: string[] }]>([
    ["present values pass", { given: full, want: [] }],
    ["spaces at the top level", { given: { ...full, a: "   " }, want: ["a required"] }],
    [
      "tab, line break and a control character (all at most U+0020, what trim() removes)",
      { given: { ...full, a: "\t\r\n\u0001" }, want: ["a required"] },
    ],
    ["text with spaces around it is present", { given: { ...full, a: "  x  " }, want: [] }],
    ["U+3000 and U+00A0 are text to trim(), so present", { given: { ...full, a: "\u3000", j: "\u00a0" }, want: [] }],
    ["an optional blank string is sent as it is", { given: { ...full, o: "  " }, want: [] }],
    ["a required Json given as blank text", { given: { ...full, j: " " }, want: ["j required"] }],
    ["inside a struct", { given: { ...full, s: { b: "  ", n: 1 } }, want: ["s.b required"] }],
    [
      "inside a list item, and a blank number is missing before it is a wrong type",
      {
        given: {
          ...full,
          l: [
            { b: "X", n: " " },
            { b: "\n", n: 2 },
          ],
        },
        want: ["l[0].n required", "l[1].b required"],
      },
    ],
  ])("%s", (_, { given, want }) => {
    for (const check of [compiledStructCheck(shape), structCheck(shape)]) {
      expect(run(check, given).map((i) => `${i.path} ${i.code}`)).toEqual(want);
    }
  });
});
