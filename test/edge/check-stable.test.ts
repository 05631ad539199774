// A lone surrogate in a doc page (issue 14): parse + generate + check through the built CLI, and check is green
// (before, the module got U+FFFD where the expected text had the surrogate, and check reported drift forever).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, expect, it } from "vitest";
import { DOC_JSON, describeData } from "../support/data.js";
import { REPO } from "../support/sdk.js";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const topgen = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(REPO, "bin", "topgen.js"), ...args], { cwd, encoding: "utf8" });

describeData("lone surrogates", () => {
  it("a page whose descriptions hold lone surrogates: generate, then check is up to date", () => {
    const dir = mkdtempSync(join(tmpdir(), "topgen-surrogate-"));
    scratch.push(dir);
    mkdirSync(join(dir, "docs"));
    const page = readFileSync(join(DOC_JSON, "alibaba.baichuan.aso.query.json"), "utf8").replace(
      /"description": "/g,
      '"description": "\\ud800 lone \\udfff ',
    );
    expect(page).toContain("\\ud800 lone");
    writeFileSync(join(dir, "docs", "a.json"), page);
    writeFileSync(
      join(dir, "topgen.config.json"),
      JSON.stringify({
        runtimeImport: relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
          .split("\\")
          .join("/"),
      }),
    );
    expect(topgen(dir, "parse", "docs").status).toBe(0);
    expect(topgen(dir, "generate").status).toBe(0);
    const module = readFileSync(join(dir, "generated", "alibaba.baichuan.aso.query.ts"), "utf8");
    expect(module).toContain("\\uD800 lone \\uDFFF");
    expect(module).not.toContain("\uFFFD");
    const check = topgen(dir, "check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});
