// Provenance: the page's URL (shown by the page, or given to add --url), the date it was saved (add --saved, else
// the added file's time, recorded in docs/sources.json), which reader read it; and `topgen ages`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/project/parse.js";
import { formatAges, pageAges } from "../../generator/project/ages.js";
import { pageUrl } from "../../generator/read/provenance.js";
import type { ApiSpec } from "../../generator/model/types.js";
import { REPO } from "../support/sdk.js";
import { requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

describe("the URL a page shows", () => {
  it.each([
    [
      "HTML saved by the browser",
      {
        given: {
          text: "<!DOCTYPE html>\n<!-- saved from url=(0050)https://open.taobao.com/api.htm?docId=1&docType=2 -->\n<html>",
          format: "html" as const,
        },
        want: "https://open.taobao.com/api.htm?docId=1&docType=2",
      },
    ],
    [
      "HTML with a canonical link",
      {
        given: {
          text: '<html><head><link rel="canonical" href="https://open.taobao.com/api.htm?docId=7&amp;docType=2"></head>',
          format: "html" as const,
        },
        want: "https://open.taobao.com/api.htm?docId=7&docType=2",
      },
    ],
    [
      "HTML with og:url",
      {
        given: { text: '<meta property="og:url" content="https://open.taobao.com/x">', format: "html" as const },
        want: "https://open.taobao.com/x",
      },
    ],
    ["HTML with neither", { given: { text: "<html><body>x</body></html>", format: "html" as const }, want: undefined }],
    [
      "a text copy shows none",
      {
        given: { text: "alibaba.x (t)\n\nhttps://open.fliggy.com/docs/api.htm?apiId=1", format: "text" as const },
        want: undefined,
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(pageUrl(given.text, given.format)).toBe(want);
  });
});

describe("which reader read the page", () => {
  it.each([
    [
      "text",
      { given: join(REPO, "docs", "alibaba.nlife.b2c.trade.refund.txt"), want: { reader: "text", url: undefined } },
    ],
    [
      "HTML with parameter tables",
      {
        given: join(REPO, "test/read/fixtures/html/alibaba.nlife.b2c.trade.refund.html"),
        want: { reader: "html", url: undefined },
      },
    ],
    [
      "HTML without: its text rendering",
      {
        given: join(REPO, "test/read/fixtures/html/alibaba.nlife.b2c.trade.refund.flat.html"),
        want: { reader: "html-text", url: undefined },
      },
    ],
    [
      "JSON",
      {
        given: join(REPO, "../shared/data/doc-json/alibaba.baichuan.aso.query.json"),
        want: { reader: "json", url: "https://open.taobao.com/api.htm?docId=31055&docType=2" },
      },
    ],
  ])("%s", (_, { given, want }) => {
    const { source } = parseDoc(given, REPO);
    expect({ reader: source.reader, url: source.url }).toEqual(want);
    expect(source.saved).toBeUndefined(); // never the file's time on disk: a checkout resets it
  });
});

it("ages: oldest first, unknown last, whole days", () => {
  const dir = mkdtempSync(join(tmpdir(), "topgen-ages-"));
  try {
    const spec = () =>
      JSON.parse(readFileSync(join(REPO, "specs", "alibaba.nlife.b2c.trade.refund.json"), "utf8")) as ApiSpec;
    for (const [method, saved] of [
      ["b.api", "2026-11-01"],
      ["a.api", undefined],
      ["c.api", "2025-12-02"],
    ] as const) {
      const s = spec();
      s.method = method;
      if (saved) s.source.saved = saved;
      writeFileSync(join(dir, `${method}.json`), JSON.stringify(s));
    }
    const ages = pageAges(dir, dir, new Date("2026-12-02T10:00:00Z"));
    expect(ages.map((a) => [a.method, a.days])).toEqual([
      ["c.api", 365],
      ["b.api", 31],
      ["a.api", undefined],
    ]);
    expect(formatAges(ages)).toMatch(/1 of 3 page\(s\) have no saved date/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const PAGE = "alibaba.nlife.b2c.trade.refund.txt";
const scratch: string[] = [];
requireBuiltCli();
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-prov-"));
  scratch.push(dir);
  mkdirSync(join(dir, "docs"));
  writeRepoRuntimeConfig(dir);
  cpSync(join(REPO, "docs", PAGE), join(dir, "saved-page.txt"));
  return dir;
}
const sourceOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "specs", "alibaba.nlife.b2c.trade.refund.json"), "utf8")) as ApiSpec).source;

describe("CLI", () => {
  it("add --url --saved: recorded in docs/sources.json and the spec; check stays green when file times change", () => {
    const dir = project();
    const r = topgen(
      dir,
      "add",
      "saved-page.txt",
      "--url",
      "https://open.taobao.com/api.htm?docId=1&docType=2",
      "--saved",
      "2026-10-31",
    );
    expect(r.code).toBe(0);
    expect(sourceOf(dir)).toMatchObject({
      reader: "text",
      url: "https://open.taobao.com/api.htm?docId=1&docType=2",
      saved: "2026-10-31",
    });
    const sources = JSON.parse(readFileSync(join(dir, "docs", "sources.json"), "utf8")) as Record<
      string,
      { saved: string }
    >;
    expect(sources[PAGE]?.saved).toBe("2026-10-31");
    // As on a fresh clone: every file's time is now.
    utimesSync(join(dir, "docs", PAGE), new Date(), new Date());
    expect(topgen(dir, "check").code).toBe(0);
    const ages = topgen(dir, "ages");
    expect(ages.stdout).toMatch(
      /^ +\d+ days {2}2026-10-31 {2}alibaba\.nlife\.b2c\.trade\.refund {2}https:\/\/open\.taobao\.com/,
    );
  });

  it("add without --saved records the added file's time, once", () => {
    const dir = project();
    utimesSync(join(dir, "saved-page.txt"), new Date("2026-03-04T12:00:00Z"), new Date("2026-03-04T12:00:00Z"));
    expect(topgen(dir, "add", "saved-page.txt").code).toBe(0);
    expect(sourceOf(dir).saved).toBe("2026-03-04");
    expect(topgen(dir, "parse", "docs").stdout).toMatch(/1 unchanged/);
  });

  it("a page replaced by hand: the recorded date no longer applies (warned)", () => {
    const dir = project();
    expect(topgen(dir, "add", "saved-page.txt", "--saved", "2026-01-01").code).toBe(0);
    writeFileSync(
      join(dir, "docs", PAGE),
      readFileSync(join(dir, "docs", PAGE), "utf8").replace("外部请求号", "外部请求号."),
    );
    const r = topgen(dir, "parse", "docs");
    expect(r.stderr).toMatch(/saved date recorded in sources\.json is for another copy/);
    expect(sourceOf(dir).saved).toBeUndefined();
  });

  it("add --saved with no date exits 2", () => {
    const dir = project();
    const r = topgen(dir, "add", "saved-page.txt", "--saved", "yesterday");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--saved yesterday: a date, YYYY-MM-DD/);
  });
});
