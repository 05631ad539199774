// The native verify path: the TypeScript compiler's Go port (`tsgo`, from the optional dependency
// @typescript/native-preview) type-checks the files a build made, under the SDK's strict settings, where they
// already are on disk (the stage beside the output folder, at its depth, so their runtime import resolves as it
// will); what is not on disk yet (the index) is written to a folder beside the output. It does not load the TypeScript compiler's
// JavaScript, so a small build starts in a fraction of the in-process checker's time, and a whole catalogue is
// checked in one process.
//
// The binary is found the way the package's own launcher finds it (its platform package, an optional dependency of
// @typescript/native-preview: no install script involved). Not installed, an unsupported platform, or
// TOPGEN_VERIFY=in-process: no binary, and the caller uses the in-process checker. A run that crashes (a signal,
// an unknown exit code, output that is not diagnostics) is reported as `undefined`, never as a pass.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { VerifyProblem } from "./any-scan.js";
import { timed, type Timings } from "../../support/timing.js";

/** Declared for the SDK's check: the one type the runtime's exported types need beyond es2023 (Blob, in TopFile). */
export const SDK_GLOBALS = `interface Blob { readonly size: number; readonly type: string; arrayBuffer(): Promise<ArrayBuffer>; }
declare var Blob: { prototype: Blob; new (parts?: readonly (ArrayBuffer | ArrayBufferView | Blob | string)[], options?: { type?: string }): Blob };
`;

/** How the SDK is verified: `auto` (native when its binary is there, else in-process) or one path forced. */
export type VerifyMode = "auto" | "native" | "in-process";

export const VERIFY_ENV = "TOPGEN_VERIFY";

export function verifyModeFromEnv(env: NodeJS.ProcessEnv = process.env): VerifyMode {
  const value = env[VERIFY_ENV];
  if (value === undefined || value === "" || value === "auto") return "auto";
  if (value === "native" || value === "in-process") return value;
  throw new Error(`${VERIFY_ENV} must be auto, native or in-process, not ${JSON.stringify(value)}`);
}

let located: { path: string | undefined } | undefined;

/**
 * The tsgo executable, or undefined when it is not installed for this platform. TOPGEN_TSGO names another
 * executable instead (tests point it at a missing or a crashing one).
 */
export function tsgoPath(): string | undefined {
  const override = process.env["TOPGEN_TSGO"];
  if (override !== undefined) return override !== "" && existsSync(override) ? override : undefined;
  located ??= { path: locate() };
  return located.path;
}

function locate(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve("@typescript/native-preview/package.json");
    const platform = `@typescript/native-preview-${process.platform}-${process.arch}`;
    const pkg = createRequire(main).resolve(`${platform}/package.json`);
    const exe = join(dirname(pkg), "lib", process.platform === "win32" ? "tsgo.exe" : "tsgo");
    return existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

/** The SDK's settings, as tsconfig text: the same as the in-process checker's SDK_COMPILER_OPTIONS. */
function tsconfig(files: string[], rootDirs: string[]): string {
  return JSON.stringify({
    compilerOptions: {
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      lib: ["es2023"],
      types: [],
      rootDirs,
    },
    files,
  });
}

export interface NativeCheck {
  /** Output folder → the files to check there (name relative to it → text): written beside it, never into it. */
  outDir: string;
  files: ReadonlyMap<string, string>;
  /**
   * Files of `outDir` to judge too, as they are there (the committed index, when a module's exports changed).
   * Whatever the checked files import from the output folder and are not given comes from `outDir` (rootDirs).
   */
  alsoFromOutDir?: string[];
  /** Where a file is on disk already with its text: named there in the tsconfig instead of written as a copy. */
  pathOf?: (name: string) => string | undefined;
  /** Gets "verify: write" (the folder tsgo reads) and "verify: tsgo" (its run). */
  timings?: Timings | undefined;
}

/**
 * Type errors in the given files, each with the path it will have in `outDir`; `undefined` when tsgo could not
 * give an answer (missing, crashed), so the caller checks another way.
 */
export async function checkNative(tsgo: string, check: NativeCheck): Promise<VerifyProblem[] | undefined> {
  const outDir = resolve(check.outDir);
  // Beside the output folder, at the same depth: relative imports that leave it (the runtime) resolve the same.
  const dir = join(dirname(outDir), `.${basename(outDir)}.verify-${randomBytes(4).toString("hex")}`);
  try {
    const roots: string[] = ["__topgen_globals__.d.ts"];
    /** A file checked where it is on disk → its path in the output folder. */
    const elsewhere = new Map<string, string>();
    /** The folders beside the output folder those files are in (the stage), searched before it for imports. */
    const stageRoots: string[] = [];
    timed(check.timings, "verify: write", () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, roots[0]!), SDK_GLOBALS);
      // Files already on disk (the stage beside the output folder, at its depth, or the folder itself) are read
      // there: writing a copy of every module of a large build costs as much as the check. Not when the output
      // folder has its own package.json (the module format of the copies must come from it).
      const ownPackage = existsSync(join(outDir, "package.json"));
      for (const [name, text] of check.files) {
        const onDisk = ownPackage ? undefined : check.pathOf?.(name);
        const path = onDisk === undefined ? undefined : resolve(onDisk);
        const base = path === undefined ? undefined : folderHolding(path, name);
        if (path !== undefined && base !== undefined && dirname(base) === dirname(outDir)) {
          elsewhere.set(path, join(outDir, name));
          if (base !== outDir && !stageRoots.includes(base)) stageRoots.push(base);
          roots.push(path);
          continue;
        }
        if (name.includes("/")) mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
        roots.push(name);
      }
      for (const name of check.alsoFromOutDir ?? []) {
        if (check.files.has(name)) continue;
        // copied, not named in place: its imports must resolve to the new files first
        copyFileSync(join(outDir, name), join(dir, name));
        roots.push(name);
      }
      // The module format of .ts files comes from the nearest package.json: the output folder's own, if it has one.
      if (ownPackage) copyFileSync(join(outDir, "package.json"), join(dir, "package.json"));
      writeFileSync(join(dir, "tsconfig.json"), tsconfig(roots, [dir, ...stageRoots, outDir]));
    });
    const run = await timed(check.timings, "verify: tsgo", () => runTsgo(tsgo, dir));
    if (!run) return undefined;
    const diagnostics = parseDiagnostics(run.stdout, dir);
    if (diagnostics === undefined) return undefined;
    if (run.code !== 0 && diagnostics.length === 0) return undefined; // failed, and said nothing we can read
    // Only the checked files are judged (the runtime they import is checked with topgen's own code).
    const judged = new Set([...check.files.keys(), ...(check.alsoFromOutDir ?? [])].map((n) => join(outDir, n)));
    return diagnostics
      .map((d) => ({
        ...d,
        file: d.file === "(project)" ? d.file : (elsewhere.get(d.file) ?? inOutDir(d.file, dir, outDir)),
      }))
      .filter((d) => d.file === "(project)" || judged.has(d.file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder that `path` is the file `name` (relative, with `/`) of; undefined when its path does not end so. */
function folderHolding(path: string, name: string): string | undefined {
  let base = path;
  for (let i = 0; i < name.split("/").length; i++) base = dirname(base);
  return join(base, name) === path ? base : undefined;
}

/** A path in the verify folder → the same file in the output folder; others unchanged. */
function inOutDir(file: string, dir: string, outDir: string): string {
  const rel = relative(dir, file);
  if (rel.startsWith("..") || isAbsolute(rel)) return file;
  return join(outDir, rel);
}

function runTsgo(tsgo: string, cwd: string): Promise<{ code: number; stdout: string } | undefined> {
  return new Promise((done) => {
    let child;
    try {
      child = spawn(tsgo, ["-p", "tsconfig.json", "--pretty", "false"], {
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch {
      return done(undefined);
    }
    const out: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.resume();
    child.on("error", () => done(undefined));
    child.on("close", (code, signal) => {
      // tsc's exit codes: 0 fine, 1 and 2 diagnostics; anything else (or a signal) is a crash
      if (signal !== null || code === null || code > 2) return done(undefined);
      done({ code, stdout: Buffer.concat(out).toString("utf8") });
    });
  });
}

const LOCATED = /^(.+)\((\d+),(\d+)\): error TS\d+: (.*)$/;
const UNLOCATED = /^error TS\d+: (.*)$/;

/**
 * tsgo's `--pretty false` output: `file(line,col): error TSn: message`, the message's chain on the following
 * lines, each indented two spaces per level. The chain is joined as the in-process checker joins it
 * (flattenDiagnosticMessageText with " "). Undefined when a line is neither.
 */
export function parseDiagnostics(stdout: string, cwd: string): VerifyProblem[] | undefined {
  const problems: VerifyProblem[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line === "") continue;
    const located = LOCATED.exec(line);
    const unlocated = located ? null : UNLOCATED.exec(line);
    if (located) problems.push({ file: resolve(cwd, located[1]!), line: Number(located[2]), message: located[4]! });
    else if (unlocated) problems.push({ file: "(project)", line: 1, message: unlocated[1]! });
    else if (line.startsWith("  ") && problems.length) problems[problems.length - 1]!.message += ` ${line}`;
    else return undefined;
  }
  return problems;
}
