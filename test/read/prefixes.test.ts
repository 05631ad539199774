// Never crash on a cut or damaged page (issue 10, point 5): every line prefix of every real page under
// ../shared/data, and a seeded sample of byte prefixes, gives a spec (with an ends-early warning when the text is
// cut) or a one-line InputError. doc-json line prefixes: prefixes-json.test.ts. Every byte prefix: `npm run prefixes`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocBytes } from "../../generator/project/parse.js";
import { DATA, emptyTally, lineCuts, parsePrefix, realPages, runCuts } from "../../bench/prefixes/prefixes.js";
import { sample } from "../support/catalogue.js";

const pages = realPages();
const utf8 = (text: string) => new TextEncoder().encode(text);
const warnings = (text: string) =>
  (parseDocBytes(utf8(text), "p.txt", "/").diagnostics ?? [])
    .filter((d) => d.level === "warning")
    .map((d) => d.message);

it("the real pages are all there: 2 seeds, 60 text pages, 31 doc-json payloads", () => {
  expect(pages).toHaveLength(93);
});

it("every line prefix of every text page (seeds, text-pages): a spec or a one-line input error, never a crash", () => {
  const tally = emptyTally();
  for (const file of pages.filter((f) => f.endsWith(".txt"))) {
    const bytes = readFileSync(file);
    runCuts(file, bytes, lineCuts(bytes), tally);
  }
  expect(tally.crashes).toEqual([]);
  expect(tally.silent).toEqual([]);
  expect(tally.prefixes).toBeGreaterThan(4_500);
  // Most text prefixes hold a title and 请求参数: they give specs, each warned that the page ends early.
  expect(tally.specs).toBeGreaterThan(4_000);
  expect(tally.cutWarned).toBeGreaterThan(4_000);
}, 600_000);

it("2,000 byte prefixes drawn from every real page (seeded): never a crash", () => {
  const cuts = pages.flatMap((file) =>
    Array.from({ length: readFileSync(file).length }, (_, i) => [file, i + 1] as const),
  );
  const tally = emptyTally();
  for (const [file, length] of sample(cuts, 2_000, 20261202)) runCuts(file, readFileSync(file), [length], tally);
  expect(tally.crashes).toEqual([]);
  expect(tally.silent).toEqual([]);
  expect(tally.prefixes).toBe(2_000);
}, 600_000);

describe("the three real pages that end right after a nested row's name", () => {
  it.each<[string, { given: string; want: { row: string; section: string } }]>([
    [
      "cut inside the response",
      { given: "alibaba.alihealth.examination.todoor.serviceinfo.sync.txt", want: { row: "e", section: "响应参数" } },
    ],
    [
      "cut inside a request struct",
      { given: "alibaba.aliqin.axb.vendor.push.call.release.txt", want: { row: "rin", section: "请求参数" } },
    ],
    [
      "cut inside a camelCase response",
      { given: "taobao.qimen.itemmapping.query.txt", want: { row: "skuId", section: "响应参数" } },
    ],
  ])("%s: a spec with a warning naming the row and one saying where the page stops", (_title, { given, want }) => {
    const file = join(DATA, "text-pages", given);
    const lines = readFileSync(file, "utf8").split("\n");
    const lastLine = lines.findLastIndex((l) => l.trim() !== "") + 1;
    expect(lines[lastLine - 1]).toMatch(new RegExp(`• └ ${want.row}$`));
    const spec = parseDocBytes(readFileSync(file), file, "/");
    const found = (spec.diagnostics ?? []).filter((d) => d.level === "warning");
    expect(found).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining(`the table ends after the name ${want.row}`),
        line: lastLine,
      }),
    );
    expect(found).toContainEqual({
      level: "warning",
      message: expect.stringMatching(`^page ends early .* in ${want.section} at line ${lastLine};`),
      line: lastLine,
    });
  });
});

describe("what a page lacks is said in a warning", () => {
  const head = [
    "taobao.demo.get (示例接口)",
    "",
    "示例描述",
    "",
    "公共参数",
    "",
    "请求参数",
    "",
    "名称 类型 是否必须 示例值 更多限制 描述",
    "a String 可选 x 说明",
    "",
  ];
  const response = ["响应参数", "", "名称 类型 示例值 描述", "b String y 说明", ""];
  const samples = [
    "请求示例",
    "",
    "  • JAVA",
    'req.setA("x");',
    "",
    "响应示例",
    "",
    "  • XML示例",
    "<demo_get_response><b>y</b></demo_get_response>",
    "",
  ];
  const footer = ["返回", "顶部"];
  it.each<[string, { given: string[]; want: RegExp[] }]>([
    ["a whole page: nothing lacking", { given: [...head, ...response, ...samples, ...footer], want: [] }],
    [
      "cut in the response table",
      {
        given: [...head, ...response.slice(0, 4)],
        want: [/^page ends early .* in 响应参数 at line 15;/, /no 请求示例/, /no 响应示例/],
      },
    ],
    [
      "no response table at all",
      { given: [...head, ...samples, ...footer], want: [/^no 响应参数 \(response parameters\) table/] },
    ],
    [
      "a response table with no rows",
      { given: [...head, ...response.slice(0, 3), ...samples, ...footer], want: [/^the 响应参数 .* lists no fields/] },
    ],
    ["no samples", { given: [...head, ...response, ...footer], want: [/^no 请求示例/, /^no 响应示例/] }],
  ])("%s", (_title, { given, want }) => {
    const text = given.join("\n");
    const found = warnings(text);
    expect(found).toHaveLength(want.length);
    want.forEach((re, i) => expect(found[i]).toMatch(re));
  });
  it("cut before 请求参数: a one-line input error at the title", () => {
    expect(parsePrefix(utf8(head.slice(0, 3).join("\n")), "/p.txt")).toEqual({
      kind: "error",
      message: "p.txt:1: no 请求参数 (request parameters) section on this page",
    });
  });
});
