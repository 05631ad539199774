// Worker thread entry: builds the batches the pool sends, one at a time, with the batch module of the target that
// sent them (imported by URL: build/ knows no concrete target).

import { parentPort } from "node:worker_threads";
import type { BatchEntry, BatchOptions, BuildBatch } from "../targets/target.js";

export interface BatchRequest {
  id: number;
  entries: BatchEntry[];
  /** The target's batch module (a file URL). */
  module: string;
  options: BatchOptions;
}

const modules = new Map<string, Promise<{ buildBatch: BuildBatch }>>();

parentPort?.on("message", (request: BatchRequest) => {
  let loaded = modules.get(request.module);
  if (!loaded) modules.set(request.module, (loaded = import(request.module) as Promise<{ buildBatch: BuildBatch }>));
  loaded
    .then((m) => m.buildBatch(request.entries, request.options))
    .then(
      (result) => parentPort!.postMessage({ id: request.id, result }),
      (e: unknown) =>
        parentPort!.postMessage({
          id: request.id,
          error: e instanceof Error ? e.message : String(e),
          fault: faultOf(e),
        }),
    );
});

/** What the main thread needs to report a filesystem fault as the user's (code, path, call): no stack. */
function faultOf(e: unknown): { code: string; path?: string; syscall?: string } | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path, syscall } = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== "string") return undefined;
  return { code, ...(typeof path === "string" ? { path } : {}), ...(typeof syscall === "string" ? { syscall } : {}) };
}
