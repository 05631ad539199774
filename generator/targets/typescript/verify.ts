// verify stage, in-process path: type-check the emitted files in memory (at the paths they will be written to, so
// their runtime import resolves) under the strict settings the SDK promises, before anything is written. The native
// path (native.ts, tsgo) is used instead when its binary is installed; this is the fallback, and the two report the
// same problems in the same form (file and line; `any` is found by any-scan.ts on both).
// The compiler is ts-morph's bundled TypeScript (its @ts-morph/common package), used through the plain compiler
// API for speed, with the lib files ts-morph ships. To scale to thousands of modules, files are checked in
// batches, one program per batch; the parsed lib and runtime files are kept by the Verifier and shared by all
// its batches.

import { createRequire } from "node:module";
import { resolve } from "node:path";
import type * as Common from "@ts-morph/common";
import type { ts } from "@ts-morph/common";
import { anyUses, type VerifyProblem } from "./any-scan.js";
import { SDK_GLOBALS as GLOBALS } from "./native.js";

// Loaded with require: importing a large CommonJS module from ESM makes Node scan all of it for its exports
// first (~0.15 s, on the path of every run that builds anything).
const common = createRequire(import.meta.url)("@ts-morph/common") as typeof Common;
const compiler = common.ts;

export const SDK_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: compiler.ScriptTarget.ES2022,
  module: compiler.ModuleKind.NodeNext,
  moduleResolution: compiler.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  // Not the DOM lib (half the cost of checking one module): generated code uses no DOM type, and the one the
  // runtime's exported types need (Blob, in TopFile) is declared below as DOM and Node both define it.
  lib: ["lib.es2023.d.ts"],
  types: [],
};

const LIB_DIR = "/__topgen_lib__";
const GLOBALS_FILE = "/__topgen_verify__/globals.d.ts";

export type { VerifyProblem } from "./any-scan.js";

/** Modules per program: bounds memory (two threads each hold one program); larger batches cost less overhead. */
const BATCH = 500;

let libTexts: Map<string, string> | undefined;

export class Verifier {
  /** Parsed once per Verifier: lib files, the globals file, the runtime and whatever else is read from disk. */
  private readonly shared = new Map<string, ts.SourceFile | undefined>();
  private readonly disk = compiler.createCompilerHost(SDK_COMPILER_OPTIONS);
  private batch = new Map<string, string>();
  private readonly host: ts.CompilerHost;

  constructor() {
    libTexts ??= new Map(common.getLibFiles().map((f) => [`${LIB_DIR}/${f.fileName}`, f.text]));
    const texts = new Map([...libTexts, [GLOBALS_FILE, GLOBALS]]);
    const textOf = (file: string) => this.batch.get(file) ?? texts.get(file);
    this.host = {
      ...this.disk,
      getDefaultLibLocation: () => LIB_DIR,
      getDefaultLibFileName: () => `${LIB_DIR}/lib.d.ts`,
      fileExists: (file) => textOf(file) !== undefined || this.disk.fileExists(file),
      readFile: (file) => textOf(file) ?? this.disk.readFile(file),
      getSourceFile: (file, languageVersion) => {
        const text = this.batch.get(file);
        // Doc comments are not parsed as JSDoc: in .ts files they carry no types, and the modules are mostly docs.
        if (text !== undefined) {
          const options = typeof languageVersion === "object" ? languageVersion : { languageVersion };
          return compiler.createSourceFile(file, text, {
            ...options,
            jsDocParsingMode: compiler.JSDocParsingMode.ParseNone,
          });
        }
        if (!this.shared.has(file)) {
          const shared = texts.get(file);
          this.shared.set(
            file,
            shared !== undefined
              ? compiler.createSourceFile(file, shared, languageVersion)
              : this.disk.getSourceFile(file, languageVersion),
          );
        }
        return this.shared.get(file);
      },
      writeFile: () => {},
    };
  }

  /** Type errors and `any` in the given files (path → text); empty when they are fine. */
  check(files: ReadonlyMap<string, string>): VerifyProblem[] {
    const entries = [...files].map(([path, text]) => [resolve(path), text] as const);
    const problems: VerifyProblem[] = [];
    for (let i = 0; i < entries.length; i += BATCH) problems.push(...this.checkBatch(entries.slice(i, i + BATCH)));
    return problems;
  }

  private checkBatch(entries: (readonly [string, string])[]): VerifyProblem[] {
    this.batch = new Map(entries);
    try {
      const program = compiler.createProgram({
        rootNames: [GLOBALS_FILE, ...this.batch.keys()],
        options: SDK_COMPILER_OPTIONS,
        host: this.host,
      });
      const sources = [...this.batch.keys()].map((file) => program.getSourceFile(file)!);
      // Only the emitted files are judged: the runtime they import is checked with the rest of topgen's own code.
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...sources.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
      ];
      const problems: VerifyProblem[] = diagnostics.map((d) => ({
        file: d.file?.fileName ?? "(project)",
        line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1,
        message: compiler.flattenDiagnosticMessageText(d.messageText, " "),
      }));
      for (const [file, text] of this.batch) problems.push(...anyUses(file, text));
      return problems;
    } finally {
      this.batch = new Map();
    }
  }
}

/** One-off check (tests, small runs). */
export function verifyFiles(files: ReadonlyMap<string, string>): VerifyProblem[] {
  return new Verifier().check(files);
}
