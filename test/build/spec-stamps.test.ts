// The spec stamps cache (build/spec-stamps.ts): a spec whose size, times and inode are as recorded is taken from
// the cache; any change of them, whatever the size, gets the file read and hashed again. Every case checks the
// hash a run sees against the bytes on disk now.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSpecFiles, stampsFile, STAMP_MARGIN_MS } from "../../generator/build/spec-stamps.js";

let dir = "";
const specs = () => join(dir, "specs");
const file = (name: string) => join(specs(), name);
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
/** An hour ago, in whole seconds: a time a test can set again exactly. */
const OLD = Math.floor(Date.now() / 1000) - 3600;
const age = (name: string, seconds = OLD) => utimesSync(file(name), seconds, seconds);
const seen = () => Object.fromEntries(readSpecFiles(specs(), dir).map((s) => [s.name, s.hash]));
const onDisk = (...names: string[]) => Object.fromEntries(names.map((n) => [n, sha(file(n))]));
const cached = () =>
  (JSON.parse(readFileSync(stampsFile(specs(), dir), "utf8")) as { files: Record<string, unknown> }).files;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "topgen-stamps-"));
  mkdirSync(specs());
  process.env["TOPGEN_CACHE_DIR"] = join(dir, "cache");
  writeFileSync(file("a.json"), '{"a":1}\n');
  writeFileSync(file("b.json"), '{"b":1}\n');
  age("a.json");
  age("b.json");
});
afterEach(() => {
  delete process.env["TOPGEN_CACHE_DIR"];
  rmSync(dir, { recursive: true, force: true });
});

describe("spec stamps: hash only what may have changed", () => {
  it("an unchanged old file is answered by the cache (a hash planted there is what the run sees)", () => {
    expect(seen()).toEqual(onDisk("a.json", "b.json"));
    const path = stampsFile(specs(), dir);
    const c = JSON.parse(readFileSync(path, "utf8")) as { files: Record<string, unknown[]> };
    c.files["a.json"]![4] = "f".repeat(64);
    writeFileSync(path, JSON.stringify(c));
    expect(seen()["a.json"]).toBe("f".repeat(64));
  });

  it.each<[string, { given: () => void }]>([
    [
      "edited in place to the same size, its modification time set back as it was",
      { given: () => (writeFileSync(file("a.json"), '{"a":2}\n'), age("a.json")) },
    ],
    ["touched only (same bytes, new times)", { given: () => age("a.json", OLD - 60) }],
    [
      "replaced by another file of the same size and time (a new inode)",
      {
        given: () => {
          writeFileSync(file("a.tmp"), '{"a":3}\n');
          utimesSync(file("a.tmp"), OLD, OLD);
          renameSync(file("a.tmp"), file("a.json"));
        },
      },
    ],
    ["edited just now", { given: () => writeFileSync(file("a.json"), '{"a":4}\n') }],
    ["with a damaged cache", { given: () => writeFileSync(stampsFile(specs(), dir), "{ not json") }],
    ["with the cache gone", { given: () => rmSync(stampsFile(specs(), dir)) }],
  ])("a spec %s: the run sees the hash of its bytes now", (_title, { given }) => {
    seen();
    given();
    expect(seen()).toEqual(onDisk("a.json", "b.json"));
    expect(seen()).toEqual(onDisk("a.json", "b.json"));
  });

  it("a file modified within the margin is hashed again on the next run, not recorded", () => {
    writeFileSync(file("a.json"), '{"a":5}\n');
    const mtime = statSync(file("a.json")).mtimeMs;
    readSpecFiles(specs(), dir, mtime + STAMP_MARGIN_MS / 2);
    expect(Object.keys(cached())).toEqual(["b.json"]);
    readSpecFiles(specs(), dir, mtime + STAMP_MARGIN_MS * 2);
    expect(Object.keys(cached()).sort()).toEqual(["a.json", "b.json"]);
  });

  it("a removed spec leaves the cache, and the bytes of a cached spec read when asked for", () => {
    seen();
    rmSync(file("b.json"));
    const [a, ...rest] = readSpecFiles(specs(), dir);
    expect(rest).toEqual([]);
    expect(Object.keys(cached())).toEqual(["a.json"]);
    expect(a!.bytes.toString("utf8")).toBe('{"a":1}\n');
    expect(a!.hash).toBe(sha(file("a.json")));
  });

  it("a missing specs folder is no specs", () => {
    expect(readSpecFiles(join(dir, "nowhere"), dir)).toEqual([]);
  });
});
