// The fidelity harness: its comparison on small hand-made trees, and the floor the reader holds on the 60 real
// text pages (bench/FIDELITY.md; `npm run fidelity` prints the table).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { comparePage, isCompletePage, type CatalogueParam } from "../../bench/fidelity/compare.js";
import { catalogueShapes, measurePages, totalsOf, withKnownShapes } from "../../bench/fidelity/pages.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";

const DATA = process.env["TOPGEN_DATA"] ?? fileURLToPath(new URL("../../../shared/data/", import.meta.url));

const spec = (request: Field[], response: Field[] = []): ApiSpec => ({
  specVersion: 1,
  method: "x.y.z",
  title: "",
  description: "",
  source: { format: "text", file: "p.txt", sha256: "0".repeat(64) },
  request,
  response,
});
const s = (name: string, type = "String", extra: Partial<Field> = {}): Field => ({ name, type, ...extra });
const c = (name: string, type = "String", extra: Partial<CatalogueParam> = {}): CatalogueParam => ({
  name,
  type,
  ...extra,
});

describe("comparePage", () => {
  it.each<
    [string, { given: { page: Field[]; truth: CatalogueParam[]; truncated?: boolean }; want: Record<string, unknown> }]
  >([
    [
      "same tree: every field right",
      {
        given: { page: [s("a", "S", { fields: [s("b")] })], truth: [c("a", "S", { subParams: [c("b")] })] },
        want: { shown: 2, right: 2, wrong: [] },
      },
    ],
    [
      "a leaf kept one level too deep is misplaced, with its true path",
      {
        given: {
          page: [s("a", "S", { fields: [s("t", "T", { fields: [s("u"), s("b")] })] })],
          truth: [c("a", "S", { subParams: [c("t", "T", { subParams: [c("u")] }), c("b")] })],
        },
        want: { shown: 4, right: 3, wrong: [{ side: "request", path: "a.t.b", problems: ["path"], truePath: "a.b" }] },
      },
    ],
    [
      "type, list and required are each checked; byte[] is a file, Long a number",
      {
        given: {
          page: [
            s("f", "String"),
            s("n", "Number", { list: true }),
            s("r", "String"),
            s("file", "File"),
            s("l", "Number"),
          ],
          truth: [
            c("f", "Number"),
            c("n", "Number[]"),
            c("r", "String", { required: true }),
            c("file", "byte[]"),
            c("l", "Long"),
          ],
        },
        want: {
          shown: 5,
          right: 3,
          wrong: [
            { side: "request", path: "f", problems: ["type"] },
            { side: "request", path: "r", problems: ["required"] },
          ],
        },
      },
    ],
    [
      "a field only on the page, or skipped between shown rows, is the docs' age, not an error",
      {
        given: { page: [s("a"), s("new"), s("c")], truth: [c("a"), c("old"), c("c"), c("later")] },
        want: { shown: 2, right: 2, pageOnly: ["request new"], catalogueOnly: ["request old"] },
      },
    ],
    [
      "the last row of a cut page, cut inside its name, is listed apart",
      {
        given: { page: [s("a"), s("user_na")], truth: [c("a"), c("user_name")], truncated: true },
        want: { shown: 1, right: 1, cut: ["request user_na"], pageOnly: [] },
      },
    ],
    [
      "limits are compared where both have them",
      {
        given: {
          page: [s("a", "String", { limits: { maxLength: 64 } }), s("b", "String", { limits: { maxLength: 8 } })],
          truth: [c("a", "String", { maxLength: 64 }), c("b", "String", { maxLength: 9 })],
        },
        want: { limits: { compared: 2, agree: 1, differ: ["request b maxLength 8 ≠ 9"] } },
      },
    ],
  ])("%s", (_title, { given, want }) => {
    const got = comparePage(spec(given.page), { name: "x.y.z", requestParams: given.truth }, given.truncated ?? false);
    expect(got).toMatchObject(want);
  });

  it("a page is complete when it ends with the footer", () => {
    expect([
      isCompletePage("…\n返回\n顶部"),
      isCompletePage("…\n    返回\n    顶部"),
      isCompletePage("…\n  • └ user_na"),
    ]).toEqual([true, true, false]);
  });
});

const HAVE_PAGES = existsSync(`${DATA}/text-pages`);
/** The pages read as a first-time user: measured once, for both figures. */
const alone = HAVE_PAGES ? measurePages(`${DATA}/text-pages`, `${DATA}/catalogue`) : [];

describe.skipIf(!HAVE_PAGES)("the 60 real text pages, read as a first-time user", () => {
  const results = alone;
  const totals = totalsOf(results);

  it("no page crashes the reader", () => {
    expect(results.filter((r) => r.crash).map((r) => `${r.method}: ${r.crash}`)).toEqual([]);
  });
  it("fields at the catalogue's path with its type, list and required flag: at or above the floor", () => {
    // The floor reached (bench/FIDELITY.md); raise it when the reader gets better, never lower it.
    expect(totals.shown).toBeGreaterThanOrEqual(800);
    expect(totals.right / totals.shown).toBeGreaterThanOrEqual(FLOOR);
    expect(totals.wrongType + totals.wrongList).toBe(0);
  });
  it("never a silent guess: every field at a wrong path sits in the rows of a warning", () => {
    expect(
      results
        .filter((r) => r.wrongPathWarned < r.fidelity.wrong.filter((w) => w.problems.includes("path")).length)
        .map((r) => r.method),
    ).toEqual([]);
  });
  it("limits agree wherever page and catalogue both have them", () => {
    expect(totals.limitsAgree).toBe(totals.limitsCompared);
  });
});

describe.skipIf(!HAVE_PAGES)(
  "the same pages with shapes known from the rest of the catalogue",
  () => {
    const known = measurePages(
      `${DATA}/text-pages`,
      `${DATA}/catalogue`,
      withKnownShapes(catalogueShapes(`${DATA}/catalogue`).shapes),
    );

    it("known shapes make no page worse than the page alone", () => {
      const worse = known.filter((k, i) => k.fidelity.right < alone[i]!.fidelity.right);
      expect(worse.map((k) => k.method)).toEqual([]);
    });
    it("fields right with known shapes: at or above their floor, and never a silent guess", () => {
      const totals = totalsOf(known);
      expect(totals.right / totals.shown).toBeGreaterThanOrEqual(KNOWN_SHAPES_FLOOR);
      expect(totals.wrongPathWarned).toBe(totals.wrongPath);
    });
  },
  120_000,
);

const FLOOR = 0.943;
const KNOWN_SHAPES_FLOOR = 0.959;
