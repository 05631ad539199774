// One batch of APIs through plan → render → format → verify. Runs in a worker thread, or in-process for small
// runs and under test. Templates and the verifier are kept per thread and reused by every batch. When the native
// compiler checks the whole build afterwards (index.ts, `check`), a batch only looks for `any`.

import { join, resolve } from "node:path";
import { folderText, type BatchEntry, type BatchResult } from "../target.js";
import { timed, type Timings } from "../../support/timing.js";
import { formatTs } from "./format.js";
import { planModule, type EmitOptions } from "./plan.js";
import { loadTemplates, renderModule, type Templates } from "./render.js";
import type { Verifier } from "./verify.js";
import { anyUses } from "./any-scan.js";

export type { BatchEntry, BatchResult } from "../target.js";

/** Plain data, sent to worker threads (a type, not an interface: it must fit Target's BatchOptions). */
export type BatchOptions = {
  [K in keyof EmitOptions]: EmitOptions[K];
} & {
  templatesDir: string;
  outDir: string;
  /** Type-check here, in-process (false: the target's whole-build check runs tsgo). */
  verifyInBatch: boolean;
};

/** Kept while the templates' text is the same (a long-running process sees an edited template). */
let templates: { key: string; value: Templates } | undefined;
let verifier: Verifier | undefined;

export async function buildBatch(entries: BatchEntry[], options: BatchOptions): Promise<BatchResult> {
  const timings: Timings = new Map();
  const key = `${options.templatesDir}\0${folderText(options.templatesDir, /\.hbs$/)}`;
  if (templates?.key !== key)
    templates = { key, value: timed(timings, "templates", () => loadTemplates(options.templatesDir)) };
  const views = timed(timings, "plan", () => entries.map((e) => planModule(e.spec, e.specPath, options, e.names)));
  const rendered = timed(timings, "render", () =>
    views.map((v) => [`${v.fileName}.ts`, renderModule(templates!.value, v), v.specPath] as const),
  );
  const files: [string, string][] = [];
  const result: BatchResult = {
    files,
    diagnostics: views.flatMap((v) => v.diagnostics.map((d) => ({ method: v.spec.method, diagnostic: d }))),
    problems: [],
    timings: [],
  };
  const formatted = await timed(timings, "format", async () => {
    for (const [name, code, specPath] of rendered) {
      try {
        files.push([name, await formatTs(code)]);
      } catch (e) {
        const line = /\((\d+):\d+\)/.exec(String(e));
        result.unparsable = {
          file: name,
          specPath,
          message: String(e).split("\n")[0]!,
          ...(line ? { line: Number(line[1]) } : {}),
        };
        return false;
      }
    }
    return true;
  });
  if (formatted && options.verifyInBatch) {
    // Loaded only here: the compiler's JavaScript is a third of a small build's time
    verifier ??= new (await import("./verify.js")).Verifier();
    result.problems = timed(timings, "verify", () =>
      verifier!.check(new Map(files.map(([n, t]) => [join(options.outDir, n), t]))),
    );
  } else if (formatted) {
    result.problems = timed(timings, "any scan", () =>
      files.flatMap(([n, t]) => anyUses(resolve(options.outDir, n), t)),
    );
  }
  result.timings = [...timings];
  return result;
}
