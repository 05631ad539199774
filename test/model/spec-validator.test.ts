// The spec's schema check is compiled ahead of time (generator/model/spec-validator.ts): it must be what ajv makes
// of spec.schema.json now, and it must judge specs as a check compiled at run time does.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Ajv as AjvClass } from "ajv";
import { specValidatorSource } from "../../generator/model/spec-validator-source.js";
import { validate } from "../../generator/model/spec-validator.js";
import schema from "../../generator/model/spec.schema.json" with { type: "json" };

const committed = new URL("../../generator/model/spec-validator.ts", import.meta.url);

describe("the precompiled spec schema check", () => {
  it("is what `npm run spec-validator` writes from spec.schema.json now", async () => {
    expect(readFileSync(committed, "utf8")).toBe(await specValidatorSource());
  });

  const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
  const atRunTime = new Ajv({ allErrors: false, strict: true }).compile(schema);
  const spec = JSON.parse(
    readFileSync(new URL("../../specs/alibaba.idle.isv.order.dealrefund.json", import.meta.url), "utf8"),
  );
  it.each<[string, { given: unknown }]>([
    ["a spec of the repo", { given: spec }],
    ["a spec without its method", { given: { ...spec, method: undefined } }],
    ["an unknown key", { given: { ...spec, extra: 1 } }],
    ["an empty method", { given: { ...spec, method: "" } }],
    ["a field of an unknown shape", { given: { ...spec, request: [{ name: 1 }] } }],
    ["not an object", { given: [] }],
  ])("%s: the same verdict and first error as ajv compiling the schema at run time", (_title, { given }) => {
    const check = validate as unknown as typeof atRunTime;
    const value = JSON.parse(JSON.stringify(given)) as unknown;
    expect(check(value)).toBe(atRunTime(value));
    expect(check.errors ?? null).toEqual(atRunTime.errors ?? null);
  });
});
