// `topgen generate --watch`, the real bin: a page edit regenerates its API, bad input is one line and the watch
// goes on, a config edit is read again.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO } from "../support/sdk.js";

const BIN = join(REPO, "bin", "topgen.js");
const NLIFE = "alibaba.nlife.b2c.trade.refund";
const DEALREFUND = "alibaba.idle.isv.order.dealrefund";
let dir: string | undefined;
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the output once `pattern` appears in it after `from` (its length when the step began). */
function waitFor(output: { text: string }, from: number, pattern: RegExp, ms = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const seen = output.text.slice(from);
      if (pattern.test(seen)) {
        clearInterval(poll);
        resolve(seen);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`no ${pattern} in:\n${seen}`));
      }
    }, 50);
  });
}

it("generate --watch: edits regenerate, bad input is reported and the watch goes on, the config is read again", async () => {
  dir = mkdtempSync(join(tmpdir(), "topgen-watch-"));
  mkdirSync(join(dir, "docs"));
  cpSync(join(REPO, "docs", `${NLIFE}.txt`), join(dir, "docs", `${NLIFE}.txt`));
  const runtimeImport = relative(join(dir, "generated"), join(REPO, "runtime", "index.js"))
    .split("\\")
    .join("/");
  writeFileSync(join(dir, "topgen.config.json"), JSON.stringify({ runtimeImport }));
  expect(spawnSync(process.execPath, [BIN, "build"], { cwd: dir }).status).toBe(0);

  const output = { text: "" };
  child = spawn(process.execPath, [BIN, "generate", "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (output.text += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output.text += d.toString()));
  await waitFor(output, 0, /watching/);

  // A page edit: its spec and module are rebuilt.
  let from = output.text.length;
  const page = join(dir, "docs", `${NLIFE}.txt`);
  writeFileSync(page, readFileSync(page, "utf8").replace("外部请求号", "外部请求号（新）"));
  await waitFor(output, from, /generated 1 APIs \(1 rebuilt\)/);
  expect(readFileSync(join(dir, "specs", `${NLIFE}.json`), "utf8")).toContain("外部请求号（新）");
  expect(readFileSync(join(dir, "generated", `${NLIFE}.ts`), "utf8")).toContain("外部请求号（新）");

  // Bad input: one line naming the file; then a good page is picked up by the same watch.
  from = output.text.length;
  writeFileSync(join(dir, "docs", "bad.txt"), "");
  const bad = await waitFor(output, from, /bad\.txt/);
  expect(
    bad
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("topgen: ")),
  ).toHaveLength(1);
  from = output.text.length;
  rmSync(join(dir, "docs", "bad.txt"));
  cpSync(join(REPO, "docs", `${DEALREFUND}.txt`), join(dir, "docs", `${DEALREFUND}.txt`));
  await waitFor(output, from, /generated 2 APIs/);
  expect(child.exitCode).toBe(null);

  // The config edited: read again, and the SDK goes where it now says.
  from = output.text.length;
  writeFileSync(
    join(dir, "topgen.config.json"),
    JSON.stringify({ runtimeImport: `../${runtimeImport}`, out: "lib/sdk" }),
  );
  await waitFor(output, from, /read again[\s\S]*generated 2 APIs/);
  expect(existsSync(join(dir, "lib", "sdk", `${DEALREFUND}.ts`))).toBe(true);
}, 300_000);
