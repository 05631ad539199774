// The schema text of a generated module (runtime/schema.ts): JSON Lines read into the shapes the wire writer,
// decoder and validator walk.
import { describe, expect, it } from "vitest";
import { schema } from "../../runtime/schema.js";

const text = `
{"def":"$params","name":"DemoParams"}
{"name":"tree","type":"Struct","required":true,"struct":"Node"}
{"name":"tags","type":"String","list":true,"maxListSize":3,"maxLength":5}
{"atLeastOne":["tree","tags"]}
{"def":"Node","name":"Node"}
{"name":"label","type":"String","enum":["a","b"]}
{"name":"children","type":"Struct","list":true,"struct":"Node"}
`;

describe("reading schema text", () => {
  it("structs, fields with their limits, rules; a struct type is a thunk to its struct, which may contain itself", () => {
    const s = schema(text);
    const params = s.struct("$params");
    expect(params.name).toBe("DemoParams");
    expect(params.atLeastOne).toEqual([["tree", "tags"]]);
    expect(params.fields.map((f) => [f.name, f.type, f.list ?? false, f.required ?? false])).toEqual([
      ["tree", "Struct", false, true],
      ["tags", "String", true, false],
    ]);
    expect(params.fields[1]).toMatchObject({ maxListSize: 3, maxLength: 5 });
    const node = params.fields[0]!.struct!();
    expect(node).toBe(s.struct("Node"));
    expect(node.fields[0]!.enum).toEqual(["a", "b"]);
    expect(node.fields[1]!.struct!()).toBe(node);
  });

  it("a response schema names its method on the $response line", () => {
    expect(schema(`\n{"def":"$response","name":"R","method":"a.b.c"}\n{"name":"x","type":"Date"}\n`).method).toBe(
      "a.b.c",
    );
  });

  it.each([
    ["an unknown struct", { given: text, key: "Missing", want: /schema has no struct Missing/ }],
    [
      "a field before any struct",
      {
        given: `{"name":"x","type":"String"}`,
        key: "$params",
        want: /schema line 1: a field or rule before any struct/,
      },
    ],
    ["a line that is not JSON", { given: `{"def":"$params","name":"P"}\nnot json`, key: "$params", want: SyntaxError }],
  ])("%s is an error", (_, { given, key, want }) => {
    expect(() => schema(given).struct(key)).toThrow(want);
  });

  it("the text is read once, on first use", () => {
    const s = schema(text);
    expect(s.struct("$params")).toBe(s.struct("$params"));
  });
});

describe("the schema is checked before anything is compiled from it", () => {
  const head = `{"def":"$params","name":"P"}`;
  const cases: Array<[string, { given: string; want: RegExp }]> = [
    [
      "a limit that is text (it would run as code)",
      {
        given: `{"name":"n","type":"Number","maxValue":"1);globalThis.x=1;("}`,
        want: /line 2: maxValue must be a finite number/,
      },
    ],
    [
      "a limit of 309 digits (Infinity)",
      {
        given: `{"name":"n","type":"Number","maxValue":1${"0".repeat(309)}}`,
        want: /maxValue must be a finite number, not Infinity/,
      },
    ],
    [
      "a negative length",
      {
        given: `{"name":"s","type":"String","maxLength":-5}`,
        want: /maxLength must be a non-negative integer, not -5/,
      },
    ],
    [
      "a fractional list size",
      {
        given: `{"name":"s","type":"String","list":true,"maxListSize":2.5}`,
        want: /maxListSize must be a non-negative integer/,
      },
    ],
    [
      "min above max",
      { given: `{"name":"n","type":"Number","minValue":10,"maxValue":1}`, want: /minValue 10 is above maxValue 1/ },
    ],
    ["an unknown type", { given: `{"name":"n","type":"Long"}`, want: /unknown type "Long"/ }],
    ["an unknown key", { given: `{"name":"n","type":"String","pattern":".*"}`, want: /unknown key "pattern"/ }],
    ["an enum of numbers", { given: `{"name":"s","type":"String","enum":[1,2]}`, want: /enum is a list of strings/ }],
    [
      "required that is not true",
      { given: `{"name":"s","type":"String","required":"yes"}`, want: /required is true when present/ },
    ],
    ["a field without a name", { given: `{"name":"","type":"String"}`, want: /a field needs a name/ }],
    [
      "a struct reference to nothing",
      { given: `{"name":"t","type":"Struct","struct":"Nope"}`, want: /line 2: no struct "Nope"/ },
    ],
    [
      "a struct reference on a scalar",
      { given: `{"name":"t","type":"String","struct":"$params"}`, want: /on a Struct field only/ },
    ],
    ["a rule naming no fields", { given: `{"atLeastOne":[]}`, want: /atLeastOne is a list of field names/ }],
    ["a struct written twice", { given: head, want: /struct "\$params" written twice/ }],
    ["a line that is an array", { given: "[]", want: /not a JSON object/ }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const s = schema(`${head}\n${given}\n`);
    expect(() => s.paramsCheck).toThrow(want);
    expect(() => s.struct("$params")).toThrow(want);
    expect((globalThis as { x?: unknown }).x).toBeUndefined();
  });

  it("limits that are fine pass: zero, negative bounds, min = max", () => {
    const s = schema(
      `${head}\n{"name":"n","type":"Number","minValue":-5,"maxValue":-5}\n{"name":"s","type":"String","maxLength":0}\n`,
    );
    const issues: unknown[] = [];
    s.paramsCheck(issues as never, { n: -5, s: "" }, "");
    expect(issues).toEqual([]);
  });
});
