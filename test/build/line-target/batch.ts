// The batch module of the test target: one text file per API, a line per request field. A worker (or, under
// test, the pool in-process) imports this file by URL, as it imports a shipped target's batch.ts.
import type { BatchEntry, BatchOptions, BatchResult } from "../../../generator/targets/target.js";

export const HEADER = "# made by the line target";

export function renderLines(entry: Pick<BatchEntry, "spec">, prefix: string): string {
  return (
    [
      HEADER,
      `${prefix}${entry.spec.method}`,
      ...entry.spec.request.map((f) => `${f.name}: ${f.type}${f.required ? " (required)" : ""}`),
    ].join("\n") + "\n"
  );
}

export async function buildBatch(entries: BatchEntry[], options: BatchOptions): Promise<BatchResult> {
  const prefix = String(options["prefix"]);
  return {
    files: entries.map((e) => [`${e.names.file}.lines`, renderLines(e, prefix)]),
    diagnostics: [],
    // A field named "bad" fails this target's verify step, as a type error fails the TypeScript target's.
    problems: entries
      .filter((e) => e.spec.request.some((f) => f.name === "bad"))
      .map((e) => ({ file: `${e.names.file}.lines`, line: 3, message: "bad field" })),
    timings: [],
  };
}
