// The schema text of a generated module (runtime/schema.ts): JSON Lines read into the shapes the wire writer,
// decoder and validator walk.
import { describe, expect, test } from "vitest";
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
  test("structs, fields with their limits, rules; a struct type is a thunk to its struct, which may contain itself", () => {
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

  test("a response schema names its method on the $response line", () => {
    expect(schema(`\n{"def":"$response","name":"R","method":"a.b.c"}\n{"name":"x","type":"Date"}\n`).method).toBe("a.b.c");
  });

  test.each([
    ["an unknown struct", { given: text, key: "Missing", want: /schema has no struct Missing/ }],
    ["a field before any struct", { given: `{"name":"x","type":"String"}`, key: "$params", want: /schema line 1: a field or rule before any struct/ }],
    ["a line that is not JSON", { given: `{"def":"$params","name":"P"}\nnot json`, key: "$params", want: SyntaxError }],
  ])("%s is an error", (_, { given, key, want }) => {
    expect(() => schema(given).struct(key)).toThrow(want);
  });

  test("the text is read once, on first use", () => {
    const s = schema(text);
    expect(s.struct("$params")).toBe(s.struct("$params"));
  });
});
