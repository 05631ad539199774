// Cut pages through the real `topgen` bin: a spec (exit 0) or one line on stderr (exit 2), never exit 3 or a stack.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DATA } from "../../bench/prefixes/prefixes.js";
import { REPO } from "../support/sdk.js";

const BIN = join(REPO, "bin", "topgen.js");
const dir = mkdtempSync(join(tmpdir(), "topgen-prefix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parse(text: string | Buffer) {
  const file = join(dir, "page.txt");
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [BIN, "parse", "--stdout", "page.txt"], { cwd: dir, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it.each([
  "alibaba.alihealth.examination.todoor.serviceinfo.sync.txt",
  "alibaba.aliqin.axb.vendor.push.call.release.txt",
  "taobao.qimen.itemmapping.query.txt",
])("%s (ends right after a nested row's name): exit 0, a spec warning where the page stops", (page) => {
  const r = parse(readFileSync(join(DATA, "text-pages", page)));
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.code).toBe(0);
  const spec = JSON.parse(r.stdout) as { diagnostics?: { message: string }[] };
  expect(spec.diagnostics?.map((d) => d.message)).toContainEqual(expect.stringMatching(/^page ends early/));
});

const seed = readFileSync(join(DATA, "seeds", "000_1b120cedeac55814.txt"));
it.each<[string, { given: Buffer; want: RegExp }]>([
  [
    "cut before 请求参数",
    { given: seed.subarray(0, seed.indexOf("请求参数")), want: /^topgen: .*page\.txt:\d+: no 请求参数/ },
  ],
  // The first character, 注, is 3 bytes in UTF-8: 2 of them are no text.
  ["cut inside a UTF-8 character", { given: seed.subarray(0, 2), want: /^topgen: .*page\.txt:\d+: not UTF-8 text/ }],
])("%s: exit 2, one line on stderr", (_title, { given, want }) => {
  const r = parse(given);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(want);
});
