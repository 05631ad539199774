// The whole-build check of the TypeScript target when the native compiler verifies: everything the build made, in
// one tsgo run, before anything is written. An incremental build checks only its rebuilt modules (they import the
// runtime, never each other) and the index when it could have changed: when it was rebuilt, or when a rebuilt
// module's exported names differ from the committed file's (index.ts is `export *` of every module, so what it
// re-exports, and whether two modules clash, depends only on those names). A tsgo run that gives no answer falls
// back to the in-process checker over the same modules.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Timings } from "../../support/timing.js";
import { timed } from "../../support/timing.js";
import { checkNative, VERIFY_ENV } from "./native.js";
import type { VerifyProblem } from "./any-scan.js";

export interface SdkCheck {
  /** The tsgo executable (undefined: forced native without one, an error). */
  tsgo: string | undefined;
  outDir: string;
  /** What the build made, by name in `outDir`. */
  files: ReadonlyMap<string, string>;
  /** The index's file name. */
  index: string;
  timings?: Timings | undefined;
  /** Where a file already is on disk with its built text (CheckInput.pathOf): read there, not copied. */
  pathOf?: ((name: string) => string | undefined) | undefined;
}

export async function checkSdk(check: SdkCheck): Promise<VerifyProblem[]> {
  if (check.tsgo === undefined)
    throw new Error(
      `${VERIFY_ENV}=native, but the native TypeScript compiler (@typescript/native-preview) is not installed for ${process.platform}-${process.arch}`,
    );
  const files = new Map([...check.files].filter(([name]) => name.endsWith(".ts")));
  const indexToo =
    !files.has(check.index) &&
    existsSync(join(check.outDir, check.index)) &&
    [...files].some(([name, text]) => name !== check.index && exportsChanged(join(check.outDir, name), text));
  const problems = await checkNative(check.tsgo, {
    outDir: check.outDir,
    files,
    ...(indexToo ? { alsoFromOutDir: [check.index] } : {}),
    timings: check.timings,
    ...(check.pathOf ? { pathOf: check.pathOf } : {}),
  });
  if (problems) return problems;
  return timed(check.timings, "verify fallback", async () => {
    const { Verifier } = await import("./verify.js");
    const modules = [...files].filter(([name]) => name !== check.index);
    return new Verifier().check(new Map(modules.map(([name, text]) => [resolve(check.outDir, name), text])));
  });
}

function exportsChanged(committed: string, text: string): boolean {
  if (!existsSync(committed)) return true;
  const before = exportedNames(readFileSync(committed, "utf8"));
  const after = exportedNames(text);
  return before === undefined || after === undefined || before !== after;
}

const DECLARED =
  /^export (?:declare )?(?:abstract )?(?:async )?(?:class|interface|type|const|let|var|function|enum|namespace) ([\w$]+)/gm;

/** The top-level names a formatted module exports, sorted and joined; undefined when it re-exports (unknown names). */
export function exportedNames(text: string): string | undefined {
  if (/^export (?:\*|\{|default|=)/m.test(text)) return undefined;
  return [...new Set([...text.matchAll(DECLARED)].map((m) => m[1]!))].sort().join(",");
}
