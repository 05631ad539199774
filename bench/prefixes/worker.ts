// A worker of `npm run prefixes`: parses the given cuts of one page and posts their tally back.

import { parentPort } from "node:worker_threads";
import { emptyTally, readPage, runCuts } from "./prefixes.js";

export interface Job {
  id: number;
  file: string;
  cuts: number[];
}

let cached: { file: string; bytes: Uint8Array } | undefined;
parentPort!.on("message", (job: Job) => {
  if (cached?.file !== job.file) cached = { file: job.file, bytes: readPage(job.file) };
  const tally = emptyTally();
  runCuts(job.file, cached.bytes, job.cuts, tally);
  parentPort!.postMessage({ id: job.id, tally });
});
