// The two verify paths: the native compiler (tsgo, native.ts / check.ts) and the in-process one (verify.ts). Each is
// forced over the seed specs rendered by templates with a test-only break injected, and both must name the same
// file and line. Also: the `any` scan, tsgo's output parser, the fallback when tsgo is missing or crashes, and the
// index check of an incremental build whose module changed its exports.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { anyUses } from "../../../generator/targets/typescript/any-scan.js";
import { buildBatch } from "../../../generator/targets/typescript/batch.js";
import { checkSdk, exportedNames } from "../../../generator/targets/typescript/check.js";
import { parseDiagnostics, tsgoPath } from "../../../generator/targets/typescript/native.js";
import { verifyFiles } from "../../../generator/targets/typescript/verify.js";
import { assignApiNames } from "../../../generator/names/api-names.js";
import { parseSpec } from "../../../generator/model/load.js";
import type { ApiSpec } from "../../../generator/model/types.js";
import { InputError } from "../../../generator/support/errors.js";
import { defaultTemplatesDir } from "../../../generator/support/paths.js";
import { buildInRepo, REPO } from "../../support/sdk.js";

const seeds: ApiSpec[] = readdirSync(join(REPO, "specs"))
  .sort()
  .map((f) => parseSpec(readFileSync(join(REPO, "specs", f), "utf8"), `specs/${f}`));
const outDir = join(REPO, "generated");
const MARKER = "// injected by verify-paths.test.ts";

let scratch = "";
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "topgen-verify-paths-"));
  return () => rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env["TOPGEN_VERIFY"];
  delete process.env["TOPGEN_TSGO"];
});

/** A copy of the templates whose module template ends with the marker and then `code` (a test-only break). */
function templatesWith(code: string): string {
  const dir = mkdtempSync(join(scratch, "templates-"));
  cpSync(defaultTemplatesDir(), dir, { recursive: true });
  const module = join(dir, "module.hbs");
  writeFileSync(module, `${readFileSync(module, "utf8")}\n${MARKER}\n${code}\n`);
  return dir;
}

/** The seed modules as the workers make them (rendered, formatted, scanned for `any`, not type-checked). */
async function rendered(templatesDir: string): Promise<Map<string, string>> {
  const names = assignApiNames(seeds.map((s) => s.method));
  const result = await buildBatch(
    seeds.map((spec) => ({ spec, specPath: `specs/${spec.method}.json`, names: names.get(spec.method)! })),
    { templatesDir, outDir, runtimeImport: "../runtime/index.js", verifyInBatch: false },
  );
  return new Map(result.files);
}

/** The line after the marker in each file: where the injected code is. */
function injectedLines(files: Map<string, string>): { file: string; line: number }[] {
  return [...files].map(([name, text]) => ({
    file: resolve(outDir, name),
    line: text.split("\n").indexOf(MARKER) + 2,
  }));
}

const located = (problems: { file: string; line: number }[]) => problems.map((p) => `${p.file}:${p.line}`).sort();

describe.skipIf(tsgoPath() === undefined)("native and in-process report the same file and line", () => {
  it.each([
    [
      "a type error",
      {
        given: 'export const {{requestClass}}Value: number = "not a number";',
        want: /not assignable to type 'number'/,
      },
    ],
    [
      "a missing optional's undefined (exactOptionalPropertyTypes)",
      {
        given: "export const {{requestClass}}Optional: { a?: string } = { a: undefined };",
        want: /exactOptionalPropertyTypes/,
      },
    ],
    [
      "an unchecked index (noUncheckedIndexedAccess)",
      { given: "export const {{requestClass}}Index: string = ([] as string[])[0];", want: /undefined/ },
    ],
  ] as const)("%s", async (_title, { given, want }) => {
    const files = await rendered(templatesWith(given));
    const expected = located(injectedLines(files));
    const native = await checkSdk({ tsgo: tsgoPath(), outDir, files, index: "index.ts" });
    const inProcess = verifyFiles(new Map([...files].map(([n, t]) => [resolve(outDir, n), t])));
    expect(located(native)).toEqual(expected);
    expect(located(inProcess)).toEqual(expected);
    for (const p of [...native, ...inProcess]) expect(p.message).toMatch(want);
  });

  it("an `any` is reported at the same line by both (one scan serves both)", async () => {
    const files = await rendered(templatesWith("export type {{requestClass}}Any = { value: any };"));
    const expected = located(injectedLines(files));
    const inProcess = verifyFiles(new Map([...files].map(([n, t]) => [resolve(outDir, n), t])));
    const scanned = [...files].flatMap(([n, t]) => anyUses(resolve(outDir, n), t));
    expect(located(inProcess)).toEqual(expected);
    expect(located(scanned)).toEqual(expected);
  });

  it.each([["native"], ["in-process"]] as const)(
    "a whole build forced %s refuses the broken SDK, naming the first broken module and its line",
    async (mode) => {
      process.env["TOPGEN_VERIFY"] = mode;
      const templatesDir = templatesWith('export const {{requestClass}}Value: number = "not a number";');
      const first = injectedLines(await rendered(templatesDir)).sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
      const error = await buildInRepo(seeds, outDir, { templatesDir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ file: `generated/${first.file.split("/").pop()}`, line: first.line });
    },
  );

  it.each([["native"], ["in-process"]] as const)("the seeds build clean when forced %s", async (mode) => {
    process.env["TOPGEN_VERIFY"] = mode;
    const built = await buildInRepo(seeds);
    for (const name of readdirSync(outDir).filter((n) => n.endsWith(".ts")))
      expect(built.files.get(name), name).toBe(readFileSync(join(outDir, name), "utf8"));
  });
});

describe("fallback to the in-process checker", () => {
  const broken = 'export const {{requestClass}}Value: number = "not a number";';
  const crashing = () => {
    const file = join(scratch, "crashing-tsgo");
    writeFileSync(file, "#!/bin/sh\nkill -SEGV $$\n");
    chmodSync(file, 0o755);
    return file;
  };

  it.each([
    ["tsgo is missing", { given: () => join(scratch, "no-such-tsgo") }],
    ["tsgo crashes", { given: crashing }],
  ])("when %s, a broken SDK is still refused at the injected line", async (_title, { given }) => {
    process.env["TOPGEN_TSGO"] = given();
    const templatesDir = templatesWith(broken);
    const first = injectedLines(await rendered(templatesDir)).sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
    const error = await buildInRepo(seeds, outDir, { templatesDir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ file: `generated/${first.file.split("/").pop()}`, line: first.line });
  });

  it("a crashing tsgo is no answer: checkSdk falls back and the clean seeds pass", async () => {
    const files = await rendered(defaultTemplatesDir());
    expect(await checkSdk({ tsgo: crashing(), outDir, files, index: "index.ts" })).toEqual([]);
  });

  it("TOPGEN_VERIFY=native without the binary is an error, not a silent in-process run", async () => {
    process.env["TOPGEN_VERIFY"] = "native";
    process.env["TOPGEN_TSGO"] = "";
    await expect(buildInRepo(seeds)).rejects.toThrow(/TOPGEN_VERIFY=native, but the native TypeScript compiler/);
  });
});

describe.skipIf(tsgoPath() === undefined)(
  "an incremental build checks the index when a module's exports change",
  () => {
    const committed = () => {
      const dir = mkdtempSync(join(scratch, "sdk-"));
      const out = join(dir, "generated");
      mkdirSync(out);
      writeFileSync(join(out, "a.ts"), "export interface A { readonly a: string }\n");
      writeFileSync(join(out, "b.ts"), "export interface B { readonly b: string }\n");
      writeFileSync(join(out, "index.ts"), 'export * from "./a.js";\nexport * from "./b.js";\n');
      return out;
    };

    it.each([
      [
        "same exported names: the module alone, and it is fine",
        { given: "export interface A { readonly a: number }\n", want: [] },
      ],
      [
        "a new export that clashes with b.ts: index.ts fails",
        {
          given: "export interface A { readonly a: string }\nexport interface B { readonly other: string }\n",
          want: ["index.ts:2"],
        },
      ],
    ])("%s", async (_title, { given, want }) => {
      const out = committed();
      const problems = await checkSdk({
        tsgo: tsgoPath(),
        outDir: out,
        files: new Map([["a.ts", given]]),
        index: "index.ts",
      });
      expect(problems.map((p) => `${p.file.slice(out.length + 1)}:${p.line}`)).toEqual(want);
    });
  },
);

describe("the `any` scan", () => {
  it.each([
    ["a type annotation", { given: "let x: any = 1;", want: [1] }],
    [
      "a type argument and a union, on their lines",
      { given: "type A = Array<\nany\n>;\ntype B = string | any;", want: [2, 4] },
    ],
    ["a conditional type's branch", { given: "type C<T> = T extends string ? any : never;", want: [1] }],
    ["inside a template literal's substitution", { given: "const s = `a${((x: any) => x)(1)}b`;", want: [1] }],
    [
      "words in comments and strings",
      { given: "// any\n/* any\n any */\nconst s = 'any' + \"any\" + `any`;", want: [] },
    ],
    [
      "member and parameter names",
      { given: "interface P { readonly any?: string; any: number; any(): void }\nx.any; f({ any: 1 });", want: [] },
    ],
    ["longer words", { given: "const many = 1; type Company = anyOf; let $any_ = 2;", want: [] }],
    ["lines after a multi-line comment and template", { given: "/*\n\n*/\nconst t = `\n\n`;\nlet v: any;", want: [7] }],
  ] as const)("%s", (_title, { given, want }) => {
    expect(anyUses("f.ts", given).map((p) => p.line)).toEqual(want);
  });
});

describe("tsgo's diagnostics output", () => {
  it.each([
    ["none", { given: "", want: [] }],
    [
      "a located error with its message chain, joined as flattenDiagnosticMessageText does",
      {
        given: "a.ts(3,5): error TS2375: Top.\n  Middle.\n    Bottom.\n",
        want: [{ file: "/w/a.ts", line: 3, message: "Top.   Middle.     Bottom." }],
      },
    ],
    [
      "an error with no file",
      {
        given: "error TS5023: Unknown compiler option 'x'.\n",
        want: [{ file: "(project)", line: 1, message: "Unknown compiler option 'x'." }],
      },
    ],
    [
      "a path outside the folder",
      {
        given: "../runtime/x.ts(1,1): error TS2304: Cannot find name 'URL'.\n",
        want: [{ file: "/runtime/x.ts", line: 1, message: "Cannot find name 'URL'." }],
      },
    ],
    ["anything else: no answer", { given: "panic: runtime error\n", want: undefined }],
  ] as const)("%s", (_title, { given, want }) => {
    expect(parseDiagnostics(given, "/w")).toEqual(want);
  });
});

describe("exported names (what the index depends on)", () => {
  it.each([
    [
      "declarations, sorted",
      {
        given:
          "export interface B {}\nexport class A {}\nexport namespace A {}\nexport const decodeA = 1;\n  export interface Inner {}",
        want: "A,B,decodeA",
      },
    ],
    ["a re-export: unknown", { given: 'export * from "./x.js";', want: undefined }],
  ] as const)("%s", (_title, { given, want }) => {
    expect(exportedNames(given)).toBe(want);
  });
});
