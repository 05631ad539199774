// The sample check's field lines come from the normalizer (normalizeWithLines), by path: they survive the
// overrides, which patch a copy of the spec. Lines here are read off docs/alibaba.idle.isv.order.dealrefund.txt.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseOverrides } from "../../generator/overrides/overrides.js";
import { parseDocBytes } from "../../generator/project/parse.js";
import { REPO } from "../support/sdk.js";

const METHOD = "alibaba.idle.isv.order.dealrefund";
const PAGE = join(REPO, "docs", `${METHOD}.txt`);

it.each<[string, { given: { path: string; set: { type: string } }; want: { line: number; text: RegExp } }]>([
  [
    "an override retypes a field: the sample that no longer fits is reported at the field's row (└ refund_type)",
    {
      given: { path: "response.module.refund_type", set: { type: "Number" } },
      want: { line: 108, text: /module\.refund_type: declared Number, sample has "REFUND_ONLY_NO_SHIP"/ },
    },
  ],
  [
    "another field, another line (└ refund_time)",
    {
      given: { path: "response.module.refund_time", set: { type: "Boolean" } },
      want: { line: 104, text: /module\.refund_time: declared Boolean/ },
    },
  ],
])("%s", (_title, { given, want }) => {
  const file = JSON.stringify({ method: METHOD, overrides: [{ ...given, reason: "test" }] });
  const overrides = parseOverrides(file, "overrides/x.json", METHOD);
  const spec = parseDocBytes(readFileSync(PAGE), PAGE, REPO, undefined, { overrides: () => overrides });
  const found = (spec.diagnostics ?? []).filter((d) => want.text.test(d.message));
  expect(found.map((d) => d.line)).toEqual([want.line]);
});
