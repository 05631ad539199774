// Worker thread entry: builds the batches the pool sends, one at a time.

import { parentPort } from "node:worker_threads";
import { buildBatch, type BatchEntry, type BatchOptions } from "../targets/typescript/batch.js";

export interface BatchRequest {
  id: number;
  entries: BatchEntry[];
  options: BatchOptions;
}

parentPort?.on("message", (request: BatchRequest) => {
  buildBatch(request.entries, request.options).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e), fault: faultOf(e) }),
  );
});

/** What the main thread needs to report a filesystem fault as the user's (code, path, call): no stack. */
function faultOf(e: unknown): { code: string; path?: string; syscall?: string } | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const { code, path, syscall } = e as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== "string") return undefined;
  return { code, ...(typeof path === "string" ? { path } : {}), ...(typeof syscall === "string" ? { syscall } : {}) };
}
