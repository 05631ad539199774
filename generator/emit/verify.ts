// verify stage: type-check the emitted files in memory (at the paths they will be written to, so their runtime
// import resolves) under the strict settings the SDK promises, before anything is written.
// ts-morph supplies the compiler (its bundled TypeScript); the plain compiler API is used for speed.
// To scale to thousands of modules, files are checked in batches, one program per batch, and the parsed lib and
// runtime files are shared by every batch of a Verifier.

import { resolve } from "node:path";
import { Project, ts } from "ts-morph";

export const SDK_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
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

const GLOBALS_FILE = "/__topgen_verify__/globals.d.ts";
const GLOBALS = `interface Blob { readonly size: number; readonly type: string; arrayBuffer(): Promise<ArrayBuffer>; }
declare var Blob: { prototype: Blob; new (parts?: readonly (ArrayBuffer | ArrayBufferView | Blob | string)[], options?: { type?: string }): Blob };
`;

export interface VerifyProblem {
  file: string;
  line: number;
  message: string;
}

/** Modules per program: bounds memory; the shared lib and runtime make small batches cheap. */
const BATCH = 250;

export class Verifier {
  // One ts-morph project for every batch: its document registry keeps the parsed lib and runtime files.
  private readonly project = new Project({ compilerOptions: SDK_COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });

  constructor() {
    this.project.createSourceFile(GLOBALS_FILE, GLOBALS, { overwrite: true });
  }

  /** Type errors and `any` in the given files (path → text); empty when they are fine. */
  check(files: ReadonlyMap<string, string>): VerifyProblem[] {
    const entries = [...files].map(([path, text]) => [resolve(path), text] as const);
    const problems: VerifyProblem[] = [];
    for (let i = 0; i < entries.length; i += BATCH) problems.push(...this.checkBatch(entries.slice(i, i + BATCH)));
    return problems;
  }

  private checkBatch(entries: (readonly [string, string])[]): VerifyProblem[] {
    const added = entries.map(([path, text]) => this.project.createSourceFile(path, text, { overwrite: true }));
    try {
      const program = this.project.getProgram().compilerObject;
      const sources = added.map((sf) => sf.compilerNode);
      // Only the emitted files are judged: the runtime they import is checked with the rest of topgen's own code.
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...sources.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
      ];
      const problems: VerifyProblem[] = diagnostics.map((d) => ({
        file: d.file?.fileName ?? "(project)",
        line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, " "),
      }));
      for (const sf of sources) problems.push(...anyKeywords(sf));
      return problems;
    } finally {
      for (const sf of added) this.project.removeSourceFile(sf);
    }
  }
}

function anyKeywords(sf: ts.SourceFile): VerifyProblem[] {
  const found: VerifyProblem[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      found.push({ file: sf.fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, message: "generated code uses `any`" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** One-off check (tests, small runs). */
export function verifyFiles(files: ReadonlyMap<string, string>): VerifyProblem[] {
  return new Verifier().check(files);
}
