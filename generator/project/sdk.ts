// The TypeScript SDK built in memory from specs, as `generate` builds it, without writing anything (for the
// programmatic API and the tests).

import { buildTarget, type Built, type BuildOptions, type SpecEntry } from "../build/build.js";
import { typescriptTarget } from "../targets/typescript/index.js";

export type { SpecEntry } from "../build/build.js";
export type Sdk = Built;

export interface SdkOptions extends Omit<BuildOptions, "skipAggregate" | "onFiles" | "allSpecs"> {
  outDir: string;
  specsDir: string;
  templatesDir: string;
  runtimeImport: string;
  /** Leave index.ts out. */
  skipIndex?: boolean;
}

/** The modules of `entries`, and index.ts over the methods `indexOf` (default: the same APIs). */
export function buildSdk(entries: SpecEntry[], options: SdkOptions, indexOf?: string[]): Promise<Sdk> {
  const { outDir, specsDir, templatesDir, runtimeImport, skipIndex, ...rest } = options;
  const target = typescriptTarget({ root: options.root, specsDir, outDir, templatesDir, runtimeImport });
  return buildTarget(target, entries, { ...rest, ...(skipIndex ? { skipAggregate: true } : {}) }, indexOf);
}
