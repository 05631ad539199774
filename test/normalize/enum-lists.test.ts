// Lists of values as response descriptions print them: ` * ` bullets, `<ul><li>` items; HTML read as text; and
// a key:value attribute list, which is no enum of the field.
import { describe, expect, it } from "vitest";
import { planModule } from "../../generator/targets/typescript/plan.js";
import { loadTemplates, renderModule } from "../../generator/targets/typescript/render.js";
import { enumFromDescription } from "../../generator/normalize/enums.js";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import { htmlToText } from "../../generator/model/description-text.js";
import type { ApiSpec } from "../../generator/model/types.js";

describe("enum values from lists", () => {
  it.each<[string, { given: string; want: string[] | undefined }]>([
    [
      "` * ` bullets with parentheses",
      {
        given:
          "交易状态。可选值:    * TRADE_NO_CREATE_PAY(没有创建支付宝交易)    * WAIT_BUYER_PAY(等待买家付款)    * TRADE_FINISHED(交易成功)",
        want: ["TRADE_NO_CREATE_PAY", "WAIT_BUYER_PAY", "TRADE_FINISHED"],
      },
    ],
    [
      "` * ` bullets with arrows",
      {
        given: "* 发货单状态 * NEW          ---> 新建 * LOAD_WAIT    ---> 待装车 * CANCEL        ---> 取消",
        want: ["NEW", "LOAD_WAIT", "CANCEL"],
      },
    ],
    [
      "<ul><li> items, closed or not",
      {
        given:
          "可选值: <ul><li>WAIT_BUYER_PAY(等待买家付款) </li><li>TRADE_FINISHED(交易成功) <li>TRADE_CLOSED(关闭)</ul>",
        want: ["WAIT_BUYER_PAY", "TRADE_FINISHED", "TRADE_CLOSED"],
      },
    ],
    [
      "a key:value attribute list is no enum",
      { given: "主订单扩展属性;payCurrency:HKD(港币)、TWD(台币)", want: undefined },
    ],
    [
      "keys of a map described inside are no enum",
      { given: "能力列表 effective: 是否激活。 abilityLevel:  0: 没有等级，1: 一级，2: 二级", want: undefined },
    ],
    [
      "a range is not a code",
      { given: "可选值：A,B,C,D。分别代表： A：15平米以下，B：16－30平米，C：31－50平米", want: undefined },
    ],
  ])("%s", (_, { given, want }) => {
    expect(enumFromDescription(given)?.map((e) => e.value)).toEqual(want);
  });
});

describe("HTML in descriptions read as text", () => {
  it.each<[string, { given: string; want: string }]>([
    [
      "list items become bullets",
      { given: "可选值: <ul><li>A(甲)</li><li>B(乙)</li></ul>", want: "可选值:\n- A(甲)\n- B(乙)" },
    ],
    [
      "breaks, tags and entities",
      { given: "第一行<br/>第二行 <b>粗</b> &lt;x&gt; &amp; &nbsp;end", want: "第一行\n第二行 粗 <x> & end" },
    ],
    ["text that only looks like a tag stays", { given: "List<String> 或 a<b", want: "List<String> 或 a<b" }],
  ])("%s", (_, { given, want }) => {
    expect(htmlToText(given)).toBe(want);
  });

  it("JSDoc shows the text, no raw tags", () => {
    const spec: ApiSpec = {
      specVersion: 1,
      method: "x.y.get",
      title: "t",
      description: "接口<br>说明",
      source: { format: "json", file: "x.json", sha256: "0".repeat(64) },
      request: [],
      response: [{ name: "status", type: "String", description: "状态 <ul><li>A(甲)</li><li>B(乙)</li></ul>" }],
    };
    const module = renderModule(
      loadTemplates(defaultTemplatesDir()),
      planModule(spec, "specs/x.y.get.json", { runtimeImport: "rt" }),
    );
    expect(module).not.toMatch(/<\/?(?:ul|li|br)\b/);
    expect(module).toContain("- A(甲)");
  });
});
