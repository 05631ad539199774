// verify stage: type-check the emitted files in memory (at the paths they will be written to, so their runtime
// import resolves) under the strict settings the SDK promises, before anything is written.

import { resolve } from "node:path";
import { Project, SyntaxKind, ts } from "ts-morph";

export const SDK_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: [],
};

export interface VerifyProblem {
  file: string;
  line: number;
  message: string;
}

/** Type errors and `any` in the given files (path → text); empty when they are fine. */
export function verifyFiles(files: ReadonlyMap<string, string>): VerifyProblem[] {
  const project = new Project({ compilerOptions: SDK_COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  const sources = [...files].map(([path, text]) => project.createSourceFile(resolve(path), text, { overwrite: true }));
  // Only the emitted files are judged: the runtime they import is checked with the rest of topgen's own code.
  const program = project.getProgram().compilerObject;
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...sources.flatMap((sf) => {
      const tsFile = sf.compilerNode;
      return [...program.getSyntacticDiagnostics(tsFile), ...program.getSemanticDiagnostics(tsFile)];
    }),
  ];
  const problems: VerifyProblem[] = diagnostics.map((d) => ({
    file: d.file?.fileName ?? "(project)",
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, " "),
  }));
  for (const sf of sources) {
    for (const node of sf.getDescendantsOfKind(SyntaxKind.AnyKeyword)) {
      problems.push({ file: sf.getFilePath(), line: node.getStartLineNumber(), message: "generated code uses `any`" });
    }
  }
  return problems;
}
