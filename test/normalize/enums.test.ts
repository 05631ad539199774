import { describe, expect, it } from "vitest";
import { enumFromDescription } from "../../generator/normalize/enums.js";
import { rulesFromFields } from "../../generator/normalize/rules.js";

describe("enum values drawn from descriptions", () => {
  it.each<[string, { given: string; want: { value: string; description?: string }[] | undefined }]>([
    [
      "javadoc style",
      {
        given: "操作/** * 同意 */ AGREE, /** * 拒绝 -> 关闭 */ REFUSE",
        want: [
          { value: "AGREE", description: "同意" },
          { value: "REFUSE", description: "拒绝 -> 关闭" },
        ],
      },
    ],
    [
      "parenthesized, nested parentheses kept",
      {
        given: "类型: A_B(甲),C_D(乙(丙))",
        want: [
          { value: "A_B", description: "甲" },
          { value: "C_D", description: "乙(丙)" },
        ],
      },
    ],
    [
      "numbered with colons",
      {
        given: "渠道,1. CASH:现金; 2. ALIPAY: 支付宝 3. MOLING:抹零",
        want: [
          { value: "CASH", description: "现金" },
          { value: "ALIPAY", description: "支付宝" },
          { value: "MOLING", description: "抹零" },
        ],
      },
    ],
    [
      "value then text, spaces only",
      {
        given: "用户类型,TAOBAO_OPENID 淘宝用户 APP_USERID 自有用户",
        want: [
          { value: "TAOBAO_OPENID", description: "淘宝用户" },
          { value: "APP_USERID", description: "自有用户" },
        ],
      },
    ],
    [
      "values of another field (type=X) are not this field's",
      { given: "1. type=CASH:为空; 2. type=ALIPAY:支付宝单号", want: undefined },
    ],
    ["a single value is not an enum", { given: "货币种类,CNY", want: undefined }],
    ["an external enum named but not listed", { given: "退款状态 与DisputeStatusEnum 一致,1-9", want: undefined }],
    [
      "numeric codes with dashes",
      {
        given: "1-tmail,2-taobao",
        want: [
          { value: "1", description: "tmail" },
          { value: "2", description: "taobao" },
        ],
      },
    ],
    [
      "numeric codes; a closing parenthesis speaks of the field",
      {
        given: "1-自购省，2-推广赚（代理模式必填）",
        want: [
          { value: "1", description: "自购省" },
          { value: "2", description: "推广赚" },
        ],
      },
    ],
    ["a date is not a list of codes", { given: "开始时间，如 2019-11-10 21:59:59，至 2019-12-01", want: undefined }],
    ["codes out of order are not an enum", { given: "2-乙,1-甲", want: undefined }],
    ["plain prose", { given: "零售+平台订单号,和out_trade_no不能同时为空", want: undefined }],
  ])("%s", (_title, { given, want }) => {
    expect(enumFromDescription(given)).toEqual(want);
  });
});

describe("cross-field rules", () => {
  it.each<[string, { given: { name: string; description?: string }[]; want: unknown[] }]>([
    [
      "stated on both fields: one rule, in doc order",
      {
        given: [
          { name: "a", description: "x,和b不能同时为空" },
          { name: "b", description: "y,和a不能同时为空" },
        ],
        want: [{ kind: "atLeastOne", fields: ["a", "b"] }],
      },
    ],
    [
      "naming a field that does not exist: no rule",
      { given: [{ name: "a", description: "和zzz不能同时为空" }], want: [] },
    ],
    ["no such sentence: no rule", { given: [{ name: "a", description: "普通说明" }], want: [] }],
  ])("%s", (_title, { given, want }) => {
    expect(rulesFromFields(given.map((f) => ({ type: "String", ...f })))).toEqual(want);
  });
});
