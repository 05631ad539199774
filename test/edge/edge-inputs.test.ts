// Edge inputs (issue 14, point 3): each becomes correct output or a one-line input error naming file and line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignApiNames, moduleFileName } from "../../generator/names/api-names.js";
import { jsdocText, templateText } from "../../generator/targets/typescript/escape.js";
import { checkedLimits } from "../../generator/normalize/limits.js";
import { parseTypeCell } from "../../generator/normalize/types.js";
import { detectFormat } from "../../generator/read/detect.js";
import { capText, InputError } from "../../generator/support/errors.js";
import { parseSpec } from "../../generator/model/load.js";
import { serializeSpec } from "../../generator/model/serialize.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import type { Diagnostic } from "../../generator/model/types.js";
import { buildInRepo, REPO, specWith } from "../support/sdk.js";

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("module file names are portable", () => {
  it.each<[string, { given: string; want: string }]>([
    ["an API named index", { given: "index", want: "index_" }],
    ["INDEX, which meets index.ts on a case-insensitive disk", { given: "INDEX", want: "INDEX_" }],
    ["a Windows device name", { given: "CON", want: "CON_" }],
    ["a device name before a dot", { given: "nul.item.get", want: "nul.item.get_" }],
    ["COM1 in any case", { given: "com1.a", want: "com1.a_" }],
    ["a name only of dots", { given: "..", want: ".._" }],
    ["an ordinary method is left as it is", { given: "taobao.item.get", want: "taobao.item.get" }],
    ["a name that merely starts like a device", { given: "console.get", want: "console.get" }],
  ])("%s", (_, { given, want }) => expect(moduleFileName(given)).toBe(want));

  it("a 300-character method gets a file name within 200 characters, distinct from one differing at its end", () => {
    const a = moduleFileName(`a.${"b".repeat(298)}`);
    const b = moduleFileName(`a.${"b".repeat(297)}c`);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(`${a}_99.json`)).toBeLessThan(255);
    expect(a).not.toBe(b);
  });

  it("index, INDEX and files differing only in case never share a file name, ignoring case, nor take index", () => {
    const names = assignApiNames(["index", "INDEX", "Index", "a.b", "A.B", "con"]);
    const files = [...names.values()].map((n) => n.file.toLowerCase());
    expect(new Set(files).size).toBe(6);
    expect(files).not.toContain("index");
    expect(files).not.toContain("con");
  });
});

describe("lone surrogates are written as \\uD800 text", () => {
  it.each<[string, { given: string; want: string }]>([
    ["a lone high surrogate in a comment", { given: "x\uD800y", want: "x\\uD800y" }],
    ["a lone low surrogate in a comment", { given: "\uDC00z", want: "\\uDC00z" }],
    ["a valid pair is kept", { given: "a\uD83D\uDE00b", want: "a\uD83D\uDE00b" }],
  ])("%s", (_, { given, want }) => expect(jsdocText(given).join("\n")).toBe(want));

  it("in a template literal the escape reads back as the same code unit", () => {
    const text = templateText("a\uD800`${b}\\");
    expect(text).not.toMatch(LONE);
    expect(new Function(`return \`${text}\`;`)()).toBe("a\uD800`${b}\\");
  });

  it("a spec with a lone surrogate serializes to UTF-8 that reads back the same", () => {
    const spec = specWith("a.b", [{ name: "q", type: "String", description: "q\uDC00" }]);
    spec.description = "x\uD800y";
    const text = serializeSpec(spec);
    expect(Buffer.from(text, "utf8").toString("utf8")).toBe(text);
    expect(parseSpec(text, "s.json").description).toBe("x\uD800y");
  });

  it("the generated module holds no lone surrogate, so it is written and read back unchanged (check is stable)", async () => {
    const spec = specWith("edge.surrogate.get", [{ name: "q", type: "String", description: "q\uDC00 `${x}` */" }]);
    spec.description = "x\uD800y";
    const sdk = await buildInRepo([spec]);
    const module = sdk.files.get("edge.surrogate.get.ts")!;
    expect(module).toContain("\\uD800");
    expect(module).not.toMatch(LONE);
    expect(Buffer.from(module, "utf8").toString("utf8")).toBe(module);
  });
});

describe("limits are checked at the doc line", () => {
  it.each<[string, { given: Record<string, number>; want: Record<string, number>; dropped: number }]>([
    [
      "ordinary limits are kept",
      {
        given: { maxLength: 64, minValue: 1, maxValue: 9 },
        want: { maxLength: 64, minValue: 1, maxValue: 9 },
        dropped: 0,
      },
    ],
    ["309 digits (Infinity)", { given: { maxLength: Number("9".repeat(309)) }, want: {}, dropped: 1 }],
    ["a negative count", { given: { maxLength: -5 }, want: {}, dropped: 1 }],
    ["a fractional count", { given: { maxListSize: 2.5 }, want: {}, dropped: 1 }],
    ["min above max: both dropped", { given: { minValue: 10, maxValue: 1 }, want: {}, dropped: 2 }],
    [
      "negative and fractional bounds of a value are fine",
      { given: { minValue: -1.5, maxValue: 0 }, want: { minValue: -1.5, maxValue: 0 }, dropped: 0 },
    ],
    ["NaN", { given: { maxValue: Number.NaN }, want: {}, dropped: 1 }],
  ])("%s", (_, { given, want, dropped }) => {
    const diagnostics: Diagnostic[] = [];
    expect(checkedLimits(given, "f", 7, diagnostics)).toEqual(want);
    expect(diagnostics).toHaveLength(dropped);
    for (const d of diagnostics) expect(d).toMatchObject({ level: "warning", line: 7 });
  });

  it("a doc page with a 309-digit and a negative limit gives a valid spec with diagnostics at their lines", () => {
    const page = readFileSync(join(REPO, "docs", "alibaba.nlife.b2c.trade.refund.txt"), "utf8").split("\n");
    const lines = page.map((l, i) => [l, i + 1] as const).filter(([l]) => l.includes("最大长度:64"));
    page[lines[0]![1] - 1] = page[lines[0]![1] - 1]!.replace("64", "9".repeat(320));
    page[lines[1]![1] - 1] = page[lines[1]![1] - 1]!.replace("64", "-5");
    const spec = parseDocBytes(Buffer.from(page.join("\n")), join(REPO, "docs", "x.txt"), REPO);
    expect(() => parseSpec(serializeSpec(spec), "x.json")).not.toThrow();
    const found = (spec.diagnostics ?? []).filter((d) => d.message.includes("limit maxLength"));
    // each at its param's row, the line above its 最大长度 bullet
    expect(found.map((d) => d.line)).toEqual([lines[0]![1] - 1, lines[1]![1] - 1]);
    for (const f of spec.request) expect(f.limits?.maxLength ?? 0).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, { limits: string; want: RegExp }]>([
    [
      "a negative maxLength in a spec",
      { limits: `{ "maxLength": -5 }`, want: /x\.json:\d+: .*maxLength must be >= 0/ },
    ],
    [
      "a fractional maxListSize in a spec",
      { limits: `{ "maxListSize": 1.5 }`, want: /x\.json:\d+: .*maxListSize must be integer/ },
    ],
    ["1e400 in a spec", { limits: `{ "maxLength": 1e400 }`, want: /x\.json:\d+: .*maxLength/ }],
    [
      "minValue above maxValue in a spec",
      { limits: `{ "minValue": 5, "maxValue": 1 }`, want: /x\.json:13: .*f has minValue 5 above maxValue 1/ },
    ],
  ])("%s is an input error at a line", (_, { limits, want }) => {
    const text = serializeSpec(specWith("a.b", [{ name: "f", type: "Number", limits: { maxValue: 123456 } }])).replace(
      `{\n        "maxValue": 123456\n      }`,
      limits,
    );
    expect(text).toContain(limits);
    expect(text.split("\n")[12]).toContain(`"name": "f"`);
    expect(() => parseSpec(text, "x.json")).toThrow(want);
  });
});

describe("type names read from lookup tables as own properties only", () => {
  it.each<[string, { given: string; want: { type: string; struct: boolean } }]>([
    ["constructor", { given: "constructor", want: { type: "constructor", struct: true } }],
    ["__proto__", { given: "__proto__", want: { type: "__proto__", struct: true } }],
    ["toString []", { given: "toString []", want: { type: "toString", struct: true } }],
    ["prototype", { given: "prototype", want: { type: "prototype", struct: true } }],
    ["String still a scalar", { given: "string", want: { type: "String", struct: false } }],
  ])("%s", (_, { given, want }) => expect(parseTypeCell(given, { name: "f" }, [])).toMatchObject(want));

  it("structs named prototype, constructor and __proto__ build and type-check", async () => {
    const struct = (type: string) => ({ name: `f_${type}`, type, fields: [{ name: "y", type: "String" }] });
    const spec = specWith(
      "edge.proto.get",
      [struct("prototype"), struct("constructor")],
      [struct("__proto__"), struct("prototype")],
    );
    const sdk = await buildInRepo([spec]);
    const module = sdk.files.get("edge.proto.get.ts")!;
    expect(module).toMatch(/interface prototypeStruct\b/);
    expect(module).toMatch(/interface constructor\b/);
    expect(module).toMatch(/interface __proto__\b/);
    expect(module).not.toContain("function Object");
  });
});

describe("error lines are one line, of bounded length, with a line number", () => {
  it("a 1 MB reason is cut", () => {
    const e = new InputError("x".repeat(1_000_000), 3, `bad ${"y".repeat(1_000_000)}\nsecond`);
    expect(e.message.length).toBeLessThan(1200);
    expect(e.message).not.toContain("\n");
    expect(capText("short", 10)).toBe("short");
  });

  it.each<[string, { given: number[]; line: number }]>([
    ["a lone continuation byte on line 3", { given: [...Buffer.from("a\nb\nc"), 0x80, 0x0a], line: 3 }],
    ["a truncated sequence on line 1", { given: [0x61, 0xe4, 0xb8], line: 1 }],
    ["an overlong encoding on line 2", { given: [...Buffer.from("x\n"), 0xc0, 0xaf], line: 2 }],
    ["an encoded surrogate on line 2", { given: [...Buffer.from("x\n"), 0xed, 0xa0, 0x80], line: 2 }],
  ])("not UTF-8: %s", (_, { given, line }) => {
    expect(() => detectFormat(Uint8Array.from(given), "p.txt")).toThrow(new RegExp(`^p\\.txt:${line}: not UTF-8 text`));
  });
});

describe("found by the fuzzer", () => {
  const seed = () => readFileSync(join(REPO, "docs", "alibaba.nlife.b2c.trade.refund.txt"), "utf8");

  it("a page cut right after a nested `└ name` bullet gives a spec (was a TypeError in the text reader)", () => {
    const page = seed();
    const cut = page.slice(0, page.indexOf("• └ id") + "• └ id".length);
    const spec = parseDocBytes(Buffer.from(cut), join(REPO, "docs", "x.txt"), REPO);
    expect(() => parseSpec(serializeSpec(spec), "x.json")).not.toThrow();
  });

  it("a nested field whose name is empty is dropped with a warning at its line (was a spec failing its schema)", () => {
    const page = seed().replace("• └ buyer_id\n", "• └ \n");
    expect(page).toContain("• └ \n");
    const spec = parseDocBytes(Buffer.from(page), join(REPO, "docs", "x.txt"), REPO);
    expect(() => parseSpec(serializeSpec(spec), "x.json")).not.toThrow();
    expect(
      spec.diagnostics?.some((d) => /field without a name was dropped/.test(d.message) && d.line !== undefined),
    ).toBe(true);
  });
});
