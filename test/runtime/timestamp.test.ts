import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { formatGmt8, parseGmt8 } from "../../runtime/index.js";

const FORMAT_CASES: Array<[string, { given: number; want: string }]> = [
  ["epoch 0", { given: 0, want: "1970-01-01 08:00:00" }],
  ["TOP's known-answer timestamp", { given: Date.UTC(2016, 0, 1, 4, 0, 0), want: "2016-01-01 12:00:00" }],
  ["last second of a year", { given: Date.UTC(2016, 11, 31, 15, 59, 59), want: "2016-12-31 23:59:59" }],
  ["UTC afternoon is the next day in China", { given: Date.UTC(2016, 11, 31, 16, 0, 0), want: "2017-01-01 00:00:00" }],
  ["leap day", { given: Date.UTC(2024, 1, 28, 16, 0, 0), want: "2024-02-29 00:00:00" }],
  ["US DST switch (no DST in China)", { given: Date.UTC(2024, 2, 10, 10, 30, 0), want: "2024-03-10 18:30:00" }],
  ["milliseconds are dropped", { given: Date.UTC(2021, 2, 5, 3, 0, 0, 999), want: "2021-03-05 11:00:00" }],
  ["before 1970", { given: Date.UTC(1969, 11, 31, 23, 59, 59, 500), want: "1970-01-01 07:59:59" }],
];

/** Host zones and their getTimezoneOffset() on 2024-01-15, to prove each zone really is in effect. */
const ZONE_OFFSETS: Record<string, number> = {
  "America/Los_Angeles": 480,
  UTC: 0,
  "Asia/Kolkata": -330,
  "Pacific/Chatham": -825,
  "Asia/Shanghai": -480,
};
const ZONES = Object.keys(ZONE_OFFSETS);
const OFFSET_PROBE = Date.UTC(2024, 0, 15);

describe("formatGmt8", () => {
  it.each(FORMAT_CASES)("%s", (_title, { given, want }) => {
    expect(formatGmt8(given)).toBe(want);
    expect(formatGmt8(new Date(given))).toBe(want);
  });

  it("rejects an invalid Date", () => {
    expect(() => formatGmt8(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("parseGmt8", () => {
  const cases: Array<[string, { given: string; want: number | undefined }]> = [
    ["a GMT+8 time", { given: "2021-03-05 11:00:00", want: Date.UTC(2021, 2, 5, 3, 0, 0) }],
    [
      "past midnight in China is the previous day in UTC",
      { given: "2017-01-01 00:00:00", want: Date.UTC(2016, 11, 31, 16) },
    ],
    ["leap day", { given: "2024-02-29 00:00:00", want: Date.UTC(2024, 1, 28, 16) }],
    ["no 30 February", { given: "2021-02-30 00:00:00", want: undefined }],
    ["no hour 24", { given: "2021-03-05 24:00:00", want: undefined }],
    ["no ISO T", { given: "2021-03-05T11:00:00", want: undefined }],
    ["two digits everywhere", { given: "2021-3-5 11:00:00", want: undefined }],
    ["no trailing text", { given: "2021-03-05 11:00:00Z", want: undefined }],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    expect(parseGmt8(given)?.getTime()).toBe(want);
  });

  it("round-trips with formatGmt8", () => {
    for (const [, { given }] of FORMAT_CASES) {
      const text = formatGmt8(given);
      expect(formatGmt8(parseGmt8(text) ?? Number.NaN)).toBe(text);
    }
  });
});

// The host time zone must not matter. This file runs in its own forked worker (vitest pool: forks), so
// changing process.env.TZ here touches nothing else; Node applies it to Date immediately.
describe("formatGmt8 under other host time zones (in process)", () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(ZONES)("TZ=%s", (zone) => {
    process.env.TZ = zone;
    expect(new Date(OFFSET_PROBE).getTimezoneOffset()).toBe(ZONE_OFFSETS[zone]); // the zone really is in effect
    for (const [, { given, want }] of FORMAT_CASES) expect(formatGmt8(new Date(given))).toBe(want);
    if (zone !== "Asia/Shanghai") {
      // What the official non-Java SDKs do (local time) gives another answer here: the test can fail.
      const d = new Date(Date.UTC(2016, 0, 1, 4, 0, 0));
      const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")} ${String(d.getHours()).padStart(2, "0")}:00:00`;
      expect(local).not.toBe("2016-01-01 12:00:00");
    }
  });
});

// And in fresh Node processes started with TZ set in their environment, running runtime/wire/timestamp.ts
// (which imports nothing) transpiled to plain JS.
describe("formatGmt8 under other host time zones (child processes)", () => {
  const run = promisify(execFile);

  it.each(ZONES)("TZ=%s", async (zone) => {
    const dir = await mkdtemp(join(tmpdir(), "topgen-tz-"));
    try {
      const source = await readFile(fileURLToPath(new URL("../../runtime/wire/timestamp.ts", import.meta.url)), "utf8");
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      await writeFile(join(dir, "timestamp.mjs"), js);
      const instants = FORMAT_CASES.map(([, c]) => c.given);
      const script = [
        `import { formatGmt8 } from "./timestamp.mjs";`,
        `const instants = ${JSON.stringify(instants)};`,
        `console.log(JSON.stringify({ offset: new Date(${OFFSET_PROBE}).getTimezoneOffset(),`,
        `  out: instants.map((ms) => formatGmt8(new Date(ms))) }));`,
      ].join("\n");
      await writeFile(join(dir, "main.mjs"), script);
      const { stdout } = await run(process.execPath, [join(dir, "main.mjs")], {
        env: { PATH: process.env.PATH ?? "", TZ: zone },
      });
      const result = JSON.parse(stdout) as { offset: number; out: string[] };
      expect(result.offset).toBe(ZONE_OFFSETS[zone]);
      expect(result.out).toEqual(FORMAT_CASES.map(([, c]) => c.want));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
