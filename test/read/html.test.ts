import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputError } from "../../generator/support/errors.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import { readHtmlPage } from "../../generator/read/html.js";
import { readJsonPage } from "../../generator/read/json.js";
import { readTextPage } from "../../generator/read/text.js";
import { loadHtml } from "../../generator/read/html/dom.js";
import { renderLines } from "../../generator/read/html/render.js";
import { tidyCode } from "../../generator/read/html/samples.js";
import type { RawPage, RawRow, RawSamples } from "../../generator/read/raw.js";
import { describeData, DOC_JSON } from "../support/data.js";
import { thrown } from "../support/thrown.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/html/", import.meta.url));
const SEEDS = ["alibaba.idle.isv.order.dealrefund", "alibaba.nlife.b2c.trade.refund"] as const;

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

function readFixture(name: string): RawPage {
  return readHtmlPage(fixture(name), name);
}

function render(html: string): string[] {
  return renderLines(loadHtml(html)).map((l) => l.text);
}

/** A page around `body`: a title line and a description, as every doc page has. */
function pageWith(body: string): string {
  return `<!DOCTYPE html><html><body><h1>taobao.demo.get (示例)</h1><p>示例接口</p>${body}</body></html>`;
}

const REQUEST_HEADER =
  "<tr><th>名称</th><th>类型</th><th>是否必须</th><th>示例值</th><th>更多限制</th><th>描述</th></tr>";
const RESPONSE_HEADER = "<tr><th>名称</th><th>类型</th><th>示例值</th><th>描述</th></tr>";
const EMPTY_REQUEST = `<h3>请求参数</h3><table>${REQUEST_HEADER}</table>`;

type Shape = Omit<RawRow, "line">;

/** A row as the structured path gives it, without its line (tested separately). */
function shape(depth: number, name: string, type: string, rest: Partial<Shape> = {}): Shape {
  return { name, type, limits: {}, depth, ...rest };
}

function shapes(rows: RawRow[]): Shape[] {
  return rows.map(({ line: _line, ...rest }) => rest);
}

describe("renderLines: the seeds' text layout", () => {
  const cases: Array<[string, { given: string; want: string[] }]> = [
    [
      "block elements start lines; inline ones do not",
      { given: "<div>a <b>b</b> <span>c</span></div><div>d</div>", want: ["a b c", "d"] },
    ],
    [
      "whitespace collapses, also across elements and at line ends",
      { given: "<div>\n  a \t\n b  <i> c </i>  </div>", want: ["a b c"] },
    ],
    [
      "paragraphs and headings are set off by one blank line (margins collapse)",
      { given: "<h1>t</h1><p>x</p><p>y</p><div>z</div>", want: ["t", "", "x", "", "y", "", "z"] },
    ],
    ["<br> ends a line; two make a blank line", { given: "<div>a<br>b<br><br>c</div>", want: ["a", "b", "", "c"] }],
    [
      "<li> is a bullet whatever its depth; an empty one shows nothing",
      {
        given: "<ul><li>a</li><li></li><li><ul><li>b</li><li>  </li></ul></li></ul>",
        want: ["  • a", "  • b"],
      },
    ],
    [
      "a table row is one line, cells joined by single spaces, empty cells add nothing",
      {
        given: "<table><tr><th>名称</th><th>类型</th></tr><tr><td>a</td><td></td><td> b </td></tr></table>",
        want: ["名称 类型", "a b"],
      },
    ],
    [
      "after a cell with a list, the rest of the row continues the list",
      {
        given:
          "<table><tr><td>n</td><td>String</td><td><ul><li>最大长度:64</li></ul></td><td>说明</td><td>更多</td></tr><tr><td>m</td></tr></table>",
        want: ["n String", "  • 最大长度:64", "  • 说明", "  • 更多", "m"],
      },
    ],
    [
      "a list that shows nothing does not turn the row into bullets",
      {
        given: "<table><tr><td>n</td><td><ul><li></li><li hidden>x</li></ul></td><td>说明</td></tr></table>",
        want: ["n 说明"],
      },
    ],
    [
      "<pre> is verbatim; the newline before </pre> ends the last line",
      {
        given: "<div>x</div><pre>\n  <b>a</b>  b\n\n    c\n</pre><div>y</div>",
        want: ["x", "  a  b", "", "    c", "y"],
      },
    ],
    [
      "entities are decoded once",
      {
        given: "<pre>&lt;v&gt;{&amp;quot;k&amp;quot;:1}&lt;/v&gt;</pre><p>a &amp; b &gt; c</p>",
        want: ["<v>{&quot;k&quot;:1}</v>", "", "a & b > c"],
      },
    ],
    [
      "&nbsp; does not collapse and shows as a space",
      { given: "<div>&nbsp;&nbsp;• a&nbsp;&nbsp;b</div>", want: ["  • a  b"] },
    ],
    [
      "scripts, styles, the head and hidden elements are dropped",
      {
        given:
          "<html><head><title>t</title><style>p{}</style></head><body><script>x()</script><div hidden>h</div>" +
          "<div style='color:red; display: none'>s</div><div aria-hidden='true'>a</div><div class='x hidden'>c</div><div>shown</div></body></html>",
        want: ["shown"],
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(render(given)).toEqual(want);
  });

  it.each(SEEDS)("renders the structured fixture of %s as the seed shows it", (method) => {
    const seed = readFileSync(`docs/${method}.txt`, "utf8").split("\n");
    const rendered = render(fixture(`${method}.html`));
    // The nlife seed indents everything after its first limits list by four more spaces (an artifact of the
    // browser's copy); apart from leading whitespace the lines are the same.
    expect(rendered.map((l) => l.trimStart())).toEqual(seed.map((l) => l.trimStart()));
    if (method === "alibaba.idle.isv.order.dealrefund") expect(rendered).toEqual(seed);
  });

  it.each(SEEDS)("renders the flat fixture of %s exactly as the seed", (method) => {
    expect(render(fixture(`${method}.flat.html`)).join("\n")).toBe(readFileSync(`docs/${method}.txt`, "utf8"));
  });
});

describe("renderLines: each line knows its HTML source line", () => {
  const cases: Array<[string, { given: string[]; want: Array<[number, string]> }]> = [
    [
      "text lines, blank lines take the line before",
      {
        given: ["<p>", "  a", "</p>", "<p>b</p>"],
        want: [
          [2, "a"],
          [2, ""],
          [4, "b"],
        ],
      },
    ],
    [
      "a table row is on the line of its first cell's text",
      {
        given: ["<table>", "<tr>", "  <td>", "    n", "  </td><td>String</td>", "</tr>", "</table>"],
        want: [[4, "n String"]],
      },
    ],
    [
      "every <pre> line is on its own source line",
      {
        given: ["<pre>", "a", "  <span>b</span>", "c</pre>"],
        want: [
          [2, "a"],
          [3, "  b"],
          [4, "c"],
        ],
      },
    ],
    [
      "bullets are on the line of their item's text",
      {
        given: ["<ul>", "<li>", "x", "</li><li>y</li>", "</ul>"],
        want: [
          [3, "  • x"],
          [4, "  • y"],
        ],
      },
    ],
    [
      "entities do not shift lines",
      {
        given: ["<div>&lt;a&gt;&amp;&nbsp;<br>", "&quot;b&quot;</div>"],
        want: [
          [1, "<a>& "],
          [2, '"b"'],
        ],
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(renderLines(loadHtml(given.join("\n"))).map((l): [number, string] => [l.line, l.text])).toEqual(want);
  });
});

describe("readHtmlPage: structured tables (path 1)", () => {
  it("reads the dealrefund fixture with exact depth, split cells and no unsettled text", () => {
    const page = readFixture("alibaba.idle.isv.order.dealrefund.html");
    expect(page).toMatchObject({
      format: "html",
      file: "alibaba.idle.isv.order.dealrefund.html",
      method: "alibaba.idle.isv.order.dealrefund",
      title: "闲鱼电商SAAS服务商退款处理接口",
      description: "闲鱼无忧购业务入仓模式下,用户发起退款后,服务商使用此接口处理退款",
      diagnostics: [],
    });
    expect(page.request.map((r) => `${r.depth}:${r.name}`)).toEqual([
      "0:param_appraise_isv_refund_request",
      "1:biz_order_id",
      "1:leave_message",
      "1:operation",
      "1:return_goods_address",
      "2:address_detail",
      "2:area",
      "2:city",
      "2:consignee_name",
      "2:mobile_phone",
      "2:post_code",
      "2:province",
      "2:tel_no",
      "2:town",
      "2:division_code",
    ]);
    expect(page.response.map((r) => `${r.depth}:${r.name}`)).toEqual([
      "0:module",
      "1:apply_refund_fee",
      "1:biz_order_id",
      "1:dispute_id",
      "1:real_refund_fee",
      "1:refund_status",
      "1:refund_time",
      "1:refund_type",
      "1:return_goods_status",
      "1:timeout",
    ]);
    for (const row of [...page.request, ...page.response]) {
      expect(row.unsettled).toBeUndefined();
      expect(row.nested).toBeUndefined();
    }
    expect(shapes(page.request.filter((r) => ["area", "return_goods_address"].includes(r.name)))).toEqual([
      shape(1, "return_goods_address", "ShippingAddressInfo", { required: false, description: "退货地址" }),
      shape(2, "area", "String", { required: false, example: "xx区" }),
    ]);
    expect(shapes(page.response.slice(0, 1))).toEqual([
      shape(0, "module", "RefundDto", { example: "null", description: "退款信息" }),
    ]);
  });

  it("reads the nlife fixture: limits lists, list types, JSON-ish examples", () => {
    const page = readFixture("alibaba.nlife.b2c.trade.refund.html");
    expect(shapes(page.request.filter((r) => r.depth === 0))).toEqual([
      shape(0, "trade_no", "String", {
        required: false,
        example: "100004000000000045678",
        description: "零售+平台订单号,和out_trade_no不能同时为空",
        limits: { maxLength: 64 },
      }),
      shape(0, "out_request_no", "String", {
        required: true,
        example: "765345354",
        description: "外部请求号",
        limits: { maxLength: 64 },
      }),
      shape(0, "refund_bill_list", "FundBill []", {
        required: true,
        description: "退款资金列表",
        limits: { maxListSize: 20 },
      }),
      shape(0, "refund_goods_list", "String []", {
        required: true,
        example: "547580683166_326040728,550217515160_3611278001",
        description: expect.stringMatching(/^所退货物的ID列表.*退货数量都是1。$/) as unknown as string,
        limits: { maxListSize: 20 },
      }),
      shape(0, "out_trade_no", "String", {
        required: false,
        example: "OT423895437564378",
        description: "外部订单号,和trade_no不能同时为空",
        limits: { maxLength: 64 },
      }),
      shape(0, "store_id", "String", { required: false, example: "100004", description: "零售+门店ID" }),
      shape(0, "refund_points", "Number", { required: false, example: "10", description: "退积分,ISV自行算好" }),
    ]);
    expect(page.request.filter((r) => r.depth === 1)).toHaveLength(9);
    expect(shapes(page.request.filter((r) => r.name === "buyer_id_type"))[0]?.description).toBe(
      "用户类型,TAOBAO_OPENID 经阿里百川淘宝登录获取到的用户id ALIPAY_OPENID 经蚂蚁金服开放平台支付宝App登录获取到的用户id " +
        "WECHAT_OPENID 经微信开放平台微信App登录获取到的用户id PHONE_NUMBER 通过手机号登录 APP_USERID 商户自有的用户id ANONYMOUS_USER 匿名用户",
    );
    expect(shapes(page.response)).toEqual([
      shape(0, "gmt_refund", "Date", { example: "2016-12-31 23:59:59", description: "退款时间" }),
      shape(0, "extend_params", "String", { example: '{"k1":v1}', description: "扩展参数" }),
    ]);
  });

  it.each(SEEDS)("takes the samples of %s from the code blocks: Java, XML, XML", (method) => {
    const { samples } = readFixture(`${method}.html`);
    const text = readFileSync(`docs/${method}.txt`, "utf8");
    expect(samples.responseFormat).toBe("xml");
    expect(samples.request).toMatch(
      /^TaobaoClient client = new DefaultTaobaoClient\(url, appkey, secret\);\n[^]*System\.out\.println\(rsp\.getBody\(\)\);$/,
    );
    for (const code of [samples.request, samples.response, samples.error]) {
      expect(code).toBeDefined();
      for (const line of code!.split("\n")) expect(text).toContain(line);
    }
  });

  it.each(SEEDS)("puts each row of %s on the HTML line that shows its name", (method) => {
    for (const name of [`${method}.html`, `${method}.flat.html`]) {
      const source = fixture(name).split("\n");
      const page = readHtmlPage(fixture(name), name);
      for (const row of [...page.request, ...page.response]) expect(source[row.line - 1]).toContain(row.name);
    }
  });

  const layouts: Array<[string, { given: string; want: { request: Shape[]; response?: Shape[] } }]> = [
    [
      "flat rows: required, example, limits and description each from their own cell",
      {
        given: pageWith(
          `<h3>请求参数</h3><table>${REQUEST_HEADER}` +
            "<tr><td>num_iid</td><td>Number</td><td>必须</td><td>123</td><td><ul><li>最大值:99</li><li>最小值:1</li></ul></td><td>商品 ID</td></tr>" +
            "<tr><td>fields</td><td>Field List</td><td>可选</td><td>a, b</td><td><ul><li>默认值:title</li></ul></td><td></td></tr>" +
            "<tr><td>note</td><td>String</td><td>是</td><td></td><td></td><td>第一行<br>第二行</td></tr>" +
            "</table>",
        ),
        want: {
          request: [
            shape(0, "num_iid", "Number", {
              required: true,
              example: "123",
              description: "商品 ID",
              limits: { maxValue: 99, minValue: 1 },
            }),
            shape(0, "fields", "Field List", { required: false, example: "a, b", limits: { default: "title" } }),
            shape(0, "note", "String", { required: true, description: "第一行\n第二行" }),
          ],
        },
      },
    ],
    [
      "sub-parameter lists inside a cell, nested two deep (one item per column, empty items for empty cells)",
      {
        given: pageWith(
          `<h3>请求参数</h3><table>${REQUEST_HEADER}<tr><td>req</td><td>Req</td><td>可选</td><td></td><td></td><td>请求` +
            "<ul><li><ul><li>└ id</li><li>Number</li><li>必须</li><li>1</li><li></li><li></li></ul></li>" +
            "<li><ul><li>addr</li><li>Address</li><li>可选</li><li></li><li></li><li>地址</li></ul>" +
            "<ul><li><ul><li>└ city</li><li>String</li><li>可选</li><li></li><li></li><li>城市</li></ul></li></ul></li>" +
            "<li><ul><li>└ memo</li><li>String</li><li>可选</li><li>m</li><li></li><li>备注</li></ul></li></ul>" +
            "</td></tr><tr><td>flag</td><td>Boolean</td><td>可选</td><td>true</td><td></td><td>标记</td></tr></table>",
        ),
        want: {
          request: [
            shape(0, "req", "Req", { required: false, description: "请求" }),
            shape(1, "id", "Number", { required: true, example: "1" }),
            shape(1, "addr", "Address", { required: false, description: "地址" }),
            shape(2, "city", "String", { required: false, description: "城市" }),
            shape(1, "memo", "String", { required: false, example: "m", description: "备注" }),
            shape(0, "flag", "Boolean", { required: false, example: "true", description: "标记" }),
          ],
        },
      },
    ],
    [
      "sub-parameter list in a row of its own, cells marked by class and empty ones left out",
      {
        given: pageWith(
          `${EMPTY_REQUEST}<h3>响应参数</h3><table>${RESPONSE_HEADER}` +
            "<tr><td>items</td><td>Item []</td><td></td><td>商品列表</td></tr>" +
            "<tr class='children'><td colspan='4'><ul>" +
            "<li><ul><li class='name'>└ title</li><li class='type'>String</li><li class='description'>标题</li></ul></li>" +
            "<li><ul><li data-col='name'>└ price</li><li data-col='type'>Price</li><li data-col='example'>9.90</li></ul></li>" +
            "</ul></td></tr></table>",
        ),
        want: {
          request: [],
          response: [
            shape(0, "items", "Item []", { description: "商品列表" }),
            shape(1, "title", "String", { description: "标题" }),
            shape(1, "price", "Price", { example: "9.90" }),
          ],
        },
      },
    ],
    [
      "nested tables, with their own header or with the outer table's columns",
      {
        given: pageWith(
          `${EMPTY_REQUEST}<h3>响应参数</h3><table>${RESPONSE_HEADER}` +
            "<tr><td>shop</td><td>Shop</td><td></td><td>店铺<table>" +
            `${RESPONSE_HEADER}<tr><td>sid</td><td>Number</td><td>7</td><td>店铺ID</td></tr>` +
            "<tr><td>owner</td><td>User</td><td></td><td>店主<table><tr><td>nick</td><td>String</td><td>tb</td><td>昵称</td></tr></table></td></tr>" +
            "</table></td></tr><tr><td>total</td><td>Number</td><td>1</td><td>总数</td></tr></table>",
        ),
        want: {
          request: [],
          response: [
            shape(0, "shop", "Shop", { description: "店铺" }),
            shape(1, "sid", "Number", { example: "7", description: "店铺ID" }),
            shape(1, "owner", "User", { description: "店主" }),
            shape(2, "nick", "String", { example: "tb", description: "昵称" }),
            shape(0, "total", "Number", { example: "1", description: "总数" }),
          ],
        },
      },
    ],
    [
      "flat rows with a level class (and hidden collapsed rows are read too)",
      {
        given: pageWith(
          `<h3>请求参数</h3><table>${REQUEST_HEADER}` +
            "<tr class='row level-1'><td>a</td><td>A</td><td>必须</td><td></td><td></td><td>甲</td></tr>" +
            "<tr class='row level-2' style='display:none'><td>└ b</td><td>String</td><td>可选</td><td>x</td><td></td><td></td></tr>" +
            "<tr class='row level-2'><td>c</td><td>C</td><td>可选</td><td></td><td></td><td></td></tr>" +
            "<tr class='row level-3'><td>└ d</td><td>Number</td><td>可选</td><td>4</td><td></td><td>丁</td></tr>" +
            "<tr class='row level-1'><td>e</td><td>String</td><td>可选</td><td></td><td></td><td>戊</td></tr></table>",
        ),
        want: {
          request: [
            shape(0, "a", "A", { required: true, description: "甲" }),
            shape(1, "b", "String", { required: false, example: "x" }),
            shape(1, "c", "C", { required: false }),
            shape(2, "d", "Number", { required: false, example: "4", description: "丁" }),
            shape(0, "e", "String", { required: false, description: "戊" }),
          ],
        },
      },
    ],
    [
      "flat rows with aria-level (1-based, as in a treegrid)",
      {
        given: pageWith(
          `${EMPTY_REQUEST}<h3>响应参数</h3><table role='treegrid'>${RESPONSE_HEADER}` +
            "<tr aria-level='1'><td>r</td><td>R</td><td></td><td></td></tr>" +
            "<tr aria-level='2'><td>s</td><td>String</td><td>v</td><td></td></tr></table>",
        ),
        want: { request: [], response: [shape(0, "r", "R"), shape(1, "s", "String", { example: "v" })] },
      },
    ],
    [
      "the 公共参数 table is not the request table",
      {
        given: pageWith(
          "<h3>公共参数</h3><table><tr><th>名称</th><th>类型</th><th>是否必须</th><th>描述</th></tr>" +
            "<tr><td>method</td><td>String</td><td>是</td><td>API接口名称</td></tr></table>" +
            `<h3>请求参数</h3><table>${REQUEST_HEADER}<tr><td>q</td><td>String</td><td>必须</td><td></td><td></td><td>查询</td></tr></table>`,
        ),
        want: { request: [shape(0, "q", "String", { required: true, description: "查询" })], response: [] },
      },
    ],
    [
      "a heading with more text in it (请求参数 收起) is no heading; the tables are known by their headers",
      {
        given: pageWith(
          "<h3>公共参数</h3><table><tr><th>名称</th><th>类型</th><th>是否必须</th><th>描述</th></tr>" +
            "<tr><td>method</td><td>String</td><td>是</td><td>API接口名称</td></tr></table>" +
            `<h3>请求参数 <a>收起</a></h3><table>${REQUEST_HEADER}<tr><td>q</td><td>String</td><td>必须</td><td>1</td><td></td><td></td></tr></table>` +
            `<h3>响应参数 <a>收起</a></h3><table>${RESPONSE_HEADER}<tr><td>ok</td><td>Boolean</td><td>true</td><td></td></tr></table>`,
        ),
        want: {
          request: [shape(0, "q", "String", { required: true, example: "1" })],
          response: [shape(0, "ok", "Boolean", { example: "true" })],
        },
      },
    ],
    [
      "without section headings, the 是否必须 column tells the request table from the response table",
      {
        given: pageWith(
          `<table>${RESPONSE_HEADER}<tr><td>ok</td><td>Boolean</td><td>true</td><td>成功</td></tr></table>` +
            `<table>${REQUEST_HEADER}<tr><td>q</td><td>String</td><td>可选</td><td></td><td></td><td></td></tr></table>`,
        ),
        want: {
          request: [shape(0, "q", "String", { required: false })],
          response: [shape(0, "ok", "Boolean", { example: "true", description: "成功" })],
        },
      },
    ],
  ];
  it.each(layouts)("%s", (_title, { given, want }) => {
    const page = readHtmlPage(given, "page.html");
    expect(page.diagnostics).toEqual([]);
    expect(shapes(page.request)).toEqual(want.request);
    expect(shapes(page.response)).toEqual(want.response ?? []);
  });

  it("reports what it could not read, on the HTML line", () => {
    const html = [
      "<h1>taobao.demo.get (示例)</h1>",
      "<h3>请求参数</h3>",
      `<table>${REQUEST_HEADER}`,
      "<tr><td>a</td><td>String</td><td>也许</td><td></td><td><ul><li>最大长度:64</li>",
      "<li>最多三个</li></ul></td><td></td></tr>",
      "<tr><td colspan='6'>以下为废弃参数</td></tr>",
      "</table>",
    ].join("\n");
    const page = readHtmlPage(html, "page.html");
    expect(page.request).toEqual([{ line: 4, depth: 0, name: "a", type: "String", limits: { maxLength: 64 } }]);
    expect(page.diagnostics).toEqual([
      { level: "warning", message: 'a: 是否必须 cell "也许" is neither 必须 nor 可选; left unset', line: 4 },
      { level: "warning", message: 'a: 更多限制 text not read as a limit: "最多三个"', line: 5 },
      { level: "warning", message: 'table row that is not a parameter was ignored: "以下为废弃参数"', line: 6 },
    ]);
  });

  it("gives every row the line of its name cell", () => {
    const html = [
      "<h1>taobao.demo.get (示例)</h1>", // 1
      "<h3>请求参数</h3>",
      `<table>${REQUEST_HEADER}`,
      "<tr>",
      "  <td>top</td><td>Top</td><td>可选</td><td></td><td></td><td>", // 5
      "    <ul><li><ul>",
      "      <li>└ child</li>", // 7
      "      <li>String</li><li>可选</li><li></li><li></li><li></li>",
      "    </ul></li></ul>",
      "  </td>",
      "</tr>",
      "</table>",
    ].join("\n");
    expect(readHtmlPage(html, "page.html").request.map((r) => [r.line, r.name])).toEqual([
      [5, "top"],
      [7, "child"],
    ]);
  });
});

// The real pages laid out the way the doc page lays them out (sub-parameters as lists of cells in the
// description cell, limits as a list) must give back the JSON reader's rows, depth for depth.
describeData("readHtmlPage on every doc-json page laid out as an HTML doc page", () => {
  const LIMIT_NAMES: Record<string, string> = {
    maxLength: "最大长度",
    maxListSize: "最大列表长度",
    maxValue: "最大值",
    minValue: "最小值",
    default: "默认值",
  };
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  function cells(row: RawRow, request: boolean): string[] {
    const limits = Object.entries(row.limits)
      .map(([k, v]) => `<li>${LIMIT_NAMES[k]}:${esc(String(v))}</li>`)
      .join("");
    const required = row.required === undefined ? "" : row.required ? "必须" : "可选";
    return request
      ? [row.name, row.type, required, row.example ?? "", "", row.description ?? ""]
          .map(esc)
          .map((c, i) => (i === 4 && limits ? `<ul>${limits}</ul>` : c))
      : [row.name, row.type, row.example ?? "", row.description ?? ""].map(esc);
  }
  /** The rows from `from` on at `depth` and below, as a list of sub-parameters; returns where it stopped. */
  function subList(rows: RawRow[], from: number, depth: number, request: boolean): [string, number] {
    let html = "<ul>";
    let i = from;
    while (rows[i]?.depth === depth) {
      html += `<li><ul>${cells(rows[i]!, request)
        .map((c) => `<li>${c}</li>`)
        .join("")}</ul>`;
      i++;
      if ((rows[i]?.depth ?? 0) > depth) {
        const [sub, next] = subList(rows, i, depth + 1, request);
        html += sub;
        i = next;
      }
      html += "</li>";
    }
    return [`${html}</ul>`, i];
  }
  function table(rows: RawRow[], request: boolean): string {
    let html = `<table>${request ? REQUEST_HEADER : RESPONSE_HEADER}`;
    for (let i = 0; i < rows.length;) {
      const row = cells(rows[i]!, request);
      let sub = "";
      [sub, i] = (rows[i + 1]?.depth ?? 0) > 0 ? subList(rows, i + 1, 1, request) : ["", i + 1];
      row[row.length - 1] += sub;
      html += `<tr>${row.map((c) => `<td>${c}</td>`).join("")}</tr>\n`;
    }
    return `${html}</table>`;
  }
  /** Cell text as a page shows it: whitespace collapsed. */
  function shown(rows: RawRow[]): Shape[] {
    const collapse = (s: string | undefined): string | undefined => s?.replace(/\s+/g, " ").trim() || undefined;
    return shapes(rows).map((r) => {
      const out: Shape = { ...r, limits: { ...r.limits } };
      delete out.example;
      delete out.description;
      const example = collapse(r.example);
      const description = collapse(r.description);
      if (example !== undefined) out.example = example;
      if (description !== undefined) out.description = description;
      if (r.limits.default !== undefined) out.limits.default = collapse(r.limits.default) ?? "";
      return out;
    });
  }
  it.each(readdirSync(DOC_JSON))("%s", (name) => {
    const json = readJsonPage(readFileSync(join(DOC_JSON, name), "utf8"), name);
    const html =
      `<h1>${json.method} (${esc(json.title)})</h1><p>说明</p>` +
      `<h3>请求参数</h3>${table(json.request, true)}<h3>响应参数</h3>${table(json.response, false)}`;
    const page = readHtmlPage(html, name);
    expect(page.diagnostics).toEqual([]);
    expect(shown(page.request)).toEqual(shown(json.request));
    expect(shown(page.response)).toEqual(shown(json.response));
  });
});

describe("readHtmlPage: samples from tabs and code blocks", () => {
  function samplesOf(sections: string): RawSamples {
    return readHtmlPage(pageWith(EMPTY_REQUEST + sections), "page.html").samples;
  }
  const cases: Array<[string, { given: string; want: RawSamples }]> = [
    [
      "tabs matched to panes by position; the Java pane is taken even when hidden and not first",
      {
        given:
          '<h3>请求示例</h3><ul><li>PHP</li><li>JAVA</li></ul><pre>$c = new TopClient;</pre><pre hidden>req.setQ("1");</pre>' +
          "<h3>响应示例</h3><ul><li>JSON示例</li><li>XML示例</li></ul><pre>{\"a\":1}</pre><pre style='display:none'>&lt;a&gt;1&lt;/a&gt;</pre>",
        want: { request: 'req.setQ("1");', response: "<a>1</a>", responseFormat: "xml" },
      },
    ],
    [
      "panes labelled by data-lang; a JSON-only response is json",
      {
        given:
          "<h3>请求示例</h3><div data-lang='java'><pre><code>TaobaoClient c;</code></pre></div>" +
          '<h3>响应示例</h3><div data-lang=\'json\'><pre>{"r":{}}</pre></div><h3>异常示例</h3><pre>{"error_response":{}}</pre>',
        want: {
          request: "TaobaoClient c;",
          response: '{"r":{}}',
          responseFormat: "json",
          error: '{"error_response":{}}',
        },
      },
    ],
    [
      "panes pointed at by tab links; a simplified JSON tab is the simplified sample",
      {
        given:
          "<h3>响应示例</h3><div role='tablist'><a role='tab' href='#x'>XML示例</a><a role='tab' href='#j'>JSON示例</a>" +
          "<a role='tab' href='#s'>精简JSON示例</a></div><div id='x'><pre>&lt;r/&gt;</pre></div><div id='j' hidden><pre>{\"r_response\":{}}</pre></div>" +
          "<div id='s' hidden><pre>{}</pre></div>",
        want: { response: "<r/>", responseFormat: "xml", responseSimplified: "{}" },
      },
    ],
    [
      "without tabs, the shown code block",
      {
        given: "<h3>请求示例</h3><pre hidden>old</pre><pre>new</pre>",
        want: { request: "new" },
      },
    ],
    [
      "labelled panes of which none is Java give no request sample",
      {
        given: "<h3>请求示例</h3><ul><li>PHP</li><li>CURL</li></ul><pre>$c;</pre><pre>curl</pre>",
        want: {},
      },
    ],
    [
      "code outside the sample sections is not a sample",
      {
        given: "<h3>FAQ</h3><pre>TaobaoClient c;</pre>",
        want: {},
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(samplesOf(given)).toEqual(want);
  });

  it("tidies code as the text reader does: blank lines around dropped, common indent removed, line ends trimmed", () => {
    expect(tidyCode(["", "    <a>  ", "      <b/>", "    </a>", "  "])).toBe("<a>\n  <b/>\n</a>");
    expect(tidyCode([" ", ""])).toBe("");
  });
});

describe("readHtmlPage: pages without parameter tables are read from their rendering (path 2)", () => {
  it.each(SEEDS)("reads the flat fixture of %s as the text reader reads the seed, lines aside", (method) => {
    const page = readFixture(`${method}.flat.html`);
    const text = readTextPage(readFileSync(`docs/${method}.txt`, "utf8"), `${method}.flat.html`);
    const unlined = <T extends { line?: number }>(items: T[]): Array<Omit<T, "line">> =>
      items.map(({ line: _line, ...rest }) => rest);
    expect(page.format).toBe("html");
    expect(page.reader).toBe("html-text");
    expect({
      ...page,
      format: "text",
      reader: undefined,
      request: unlined(page.request),
      response: unlined(page.response),
      diagnostics: unlined(page.diagnostics),
    }).toEqual({
      ...text,
      request: unlined(text.request),
      response: unlined(text.response),
      diagnostics: unlined(text.diagnostics),
    });
    expect(page.request.some((r) => r.nested)).toBe(true);
  });

  it("maps the text reader's notes back to HTML lines", () => {
    const html = [
      "<!DOCTYPE html>",
      "<body>",
      "<p>taobao.demo.get (示例)</p>",
      "<p>请求参数</p>",
      "<div>&nbsp;&nbsp;• 孤立的项目</div>", // 5
      "<div>q String 必须 1 查询</div>", // 6
      "</body>",
    ].join("\n");
    const page = readHtmlPage(html, "page.html");
    expect(page.request).toEqual([
      {
        line: 6,
        depth: 0,
        name: "q",
        type: "String",
        required: true,
        limits: {},
        unsettled: { text: "1 查询", joined: true },
      },
    ]);
    expect(page.diagnostics).toEqual([
      { level: "warning", message: "bullet with no row above it was ignored", line: 5 },
    ]);
  });

  it("falls back to the rendering, with a note, when a table's nesting cannot be placed for certain", () => {
    const html = pageWith(
      `<h3>请求参数</h3><table>${REQUEST_HEADER}<tr><td>req</td><td>Req</td><td>可选</td><td></td><td></td><td>请求` +
        "<ul><li><ul><li>└ id</li><li>Number</li><li>1</li><li>编号</li></ul></li></ul></td></tr></table>",
    );
    const page = readHtmlPage(html, "page.html");
    expect(page.diagnostics[0]).toMatchObject({ level: "info", line: 1 });
    expect(page.diagnostics[0]!.message).toMatch(
      /^parameter table layout not understood \(a sub-parameter shows 4 cells where the table has 6 columns/,
    );
    expect(page.request.map((r) => r.name)).toEqual(["req", "id"]);
    expect(page.request[1]).toMatchObject({ nested: true, example: "1", description: "编号" });
  });
});

describe("readHtmlPage: bad input is an InputError naming the file and the HTML line", () => {
  const cases: Array<[string, { given: string; want: { line: number; reason: string } }]> = [
    [
      "an empty <html></html>",
      { given: "bad-empty.html", want: { line: 1, reason: "HTML page with no visible text, not a doc page" } },
    ],
    [
      "a page whose only text is in the head, scripts and hidden elements",
      {
        given: "bad-hidden-only.html",
        want: { line: 1, reason: "HTML page with no visible text, not a doc page" },
      },
    ],
    [
      "a page with no 请求参数 table (nor section)",
      {
        given: "bad-no-request-table.html",
        want: { line: 6, reason: "no 请求参数 (request parameters) section on this page" },
      },
    ],
    [
      "a request table on a page with no title line",
      {
        given: "bad-no-title.html",
        want: { line: 6, reason: "not a TOP doc page: no title line `method (中文名)` found" },
      },
    ],
    [
      "some other page of the site",
      {
        given: "bad-not-a-doc-page.html",
        want: { line: 5, reason: "not a TOP doc page: no title line `method (中文名)` found" },
      },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const err = thrown(() => readFixture(given));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: given, ...want });
    expect((err as Error).message).toBe(`${given}:${want.line}: ${want.reason}`);
  });

  it("gets there through format detection for fragments too", () => {
    const bytes = new TextEncoder().encode("\n\n<table>\n<tr><td>x</td></tr></table>");
    const err = thrown(() => parseDocBytes(bytes, "/tmp/frag.html", "/tmp"));
    expect((err as Error).message).toBe("frag.html:4: not a TOP doc page: no title line `method (中文名)` found");
  });
});

describe("parseDocBytes on HTML", () => {
  it.each(SEEDS)("detects %s.html as HTML and records the format", (method) => {
    const spec = parseDocBytes(
      readFileSync(join(FIXTURES, `${method}.html`)),
      join(FIXTURES, `${method}.html`),
      FIXTURES,
    );
    expect(spec.source).toMatchObject({ format: "html", file: `${method}.html` });
    expect(spec.method).toBe(method);
  });
});
