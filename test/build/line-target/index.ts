// A tiny target that is not shipped: a folder with an index.ts making a Target and a batch module, nothing else.
// build/ drives it exactly as it drives the TypeScript and OpenAPI targets.
import type { Target } from "../../../generator/targets/target.js";
import { PROBE_SPECS } from "../../../generator/targets/probes.js";
import { HEADER, renderLines } from "./batch.js";

export function lineTarget(outDir: string, prefix = "api "): Target {
  return {
    name: "lines",
    outDir,
    manifestFile: "lines-manifest.json",
    filesOf: (names) => [`${names.file}.lines`],
    batch: { module: new URL("./batch.ts", import.meta.url).href, options: { prefix } },
    aggregate: { file: "ALL", from: "names", build: async ({ names }) => [...names.keys()].sort().join("\n") + "\n" },
    owns: (name) => name.endsWith(".lines") || name === "ALL" || name === "lines-manifest.json",
    header: HEADER,
    fingerprint: {
      // The key stands for the code: a new key with the same probe output is a comment edit.
      key: () => `lines-${process.env["LINE_TARGET_KEY"] ?? "1"}-${prefix}`,
      probe: async () => PROBE_SPECS.map((spec) => renderLines({ spec }, prefix)).join(""),
    },
  };
}
