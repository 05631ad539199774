// The sample check decodes with the shapes a generated module decodes with: both come from
// model/schema-lines.ts. Held here against the committed modules of the two seeds, field by field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { responseShape } from "../../generator/check-samples/shape.js";
import { parseSpec } from "../../generator/model/load.js";
import type { StructShape } from "../../runtime/index.js";
import { AlibabaIdleIsvOrderDealrefundRequest } from "../../generated/alibaba.idle.isv.order.dealrefund.js";
import { AlibabaNlifeB2cTradeRefundRequest } from "../../generated/alibaba.nlife.b2c.trade.refund.js";
import { REPO } from "../support/sdk.js";

/** A shape as plain data, its struct thunks called (the seeds have no recursive struct). */
function plain(shape: StructShape): unknown {
  return {
    name: shape.name,
    fields: shape.fields.map(({ struct, ...rest }) => (struct ? { ...rest, struct: plain(struct()) } : rest)),
  };
}

it.each([
  ["alibaba.idle.isv.order.dealrefund", new AlibabaIdleIsvOrderDealrefundRequest().responseShape],
  ["alibaba.nlife.b2c.trade.refund", new AlibabaNlifeB2cTradeRefundRequest({} as never).responseShape],
])("%s: the check's response shape is the generated module's", (method, generated) => {
  const spec = parseSpec(readFileSync(join(REPO, "specs", `${method}.json`), "utf8"), method);
  const checked = responseShape(generated.name, spec.response).shape;
  const { method: _method, ...rest } = generated as StructShape & { method?: string };
  expect(plain(checked)).toEqual(plain(rest));
  expect(checked.fields.length).toBeGreaterThan(0);
});
