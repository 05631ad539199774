// Text pages print no depth and drop empty cells: the cues the normalizer reads them by (generator/normalize/
// nesting.ts, cells.ts), each on a small page written the way the site prints.
import { describe, expect, it } from "vitest";
import { normalize } from "../../generator/normalize/index.js";
import { withoutLineNumbers } from "../../generator/normalize/samples/facts.js";
import { javaSampleFacts } from "../../generator/normalize/samples/java.js";
import { jsonSampleFacts } from "../../generator/normalize/samples/json.js";
import { xmlSampleFacts } from "../../generator/normalize/samples/xml.js";
import { shapesFromSpecs } from "../../generator/normalize/shapes.js";
import { readTextPage } from "../../generator/read/text.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { parseSpec } from "../../generator/model/load.js";
import { serializeSpec } from "../../generator/model/serialize.js";

const source = { file: "p.txt", sha256: "0".repeat(64) };

/** A request leaf as the site prints it inside a struct: `└ name`, type, 可选, then its non-empty cells. */
const leaf = (name: string, type = "String", ...cells: string[]) => [
  `  • └ ${name}`,
  `  • ${type}`,
  "  • 可选",
  ...cells.map((c) => `  • ${c}`),
];
/** A struct row inside a struct: no `└`. */
const struct = (name: string, type: string, ...cells: string[]) => [
  `  • ${name}`,
  `  • ${type}`,
  "  • 可选",
  ...cells.map((c) => `  • ${c}`),
];
const request = (rows: string[], after: string[] = []) =>
  [
    "x.demo.get (示例)",
    "",
    "说明",
    "",
    "请求参数",
    "",
    "名称 类型 是否必须 示例值 更多限制 描述",
    ...rows,
    "",
    ...after,
  ].join("\n");
const read = (text: string, shapes?: ApiSpec[]) =>
  normalize(readTextPage(text, "p.txt"), source, shapes ? { shapes: shapesFromSpecs(shapes) } : {});

/** Another API's spec, as known shapes: Outer holds `b` and `inner`; Inner holds only `a`. */
const outerElsewhere = (method: string): ApiSpec => ({
  specVersion: 1,
  method,
  title: "",
  description: "",
  source: { format: "json", file: "o.json", sha256: "0".repeat(64) },
  request: [
    {
      name: "o",
      type: "Outer",
      fields: [
        { name: "b", type: "String" },
        { name: "inner", type: "Inner", fields: [{ name: "a", type: "String" }] },
      ],
    },
  ],
  response: [],
});

/** The tree as nested [name, children] pairs. */
const tree = (fields: Field[]): unknown[] => fields.map((f) => (f.fields ? [f.name, tree(f.fields)] : f.name));

describe("depth", () => {
  it.each<[string, { given: string; want: unknown[] }]>([
    [
      "a repeated name closes the struct: the row belongs to the struct above",
      {
        given: request([
          "p Outer 可选 外层",
          ...leaf("id", "String", "1", "编号"),
          ...struct("inner", "Inner", "内"),
          ...leaf("id", "String", "2", "内编号"),
          ...leaf("name", "String", "a", "名"),
          ...leaf("id", "String", "3", "?"),
        ]),
        want: [["p", ["id", ["inner", ["id", "name"]]]]],
      },
    ],
    [
      "a result-wrapper name goes to the outermost struct",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("data", "Data", "数据"),
          ...leaf("x", "String", "1", "x"),
          ...leaf("success", "Boolean", "true", "成功"),
        ]),
        want: [["p", [["data", ["x"]], "success"]]],
      },
    ],
    [
      "a row that breaks the inner struct's name order and keeps the outer one's goes out (a warned guess)",
      {
        given: request([
          "p Outer 可选 外层",
          ...leaf("a_id", "String", "1", "a"),
          ...struct("b_info", "Info", "信息"),
          ...leaf("k1", "String", "1", "k"),
          ...leaf("k2", "String", "1", "k"),
          ...leaf("k3", "String", "1", "k"),
          ...leaf("k4", "String", "1", "k"),
          ...leaf("c_name", "String", "x", "c"),
        ]),
        want: [["p", ["a_id", ["b_info", ["k1", "k2", "k3", "k4"]], "c_name"]]],
      },
    ],
    [
      "the struct above counts the inner struct's own name in its order (accounts … then card_id)",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("accounts", "Account []", "账户"),
          ...leaf("balance", "Number", "1", "余额"),
          ...leaf("gift", "Number", "1", "赠送"),
          ...leaf("pre", "Number", "1", "预付"),
          ...leaf("total_real", "Number", "1", "实付"),
          ...leaf("card_id", "String", "x", "卡号"),
        ]),
        want: [["p", [["accounts", ["balance", "gift", "pre", "total_real"]], "card_id"]]],
      },
    ],
    [
      "three fields in name order are not enough to leave a struct (they ascend by chance one time in six)",
      {
        given: request([
          "p Outer 可选 外层",
          ...leaf("a_id", "String", "1", "a"),
          ...struct("b_info", "Info", "信息"),
          ...leaf("k1", "String", "1", "k"),
          ...leaf("k2", "String", "1", "k"),
          ...leaf("k3", "String", "1", "k"),
          ...leaf("c_name", "String", "x", "c"),
        ]),
        want: [["p", ["a_id", ["b_info", ["k1", "k2", "k3", "c_name"]]]]],
      },
    ],
    [
      "a row that keeps the inner struct's name order stays in it",
      {
        given: request([
          "p Outer 可选 外层",
          ...leaf("a_id", "String", "1", "a"),
          ...struct("b_info", "Info", "信息"),
          ...leaf("k1", "String", "1", "k"),
          ...leaf("k2", "String", "1", "k"),
          ...leaf("k3", "String", "1", "k"),
          ...leaf("z_name", "String", "x", "c"),
        ]),
        want: [["p", ["a_id", ["b_info", ["k1", "k2", "k3", "z_name"]]]]],
      },
    ],
    [
      "a top-level row ends every open struct",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("data", "Data", "数据"),
          ...leaf("x", "String", "1", "x"),
          "q String 可选 1 顶层",
        ]),
        want: [["p", [["data", ["x"]]]], "q"],
      },
    ],
    [
      "the XML sample moves a row out of the struct it follows, also with line numbers in front",
      {
        given: [
          "x.demo.get (示例)",
          "",
          "请求参数",
          "",
          "名称 类型 是否必须 示例值 更多限制 描述",
          "q String 可选 1 顶层",
          "",
          "响应参数",
          "",
          "名称 类型 示例值 描述",
          "r Outer 外层",
          "  • data",
          "  • Data",
          "  • 数据",
          "  • └ x",
          "  • String",
          "  • 1",
          "  • x",
          "  • └ y",
          "  • String",
          "  • 2",
          "  • y",
          "",
          "响应示例",
          "",
          "1 <demo_response>",
          "2   <r>",
          "3     <data><x>1</x></data>",
          "4     <y>2</y>",
          "5   </r>",
          "6 </demo_response>",
        ].join("\n"),
        want: [["r", [["data", ["x"]], "y"]]],
      },
    ],
  ])("%s", (_title, { given, want }) => {
    const spec = read(given);
    expect(tree(spec.request.length > 1 || spec.response.length === 0 ? spec.request : spec.response)).toEqual(want);
  });

  it("known shapes settle what the page does not, and are recorded as the cue; the page's own API is never asked", () => {
    const page = request([
      "p Outer 可选 外层",
      ...struct("inner", "Inner", "内"),
      ...leaf("a", "String", "1", "a"),
      ...leaf("b", "String", "2", "b"),
    ]);
    const guessed = read(page);
    expect(tree(guessed.request)).toEqual([["p", [["inner", ["a", "b"]]]]]);
    expect(guessed.diagnostics?.filter((d) => d.level === "warning").map((d) => d.line)).toEqual([18]);
    const known = read(page, [outerElsewhere("x.other.get")]);
    expect(tree(known.request)).toEqual([["p", [["inner", ["a"]], "b"]]]);
    expect(known.depthCues).toEqual([
      { side: "request", path: "p", cue: "known-shape" },
      { side: "request", path: "p.inner", cue: "known-shape" },
    ]);
    expect(tree(read(page, [outerElsewhere("x.demo.get")]).request)).toEqual(tree(guessed.request));
  });

  it("a known shape that lacks the name closes nothing unless a struct above is known to hold it", () => {
    const page = request([
      "p Outer 可选 外层",
      ...struct("inner", "Inner", "内"),
      ...leaf("a", "String", "1", "a"),
      ...leaf("c", "String", "3", "c"),
    ]);
    // Elsewhere Inner holds only `a` (an older or smaller type of that name), and Outer does not hold `c`.
    const spec = read(page, [outerElsewhere("x.other.get")]);
    expect(tree(spec.request)).toEqual([["p", [["inner", ["a", "c"]]]]]);
    // Still a guess, named by a warning at c's row.
    expect(spec.diagnostics?.filter((d) => d.level === "warning").map((d) => d.line)).toEqual([18]);
  });

  // The cue `same-type` (generator/normalize/same-type.ts): a struct type prints the same fields wherever it appears.
  it.each<[string, { given: string; want: { tree: unknown[]; cues: string[] } }]>([
    [
      "two instances of a type that list the same fields and part ways end where they part",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("from_address", "Address", "发货地址"),
          ...leaf("city", "String", "杭州", "市"),
          ...leaf("town", "String", "仓前", "镇"),
          ...struct("orders", "Order []", "订单"),
          ...struct("to_address", "Address", "收货地址"),
          ...leaf("city", "String", "北京", "市"),
          ...leaf("town", "String", "八里庄", "镇"),
          ...leaf("to_name", "String", "张三", "收货人"),
        ]),
        want: {
          tree: [
            [
              "p",
              [
                ["from_address", ["city", "town"]],
                ["orders", [["to_address", ["city", "town"]], "to_name"]],
              ],
            ],
          ],
          cues: ["p", "p.from_address", "p.orders", "p.orders.to_address"],
        },
      },
    ],
    [
      "an instance the table's end cuts proves nothing about where the type ends",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("a", "Address", "地址"),
          ...leaf("city", "String", "杭州", "市"),
          ...leaf("town", "String", "仓前", "镇"),
          ...leaf("zip", "String", "310000", "邮编"),
          ...struct("o", "Order", "订单"),
          ...struct("b", "Address", "地址"),
          ...leaf("city", "String", "北京", "市"),
          ...leaf("town", "String", "八里庄", "镇"),
        ]),
        want: { tree: [["p", [["a", ["city", "town", "zip", ["o", [["b", ["city", "town"]]]]]]]]], cues: [] },
      },
    ],
    [
      "a type that holds itself (a category and its sub-categories) keeps its own list",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("category", "Category", "类目"),
          ...leaf("id", "Number", "1", "编号"),
          ...leaf("title", "String", "t", "名称"),
          ...struct("children", "Category []", "子类目"),
          ...leaf("id", "Number", "2", "编号"),
          ...leaf("title", "String", "u", "名称"),
        ]),
        want: { tree: [["p", [["category", ["id", "title", ["children", ["id", "title"]]]]]]], cues: [] },
      },
    ],
    [
      "one shared field is not enough",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("a", "Address", "地址"),
          ...leaf("city", "String", "杭州", "市"),
          ...leaf("zip", "String", "310000", "邮编"),
          ...struct("o", "Order", "订单"),
          ...struct("b", "Address", "地址"),
          ...leaf("city", "String", "北京", "市"),
          ...leaf("name", "String", "张三", "名"),
        ]),
        want: { tree: [["p", [["a", ["city", "zip", ["o", [["b", ["city", "name"]]]]]]]]], cues: [] },
      },
    ],
  ])("%s", (_title, { given, want }) => {
    const spec = read(given);
    expect(tree(spec.request)).toEqual(want.tree);
    const decided = (spec.depthCues ?? []).filter((c) => c.cue === "same-type").map((c) => c.path);
    expect(decided).toEqual(want.cues);
    // A cue drawn from the page's own guesses is still warned: a reviewer sees where it decided.
    if (want.cues.length)
      expect(spec.diagnostics?.some((d) => d.level === "warning" && /same struct type/.test(d.message))).toBe(true);
  });

  // Lines on `request(...)`: the first row is line 8, each bullet one line.
  it.each<[string, { given: string; want: { tree: unknown[]; ranges: [number, number | undefined][] } }]>([
    [
      "a guessed struct's warning runs through the rows it holds (they moved with it)",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("a", "A", "a"), // 9
          ...leaf("x", "String", "1", "x"), // 13
          ...struct("b", "B", "b"), // 18: a sibling of a, or inside it?
          ...leaf("y", "String", "1", "y"), // 22
          ...leaf("z", "String", "1", "z"), // 27: in b, a or p? its own warning
        ]),
        want: {
          tree: [["p", [["a", ["x", ["b", ["y", "z"]]]]]]],
          ranges: [
            [18, 27],
            [27, undefined],
          ],
        },
      },
    ],
    [
      "rows after a guess that closed a struct join its warning: they could sit in what it closed",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("data", "Data", "数据"), // 9
          ...leaf("x", "String", "1", "x"), // 13
          ...leaf("success", "Boolean", "true", "成功"), // 18: wrapper name, closes data
          ...leaf("w", "String", "1", "w"), // 23: p or data? nothing says
        ]),
        want: { tree: [["p", [["data", ["x"]], "success", "w"]]], ranges: [[18, 23]] },
      },
    ],
    [
      "a top-level row ends the doubt a guess left",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("data", "Data", "数据"),
          ...leaf("x", "String", "1", "x"),
          ...leaf("success", "Boolean", "true", "成功"), // 18
          "q String 可选 示例 q", // 23
        ]),
        want: { tree: [["p", [["data", ["x"]], "success"]], "q"], ranges: [[18, undefined]] },
      },
    ],
  ])("%s", (_title, { given, want }) => {
    const spec = read(given);
    expect(tree(spec.request)).toEqual(want.tree);
    const depth = (spec.diagnostics ?? []).filter((d) => d.message.startsWith("depth not settled"));
    expect(depth.map((d) => [d.line, d.endLine])).toEqual(want.ranges);
  });

  it.each<[string, { given: string; want: { tree: unknown[]; type: string; warned: boolean } }]>([
    [
      "a row printed without `└` and followed by sub-fields is a struct whatever its type cell says",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("items", "Integer []", "条目"),
          ...leaf("id", "String", "1", "编号"),
        ]),
        want: { tree: [["p", [["items", ["id"]]]]], type: "Items", warned: true },
      },
    ],
    [
      "such a row named like a basic type makes a struct no basic type names (`Number` → `NumberStruct`)",
      {
        given: request([
          "p Outer 可选 外层",
          ...struct("Number", "Number", "编号"),
          ...leaf("id", "String", "1", "编号"),
        ]),
        want: { tree: [["p", [["Number", ["id"]]]]], type: "NumberStruct", warned: true },
      },
    ],
    [
      "a cell with `_` is no type: `true` / `S_SYS_EXCEPTION` are a leaf's example and description, not a struct row",
      {
        given: request([
          "p Outer 可选 外层",
          ...leaf("err_code", "String", "true", "S_SYS_EXCEPTION"),
          ...leaf("err_msg", "String", "示例", "系统异常"),
        ]),
        want: { tree: [["p", ["err_code", "err_msg"]]], type: "Outer", warned: false },
      },
    ],
  ])("%s", (_title, { given, want }) => {
    const spec = read(given);
    expect(tree(spec.request)).toEqual(want.tree);
    const first = spec.request[0]!.fields![0]!;
    expect(first.fields ? first.type : spec.request[0]!.type).toBe(want.type);
    // and the spec is one its own schema accepts (a struct named `Number` was not)
    expect(() => parseSpec(serializeSpec(spec), "p.json")).not.toThrow();
    expect(
      (spec.diagnostics ?? []).some((d) => d.level === "warning" && / but the page prints sub-fields/.test(d.message)),
    ).toBe(want.warned);
  });

  it.each<[string, { given: number | undefined; want: string[] }]>([
    ["the outer of two same-named structs", { given: 0, want: ["a", "result", "c"] }],
    ["the inner one", { given: 1, want: ["b"] }],
    ["unknown depth: every element of the name", { given: undefined, want: ["a", "result", "c", "b"] }],
  ])("an XML sample nesting one name twice: %s", (_title, { given, want }) => {
    const facts = xmlSampleFacts("<r><result><a>1</a><result><b>2</b></result><c>3</c></result></r>")!;
    const field = { name: "result", type: "Result", ...(given !== undefined ? { sameNameAncestors: given } : {}) };
    expect([...facts.childrenOf(field)!]).toEqual(want);
  });

  it("a sample cut inside a struct tells what it holds, not what it lacks", () => {
    const facts = xmlSampleFacts("<r>\n  <list>\n    <item><a>1</a><b>2</b>")!;
    const list = { name: "list", type: "Item []" };
    expect([...facts.childrenOf(list)!]).toEqual(["a", "b"]);
    expect(facts.isPartial?.(list)).toBe(true);
    expect(xmlSampleFacts("<r><list><item><a>1</a></item></list></r>")!.isPartial?.(list)).toBe(false);
  });

  it.each<[string, { given: string; want: { children: string[]; partial: boolean; value: string | undefined } }]>([
    [
      "a whole JSON sample, lists wrapped TOP's way",
      {
        given: '{"x_response":{"r":{"items":{"item":[{"a":1,"b":"2"}]},"c":true}}}',
        want: { children: ["a", "b"], partial: false, value: "2" },
      },
    ],
    [
      "a JSON sample cut inside a list item",
      {
        given: '{"x_response":{"r":{"items":[{"a":1,"b":"2","c',
        want: { children: ["a", "b"], partial: true, value: "2" },
      },
    ],
  ])("JSON sample facts: %s", (_title, { given, want }) => {
    const facts = jsonSampleFacts(given)!;
    const items = { name: "items", type: "Item []" };
    expect({
      children: [...facts.childrenOf(items)!],
      partial: facts.isPartial!(items),
      value: facts.valueOf(items, "b"),
    }).toEqual(want);
  });

  it("a Java sample cut by its source is partial for the objects not yet handed on", () => {
    const cut = [
      "DemoRequest req = new DemoRequest();",
      "DemoRequest.Outer obj1 = new DemoRequest.Outer();",
      "DemoRequest.Inner obj2 = new DemoRequest.Inner();",
      'obj2.setA("1");',
      "obj1.setInner(obj2);",
      'obj1.setB("x',
    ].join("\n");
    const facts = javaSampleFacts(cut);
    const outer = { name: "p", type: "Outer" };
    const inner = { name: "inner", type: "Inner" };
    expect([facts.isPartial?.(outer), facts.isPartial?.(inner), [...facts.childrenOf(inner)!]]).toEqual([
      true,
      false,
      ["a"],
    ]);
    expect(
      javaSampleFacts(cut + '");\nreq.setP(obj1);\nDemoResponse rsp = client.execute(req);').isPartial?.(outer),
    ).toBe(false);
  });

  it.each<[string, { given: string; want: string }]>([
    ["numbers in front of each line", { given: "1 <a>\n2   <b>x</b>\n3 </a>", want: "<a>\n  <b>x</b>\n</a>" }],
    ["numbers on lines of their own first", { given: "1\n2\n3\n<a>\n<b/>\n</a>", want: "<a>\n<b/>\n</a>" }],
    ["code that is not numbered stays as is", { given: "<a>\n  <n>1</n>\n</a>", want: "<a>\n  <n>1</n>\n</a>" }],
  ])("withoutLineNumbers: %s", (_title, { given, want }) => {
    expect(withoutLineNumbers(given)).toBe(want);
  });
});

describe("cells", () => {
  const one = (rows: string[], after: string[] = []) => read(request(rows, after)).request;
  it.each<[string, { given: Field[]; want: Partial<Field> }]>([
    [
      "a lone word cell on a nested row is the description",
      { given: one(["p Outer 可选 外层", ...leaf("dist", "String", "distType")]), want: { description: "distType" } },
    ],
    [
      "a lone Chinese cell is the description",
      { given: one(["p Outer 可选 外层", ...leaf("name", "String", "用户名")]), want: { description: "用户名" } },
    ],
    [
      "a lone number is the example",
      { given: one(["p Outer 可选 外层", ...leaf("value", "String", "1")]), want: { example: "1" } },
    ],
    [
      "a lone JSON cell is the example",
      {
        given: one(["p Outer 可选 外层", ...leaf("labels", "String []", '["A","B"]')]),
        want: { example: '["A","B"]' },
      },
    ],
    [
      "a 默认值 bullet on a nested row is a limit",
      {
        given: one(["p Outer 可选 外层", ...leaf("size", "Number", "默认值:20", "10", "页大小")]),
        want: { example: "10", description: "页大小", limits: { default: "20" } },
      },
    ],
  ])("%s", (_title, { given, want }) => {
    expect(given[0]!.fields![0]).toMatchObject(want);
  });

  it.each<[string, { given: string[]; after?: string[]; want: Partial<Field> }]>([
    [
      "a top-level XML example is kept whole, Chinese text inside included",
      {
        given: ["x String 可选 <a><b>中文 名</b></a> 一个XML"],
        want: { example: "<a><b>中文 名</b></a>", description: "一个XML" },
      },
    ],
    [
      "a top-level JSON example runs to its balanced end",
      {
        given: ['x String 可选 {"k":"值 }","n":[1,2]} 扩展信息'],
        want: { example: '{"k":"值 }","n":[1,2]}', description: "扩展信息" },
      },
    ],
    [
      "the Java literal settles an example with spaces and Chinese words, its runs of spaces folded",
      {
        given: ["x String 可选 红色 XL 码 颜色和尺码"],
        after: ["请求示例", "", "DemoGetRequest req = new DemoGetRequest();", 'req.setX("红色   XL  码");'],
        want: { example: "红色 XL 码", description: "颜色和尺码" },
      },
    ],
    [
      "特殊可选 is optional",
      { given: ["tid Number 特殊可选 2222 淘宝订单ID,必选"], want: { name: "tid", example: "2222" } },
    ],
  ])("%s", (_title, { given, after, want }) => {
    const field = one(given, after)[0]!;
    expect(field).toMatchObject(want);
    expect(field.required).toBeUndefined();
  });
  // Quirks of nested rows listed in text-pages/README.md, each as the site prints it under a struct `p`.
  it.each<[string, { given: string[]; want: Partial<Field> }]>([
    [
      "example values `[]` stay the example (idle publishitems)",
      { given: leaf("a", "String", "[]", "列表"), want: { example: "[]", description: "列表" } },
    ],
    [
      "a struct-list row's own example `{[]}` is its example, its children follow (refund.status.get)",
      {
        given: [...struct("r", "R []", "{[]}", "结果"), ...leaf("b", "String", "1", "b")],
        want: { name: "r", list: true, example: "{[]}", description: "结果" },
      },
    ],
    [
      "example and description cells identical are both kept (qimen.itemmapping)",
      { given: leaf("a", "String", "名字", "名字"), want: { example: "名字", description: "名字" } },
    ],
    [
      "a placeholder example `x` is an example, not a struct row (waybill.ii.search)",
      { given: leaf("a", "String", "x", "地址"), want: { example: "x", description: "地址" } },
    ],
    [
      "backslashes in cells are kept as printed (wlb.waybill.i.get)",
      {
        given: leaf("a", "String", "C:\\dir\\f", "路径 \\ 反斜杠"),
        want: { example: "C:\\dir\\f", description: "路径 \\ 反斜杠" },
      },
    ],
    [
      "a 默认值:null bullet is a limit, not the example (iscainiaoorder)",
      { given: leaf("a", "String", "默认值:null", "说明"), want: { limits: { default: "null" }, description: "说明" } },
    ],
    [
      "a nested leaf with no description: 4 bullets, the number is the example (reverse.event.update)",
      { given: leaf("a", "Number", "12"), want: { example: "12" } },
    ],
  ])("%s", (_title, { given, want }) => {
    const field = one(["p Outer 可选 外层", ...given])[0]!.fields![0]!;
    expect(field).toMatchObject(want);
  });
});
