// `topgen diff` and the change summary of `add`, through the real bin: exit codes, formats, --base.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { REPO } from "../support/sdk.js";
import { requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

const SPEC = "alibaba.nlife.b2c.trade.refund.json";
const PAGE = "alibaba.nlife.b2c.trade.refund.txt";
const scratch: string[] = [];

requireBuiltCli();
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-diff-"));
  scratch.push(dir);
  return dir;
}

type Spec = { request: { name: string; type: string; required?: true; description?: string }[] };
/** The seed spec, edited. */
function edited(dir: string, name: string, edit: (s: Spec) => void): string {
  const spec = JSON.parse(readFileSync(join(REPO, "specs", SPEC), "utf8")) as Spec;
  edit(spec);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");
  return file;
}

const breaking = (s: Spec) => {
  s.request.find((f) => f.name === "refund_points")!.type = "String";
};
const additive = (s: Spec) => {
  s.request.push({ name: "memo", type: "String" });
};

it.each([
  ["breaking change, --fail-on breaking", { given: { edit: breaking, failOn: true }, want: 1 }],
  ["breaking change, no --fail-on", { given: { edit: breaking, failOn: false }, want: 0 }],
  ["additive change only, --fail-on breaking", { given: { edit: additive, failOn: true }, want: 0 }],
  ["no change, --fail-on breaking", { given: { edit: () => {}, failOn: true }, want: 0 }],
])("exit code: %s", (_, { given, want }) => {
  const dir = tmp();
  const r = topgen(
    dir,
    "diff",
    join(REPO, "specs", SPEC),
    edited(dir, "new.json", given.edit),
    ...(given.failOn ? ["--fail-on", "breaking"] : []),
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(want);
});

it("a doc page against a spec; Markdown and JSON formats", () => {
  const dir = tmp();
  const now = edited(dir, "new.json", breaking);
  const md = topgen(dir, "diff", join(REPO, "docs", PAGE), now, "--format", "markdown");
  expect(md.code).toBe(0);
  expect(md.stdout).toMatch(/^## API changes: 1 breaking, 0 additive, 0 docs only/);
  expect(md.stdout).toContain("| **breaking** | `request.refund_points` | type Number → String |");
  const json = JSON.parse(topgen(dir, "diff", join(REPO, "docs", PAGE), now, "--format", "json").stdout) as {
    summary: unknown;
  };
  expect(json.summary).toEqual({ breaking: 1, additive: 0, docs: 0 });
});

it("two folders: an API only in one is added or removed", () => {
  const dir = tmp();
  mkdirSync(join(dir, "a"));
  mkdirSync(join(dir, "b"));
  cpSync(join(REPO, "specs", SPEC), join(dir, "a", SPEC));
  cpSync(
    join(REPO, "docs", "alibaba.idle.isv.order.dealrefund.txt"),
    join(dir, "b", "alibaba.idle.isv.order.dealrefund.txt"),
  );
  const r = topgen(dir, "diff", "a", "b");
  expect(r.stdout).toContain("alibaba.idle.isv.order.dealrefund: 0 breaking, 1 additive, 0 docs only");
  expect(r.stdout).toContain("alibaba.nlife.b2c.trade.refund: 1 breaking, 0 additive, 0 docs only");
});

it("--base <ref>: the specs at a git revision against the specs now", () => {
  const dir = tmp();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "t");
  mkdirSync(join(dir, "specs"));
  cpSync(join(REPO, "specs", SPEC), join(dir, "specs", SPEC));
  writeFileSync(join(dir, "topgen.config.json"), "{}");
  git("add", ".");
  git("commit", "-qm", "one");
  edited(join(dir, "specs"), SPEC, breaking);
  const r = topgen(dir, "diff", "--base", "HEAD", "--fail-on", "breaking");
  expect(r.stdout).toMatch(/breaking +request\.refund_points: type Number → String/);
  expect(r.code).toBe(1);
  expect(topgen(dir, "diff", "--base", "no-such-ref").code).toBe(2);
});

it("bad input exits 2 with the file named", () => {
  const dir = tmp();
  writeFileSync(join(dir, "bad.json"), '{ "specVersion": 1 }\n');
  const r = topgen(dir, "diff", "bad.json", join(REPO, "specs", SPEC));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^topgen: bad\.json:\d+: not a valid topgen spec/);
});

it("add of a new version of a page prints what changed", () => {
  const dir = tmp();
  mkdirSync(join(dir, "docs"));
  cpSync(join(REPO, "docs", PAGE), join(dir, "docs", PAGE));
  writeRepoRuntimeConfig(dir);
  expect(topgen(dir, "parse", "docs").code).toBe(0);
  // The new page: out_request_no's limit tightened from 64 to 32 characters.
  const page = readFileSync(join(REPO, "docs", PAGE), "utf8");
  const at = page.indexOf("out_request_no");
  const changedPage = page.slice(0, at) + page.slice(at).replace("64", "32");
  expect(changedPage).not.toBe(page);
  writeFileSync(join(dir, "new-page.txt"), changedPage);
  const r = topgen(dir, "add", "new-page.txt");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/breaking +request\.out_request_no: maxLength 64 → 32/);
});

it("generate in a git work tree: the surface check of the rewritten modules since HEAD", () => {
  const dir = tmp();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  mkdirSync(join(dir, "docs"));
  cpSync(join(REPO, "docs", PAGE), join(dir, "docs", PAGE));
  writeRepoRuntimeConfig(dir);
  expect(topgen(dir, "parse", "docs").code).toBe(0);
  expect(topgen(dir, "generate").code).toBe(0);
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "t");
  git("add", ".");
  git("commit", "-qm", "one");
  // The page now says refund_points is a String.
  const page = readFileSync(join(dir, "docs", PAGE), "utf8");
  writeFileSync(join(dir, "new.txt"), page.replace("refund_points Number", "refund_points String"));
  const r = topgen(dir, "add", "new.txt");
  expect(r.code).toBe(0);
  // add's report against the spec it replaced, then generate's since HEAD: a spec change, so the spec diff.
  const since = r.stdout.slice(r.stdout.indexOf("changes for callers since HEAD"));
  expect(since).toMatch(/breaking +request\.refund_points: type Number → String/);
  git("add", ".");
  git("commit", "-qm", "two");
  // Only the generated code differs from what HEAD has (as after an emitter change): the surface check says what.
  const module = join(dir, "generated", "alibaba.nlife.b2c.trade.refund.ts");
  writeFileSync(
    module,
    readFileSync(module, "utf8").replace("readonly store_id?: string;", "readonly store_id?: boolean;"),
  );
  git("commit", "-qam", "three");
  const g = topgen(dir, "generate");
  expect(g.code).toBe(0);
  expect(g.stdout).toMatch(/breaking +AlibabaNlifeB2cTradeRefundParams\.store_id: type boolean → string/);
  expect(g.stdout).not.toMatch(/request\.store_id/);
});
