// Specs → the SDK's files, in memory: plan, render, format, verify. Nothing is written here.

import { join, relative, sep } from "node:path";
import { InputError } from "./errors.js";
import { formatTs } from "./emit/format.js";
import { planModule } from "./emit/plan.js";
import { loadTemplates, renderIndex, renderModule } from "./emit/render.js";
import { verifyFiles } from "./emit/verify.js";
import type { ApiSpec, Diagnostic } from "./spec/types.js";
import { timed, type Timings } from "./timing.js";

export interface SpecEntry {
  spec: ApiSpec;
  /** The spec file (for the header and messages). */
  file: string;
}

export interface SdkOptions {
  root: string;
  outDir: string;
  specsDir: string;
  templatesDir: string;
  runtimeImport: string;
  timings?: Timings;
}

export interface Sdk {
  /** Output file name (relative to outDir) → content. */
  files: Map<string, string>;
  diagnostics: { method: string; diagnostic: Diagnostic }[];
}

export async function buildSdk(entries: SpecEntry[], options: SdkOptions): Promise<Sdk> {
  const timings = options.timings;
  const templates = timed(timings, "templates", () => loadTemplates(options.templatesDir));
  const sorted = [...entries].sort((a, b) => (a.spec.method < b.spec.method ? -1 : a.spec.method > b.spec.method ? 1 : 0));
  const views = timed(timings, "plan", () => sorted.map((e) => planModule(e.spec, posix(relative(options.root, e.file)), options)));

  const seen = new Map<string, string>();
  for (const v of views) {
    const clash = seen.get(v.fileName.toLowerCase());
    if (clash) throw new InputError(v.specPath, undefined, `API ${v.spec.method} would write the same file as ${clash}`);
    seen.set(v.fileName.toLowerCase(), v.spec.method);
  }

  const rendered = timed(timings, "render", () => [
    ...views.map((v) => [`${v.fileName}.ts`, renderModule(templates, v), v.specPath] as const),
    ["index.ts", renderIndex(templates, posix(relative(options.root, options.specsDir)) || ".", views.map((v) => v.fileName)), "index"] as const,
  ]);
  const files = new Map<string, string>();
  await timed(timings, "format", async () => {
    for (const [name, code, source] of rendered) {
      try {
        files.set(name, await formatTs(code));
      } catch (e) {
        // Rendered code that does not even parse is a template or generator bug; name the API it came from.
        const line = /\((\d+):\d+\)/.exec(String(e));
        throw new InputError(`${posix(relative(options.root, join(options.outDir, name)))} (from ${source})`, line ? Number(line[1]) : undefined, `generated code does not parse: ${String(e).split("\n")[0]}`);
      }
    }
  });
  const problems = timed(timings, "verify", () => verifyFiles(new Map([...files].map(([n, t]) => [join(options.outDir, n), t]))));
  const first = problems[0];
  if (first) {
    const shown = posix(relative(options.root, first.file));
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new InputError(shown, first.line, `generated code does not type-check: ${first.message}${more}`);
  }
  return {
    files,
    diagnostics: views.flatMap((v) => [...(v.spec.diagnostics ?? []), ...v.diagnostics].map((d) => ({ method: v.spec.method, diagnostic: d }))),
  };
}

function posix(path: string): string {
  return path.split(sep).join("/");
}
