// Doc text reaches generated code only through escaping: nothing in it can break out of a comment or a string.
import fc from "fast-check";
import { Node, Project, SyntaxKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { jsdocText, templateText, unescapeJsdoc } from "../../../generator/targets/typescript/escape.js";
import { parseDoc } from "../../../generator/project/parse.js";
import { Schema } from "../../../runtime/schema.js";
import { buildInRepo, specWith } from "../../support/sdk.js";

/** The JSDoc description of every property signature in a module, by property name (wire name). */
function propertyDocs(code: string): Map<string, string[]> {
  const sf = new Project({ useInMemoryFileSystem: true }).createSourceFile("m.ts", code);
  const docs = new Map<string, string[]>();
  for (const prop of sf.getDescendantsOfKind(SyntaxKind.PropertySignature)) {
    const nameNode = prop.getNameNode();
    const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
    const texts = prop.getJsDocs().map((d) => d.getInnerText());
    docs.set(name, [...(docs.get(name) ?? []), ...texts]);
  }
  return docs;
}

/** The schema texts of a module (the cooked text of each `rt.schema(`…`)` template literal), in order. */
function schemaTexts(code: string): string[] {
  const sf = new Project({ useInMemoryFileSystem: true }).createSourceFile("m.ts", code);
  return sf.getDescendantsOfKind(SyntaxKind.NoSubstitutionTemplateLiteral).map((t) => t.getLiteralText());
}

describe("seed descriptions survive into JSDoc", () => {
  it("operation: a description holding /** … */ comes through verbatim and the module compiles", async () => {
    const spec = parseDoc("docs/alibaba.idle.isv.order.dealrefund.txt");
    const operation = spec.request[0]!.fields!.find((f) => f.name === "operation")!;
    expect(operation.description).toContain("/** * 拒绝退款 -> 退款关闭 */");
    const sdk = await buildInRepo([spec]); // throws when the generated code does not type-check
    const doc = unescapeJsdoc(
      propertyDocs(sdk.files.get("alibaba.idle.isv.order.dealrefund.ts")!).get("operation")![0]!,
    );
    expect(doc.startsWith(operation.description!)).toBe(true);
  });

  it('extend_params: the example {"k1":v1} comes through verbatim', async () => {
    const spec = parseDoc("docs/alibaba.nlife.b2c.trade.refund.txt");
    const sdk = await buildInRepo([spec]);
    const docs = propertyDocs(sdk.files.get("alibaba.nlife.b2c.trade.refund.ts")!).get("extend_params")!;
    expect(docs.some((d) => d.includes('@example {"k1":v1}'))).toBe(true);
  });
});

const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "*/",
    "/*",
    "`${x}`",
    '"',
    "'",
    "\\",
    "\u2028",
    "\u0000",
    "\r\n",
    "@param x",
    " * @example",
    "*/ export const x = 1; /*",
  ),
);
const text = fc.array(hostile, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));

it("any description, example, enum value or field name keeps the module compiling and reads back", async () => {
  await fc.assert(
    fc.asyncProperty(text, text, text, text, async (description, example, enumValue, name) => {
      const fieldName = name.trim() === "" || name === "kind" ? "x" : name;
      const spec = specWith(
        "test.escaping",
        [
          { name: fieldName, type: "String", description, example },
          {
            name: "kind",
            type: "String",
            enum: [{ value: enumValue }, { value: `${enumValue}2` }],
            enumEvidence: { closed: true, why: "test" },
          },
        ],
        [{ name: fieldName, type: "String", description }],
      );
      const sdk = await buildInRepo([spec]);
      const code = sdk.files.get("test.escaping.ts")!;
      const docs = propertyDocs(code).get(fieldName);
      expect(docs).toBeDefined();
      const [request, response] = schemaTexts(code).map((t) => new Schema(t));
      expect(request!.struct("$params").fields.map((f) => f.name)).toEqual([fieldName, "kind"]);
      expect(request!.struct("$params").fields[1]!.enum).toEqual([enumValue, `${enumValue}2`]);
      expect(response!.struct("$response").fields.map((f) => f.name)).toEqual([fieldName]);
      const normalized = (s: string) => s.replace(/\r\n?/g, "\n").trim();
      if (description.trim() !== "" && !/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/.test(description)) {
        expect(normalized(unescapeJsdoc(docs![0]!))).toContain(
          normalized(description)
            .split("\n")
            .map((l) => l.trimEnd())
            .join("\n"),
        );
      }
    }),
    {
      numRuns: 25,
      examples: [
        ["*/", "", "", "toString"],
        ["d", "e", "v", "constructor"],
      ],
    },
  );
}, 120_000);

describe("the JSDoc escaping reads back exactly", () => {
  it.each([
    ["@param x"],
    ["\\@param x"],
    ["\\\\@x"],
    ["  @a\n b @c"],
    ["*/ and /* and */"],
    ["a\\*/b"],
    ["x*\\/y"],
    ["*\\\\/"],
  ])("%j", (text) => {
    expect(unescapeJsdoc(jsdocText(text).join("\n"))).toBe(text);
  });
  it("property: any text without control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("@", "\\", "*", "/", " ", "\n", "a") }), (text) => {
        const clean = text
          .split("\n")
          .map((l) => l.trimEnd())
          .join("\n");
        expect(unescapeJsdoc(jsdocText(clean).join("\n"))).toBe(clean);
      }),
    );
  });
});

it("schema text in a template literal reads back exactly, whatever it holds", () => {
  const cooked = (text: string) => schemaTexts(`const s = rt.schema(\`${templateText(text)}\`);`)[0];
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom("`", "$", "{", "}", "\\", "u", "x", "0", "\n", "\r", "\u2028", "a") }),
      (text) => {
        expect(cooked(text)).toBe(text.replace(/\r\n?/g, "\n")); // a template literal reads any line break as \n
      },
    ),
  );
  expect(cooked("${x}\\`")).toBe("${x}\\`");
});
