// Test helpers: build an SDK in memory from specs, as `topgen generate` would, without writing anything.
import { join, resolve } from "node:path";
import { buildSdk, type Sdk } from "../../generator/project/sdk.js";
import { defaultTemplatesDir } from "../../generator/support/paths.js";
import type { ApiSpec, Field } from "../../generator/model/types.js";

export const REPO = resolve(import.meta.dirname, "../..");

export function buildInRepo(
  specs: ApiSpec[],
  outDir = join(REPO, "generated"),
  options: { templatesDir?: string } = {},
): Promise<Sdk> {
  return buildSdk(
    specs.map((spec) => ({ spec, file: join(REPO, "specs", `${spec.method}.json`) })),
    {
      root: REPO,
      outDir,
      specsDir: join(REPO, "specs"),
      templatesDir: options.templatesDir ?? defaultTemplatesDir(),
      runtimeImport: "../runtime/index.js",
    },
  );
}

/** A minimal valid spec around the given fields. */
export function specWith(method: string, request: Field[], response: Field[] = []): ApiSpec {
  return {
    specVersion: 1,
    method,
    title: "测试",
    description: "test API",
    source: { format: "text", file: `docs/${method}.txt`, sha256: "0".repeat(64) },
    request,
    response,
  };
}
