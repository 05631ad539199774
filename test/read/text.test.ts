// The text reader on small pages, one quirk of the doc pages (ARCHITECTURE.md "Doc pages") at a time.
import { describe, expect, it } from "vitest";
import { InputError } from "../../generator/support/errors.js";
import { readTextPage } from "../../generator/read/text.js";

const page = (...body: string[]) =>
  [
    "注意:以下文档只适用于TOP接口,请谨慎使用!",
    "",
    "taobao.demo.get (示例接口)",
    "",
    "示例描述",
    "",
    "公共参数",
    "",
    "请求参数",
    "",
    ...body,
  ].join("\n");
const REQ = "名称 类型 是否必须 示例值 更多限制 描述";

describe("page frame", () => {
  it("banner skipped; method, title and description read", () => {
    const raw = readTextPage(page(REQ, "a String 可选 x 说明"), "p.txt");
    expect([raw.method, raw.title, raw.description]).toEqual(["taobao.demo.get", "示例接口", "示例描述"]);
  });
  it("no title line is an input error on the first line with text", () => {
    expect(() => readTextPage("\n\nhello\n", "p.txt")).toThrow(
      new InputError("p.txt", 3, "not a TOP doc page: no title line `method (中文名)` found"),
    );
  });
  it("no 请求参数 section is an input error at the title line", () => {
    expect(() => readTextPage("x.y.z (名)\n\n响应参数\n", "p.txt")).toThrowError(/p\.txt:1: no 请求参数/);
  });
});

describe("top-level rows", () => {
  it.each<[string, { given: string[]; want: object }]>([
    [
      "example and description run together: left for the normalizer",
      {
        given: ["store_id String 可选 100004 零售+门店ID"],
        want: {
          name: "store_id",
          type: "String",
          required: false,
          unsettled: { text: "100004 零售+门店ID", joined: true },
        },
      },
    ],
    [
      "limits then a description bullet: the row holds the example alone",
      {
        given: ["trade_no String 可选 1000045678", "  • 最大长度:64", "  • 订单号"],
        want: { name: "trade_no", example: "1000045678", description: "订单号", limits: { maxLength: 64 } },
      },
    ],
    [
      "spaced list type `String []`",
      {
        given: ["ids String [] 必须 a,b", "  • 最大列表长度:20", "  • 列表"],
        want: { type: "String []", required: true, example: "a,b", limits: { maxListSize: 20 } },
      },
    ],
    [
      "default value bullet",
      {
        given: ["page Number 可选 1", "  • 默认值:1", "  • 页码"],
        want: { limits: { default: "1" }, description: "页码" },
      },
    ],
    [
      "a description that says 最大长度 in prose is not a limit",
      {
        given: ["memo String 可选 x", "  • 最大长度:20", "  • 备注,最大长度: 1000个字节"],
        want: { limits: { maxLength: 20 }, description: "备注,最大长度: 1000个字节" },
      },
    ],
    [
      "the four extra spaces after a limits list are ignored",
      { given: ["a String 可选 x", "  • 最大长度:1", "  • d", "    b Number 必须 2 数"], want: { name: "a" } },
    ],
  ])("%s", (_title, { given, want }) => {
    const raw = readTextPage(page(REQ, ...given), "p.txt");
    expect(raw.request[0]).toMatchObject(want);
  });

  it("rows after an indented limits list are still top-level rows with their lines", () => {
    const raw = readTextPage(
      page(REQ, "a String 可选 x", "  • 最大长度:1", "  • d", "    b Number 必须 2 数"),
      "p.txt",
    );
    expect(raw.request.map((r) => [r.name, r.depth, r.line])).toEqual([
      ["a", 0, 12],
      ["b", 0, 15],
    ]);
  });
});

describe("nested rows: one bullet per cell, empty cells dropped, depth not printed", () => {
  const raw = readTextPage(
    page(
      REQ,
      "p Outer 可选 外层",
      "  • └ id",
      "  • Number",
      "  • 必须",
      "  • 1",
      "  • 编号",
      "  • inner",
      "  • Inner",
      "  • 可选",
      "  • 内层",
      "  • └ area",
      "  • String",
      "  • 可选",
      "  • xx区",
    ),
    "p.txt",
  );
  it.each<[string, { index: number; want: object }]>([
    [
      "└ marks a leaf; five cells give example and description",
      {
        index: 1,
        want: { name: "id", type: "Number", required: true, example: "1", description: "编号", nested: true },
      },
    ],
    [
      "a struct with children is printed without └",
      {
        index: 2,
        want: { name: "inner", type: "Inner", hasChildren: true, unsettled: { text: "内层", joined: false } },
      },
    ],
    [
      "a lone cell is left for the normalizer",
      { index: 3, want: { name: "area", unsettled: { text: "xx区", joined: false } } },
    ],
  ])("%s", (_title, { index, want }) => {
    expect(raw.request[index]).toMatchObject(want);
    expect(raw.request[index]!.depth).toBeUndefined();
  });
});

it("samples: the Java tab and the XML response, dedented, tab bullets dropped", () => {
  const raw = readTextPage(
    page(
      REQ,
      "a String 可选 x 说明",
      "",
      "响应参数",
      "",
      "请求示例",
      "",
      "  • JAVA",
      "  • .NET",
      '    req.setA("x");',
      "",
      "响应示例",
      "",
      "  • XML示例",
      "    <r>",
      "        <a>1</a>",
      "    </r>",
    ),
    "p.txt",
  );
  expect(raw.samples).toEqual({
    request: 'req.setA("x");',
    response: "<r>\n    <a>1</a>\n</r>",
    responseFormat: "xml",
  });
});
