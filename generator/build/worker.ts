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
    (e: unknown) => parentPort!.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
