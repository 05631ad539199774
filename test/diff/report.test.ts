// The report of the scenario (a page changed six ways) in each format; Markdown as a file snapshot.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { diffSpecs } from "../../generator/diff/changes.js";
import { formatReport, summaryLine } from "../../generator/diff/report.js";
import { parseSpec } from "../../generator/model/load.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { REPO } from "../support/sdk.js";

const file = join(REPO, "specs", "alibaba.nlife.b2c.trade.refund.json");
const seed = (): ApiSpec => parseSpec(readFileSync(file, "utf8"), file);
const named = (fields: Field[], name: string) => fields.find((f) => f.name === name)!;

/** The page change: a Number became a String, an optional field required, a field removed, an enum value
 * added, a maxLength 64 → 32, a response Date became a String; and the atLeastOne rule vanished. */
function changed(): ApiSpec {
  const s = seed();
  named(s.request, "refund_points").type = "String";
  named(s.request, "store_id").required = true;
  s.request.splice(
    s.request.findIndex((f) => f.name === "refund_goods_list"),
    1,
  );
  named(named(s.request, "refund_bill_list").fields!, "type").enum!.push({
    value: "DIGITAL_RMB",
    description: "数字人民币",
  });
  named(s.request, "out_request_no").limits = { maxLength: 32 };
  named(s.response, "gmt_refund").type = "String";
  delete s.rules;
  named(s.request, "trade_no").description = "零售+平台订单号";
  return s;
}

it("Markdown report (snapshot)", async () => {
  await expect(formatReport(diffSpecs(seed(), changed()), "markdown")).toMatchFileSnapshot(
    join(import.meta.dirname, "__snapshots__", "nlife-refund.md"),
  );
});

it("text report: a summary line per API and one line per change", () => {
  const text = formatReport(diffSpecs(seed(), changed()), "text");
  expect(text.split("\n")[0]).toBe("alibaba.nlife.b2c.trade.refund: 5 breaking, 2 additive, 1 docs only");
  expect(text).toMatch(/breaking {3}request\.out_request_no: maxLength 64 → 32/);
});

it("JSON report: the counts and the changes", () => {
  const json = JSON.parse(formatReport(diffSpecs(seed(), changed()), "json")) as {
    summary: Record<string, number>;
    changes: unknown[];
  };
  expect(json.summary).toEqual({ breaking: 5, additive: 2, docs: 1 });
  expect(json.changes).toHaveLength(8);
});

it("no change", () => {
  expect(summaryLine(diffSpecs(seed(), seed()))).toBe("no changes");
});
