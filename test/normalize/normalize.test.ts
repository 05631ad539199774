// The normalizer where the samples are silent: it still decides, and says so with the doc line.
import { expect, it } from "vitest";
import { normalize, normalizeWithLines } from "../../generator/normalize/index.js";
import type { RawPage } from "../../generator/read/raw.js";
import { readTextPage } from "../../generator/read/text.js";

const source = { file: "p.txt", sha256: "0".repeat(64) };

/** A raw JSON page (depths given) with these rows. */
function jsonPage(
  request: [string, string, number, number][],
  response: [string, string, number, number][] = [],
): RawPage {
  const rows = (list: [string, string, number, number][]) =>
    list.map(([name, type, depth, line]) => ({ name, type, depth, line, limits: {} }));
  return {
    format: "json",
    file: "p.json",
    method: "x.y.z",
    title: "t",
    description: "",
    request: rows(request),
    response: rows(response),
    samples: {},
    diagnostics: [],
  };
}
const page = (...rows: string[]) =>
  ["x.demo.get (示例)", "", "说明", "", "请求参数", "", "名称 类型 是否必须 示例值 更多限制 描述", ...rows].join("\n");

it("without samples, depth that the page does not show is reported with its line", () => {
  const spec = normalize(
    readTextPage(
      page(
        "p Outer 可选 外层",
        "  • └ a",
        "  • String",
        "  • 可选",
        "  • x 说明",
        "  • inner",
        "  • Inner",
        "  • 可选",
        "  • 内",
        "  • └ b",
        "  • String",
        "  • 可选",
        "  • c",
        "  • d",
        "  • └ e",
        "  • String",
        "  • 可选",
        "  • 1",
        "  • 2",
      ),
      "p.txt",
    ),
    source,
  );
  const outer = spec.request[0]!;
  expect(outer.fields!.map((f) => f.name)).toEqual(["a", "inner"]);
  expect(outer.fields![1]!.fields!.map((f) => f.name)).toEqual(["b", "e"]);
  expect(spec.diagnostics).toContainEqual({
    level: "warning",
    message: "depth not settled for e (line 22): placed under inner (could be p); no cue on the page settles it",
    line: 22,
  });
  expect(spec.depthCues).toEqual([
    { side: "request", path: "p", cue: "guess" },
    { side: "request", path: "p.inner", cue: "guess" },
  ]);
  expect(spec.diagnostics?.filter((d) => d.level === "warning")).toHaveLength(1);
});

it("a Java sample moves a sibling back up to its true parent", () => {
  const text = [
    page(
      "p Outer 可选 外层",
      "  • inner",
      "  • Inner",
      "  • 可选",
      "  • 内",
      "  • └ b",
      "  • String",
      "  • 可选",
      "  • c",
      "  • └ e",
      "  • String",
      "  • 可选",
      "  • 1",
    ),
    "",
    "请求示例",
    "",
    "X.Outer o1 = new X.Outer();",
    "X.Inner o2 = new X.Inner();",
    'o2.setB("c");',
    "o1.setInner(o2);",
    'o1.setE("1");',
    "req.setP(o1);",
  ].join("\n");
  const spec = normalize(readTextPage(text, "p.txt"), source);
  expect(spec.request[0]!.fields!.map((f) => [f.name, f.fields?.map((g) => g.name)])).toEqual([
    ["inner", ["b"]],
    ["e", undefined],
  ]);
  expect(spec.request[0]!.fields![1]!.example).toBe("1");
});

it("a lone cell with no sample value: Chinese text reads as a description, with a note", () => {
  const spec = normalize(
    readTextPage(page("p Outer 可选 外层", "  • └ a", "  • String", "  • 可选", "  • 地址"), "p.txt"),
    source,
  );
  expect(spec.request[0]!.fields![0]).toEqual({ name: "a", type: "String", description: "地址" });
  expect(spec.diagnostics?.some((d) => d.line === 9 && d.level === "info")).toBe(true);
});

it("an unknown type is a warning, not a silent unknown", () => {
  const spec = normalize(readTextPage(page("a Strange<T> 可选 x"), "p.txt"), source);
  expect(spec.diagnostics?.some((d) => d.level === "warning")).toBe(true);
});

it("a field with no type: a struct named after it when it has sub-fields, else Json; both reported", () => {
  const spec = normalize(
    jsonPage([
      ["cnsku_sn_sample_d_t_o_list", "null[]", 0, 3],
      ["sn", "String", 1, 4],
      ["blob", "null", 0, 5],
    ]),
    source,
  );
  expect(spec.request.map((f) => [f.name, f.type, f.list, f.fields?.map((g) => g.name)])).toEqual([
    ["cnsku_sn_sample_d_t_o_list", "CnskuSnSampleDTOList", true, ["sn"]],
    ["blob", "Json", undefined, undefined],
  ]);
  expect(spec.diagnostics?.filter((d) => d.level === "warning").map((d) => d.line)).toEqual([3, 5]);
});

it("byte is a file only as a top-level request param; elsewhere it is Java's byte, a number", () => {
  const spec = normalize(
    jsonPage(
      [
        ["image", "byte", 0, 3],
        ["item", "Item", 0, 4],
        ["flag", "byte", 1, 5],
      ],
      [
        ["online_status", "byte", 0, 6],
        ["data", "byte[]", 0, 7],
      ],
    ),
    source,
  );
  expect(spec.request.map((f) => [f.name, f.type, f.fields?.map((g) => g.type)])).toEqual([
    ["image", "File", undefined],
    ["item", "Item", ["Number"]],
  ]);
  expect(spec.response.map((f) => f.type)).toEqual(["Number", "File"]);
});

it("a field name the page lists twice in one struct: the first is kept, the repeat dropped with its line", () => {
  const spec = normalize(
    jsonPage(
      [
        ["id", "Number", 0, 3],
        ["order", "Order", 0, 4],
        ["sku", "String", 1, 5],
        ["sku", "Number", 1, 6],
        ["id", "String", 0, 7],
      ],
      [["sku", "String", 0, 9]],
    ),
    source,
  );
  expect(spec.request.map((f) => [f.name, f.type, f.fields?.map((g) => `${g.name}: ${g.type}`)])).toEqual([
    ["id", "Number", undefined],
    ["order", "Order", ["sku: String"]],
  ]);
  // One name on the request and the response side is no repeat.
  expect(spec.response.map((f) => f.name)).toEqual(["sku"]);
  expect(spec.diagnostics?.filter((d) => /duplicate/.test(d.message))).toEqual([
    { level: "warning", message: "duplicate field sku dropped (first one kept)", line: 6 },
    { level: "warning", message: "duplicate field id dropped (first one kept)", line: 7 },
  ]);
});

it("the line of every field it emits goes beside the spec, by side and path (the repeat's line is not used)", () => {
  const { spec, lines } = normalizeWithLines(
    jsonPage(
      [
        ["order", "Order", 0, 4],
        ["sku", "String", 1, 5],
        ["sku", "Number", 1, 6],
        ["id", "String", 0, 7],
      ],
      [["order", "Number", 0, 9]],
    ),
    source,
  );
  expect(spec.request.map((f) => [f.name, f.fields?.map((g) => g.type)])).toEqual([
    ["order", ["String"]],
    ["id", undefined],
  ]);
  expect(
    [["order"], ["order", "sku"], ["id"], ["sku"]].map((path) => [path.join("."), lines.get("request", path)]),
  ).toEqual([
    ["order", 4],
    ["order.sku", 5],
    ["id", 7],
    ["sku", undefined],
  ]);
  expect(lines.get("response", ["order"])).toBe(9);
});
