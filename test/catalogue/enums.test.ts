// Over the whole catalogue: every value a request field's description documents is accepted by validate(). The
// values are found by a small extractor of this test's own (not the reader's code in generator/normalize/), and
// each is checked through the real validation path: the module's params schema as the emitter writes it
// (planModule → requestSchema), read by runtime/schema.ts and compiled (schema.paramsCheck). A closed enum that
// misses a documented value fails here, naming the API, the field and the value.
import { describe, expect, it } from "vitest";
import { planModule } from "../../generator/targets/typescript/plan.js";
import { parseDoc } from "../../generator/project/parse.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";
import { schema } from "../../runtime/schema.js";
import type { ValidationIssue } from "../../runtime/types.js";
import { catalogueFiles } from "../support/catalogue.js";
import { REPO } from "../support/sdk.js";

/** Values a description documents, as a reader of the page would pick them out: names and codes each followed by their text. */
function documentedValues(description: string): string[] {
  const text = description.replace(/<[^>]*>/g, " ");
  const found = new Set<string>();
  const take = (re: RegExp) => {
    for (const m of text.matchAll(re)) found.add(m[1]!);
  };
  take(/(?<![A-Za-z0-9_\u4e00-\u9fff])([A-Z][A-Z0-9_]+)\s*(?:[(（:：]|-+>|\s+[\u4e00-\u9fff])/g); // NAME(text) NAME:text NAME --> text NAME 文本 (not part of a word: 库ID)
  take(/(?<![A-Za-z0-9_.:-])(\d{1,4})\s*(?:[:：](?!\d)|[-－](?![\d-]))/g); // 1:text 1-text (not a date, a time or a range)
  take(/(?:^|\s)\*\s*([A-Z][A-Z0-9_]+)/g); // * NAME bullets
  take(/\*\/\s*([A-Z][A-Z0-9_]+)/g); // /** text */ NAME
  return [...found];
}

interface Probe {
  method: string;
  path: string[];
  /** Which path steps are lists (the value goes in as a one-item list there). */
  lists: boolean[];
  value: string;
}

function probesOf(spec: ApiSpec): Probe[] {
  const out: Probe[] = [];
  const visit = (fields: Field[], path: string[], lists: boolean[]) => {
    for (const f of fields) {
      if (f.fields) visit(f.fields, [...path, f.name], [...lists, f.list === true]);
      else if (f.type === "String" && f.description) {
        for (const value of documentedValues(f.description))
          out.push({ method: spec.method, path: [...path, f.name], lists: [...lists, f.list === true], value });
      }
    }
  };
  visit(spec.request, [], []);
  return out;
}

/** The params with `value` at the probe's path (each struct one object, each list one item). */
function paramsAt(probe: Probe, value: string): Record<string, unknown> {
  const last = probe.path.length - 1;
  let node: unknown = probe.lists[last] ? [value] : value;
  for (let i = last; i > 0; i--) {
    const obj = { [probe.path[i]!]: node };
    node = probe.lists[i - 1] ? [obj] : obj;
  }
  return { [probe.path[0]!]: node };
}

/** The issue path of the probe's field: `a[0].b`. */
function issuePath(probe: Probe): string {
  let out = "";
  probe.path.forEach((name, i) => {
    out = out === "" ? name : `${out}.${name}`;
    if (probe.lists[i] && i < probe.path.length - 1) out += "[0]";
  });
  return probe.lists[probe.path.length - 1] ? `${out}[0]` : out;
}

function enumIssues(spec: ApiSpec, probe: Probe, value: string): ValidationIssue[] {
  const plan = planModule(spec, "specs/x.json", { runtimeImport: "x" });
  const check = schema(plan.requestSchema.join("\n")).paramsCheck;
  const issues: ValidationIssue[] = [];
  check(issues, paramsAt(probe, value), "");
  return issues.filter((i) => i.code === "enum" && i.path === issuePath(probe));
}

describe("the extractor of this test", () => {
  it.each<[string, { given: string; want: string[] }]>([
    [
      "names in parentheses",
      { given: "状态：NORMAL(合作中)、 ENDING(终止中) 、END (终止)", want: ["NORMAL", "ENDING", "END"] },
    ],
    ["numbered codes, not a date or a time", { given: "1:通知, 2:报警 开始 2019-11-10 21:59:59", want: ["1", "2"] }],
    ["a name inside a word is no value", { given: "1- 菜鸟地址库ID 传入 2- 中文地址传入", want: ["1", "2"] }],
    [
      "bullets and javadoc",
      { given: "* NEW ---> 新建 * LOAD_WAIT ---> 待装车 /** 同意 */ AGREE", want: ["NEW", "LOAD_WAIT", "AGREE"] },
    ],
  ])("%s", (_, { given, want }) => {
    expect(documentedValues(given).sort()).toEqual([...want].sort());
  });
});

describe("over the whole catalogue", () => {
  const specs = catalogueFiles().map((f) => parseDoc(f, REPO));
  const withEnums = specs.filter((s) => JSON.stringify(s.request).includes('"enum"'));

  it("every documented value of a request field is accepted by validate()", () => {
    const rejected: string[] = [];
    let probed = 0;
    for (const spec of specs) {
      const probes = probesOf(spec);
      if (probes.length === 0) continue;
      const plan = planModule(spec, "specs/x.json", { runtimeImport: "x" });
      const check = schema(plan.requestSchema.join("\n")).paramsCheck;
      for (const probe of probes) {
        probed++;
        const issues: ValidationIssue[] = [];
        check(issues, paramsAt(probe, probe.value), "");
        if (issues.some((i) => i.code === "enum" && i.path === issuePath(probe)))
          rejected.push(`${spec.method} ${issuePath(probe)} = ${probe.value}`);
      }
    }
    expect(probed).toBeGreaterThan(1000);
    expect(rejected).toEqual([]);
  }, 120_000);

  it("the probe can fail: a closed enum rejects a value it does not list, at the probe's path", () => {
    let closed = 0;
    for (const spec of withEnums) {
      const visit = (fields: Field[], path: string[], lists: boolean[]) => {
        for (const f of fields) {
          if (f.fields) visit(f.fields, [...path, f.name], [...lists, f.list === true]);
          else if (f.enum && f.enumEvidence?.closed) {
            closed++;
            const probe: Probe = {
              method: spec.method,
              path: [...path, f.name],
              lists: [...lists, f.list === true],
              value: "",
            };
            expect(
              enumIssues(spec, probe, "NOT_A_DOCUMENTED_VALUE_ZZ"),
              `${spec.method} ${issuePath(probe)}`,
            ).toHaveLength(1);
            expect(enumIssues(spec, probe, f.enum[0]!.value)).toEqual([]);
          }
        }
      };
      visit(spec.request, [], []);
    }
    expect(closed).toBeGreaterThan(50);
  }, 120_000);
});
