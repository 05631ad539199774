// Progress output: nothing for small runs, a bar on a terminal, plain periodic lines in CI or into a pipe.
import { afterEach, expect, it } from "vitest";
import { progressFor } from "../../generator/support/progress.js";

const saved = process.env["CI"];
afterEach(() => {
  if (saved === undefined) delete process.env["CI"];
  else process.env["CI"] = saved;
});

function stream(isTTY: boolean): { out: string[]; stream: NodeJS.WriteStream } {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

function run(apis: number, isTTY: boolean): string[] {
  const s = stream(isTTY);
  const p = progressFor(apis, s.stream);
  for (let i = 1; i <= 20; i++) p.update(i, 20);
  p.end();
  return s.out;
}

it("a run of a few APIs prints nothing", () => {
  expect(run(10, true)).toEqual([]);
});

it("on a terminal: one bar redrawn in place, ended by a newline", () => {
  delete process.env["CI"];
  const out = run(5000, true);
  expect(out.slice(0, -1).every((s) => s.startsWith("\r") && !s.includes("\n"))).toBe(true);
  expect(out[out.length - 2]).toMatch(/\[#{30}\] 100%/);
  expect(out[out.length - 1]).toBe("\n");
});

it.each([
  ["not a terminal", false, undefined],
  ["CI, even on a terminal", true, "true"],
])("%s: whole lines, about every tenth of the run, the last at 100%%", (_title, isTTY, ci) => {
  if (ci === undefined) delete process.env["CI"];
  else process.env["CI"] = ci;
  const out = run(5000, isTTY);
  expect(out.every((s) => s.endsWith("\n") && !s.includes("\r"))).toBe(true);
  expect(out.length).toBeGreaterThanOrEqual(10);
  expect(out.length).toBeLessThanOrEqual(12);
  expect(out[out.length - 1]).toMatch(/20\/20 batches \(100%\)/);
});
