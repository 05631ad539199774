// Samples as a test of the docs: a page's response samples decoded against its declared response fields.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSamples, MAX_MISMATCHES, withSampleCheck } from "../../generator/check-samples/index.js";
import { parseDoc } from "../../generator/project/parse.js";
import { FieldLines } from "../../generator/normalize/field-lines.js";
import type { ApiSpec, Diagnostic, Field } from "../../generator/model/types.js";
import { describeData, DOC_JSON } from "../support/data.js";

function spec(response: Field[], samples: ApiSpec["samples"], method = "x.demo.get"): ApiSpec {
  const out: ApiSpec = {
    specVersion: 1,
    method,
    title: "示例",
    description: "",
    source: { format: "json", file: "p.json", sha256: "0".repeat(64) },
    request: [],
    response,
  };
  if (samples) out.samples = samples;
  return out;
}

const wrap = (body: unknown) => JSON.stringify({ x_demo_get_response: body });
const messages = (ds: Diagnostic[]) => ds.map((d) => d.message);

// id (Number), price (Price), created (Date), ok (Boolean), tags (String[]), ids (Number[]), item (Item), items (Item[])
const ITEM: Field[] = [
  { name: "num_iid", type: "Number" },
  { name: "title", type: "String" },
];
const FIELDS: Field[] = [
  { name: "id", type: "Number" },
  { name: "price", type: "Price" },
  { name: "created", type: "Date" },
  { name: "ok", type: "Boolean" },
  { name: "tags", type: "String", list: true },
  { name: "ids", type: "Number", list: true },
  { name: "item", type: "Item", fields: ITEM },
  { name: "items", type: "Item", list: true, fields: ITEM },
];

const DEFAULT = `{"x_demo_get_response": {
  "id": 7091800003790954036, "price": "200.07", "created": "2016-12-31 23:59:59", "ok": true,
  "tags": {"string": ["a", "b"]}, "ids": {"number": [1, 2]},
  "item": {"num_iid": 1, "title": "t"},
  "items": {"item": [{"num_iid": 2, "title": "u"}]},
  "request_id": "abc"
}}`;
const SIMPLIFIED = `{"x_demo_get_response": {
  "id": 7091800003790954036, "price": "200.07", "created": "2016-12-31 23:59:59", "ok": true,
  "tags": ["a", "b"], "ids": [1, 2],
  "item": {"num_iid": 1, "title": "t"},
  "items": [{"num_iid": 2, "title": "u"}],
  "request_id": "abc"
}}`;

describe("hand-made specs", () => {
  it("samples that match: no diagnostics (wrapped and plain lists, a 19-digit id, wrapper or none)", () => {
    expect(checkSamples(spec(FIELDS, { response: DEFAULT, responseSimplified: SIMPLIFIED }))).toEqual([]);
    const bare = JSON.stringify(
      JSON.parse(SIMPLIFIED.replace("7091800003790954036", '"7091800003790954036"')).x_demo_get_response,
    );
    expect(
      checkSamples(
        spec(FIELDS, {
          response: DEFAULT.replace("7091800003790954036", '"7091800003790954036"'),
          responseSimplified: bare,
        }),
      ),
    ).toEqual([]);
  });

  it("a spec without samples: nothing to check", () => {
    expect(checkSamples(spec(FIELDS, undefined))).toEqual([]);
  });

  it("a Number field holding text", () => {
    const found = checkSamples(spec(FIELDS, { response: wrap({ id: "abc" }) }));
    expect(found).toEqual([
      { level: "warning", message: 'response sample: id: declared Number, sample has "abc" (expected an integer)' },
    ]);
  });

  it("a struct field holding a string", () => {
    const found = checkSamples(spec(FIELDS, { response: wrap({ item: "n/a", id: 1 }) }));
    expect(messages(found)).toEqual([
      'response sample: item: declared Item, sample has "n/a" (expected an object (Item))',
    ]);
  });

  it("a list item of the wrong type: the item's path, in the page's own indices", () => {
    const found = checkSamples(spec(FIELDS, { response: wrap({ ids: { number: [1, "x", 3, "y"] } }) }));
    expect(messages(found)).toEqual([
      'response sample: ids[1]: declared Number (a list item), sample has "x" (expected an integer)',
      'response sample: ids[3]: declared Number (a list item), sample has "y" (expected an integer)',
    ]);
  });

  it("two mismatches in one sample: two diagnostics, each with its path", () => {
    const body = { id: 1, price: "cheap", items: { item: [{ num_iid: 1 }, { num_iid: 1.5, title: "t" }] } };
    const found = checkSamples(spec(FIELDS, { response: wrap(body) }));
    expect(messages(found)).toEqual([
      'response sample: price: declared Price, sample has "cheap" (expected a decimal number)',
      "response sample: items[1].num_iid: declared Number, sample has 1.5 (expected an integer)",
    ]);
  });

  it("every mismatch, not just the first: a list, a struct and scalars in one go", () => {
    const body = { id: true, created: "2016-12-31", ok: "yes", tags: "a,b", item: { num_iid: "one", title: ["t"] } };
    const found = checkSamples(spec(FIELDS, { response: wrap(body) }));
    expect(found.map((d) => d.message.split(":")[1]?.trim())).toEqual([
      "id",
      "created",
      "ok",
      "tags",
      "item.num_iid",
      "item.title",
    ]);
  });

  it("a sample that is not JSON (a placeholder): one diagnostic", () => {
    const found = checkSamples(spec(FIELDS, { response: '{"x_demo_get_response":{"id":xxx,"title":"t"}}' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: "warning" });
    expect(found[0]?.message).toMatch(/^response sample is not JSON \(.*"id":xxx.*\); not checked$/);
  });

  it("default and simplified samples that differ: each difference reported", () => {
    const simplified = SIMPLIFIED.replace('"price": "200.07"', '"price": "200.08"')
      .replace('"ok": true,', "")
      .replace('"ids": [1, 2]', '"ids": [1, 2, 3]')
      .replace('"item": {"num_iid": 1, "title": "t"}', '"item": {"title": "t"}');
    const found = checkSamples(spec(FIELDS, { response: DEFAULT, responseSimplified: simplified }));
    expect(messages(found)).toEqual([
      'default and simplified response samples differ at price: "200.07" vs "200.08"',
      "ok is in the default response sample only (true)",
      "ids has 2 items in the default response sample, 3 in the simplified one",
      'item.num_iid is in the default response sample only ("1")',
    ]);
  });

  it("a simplified sample that still wraps its lists, and a default one with plain arrays", () => {
    const found = checkSamples(spec(FIELDS, { response: SIMPLIFIED, responseSimplified: DEFAULT }));
    expect(messages(found)).toEqual([
      'response sample: tags is a plain array; the default (not simplified) format wraps a list: {"string": [...]}',
      'response sample: ids is a plain array; the default (not simplified) format wraps a list: {"number": [...]}',
      'response sample: items is a plain array; the default (not simplified) format wraps a list: {"item": [...]}',
      'simplified response sample: tags is still wrapped ({"string": [...]}); a simplified body has plain arrays',
      'simplified response sample: ids is still wrapped ({"number": [...]}); a simplified body has plain arrays',
      'simplified response sample: items is still wrapped ({"item": [...]}); a simplified body has plain arrays',
    ]);
  });

  it("a wrapped list whose item key is not the one TOP derives from the type name", () => {
    const found = checkSamples(spec(FIELDS, { response: wrap({ items: { item_d_t_o: [{ num_iid: 1 }] } }) }));
    expect(messages(found)).toEqual([
      'response sample: items wraps its items in "item_d_t_o"; the item key for Item[] is "item"',
    ]);
  });

  it("members the page does not declare: one note per struct", () => {
    const found = checkSamples(
      spec(FIELDS, { response: wrap({ id: 1, extra: 2, items: { item: [{ a: 1 }, { b: 2, a: 3 }] } }) }),
    );
    expect(found).toEqual([
      { level: "info", message: "response sample: the response has members the page does not declare: extra" },
      { level: "info", message: "response sample: items has members the page does not declare: a, b" },
    ]);
  });

  it("a mismatch on one side is not reported again as a difference", () => {
    const found = checkSamples(
      spec(FIELDS, { response: wrap({ id: "abc", ok: true }), responseSimplified: wrap({ id: 5, ok: true }) }),
    );
    expect(messages(found)).toEqual(['response sample: id: declared Number, sample has "abc" (expected an integer)']);
  });

  it("wrappers: none on the default sample, the wrong one, an error response", () => {
    expect(messages(checkSamples(spec(FIELDS, { response: '{"id": 1}' })))).toEqual([
      'response sample has no "x_demo_get_response" wrapper (the default format has one)',
    ]);
    expect(messages(checkSamples(spec(FIELDS, { response: '{"y_demo_get_response": {"id": "z"}}' })))).toEqual([
      'response sample wraps the body in "y_demo_get_response", but this method answers in "x_demo_get_response"; read inside it',
      'response sample: id: declared Number, sample has "z" (expected an integer)',
    ]);
    expect(messages(checkSamples(spec(FIELDS, { response: '{"error_response": {"code": 50}}' })))).toEqual([
      "response sample is an error response (error_response), not a success sample; not checked",
    ]);
  });

  it("a sample full of bad values stops after MAX_MISMATCHES", () => {
    const ids = Array.from({ length: MAX_MISMATCHES + 5 }, (_, i) => `bad${i}`);
    const found = checkSamples(spec(FIELDS, { response: wrap({ ids }) }));
    expect(found).toHaveLength(MAX_MISMATCHES + 1);
    expect(found.at(-1)?.message).toBe(
      `response sample: stopped after ${MAX_MISMATCHES} values that do not fit the declared types`,
    );
  });

  it("an XML sample (text pages) is read as JSON: structure and formats are checked", () => {
    const xml = (inner: string) => `<x_demo_get_response>${inner}</x_demo_get_response>`;
    const good = xml(
      "<id>7091800003790954036</id><ok>true</ok><items><item><num_iid>1</num_iid><title>a &amp; b</title></item><item><num_iid><![CDATA[2]]></num_iid></item></items>",
    );
    expect(checkSamples(spec(FIELDS, { response: good }))).toEqual([]);
    expect(messages(checkSamples(spec(FIELDS, { response: "<other_response><id>x</id></other_response>" })))).toEqual([
      "response sample (XML, read as JSON) wraps the body in <other_response>, but this method answers in <x_demo_get_response>; read inside it",
      'response sample (XML, read as JSON): id: declared Number, sample has "x" (expected an integer)',
    ]);
    const bad = xml(
      "<id>1.5</id><item>text</item><items><item><num_iid>x</num_iid></item></items><created>2016/12/31</created>",
    );
    expect(messages(checkSamples(spec(FIELDS, { response: bad })))).toEqual([
      'response sample (XML, read as JSON): id: declared Number, sample has "1.5" (expected an integer)',
      'response sample (XML, read as JSON): created: declared Date, sample has "2016/12/31" (expected a date "yyyy-MM-dd HH:mm:ss" (GMT+8) or epoch milliseconds)',
      'response sample (XML, read as JSON): item: declared Item, sample has "text" (expected an object (Item))',
      'response sample (XML, read as JSON): items[0].num_iid: declared Number, sample has "x" (expected an integer)',
    ]);
  });

  it("lines: a field's doc line when known; withSampleCheck keeps diagnostics by line, lineless last", () => {
    const fields: Field[] = structuredClone(FIELDS);
    const lines = new Map<string, number>([
      ["id", 40],
      ["num_iid", 60],
    ]);
    const s = spec(fields, { response: wrap({ id: "a", item: { num_iid: "b" }, price: "c" }) });
    const lineOf = (f: Field) => lines.get(f.name);
    expect(checkSamples(s, { lineOf }).map((d) => d.line)).toEqual([40, undefined, 60]);

    s.diagnostics = [
      { level: "info", message: "before", line: 10 },
      { level: "info", message: "after", line: 50 },
      { level: "info", message: "lineless" },
    ];
    const rows = new FieldLines();
    rows.set("response", ["id"], 40);
    rows.set("response", ["item"], 45);
    rows.set("response", ["item", "num_iid"], 60);
    rows.set("request", ["price"], 70);
    const out = withSampleCheck(s, rows);
    expect(out.diagnostics?.map((d) => [d.line, d.message.slice(0, 24)])).toEqual([
      [10, "before"],
      [40, "response sample: id: dec"],
      [50, "after"],
      [60, "response sample: item.nu"],
      [undefined, "lineless"],
      [undefined, "response sample: price: "],
    ]);
  });
});

describeData("the doc site's pages (data/doc-json)", () => {
  const files = readdirSync(DOC_JSON)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const specs = new Map(files.map((f) => [f, parseDoc(join(DOC_JSON, f))]));
  const found = (file: string) => checkSamples(specs.get(file)!);

  it("all 31 pages parse with the pass in, and it finds the same thing twice", () => {
    expect(files).toHaveLength(31);
    for (const f of files) expect(checkSamples(specs.get(f)!)).toEqual(found(f));
  });

  it("pages whose samples fit their declared types (default and simplified alike) get nothing", () => {
    const clean = [
      "alibaba.taobao.ud.smart.monitor.url.create.json",
      "alibaba.ud.udsmartdata.get.json",
      "taobao.tbk.coupon.convert.json",
      "taobao.tbk.dg.general.link.convert.json",
      "taobao.tbk.dg.general.link.parse.json",
      "taobao.tbk.order.details.get.json",
      "taobao.tbk.order.refund.get.json",
      "taobao.tbk.sc.general.link.convert.json",
      "taobao.tbk.sc.general.link.parse.json",
    ];
    for (const f of clean) {
      expect(specs.get(f)?.samples?.responseSimplified).toBeDefined();
      expect(found(f), f).toEqual([]);
    }
  });

  it("collect.cart.detail.pull: the doc type OrderDetailCursorTopDTO2 is wrapped as order_detail_cursor_top_d_t_o", () => {
    const file = "alibaba.taobao.ud.smart.order.collect.cart.detail.pull.json";
    expect(found(file)).toEqual([
      {
        level: "warning",
        message:
          'response sample: result wraps its items in "order_detail_cursor_top_d_t_o"; the item key for OrderDetailCursorTopDTO2[] is "order_detail_cursor_top_d_t_o2"',
      },
    ]);
    // In the spec, with the line of the `result` param.
    expect(specs.get(file)?.diagnostics).toContainEqual({ ...found(file)[0], line: 571 });
  });

  it('order.detail.pull: both samples are not JSON ("brand_id":xxx, a Number whose demo value is xxx)', () => {
    const messages = found("alibaba.taobao.ud.smart.order.detail.pull.json").map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^response sample is not JSON \(.*"brand_id":xxx.*\); not checked$/);
    expect(messages[1]).toMatch(/^simplified response sample is not JSON \(.*"brand_id":xxx.*\); not checked$/);
  });

  it('relation.refund: both samples are not JSON ("tb_trade_parent_id":, Numbers with no demo value)', () => {
    const messages = found("taobao.tbk.relation.refund.json").map((d) => d.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(/is not JSON \(.*"tb_trade_parent_id":,.*\); not checked$/);
  });

  it("pages with no samples (the catalogue form) get nothing", () => {
    const bare = files.filter((f) => specs.get(f)?.samples?.response === undefined);
    expect(bare).toHaveLength(19);
    for (const f of bare) expect(found(f)).toEqual([]);
  });

  it("the seed pages' XML samples fit their declared types", () => {
    for (const method of ["alibaba.idle.isv.order.dealrefund", "alibaba.nlife.b2c.trade.refund"]) {
      const seed = parseDoc(`docs/${method}.txt`);
      expect(seed.samples?.response).toMatch(/^\s*</);
      expect(checkSamples(seed)).toEqual([]);
    }
  });
});
