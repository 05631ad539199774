// The parser's specs for the seed pages against golden specs written by reading the pages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/project/parse.js";

const seeds = ["alibaba.idle.isv.order.dealrefund", "alibaba.nlife.b2c.trade.refund"];

describe.each(seeds)("%s", (method) => {
  const spec = parseDoc(`docs/${method}.txt`);
  const golden = JSON.parse(readFileSync(`test/golden/${method}.json`, "utf8")) as Record<string, unknown>;

  it("method, title and description", () => {
    expect({ method: spec.method, title: spec.title, description: spec.description }).toEqual({
      method: golden["method"],
      title: golden["title"],
      description: golden["description"],
    });
  });
  it("request fields, field for field", () => {
    expect(spec.request).toEqual(golden["request"]);
  });
  it("response fields, field for field", () => {
    expect(spec.response).toEqual(golden["response"]);
  });
  it("cross-field rules", () => {
    expect(spec.rules ?? []).toEqual(golden["rules"]);
  });
});
