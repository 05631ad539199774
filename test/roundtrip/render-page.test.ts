// The round trip's renderer checked against real pages: for every real page whose API the catalogue has, the page
// the renderer makes from the catalogue entry shows the same layout line shapes (top rows, `└` leaves, limit
// bullets, the 4-space shift after a limits list and where it starts) — up to where the real page is cut.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATA } from "../../bench/prefixes/prefixes.js";
import { renderPage, type CatalogueApi } from "../../bench/roundtrip/render-page.js";
import { lineShape, sameShapes, tableShapes } from "../../bench/roundtrip/shapes.js";

const readme = readFileSync(join(DATA, "text-pages", "README.md"), "utf8");
const pages = [
  ...readme.matchAll(/^\| `([^`]+\.txt)` \| [^|]+ \| (complete|truncated)[^|]* \| `(catalogue\/[^`]+)` \|/gm),
].map((m) => ({
  file: join(DATA, "text-pages", m[1]!),
  cut: m[2] === "truncated",
  catalogue: join(DATA, m[3]!),
}));
pages.push(
  {
    file: join(DATA, "seeds", "000_1b120cedeac55814.txt"),
    cut: false,
    catalogue: join(DATA, "catalogue/idle/alibaba_idle_isv_order_dealrefund.json"),
  },
  {
    file: join(DATA, "seeds", "002_83a8456f5fe44fdf.txt"),
    cut: false,
    catalogue: join(DATA, "catalogue/nlife/alibaba_nlife_b2c_trade_refund.json"),
  },
);
const name = (file: string) => file.split("/").pop()!;

/**
 * Where the catalogue cannot give the page's layout: it keeps no default values (默认值 bullets, which also start
 * the shift), and a few pages show a field the catalogue lacks (the docs' age; text-pages/README.md).
 */
const KNOWN: Record<string, { default: true } | { field: string }> = {
  "taobao.xhotel.bnbhouse.add.txt": { default: true },
  "taobao.xhotel.house.roomtype.add.txt": { default: true },
  "tmall.inventory.query.forstore.txt": { default: true },
  "taobao.item.sku.delete.txt": { default: true },
  "tmall.servicecenter.workcard.assignworker.txt": { default: true },
  "taobao.trades.sold.query.txt": { default: true },
  "alibaba.health.vaccin.notice.user.bind.txt": { default: true },
  "cainiao.cboss.workplatform.logistics.iscainiaoorder.txt": { default: true },
  "taobao.fenxiao.dealer.requisitionorder.get.txt": { default: true },
  "alibaba.aliqin.axb.vendor.push.call.event.txt": { field: "call_forwarding_reason" },
  "tmall.servicecenter.worker.taglist.get.txt": { field: "home_worker_tags" },
  "tmall.item.sizemapping.templates.list.txt": { field: "category_id" },
  "taobao.logistics.express.address.blacklist.tms.delete.txt": { field: "ability_status" },
  "000_1b120cedeac55814.txt": { field: "division_code" },
};

it("62 real pages with their catalogue entry (60 text pages, 2 seeds)", () => {
  expect(pages).toHaveLength(62);
});

describe("line shapes", () => {
  it.each<[string, { given: string; want: string }]>([
    ["a top-level row", { given: "trade_no String 可选 100004", want: "row@0" }],
    ["a shifted top-level row", { given: "    out_request_no String 必须 765345354", want: "row@4" }],
    ["a limit bullet", { given: "  • 最大长度:64", want: "limit@2" }],
    ["a nested leaf after the shift", { given: "    • └ id", want: "leaf@4" }],
    ["a struct row's name (no └) is a plain cell", { given: "  • patient", want: "cell@2" }],
    ["a heading after the shift", { given: "    响应参数", want: "heading@4" }],
  ])("%s", (_title, { given, want }) => expect(lineShape(given)).toBe(want));
  it("runs of cells collapse; the tables end at 请求示例", () => {
    const page = [
      "x.y (名)",
      "请求参数",
      "名称 类型 是否必须 示例值 更多限制 描述",
      "a A 可选 说明",
      "  • └ b",
      "  • String",
      "  • 可选",
      "请求示例",
      "x",
    ].join("\n");
    expect(tableShapes(page)).toEqual(["heading@0", "header@0", "row@0", "leaf@2", "cell@2", "heading@0"]);
  });
});

describe.each(pages.map((p) => [name(p.file), p] as const))("%s", (file, page) => {
  const real = readFileSync(page.file, "utf8");
  const catalogueText = readFileSync(page.catalogue, "utf8");
  const rendered = renderPage(JSON.parse(catalogueText) as CatalogueApi, { java: true, xml: true });
  const known = KNOWN[file];
  if (!known) {
    it("the rendered page has the real page's line shapes", () => {
      const result = sameShapes(real, rendered, page.cut);
      expect(result.rendered.slice(0, result.real.length)).toEqual(result.real);
      expect(result.real.length).toBeGreaterThan(5);
    });
  } else {
    it("shapes differ only where the catalogue lacks what the page shows", () => {
      expect(sameShapes(real, rendered, page.cut).same).toBe(false);
      if ("default" in known) {
        expect(real).toMatch(/• 默认值:/);
        expect(catalogueText).not.toMatch(/"default(?:Value)?"\s*:/);
      } else {
        expect(real).toContain(known.field);
        expect(catalogueText).not.toContain(`"${known.field}"`);
      }
    });
  }
});
