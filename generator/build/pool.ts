// Spreads batches over worker threads (one per core); batches are pulled from a queue so the cores stay busy
// whatever the batch sizes. Under test (running from .ts sources) and for small runs it builds in-process.

import { availableParallelism } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { BatchEntry, BatchOptions, BatchResult, BuildBatch } from "../targets/target.js";
import type { BatchRequest } from "./worker.js";

/** A target's batch work: the module that exports `buildBatch` (a file URL) and the options it is given. */
export interface BatchWork {
  module: string;
  options: BatchOptions;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);
const runsCompiled = import.meta.url.endsWith(".js");
/**
 * Workers run with V8's default heap. TOPGEN_WORKER_HEAP_MB caps each worker's old space: V8 then collects before
 * the heap grows, which takes a whole-catalogue run from ~750–900 MiB to ~600 MiB peak for up to ~30 % more CPU
 * (bench/RESULTS.md, row b'). A batch too big for a capped worker is rebuilt in the main thread.
 */
function workerLimits(): ResourceLimits {
  const heapMb = Number(process.env["TOPGEN_WORKER_HEAP_MB"] ?? 0);
  return heapMb > 0 ? { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(96, heapMb) } : {};
}

export interface PoolOptions {
  /** Threads to use; 1 builds in-process. Default: one per core. */
  threads?: number;
  onBatchDone?: (done: number, total: number) => void;
  /** Each batch's result as it arrives (in completion order). */
  onResult?: (result: BatchResult) => void;
  /** Told when a worker ran out of memory and its work moved to the main thread. */
  onWarning?: (message: string) => void;
}

/** Workers started ahead of the build (they load the compiler while the specs are read). */
const started: Worker[] = [];
const earlyErrors = new WeakMap<Worker, Error>();

/** Starts the workers a build of `batches` batches will use, so that they are ready when it begins. */
export function startWorkers(batches: number, threads = availableParallelism()): void {
  if (!runsCompiled || Math.min(threads, batches) <= 1) return;
  for (let i = started.length; i < Math.min(threads, batches); i++) {
    const worker = new Worker(WORKER_URL, { resourceLimits: workerLimits() });
    worker.unref(); // until a build takes it: a run that stops before building (bad input) must still exit
    worker.on("error", (e: Error) => earlyErrors.set(worker, e)); // seen by the build that takes it
    started.push(worker);
  }
}

async function buildBatch(entries: BatchEntry[], work: BatchWork): Promise<BatchResult> {
  const batchModule = (await import(work.module)) as { buildBatch: BuildBatch };
  return batchModule.buildBatch(entries, work.options);
}

export async function buildBatches(
  batches: BatchEntry[][],
  options: BatchWork,
  pool: PoolOptions = {},
): Promise<BatchResult[]> {
  const threads = Math.min(pool.threads ?? availableParallelism(), batches.length);
  const results: BatchResult[] = new Array<BatchResult>(batches.length);
  let done = 0;
  const finished = (i: number, r: BatchResult) => {
    results[i] = r;
    pool.onResult?.(r);
    pool.onBatchDone?.(++done, batches.length);
  };
  if (threads <= 1 || !runsCompiled) {
    await Promise.all(started.splice(0).map((w) => w.terminate()));
    for (const [i, batch] of batches.entries()) finished(i, await buildBatch(batch, options));
    return results;
  }
  let next = 0;
  const workers = started.splice(0, threads);
  for (const w of workers) w.ref();
  while (workers.length < threads) workers.push(new Worker(WORKER_URL, { resourceLimits: workerLimits() }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolvePromise, reject) => {
            let current = -1;
            const send = () => {
              if (next >= batches.length) return resolvePromise();
              current = next++;
              const request: BatchRequest = {
                id: current,
                entries: batches[current]!,
                module: options.module,
                options: options.options,
              };
              worker.postMessage(request);
            };
            worker.on("message", (msg: { id: number; result?: BatchResult; error?: string; fault?: object }) => {
              if (msg.error !== undefined || !msg.result)
                return reject(Object.assign(new Error(msg.error ?? "worker failed"), msg.fault));
              send(); // the next batch first: the worker should not wait while this one's files are staged
              try {
                finished(msg.id, msg.result); // stages files: a filesystem fault here must fail the build, not the process
              } catch (e) {
                reject(e);
              }
            });
            const fail = (e: Error & { code?: string }) => {
              if (e.code !== "ERR_WORKER_OUT_OF_MEMORY") return reject(e);
              // A batch too big for a worker's heap is built here instead, where the heap is not limited, and so
              // are the batches no worker has taken yet.
              pool.onWarning?.(
                `a worker ran out of memory (heap limit ${workerLimits().maxOldGenerationSizeMb ?? "default"} MB); building in the main thread`,
              );
              const redo =
                current >= 0
                  ? buildBatch(batches[current]!, options).then((r) => finished(current, r))
                  : Promise.resolve();
              redo.then(() => drain(options, batches, () => next++, finished)).then(resolvePromise, reject);
            };
            const early = earlyErrors.get(worker);
            if (early) return fail(early);
            worker.on("error", fail);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The batches left when a worker has died: built in this thread, one after another. */
async function drain(
  options: BatchWork,
  batches: BatchEntry[][],
  take: () => number,
  finished: (i: number, r: BatchResult) => void,
): Promise<void> {
  for (let i = take(); i < batches.length; i = take()) finished(i, await buildBatch(batches[i]!, options));
}
