// Overrides: applied to the parsed page, recorded in the spec; a no-op warns; a stale field or a missing reason
// is bad input naming the file and line (exit 2 from the CLI).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyOverrides, parseOverrides } from "../../generator/overrides/overrides.js";
import { parseDoc } from "../../generator/project/parse.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { InputError } from "../../generator/support/errors.js";
import { REPO } from "../support/sdk.js";
import { requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

const METHOD = "alibaba.nlife.b2c.trade.refund";
const PAGE = `${METHOD}.txt`;
const seed = (): ApiSpec => parseDoc(join(REPO, "docs", PAGE), REPO);
const named = (fields: Field[], name: string) => fields.find((f) => f.name === name);
const file = (overrides: unknown[]) => JSON.stringify({ method: METHOD, overrides }, null, 2) + "\n";
const apply = (overrides: unknown[]) =>
  applyOverrides(seed(), parseOverrides(file(overrides), "overrides/x.json", METHOD));

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("applied", () => {
  it.each([
    [
      "set a type",
      {
        given: { path: "request.refund_points", set: { type: "String" } },
        want: (s: ApiSpec) => named(s.request, "refund_points")?.type === "String",
      },
    ],
    [
      "set required",
      {
        given: { path: "request.store_id", set: { required: true } },
        want: (s: ApiSpec) => named(s.request, "store_id")?.required === true,
      },
    ],
    [
      "unset required",
      {
        given: { path: "request.out_request_no", set: { required: false } },
        want: (s: ApiSpec) => named(s.request, "out_request_no")?.required === undefined,
      },
    ],
    [
      "tighten a limit inside a struct",
      {
        given: { path: "request.refund_bill_list.title", set: { limits: { maxLength: 32 } } },
        want: (s: ApiSpec) => named(named(s.request, "refund_bill_list")!.fields!, "title")?.limits?.maxLength === 32,
      },
    ],
    [
      "remove a limit",
      {
        given: { path: "request.out_request_no", set: { limits: { maxLength: null } } },
        want: (s: ApiSpec) => named(s.request, "out_request_no")?.limits === undefined,
      },
    ],
    [
      "replace an enum",
      {
        given: { path: "request.refund_bill_list.type", set: { enum: ["CASH", "ALIPAY"] } },
        want: (s: ApiSpec) =>
          named(named(s.request, "refund_bill_list")!.fields!, "type")
            ?.enum?.map((e) => e.value)
            .join() === "CASH,ALIPAY",
      },
    ],
    [
      "a description",
      {
        given: { path: "response.gmt_refund", set: { description: "退款时间 (GMT+8)" } },
        want: (s: ApiSpec) => named(s.response, "gmt_refund")?.description === "退款时间 (GMT+8)",
      },
    ],
    [
      "add a field",
      {
        given: { path: "request.refund_bill_list.memo", add: { type: "String", description: "备注" } },
        want: (s: ApiSpec) => named(named(s.request, "refund_bill_list")!.fields!, "memo")?.type === "String",
      },
    ],
    [
      "remove a field",
      {
        given: { path: "response.extend_params", remove: true },
        want: (s: ApiSpec) => named(s.response, "extend_params") === undefined,
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(want(seed())).toBe(false);
    const { spec, warnings } = apply([{ ...given, reason: "the Java SDK says so" }]);
    expect(warnings).toEqual([]);
    expect(want(spec)).toBe(true);
    expect(spec.overrides?.map((o) => [o.path, o.reason])).toEqual([[given.path, "the Java SDK says so"]]);
  });

  it("the spec records what the page said", () => {
    const { spec } = apply([{ path: "request.refund_points", set: { type: "String", required: true }, reason: "r" }]);
    expect(spec.overrides?.[0]?.page).toEqual({ type: "Number", required: null });
  });
});

describe("no-op: warns", () => {
  it.each([
    [
      "set to what the page says",
      {
        given: { path: "request.refund_points", set: { type: "Number" } },
        want: /overrides\/x\.json:4: override of request\.refund_points changes nothing/,
      },
    ],
    [
      "add what the page has",
      {
        given: { path: "request.store_id", add: { type: "String", example: "100004", description: "零售+门店ID" } },
        want: /x\.json:4: override adds request\.store_id, which the page now has/,
      },
    ],
    [
      "remove what the page no longer has",
      {
        given: { path: "response.no_such", remove: true },
        want: /override removes response\.no_such, which the page no longer has/,
      },
    ],
  ])("%s", (_, { given, want }) => {
    if ("add" in given) expect(named(seed().request, "store_id")?.description).toBe(given.add.description);
    const { spec, warnings } = apply([{ ...given, reason: "r" }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(want);
    expect(spec.overrides).toBeUndefined();
  });
});

describe("bad overrides: InputError with file and line", () => {
  it.each([
    [
      "a field the page no longer has",
      {
        given: [
          { path: "request.refund_points", set: { type: "String" }, reason: "r" },
          { path: "request.gone_field", set: { type: "String" }, reason: "r" },
        ],
        want: /^overrides\/x\.json:11: override of request\.gone_field: the page no longer has this field/,
      },
    ],
    [
      "a struct the page no longer has",
      {
        given: [{ path: "request.no_struct.x", add: { type: "String" }, reason: "r" }],
        want: /^overrides\/x\.json:4: .*no longer a struct/,
      },
    ],
    [
      "no reason",
      {
        given: [{ path: "request.refund_points", set: { type: "String" } }],
        want: /^overrides\/x\.json:4: override of request\.refund_points has no "reason"/,
      },
    ],
    [
      "an empty reason",
      { given: [{ path: "request.refund_points", set: { type: "String" }, reason: " " }], want: /has no "reason"/ },
    ],
    [
      "two operations",
      {
        given: [{ path: "request.refund_points", set: { type: "String" }, remove: true, reason: "r" }],
        want: /exactly one of/,
      },
    ],
    [
      "an unknown key in set",
      { given: [{ path: "request.refund_points", set: { typ: "String" }, reason: "r" }], want: /unknown key "typ"/ },
    ],
    [
      "a struct type by set",
      { given: [{ path: "request.refund_points", set: { type: "FundBill" }, reason: "r" }], want: /scalar type/ },
    ],
  ])("%s", (_, { given, want }) => {
    const text = file(given);
    const e = thrown(() => applyOverrides(seed(), parseOverrides(text, "overrides/x.json", METHOD)));
    expect(e.message).toMatch(want);
    // The line named is the line of that override's opening brace.
    expect(text.split("\n")[(e.line ?? 0) - 1]?.trim()).toBe("{");
  });
});

// The CLI: parse and check with an overrides folder; add of a new version of a page keeps them.
const scratch: string[] = [];
requireBuiltCli();
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function project(overrides: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-overrides-"));
  scratch.push(dir);
  mkdirSync(join(dir, "docs"));
  mkdirSync(join(dir, "overrides"));
  cpSync(join(REPO, "docs", PAGE), join(dir, "docs", PAGE));
  writeFileSync(join(dir, "overrides", `${METHOD}.json`), file(overrides));
  writeRepoRuntimeConfig(dir);
  return dir;
}
const specOf = (dir: string) => JSON.parse(readFileSync(join(dir, "specs", `${METHOD}.json`), "utf8")) as ApiSpec;

describe("CLI", () => {
  it("parse applies and records; check stays green; a no-op warns in parse and check", () => {
    const dir = project([
      { path: "request.refund_points", set: { type: "String" }, reason: "the Java SDK has String" },
    ]);
    expect(topgen(dir, "parse", "docs").code).toBe(0);
    expect(named(specOf(dir).request, "refund_points")?.type).toBe("String");
    expect(specOf(dir).overrides).toEqual([
      { path: "request.refund_points", reason: "the Java SDK has String", page: { type: "Number" } },
    ]);
    expect(topgen(dir, "generate").code).toBe(0);
    expect(readFileSync(join(dir, "generated", `${METHOD}.ts`), "utf8")).toMatch(/readonly refund_points\?: string;/);
    const check = topgen(dir, "check");
    expect(check.code).toBe(0);
    expect(check.stderr).toBe("");
    // The page is fixed: the override changes nothing now.
    writeFileSync(
      join(dir, "docs", PAGE),
      readFileSync(join(dir, "docs", PAGE), "utf8").replace("refund_points Number", "refund_points String"),
    );
    const parse = topgen(dir, "parse", "docs");
    expect(parse.code).toBe(0);
    expect(parse.stderr).toMatch(
      /^topgen: warning: overrides\/alibaba\.nlife\.b2c\.trade\.refund\.json:4: override of request\.refund_points changes nothing/,
    );
    expect(topgen(dir, "check").stderr).toMatch(/changes nothing/);
  });

  it.each([
    [
      "stale field",
      {
        given: [{ path: "request.no_such_field", set: { type: "String" }, reason: "r" }],
        want: /^topgen: overrides\/alibaba\.nlife\.b2c\.trade\.refund\.json:4: override of request\.no_such_field: the page no longer has this field/,
      },
    ],
    [
      "reason missing",
      {
        given: [{ path: "request.refund_points", set: { type: "String" } }],
        want: /^topgen: overrides\/alibaba\.nlife\.b2c\.trade\.refund\.json:4: override of request\.refund_points has no "reason"/,
      },
    ],
  ])("%s: parse and check exit 2 naming file and line", (_, { given, want }) => {
    const dir = project(given);
    for (const command of ["parse", "check"]) {
      const r = topgen(dir, ...(command === "parse" ? ["parse", "docs"] : ["check"]));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(want);
    }
  });

  it("add of a new version of the page keeps the overrides", () => {
    const dir = project([
      { path: "request.refund_points", set: { type: "String" }, reason: "the Java SDK has String" },
    ]);
    expect(topgen(dir, "parse", "docs").code).toBe(0);
    const page = readFileSync(join(dir, "docs", PAGE), "utf8");
    const newer = page.replace("外部请求号", "外部请求号 (新)");
    expect(newer).not.toBe(page);
    writeFileSync(join(dir, "newer.txt"), newer);
    const r = topgen(dir, "add", "newer.txt");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "docs", PAGE), "utf8")).toBe(newer);
    expect(named(specOf(dir).request, "refund_points")?.type).toBe("String");
    expect(named(specOf(dir).request, "out_request_no")?.description).toBe("外部请求号 (新)");
    expect(specOf(dir).overrides?.map((o) => o.path)).toEqual(["request.refund_points"]);
    expect(r.stdout).toMatch(/docs only +request\.out_request_no: description changed/);
  });
});
