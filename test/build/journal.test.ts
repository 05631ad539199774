// Recovery from what a killed run left beside a folder, in-process: a journal is rolled forward (also when part of
// it was applied already), a stage or a journal tmp file without a journal is removed, and nothing else is touched.
// A journal topgen did not write is an input error naming it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recoverFolder } from "../../generator/build/journal.js";
import { InputError } from "../../generator/support/errors.js";

let root = "";
let out = "";
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "topgen-journal-"));
  out = join(root, "generated");
  mkdirSync(out);
  writeFileSync(join(out, "a.ts"), "old a");
  writeFileSync(join(out, "gone.ts"), "old gone");
  writeFileSync(join(out, "mine.ts"), "the user's");
  writeFileSync(join(root, ".topgen-notes.txt"), "the user's");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const STAGE = ".topgen-stage-generated";
const JOURNAL = ".topgen-journal-generated.json";
const journal = (renames: string[], removals: string[], stage = STAGE) =>
  JSON.stringify({ journal: 1, stage, renames, removals });

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), "utf8")]));
}

describe("recoverFolder", () => {
  it.each<[string, { given: Record<string, string>; want: Record<string, string>; did: object }]>([
    [
      "nothing left: nothing done",
      { given: {}, want: { "a.ts": "old a", "gone.ts": "old gone", "mine.ts": "the user's" }, did: {} },
    ],
    [
      "a stage without a journal (killed while staging): removed, the folder as it was",
      {
        given: { [`${STAGE}/a.ts`]: "new a" },
        want: { "a.ts": "old a", "gone.ts": "old gone", "mine.ts": "the user's" },
        did: { rolledBack: true },
      },
    ],
    [
      "a journal's tmp file (killed while writing the journal): removed with the stage",
      {
        given: { [`${STAGE}/a.ts`]: "new a", [`${JOURNAL}.tmp`]: journal(["a.ts"], []) },
        want: { "a.ts": "old a", "gone.ts": "old gone", "mine.ts": "the user's" },
        did: { rolledBack: true },
      },
    ],
    [
      "a journal, nothing applied: every rename and removal done",
      {
        given: {
          [`${STAGE}/a.ts`]: "new a",
          [`${STAGE}/b.ts`]: "new b",
          [JOURNAL]: journal(["a.ts", "b.ts"], ["gone.ts"]),
        },
        want: { "a.ts": "new a", "b.ts": "new b", "mine.ts": "the user's" },
        did: { rolledForward: true },
      },
    ],
    [
      "a journal half applied (a.ts moved already): the rest done",
      {
        given: {
          [`${STAGE}/b.ts`]: "new b",
          "generated/a.ts": "new a",
          [JOURNAL]: journal(["a.ts", "b.ts"], ["gone.ts"]),
        },
        want: { "a.ts": "new a", "b.ts": "new b", "mine.ts": "the user's" },
        did: { rolledForward: true },
      },
    ],
  ])("%s", (_title, { given, want, did }) => {
    for (const [name, text] of Object.entries(given)) {
      mkdirSync(join(root, name, ".."), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    expect(recoverFolder(out)).toEqual({ rolledForward: false, rolledBack: false, ...did });
    expect(files(out)).toEqual(want);
    expect(readdirSync(root).sort()).toEqual([".topgen-notes.txt", "generated"]);
  });

  it.each<[string, { given: string }]>([
    ["not JSON", { given: "{" }],
    ["another stage's name", { given: journal(["a.ts"], [], ".topgen-stage-other") }],
    ["a name outside the folder", { given: journal([], ["../.topgen-notes.txt"]) }],
    ["an absolute name", { given: journal([], ["/etc/hosts"]) }],
  ])("a journal topgen did not write (%s): an input error naming it, nothing touched", (_title, { given }) => {
    writeFileSync(join(root, JOURNAL), given);
    const thrown = (() => {
      try {
        recoverFolder(out);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toMatch(
      /\.topgen-journal-generated\.json: not a commit journal topgen wrote/,
    );
    expect(files(out)).toEqual({ "a.ts": "old a", "gone.ts": "old gone", "mine.ts": "the user's" });
    expect(existsSync(join(root, ".topgen-notes.txt"))).toBe(true);
  });
});
