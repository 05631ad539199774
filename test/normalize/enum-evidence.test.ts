// When an enum drawn from a description may be closed (validate() refusing other values): only on strong evidence.
import { describe, expect, it } from "vitest";
import { enumEvidence } from "../../generator/normalize/enum-evidence.js";
import { enumFromDescription } from "../../generator/normalize/enums.js";

describe("a request enum is closed only on strong evidence", () => {
  it.each<
    [
      string,
      { given: { description: string; name?: string; example?: string }; want: { closed: boolean; why?: RegExp } },
    ]
  >([
    [
      "every value listed is captured",
      { given: { description: "合作状态： NORMAL(合作中)、 ENDING(终止中) 、END (终止)" }, want: { closed: true } },
    ],
    [
      "numbered list (the numbers are not codes)",
      {
        given: { description: "资金渠道类型,1. CASH:现金支付; 2. UNIONPAY:银联; 3. MOLING:抹零" },
        want: { closed: true },
      },
    ],
    [
      "a name glued to a word is no value (ISV储值卡)",
      { given: { description: "1. CASH:现金; 2. CUSTOM_PREPAY_CARD:ISV储值卡" }, want: { closed: true } },
    ],
    ["codes, all captured", { given: { description: "1-tmail,2-taobao" }, want: { closed: true } }],
    [
      "a value the reader missed (after spaced text)",
      {
        given: { description: "原因： NEED_SWIPE_CARD  有门禁 SECURITY_REFUSE 保安不允许进入 UNIT 特殊地址-部队" },
        want: { closed: false, why: /UNIT/ },
      },
    ],
    [
      "the first code right after a parenthesis is captured",
      { given: { description: "性别（0：男，1：女，2：通用）" }, want: { closed: true } },
    ],
    [
      "the first name right after a parenthesis is captured",
      {
        given: {
          description: '用量类型（SINGLEDAILYDOSE("单日剂量"), SINGLEDOSE("单次剂量"), DRUGCOURSE("药品疗程")）',
        },
        want: { closed: true },
      },
    ],
    [
      "a code the reader missed (too long for a code)",
      {
        given: { description: "图片类目倾向。0 - 服装；3 - 包；4 - 鞋子；88888888 - 其他类目" },
        want: { closed: false, why: /88888888/ },
      },
    ],
    [
      "a name with no underscore the reader did not take",
      {
        given: { description: "MERCHANT_ADJUST  商家调整  PLATFORM_PROM  平台优惠  CHARGE  储值" },
        want: { closed: false, why: /CHARGE/ },
      },
    ],
    [
      "bare names after the list the reader did not take",
      {
        given: { description: "平台代码：ICBU（国际站）、ALIEXPRESS（速卖通）、TIKTOK、TEMU" },
        want: { closed: false, why: /TIKTOK/ },
      },
    ],
    [
      "codes beside names: which is sent is not clear",
      {
        given: { description: 'WAITING_CONFIRM(10, "卖家待确认"),CONFIRMED(20, "卖家已确认")' },
        want: { closed: false },
      },
    ],
    [
      "a name beside a code (NORMAL 0:)",
      { given: { description: "状态 NORMAL 0:正常 DELETED 1:删除" }, want: { closed: false } },
    ],
    [
      "a comma-joined set",
      {
        given: { description: "黑名单用户类型，多个以英文逗号隔开 1-恶意下单 2-恶意投诉" },
        want: { closed: false, why: /several/ },
      },
    ],
    [
      "a ^-joined set",
      { given: { description: "标记,可组合如 A_B^C_D: A_B(甲), C_D(乙)" }, want: { closed: false, why: /several/ } },
    ],
    [
      "a name that says list",
      {
        given: { name: "status_list", description: 'PAUSE("投放暂停"),START("投放开始")' },
        want: { closed: false, why: /status_list/ },
      },
    ],
    [
      "JSON text",
      {
        given: { description: '[{"storeCode":"仓库编号","inventoryType":"库存类型 1：正常,2：损坏"}]' },
        want: { closed: false, why: /JSON/ },
      },
    ],
    [
      "the text says the list goes on",
      {
        given: { description: "平台代码：ICBU（国际站）、ALIEXPRESS（速卖通）等" },
        want: { closed: false, why: /not complete/ },
      },
    ],
    [
      "the example is not a listed value",
      {
        given: { description: "类型 ONLINE(在线)、OFFLINE(线下)", example: "BOTH" },
        want: { closed: false, why: /example/ },
      },
    ],
    [
      "a lower-case key the reader did not take (type=CASH)",
      { given: { description: "order_status=7时候填写 1：好评 2：中评" }, want: { closed: false } },
    ],
  ])("%s", (_, { given, want }) => {
    const values = enumFromDescription(given.description);
    expect(values, "the reader draws an enum").toBeDefined();
    const evidence = enumEvidence(
      values!,
      { name: given.name ?? "f", description: given.description, example: given.example },
      "request",
    );
    expect(evidence.closed).toBe(want.closed);
    if (want.why) expect(evidence.why).toMatch(want.why);
  });

  it("a response enum is always open", () => {
    const description = "合作状态： NORMAL(合作中)、 ENDING(终止中)";
    expect(enumEvidence(enumFromDescription(description)!, { name: "s", description }, "response").closed).toBe(false);
  });
});
