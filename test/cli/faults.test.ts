// Filesystem faults (issue 14, point 1): exit 2 with one line naming the path and what to do, before the build
// where it can be known then; never exit 1 or 3, never a stack. Runs the built bin as a child process.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fsFaultLine } from "../../generator/support/fs-faults.js";
import { REPO } from "../support/sdk.js";
import { requireBuiltCli, runTopgen as topgen, writeRepoRuntimeConfig } from "../support/cli.js";

const scratch: string[] = [];

requireBuiltCli();
afterEach(() => {
  for (const dir of scratch.splice(0)) {
    chmodSync(dir, 0o755);
    for (const d of readdirSync(dir)) chmodSync(join(dir, d), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A scratch project with the committed specs; returns its folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-faults-"));
  scratch.push(dir);
  cpSync(join(REPO, "specs"), join(dir, "specs"), { recursive: true });
  writeRepoRuntimeConfig(dir);
  return dir;
}

/** True when chmod stops this user writing (false for root, who writes anyway). */
function chmodBinds(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "topgen-root-"));
  chmodSync(dir, 0o555);
  try {
    writeFileSync(join(dir, "x"), "");
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectOneLineExit2(r: { code: number | null; stderr: string }, path: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^topgen: /);
  expect(lines[0]).toMatch(path);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe("filesystem faults are exit 2 with one line", () => {
  it("a file where the output folder's parent must be (ENOTDIR): refused before the build", () => {
    const dir = project();
    writeFileSync(join(dir, "blocker"), "");
    const r = topgen(dir, "generate", "--out", "blocker/generated");
    expectOneLineExit2(r, /blocker.*is a file.*move it or choose another --out/);
    expect(r.stdout).toBe("");
  });

  it("a read-only output folder: refused before the build (as root, chmod binds nothing: a file stands in for it)", () => {
    const dir = project();
    if (chmodBinds()) {
      mkdirSync(join(dir, "generated"));
      chmodSync(join(dir, "generated"), 0o555);
      expectOneLineExit2(topgen(dir, "generate"), /generated.*cannot be written here.*EACCES/);
    } else {
      writeFileSync(join(dir, "generated"), "");
      expectOneLineExit2(topgen(dir, "generate"), /generated.*is a file/);
    }
  });

  it("a folder where a spec file must be (EISDIR) names that path", () => {
    const dir = project();
    mkdirSync(join(dir, "specs", "zz.json"));
    expectOneLineExit2(
      topgen(dir, "generate"),
      /specs\/zz\.json: cannot read: a folder stands where a file must be.*\(EISDIR\)/,
    );
  });

  it("a folder where a generated module must go (EISDIR at the commit) names it; nothing half-moved stays", () => {
    const dir = project();
    mkdirSync(join(dir, "generated", "alibaba.idle.isv.order.dealrefund.ts"), { recursive: true });
    const r = topgen(dir, "generate");
    expectOneLineExit2(r, /generated\/alibaba\.idle\.isv\.order\.dealrefund\.ts.*\((EISDIR|ENOTEMPTY|EEXIST)\)/);
    expect(readdirSync(dir).filter((n) => n.startsWith(".topgen-"))).toEqual([]);
  });

  it("parse --out under a file (ENOTDIR) is exit 2 naming the path", () => {
    const dir = project();
    writeFileSync(join(dir, "blocker"), "");
    mkdirSync(join(dir, "docs"));
    cpSync(join(REPO, "docs", "alibaba.nlife.b2c.trade.refund.txt"), join(dir, "docs", "a.txt"));
    expectOneLineExit2(topgen(dir, "parse", "docs", "--out", "blocker/specs"), /blocker.*\((ENOTDIR|EEXIST)\)/);
  });
});

describe("fsFaultLine", () => {
  it.each<[string, { given: unknown; want: RegExp | undefined }]>([
    [
      "EACCES with a path",
      {
        given: Object.assign(new Error("x"), { code: "EACCES", path: "/o/a.ts", syscall: "open" }),
        want: /^\/o\/a\.ts: cannot open: permission denied.*\(EACCES\)$/,
      },
    ],
    [
      "ENOSPC",
      {
        given: Object.assign(new Error("x"), { code: "ENOSPC", path: "/o", syscall: "write" }),
        want: /no space left.*\(ENOSPC\)$/,
      },
    ],
    [
      "EROFS",
      {
        given: Object.assign(new Error("x"), { code: "EROFS", path: "/o", syscall: "mkdir" }),
        want: /read-only.*\(EROFS\)$/,
      },
    ],
    ["EPERM", { given: { code: "EPERM", path: "/o" }, want: /not permitted.*\(EPERM\)$/ }],
    [
      "rename names its destination",
      {
        given: { code: "EISDIR", path: "/tmp/s/a.ts", dest: "/o/a.ts", syscall: "rename" },
        want: /^\/o\/a\.ts: cannot rename/,
      },
    ],
    [
      "ENAMETOOLONG with a 1 MB path is cut",
      {
        given: { code: "ENAMETOOLONG", path: "a".repeat(1_000_000) },
        want: /^a{300}… \(999700 more characters\): .*\(ENAMETOOLONG\)$/,
      },
    ],
    ["a code that is no filesystem fault", { given: { code: "ERR_INVALID_ARG_TYPE" }, want: undefined }],
    ["an inherited name is no code", { given: { code: "constructor" }, want: undefined }],
    ["no error at all", { given: "boom", want: undefined }],
  ])("%s", (_, { given, want }) => {
    const line = fsFaultLine(given);
    if (want === undefined) expect(line).toBeUndefined();
    else expect(line).toMatch(want);
  });
});
