// Generated validate() against ajv compiled from the JSON Schema of the same params (the struct schemas of
// `topgen openapi`, with the top-level params described as values rather than as form text).

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { apiBases, apiComponents, fieldSchema } from "../generator/targets/openapi/index.js";
import { structNames } from "../generator/targets/openapi/names.js";
import type { ApiSpec, Field } from "../generator/model/types.js";
import { AlibabaIdleIsvOrderDealrefundRequest, AlibabaNlifeB2cTradeRefundRequest } from "../generated/index.js";

const REPO = resolve(import.meta.dirname, "../..");

export interface ValidatorResult {
  api: string;
  case: "valid" | "invalid";
  generated: number;
  ajv: number;
  /** Median of the per-round ratios generated / ajv. */
  ratio: number;
}

function paramsValidator(spec: ApiSpec): (value: unknown) => boolean {
  const base = apiBases([spec.method]).get(spec.method)!;
  const { schemas } = apiComponents(spec, base);
  const names = structNames(spec.request);
  const ref = (f: Field) => `#/components/schemas/${base}Request.${names.get(f)!}`;
  const params = {
    type: "object",
    properties: Object.fromEntries(spec.request.map((f) => [f.name, fieldSchema(f, "json", ref)])),
    required: spec.request.filter((f) => f.required).map((f) => f.name),
    ...(spec.rules?.length
      ? { allOf: spec.rules.map((r) => ({ anyOf: r.fields.map((f) => ({ required: [f] })) })) }
      : {}),
    components: { schemas: Object.fromEntries(schemas) },
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("int64", true); // documentation only: the integer check is `type: integer`
  return ajv.compile(params);
}

/** Calls per second of `run` over one window of `ms`. */
function opsPerSecond(run: () => unknown, ms: number): number {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 1000; i++) run();
    n += 1000;
  }
  return n / ((performance.now() - start) / 1000);
}

const ROUNDS = 9;

/**
 * The two validators measured in alternating windows (the machine is shared: a burst of load then falls on both
 * rather than on one), as medians of the rounds; the ratio is the median of the rounds' ratios.
 */
function sideBySide(generated: () => unknown, ajv: () => unknown): { generated: number; ajv: number; ratio: number } {
  for (let i = 0; i < 20_000; i++) {
    generated(); // warm up
    ajv();
  }
  const g: number[] = [];
  const a: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    g.push(opsPerSecond(generated, 300));
    a.push(opsPerSecond(ajv, 300));
  }
  return { generated: median(g), ajv: median(a), ratio: median(g.map((x, i) => x / a[i]!)) };
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

const spec = (method: string) => JSON.parse(readFileSync(join(REPO, "specs", `${method}.json`), "utf8")) as ApiSpec;

export async function benchValidators(): Promise<ValidatorResult[]> {
  const bill = {
    type: "ALIPAY",
    buyer_id_type: "WECHAT_OPENID",
    title: "支付宝支付",
    amount: 6000,
    currency: "CNY",
  } as const;
  const refund = {
    trade_no: "100004000000000045678",
    out_request_no: "765345354",
    refund_bill_list: [bill, bill],
    refund_goods_list: ["a_1", "b_2"],
  };
  const badRefund = {
    out_request_no: "x".repeat(65),
    refund_bill_list: [{ ...bill, type: "NOPE", amount: 1.5 }],
    refund_goods_list: ["a"],
  };
  const deal = {
    param_appraise_isv_refund_request: {
      biz_order_id: 111222333,
      operation: "AGREE_REFUND",
      return_goods_address: { area: "xx区", division_code: "110102" },
    },
  } as const;
  const badDeal = { param_appraise_isv_refund_request: { operation: "agree", return_goods_address: { city: 3 } } };

  const cases = [
    {
      api: "alibaba.nlife.b2c.trade.refund",
      make: (p: object) => new AlibabaNlifeB2cTradeRefundRequest(p as never),
      valid: refund,
      invalid: badRefund,
    },
    {
      api: "alibaba.idle.isv.order.dealrefund",
      make: (p: object) => new AlibabaIdleIsvOrderDealrefundRequest(p as never),
      valid: deal,
      invalid: badDeal,
    },
  ];
  const results: ValidatorResult[] = [];
  for (const c of cases) {
    const ajvValidate = paramsValidator(spec(c.api));
    for (const kind of ["valid", "invalid"] as const) {
      const params = c[kind];
      const request = c.make(params);
      const generatedOk = request.validate().length === 0;
      const ajvOk = ajvValidate(params);
      if (generatedOk !== (kind === "valid") || ajvOk !== (kind === "valid")) {
        throw new Error(`${c.api} ${kind}: generated says ${generatedOk}, ajv says ${ajvOk}`);
      }
      results.push({
        api: c.api,
        case: kind,
        ...sideBySide(
          () => request.validate(),
          () => ajvValidate(params),
        ),
      });
    }
  }
  return results;
}
