// The outputs a project builds, from its config: the TypeScript SDK always, the OpenAPI document when the config
// names its file. build/ drives them through the Target seam and knows neither; a new output is a new folder under
// targets/ and a line here.

import type { Config } from "../config/config.js";
import { generateTargets, type GenerateOptions, type GenerateResult } from "../build/generate.js";
import type { Target } from "../targets/target.js";
import { typescriptTarget } from "../targets/typescript/index.js";
import { openapiTarget } from "../targets/openapi/index.js";

export function targetsOf(config: Config): Target[] {
  const targets = [
    typescriptTarget({
      root: config.root,
      specsDir: config.specs,
      outDir: config.out,
      templatesDir: config.templates,
      runtimeImport: config.runtimeImport,
    }),
  ];
  if (config.openapi !== undefined) targets.push(openapiTarget(config.openapi));
  return targets;
}

/** `topgen generate`: every target of the project, incrementally. */
export function generateProject(config: Config, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateTargets(targetsOf(config), { root: config.root, specs: config.specs }, options);
}

export type { GenerateOptions, GenerateResult } from "../build/generate.js";
