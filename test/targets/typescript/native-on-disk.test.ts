// The native check reads files where the build already put them (the stage beside the output folder, or the
// output folder for unchanged ones) instead of writing copies: a problem in such a file is still named by its path
// in the output folder, and a file elsewhere (not at the output folder's depth) is copied as before.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkNative, tsgoPath } from "../../../generator/targets/typescript/native.js";

const scratch = mkdtempSync(join(tmpdir(), "topgen-native-on-disk-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const good = "export interface A { readonly a: string }\n";
const goodB = "export interface B { readonly b: string }\n";
const bad = 'export const b: number = "not a number";\n';
const index = 'export * from "./a.js";\nexport * from "./b.js";\n';

/** A project folder with an output folder and a stage beside it holding `staged` (name → text). */
function layout(staged: Record<string, string>): { out: string; stage: string } {
  const root = mkdtempSync(join(scratch, "p-"));
  const out = join(root, "generated");
  const stage = join(root, ".topgen-stage-generated");
  mkdirSync(out);
  mkdirSync(stage);
  for (const [name, text] of Object.entries(staged)) writeFileSync(join(stage, name), text);
  return { out, stage };
}

const tsgo = tsgoPath();

describe.skipIf(tsgo === undefined)("checkNative with files already on disk", () => {
  it.each([
    ["a staged module with an error is named at its output path", { given: { "a.ts": good, "b.ts": bad }, want: 1 }],
    ["clean staged modules and an index that imports them pass", { given: { "a.ts": good, "b.ts": goodB }, want: 0 }],
  ])("%s", async (_title, { given, want }) => {
    const { out, stage } = layout(given);
    const files = new Map([...Object.entries(given), ["index.ts", index]]);
    const problems = await checkNative(tsgo!, {
      outDir: out,
      files,
      // the index is not on disk: it is written into the check's own folder and must find the staged modules
      pathOf: (name) => (name in given ? join(stage, name) : undefined),
    });
    expect(problems).toHaveLength(want);
    if (want) expect(problems?.[0]).toMatchObject({ file: join(out, "b.ts"), line: 1 });
    // nothing of the check is left beside the output folder, and the stage is untouched
    expect(readdirSync(join(out, "..")).sort()).toEqual([".topgen-stage-generated", "generated"]);
    expect(readdirSync(stage).sort()).toEqual(Object.keys(given).sort());
  });

  it("a file whose given path is not at the output folder's depth is copied, and still judged", async () => {
    const { out } = layout({});
    const deeper = join(scratch, "deep", "er");
    mkdirSync(deeper, { recursive: true });
    writeFileSync(join(deeper, "b.ts"), bad);
    const problems = await checkNative(tsgo!, {
      outDir: out,
      files: new Map([["b.ts", bad]]),
      pathOf: () => join(deeper, "b.ts"),
    });
    expect(problems?.map((p) => p.file)).toEqual([join(out, "b.ts")]);
  });
});
