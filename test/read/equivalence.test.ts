// One page, three inputs: the text copy (docs/<method>.txt), the HTML page read from its tables (path 1) and a
// flat HTML page read from its text rendering (path 2) must give the same spec, and that spec is the golden one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/project/parse.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { DATA, describeData } from "../support/data.js";

const SEEDS = ["alibaba.idle.isv.order.dealrefund", "alibaba.nlife.b2c.trade.refund"] as const;
const FIXTURES = "test/read/fixtures/html";

/** The spec without what must differ between inputs: where it came from, the reader's notes and depth cues. */
function comparable(spec: ApiSpec): Omit<ApiSpec, "source" | "diagnostics" | "depthCues"> {
  const { source: _source, diagnostics: _diagnostics, depthCues: _depthCues, ...rest } = spec;
  return rest;
}

describe.each(SEEDS)("%s", (method) => {
  const text = parseDoc(`docs/${method}.txt`);
  const inputs = {
    "HTML (tables)": parseDoc(`${FIXTURES}/${method}.html`),
    "HTML (flat, via its text rendering)": parseDoc(`${FIXTURES}/${method}.flat.html`),
  };
  const golden = JSON.parse(readFileSync(`test/golden/${method}.json`, "utf8")) as Record<string, unknown>;

  it.each(Object.entries(inputs))("%s gives the same spec as the text copy, samples included", (_input, spec) => {
    expect(spec.source.format).toBe("html");
    expect(comparable(spec)).toEqual(comparable(text));
  });

  it.each(Object.entries(inputs))("%s gives the golden spec", (_input, spec) => {
    expect({
      method: spec.method,
      title: spec.title,
      description: spec.description,
      request: spec.request,
      response: spec.response,
      rules: spec.rules ?? [],
    }).toEqual({
      method: golden["method"],
      title: golden["title"],
      description: golden["description"],
      request: golden["request"],
      response: golden["response"],
      rules: golden["rules"],
    });
  });

  it("HTML (tables) needs no guessing: no notes but the one every enum drawn from prose gets", () => {
    expect(
      (inputs["HTML (tables)"].diagnostics ?? []).filter((d) => !/: enum drawn from the description, /.test(d.message)),
    ).toEqual([]);
  });
});

// There is no doc-json payload for the seeds. The catalogue has an older, reduced description of both (no
// examples, no samples, full-width punctuation, other whitespace; dealrefund there has another Chinese name, no
// division_code, and descriptions 区/市/省 where the page shows only examples). Not asserted equal: only the
// shape (names, nesting, types, list, required, limits) is expected to agree.
describeData("the other sources for the seeds", () => {
  it("doc-json has no page for either seed", () => {
    const names = readdirSync(join(DATA, "doc-json"));
    for (const method of SEEDS) expect(names).not.toContain(`${method}.json`);
  });

  const catalogue: Record<(typeof SEEDS)[number], string> = {
    "alibaba.idle.isv.order.dealrefund": "idle/alibaba_idle_isv_order_dealrefund.json",
    "alibaba.nlife.b2c.trade.refund": "nlife/alibaba_nlife_b2c_trade_refund.json",
  };
  /** Field shape only, minus the fields the page has and the catalogue does not. */
  function shapeOf(fields: Field[], drop: readonly string[]): unknown[] {
    return fields
      .filter((f) => !drop.includes(f.name))
      .map((f) => ({
        name: f.name,
        type: f.type,
        list: f.list ?? false,
        required: f.required ?? false,
        limits: f.limits ?? {},
        fields: shapeOf(f.fields ?? [], drop),
      }));
  }
  it.each(SEEDS)("the catalogue's %s has the same shape as the HTML page's", (method) => {
    const page = parseDoc(`${FIXTURES}/${method}.html`);
    const older = parseDoc(join(DATA, "catalogue", catalogue[method]));
    const drop = ["division_code"];
    expect(older.method).toBe(page.method);
    expect(shapeOf(older.request, drop)).toEqual(shapeOf(page.request, drop));
    expect(shapeOf(older.response, drop)).toEqual(shapeOf(page.response, drop));
    expect(older.samples).toBeUndefined();
  });
});
