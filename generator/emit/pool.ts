// Spreads batches over worker threads (one per core); batches are pulled from a queue so the cores stay busy
// whatever the batch sizes. Under test (running from .ts sources) and for small runs it builds in-process.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { buildBatch, type BatchEntry, type BatchOptions, type BatchResult } from "./batch.js";
import type { BatchRequest } from "./worker.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);
const runsCompiled = import.meta.url.endsWith(".js");

export interface PoolOptions {
  /** Threads to use; 1 builds in-process. Default: one per core. */
  threads?: number;
  onBatchDone?: (done: number, total: number) => void;
}

export async function buildBatches(batches: BatchEntry[][], options: BatchOptions, pool: PoolOptions = {}): Promise<BatchResult[]> {
  const threads = Math.min(pool.threads ?? availableParallelism(), batches.length);
  const results: BatchResult[] = new Array<BatchResult>(batches.length);
  let done = 0;
  const finished = (i: number, r: BatchResult) => {
    results[i] = r;
    pool.onBatchDone?.(++done, batches.length);
  };
  if (threads <= 1 || !runsCompiled) {
    for (const [i, batch] of batches.entries()) finished(i, await buildBatch(batch, options));
    return results;
  }
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            const send = () => {
              if (next >= batches.length) return resolvePromise();
              const request: BatchRequest = { id: next, entries: batches[next]!, options };
              next++;
              worker.postMessage(request);
            };
            worker.on("message", (msg: { id: number; result?: BatchResult; error?: string }) => {
              if (msg.error !== undefined || !msg.result) return reject(new Error(msg.error ?? "worker failed"));
              finished(msg.id, msg.result);
              send();
            });
            worker.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
