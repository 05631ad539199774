// npm run bench:client: what the client costs on large and hostile answers. Each case runs in a fresh Node
// process (--expose-gc) so that its peak RSS is its own: decoding a 20 MB string (the lossless path, against
// lossless-json's parse, which the runtime used before, and JSON.parse, which loses digits), and TopClient
// against a loopback server sending 50 MB, a 1 GiB gzip bomb, and a 20 MB answer under a raised limit.
// Writes bench/CLIENT-RESULTS.md. Not part of the test run.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { createGzip } from "node:zlib";
import { parse as losslessJsonParse } from "lossless-json";
import { decodeResponse, parseLossless, schema, TopClient } from "../runtime/index.js";

const MB = 1024 * 1024;
const REPO = resolve(import.meta.dirname, "../..");

interface Result {
  readonly ms: number;
  /** Peak RSS during the case minus RSS just before it, MiB. */
  readonly peakMiB: number;
  /**
   * The case did not raise the process's high-water mark (building its input went higher): its own peak is at
   * most peakMiB, not known exactly.
   */
  readonly atMost: boolean;
  /** Heap growth with the result still alive, after a GC, MiB. */
  readonly retainedMiB: number;
  readonly note: string;
}

interface Case {
  readonly title: string;
  readonly sizeMiB: number;
  /** Builds the input before the measurement starts. */
  readonly prepare?: () => string;
  readonly run: (input: string) => Promise<{ keep: unknown; note: string }>;
}

const CASES: Record<string, Case> = {
  "decode-20mb": {
    title: "decodeResponse: one 20 MiB ASCII string (lossless path)",
    sizeMiB: 20,
    prepare: () => bigBody(20 * MB, false),
    run: async (text) => decodeBig(text, "runtime"),
  },
  "decode-20mb-escaped": {
    title: "decodeResponse: one 20 MiB string with a \\n escape every 100 characters",
    sizeMiB: 20,
    prepare: () => bigBody(20 * MB, true),
    run: async (text) => decodeBig(text, "runtime"),
  },
  "decode-20mb-cjk": {
    title: "decodeResponse: one string of 10 M CJK characters (30 MB of UTF-8, 20 MiB as UTF-16)",
    sizeMiB: 20,
    prepare: () => `{"big":"${"汉".repeat(10 * MB)}"}`,
    run: async (text) => decodeBig(text, "runtime"),
  },
  "lossless-json-20mb": {
    title: "before: lossless-json's parse of the same 20 MiB string",
    sizeMiB: 20,
    prepare: () => bigBody(20 * MB, false),
    run: async (text) => decodeBig(text, "lossless-json"),
  },
  "json-parse-20mb": {
    title: "reference: JSON.parse of the same 20 MiB string (rounds big integers)",
    sizeMiB: 20,
    prepare: () => bigBody(20 * MB, false),
    run: async (text) => decodeBig(text, "JSON.parse"),
  },
  "parse-objects-20mb": {
    title: "parseLossless: 10 M characters of small objects (ids beyond 2^53, prices, CJK titles)",
    sizeMiB: 20,
    prepare: objects,
    run: async (text) => {
      const keep = parseLossless(text);
      return { keep, note: `${(keep as unknown[]).length} objects` };
    },
  },
  "lossless-json-objects-20mb": {
    title: "before: lossless-json's parse of the same objects",
    sizeMiB: 20,
    prepare: objects,
    run: async (text) => {
      const keep = losslessJsonParse(text);
      return { keep, note: `${(keep as unknown[]).length} objects` };
    },
  },
  "json-parse-objects-20mb": {
    title: "reference: JSON.parse of the same objects (rounds the ids)",
    sizeMiB: 20,
    prepare: objects,
    run: async (text) => {
      const keep = JSON.parse(text) as unknown[];
      return { keep, note: `${keep.length} objects` };
    },
  },
  "client-50mb": {
    title: "TopClient, defaults: a 50 MiB answer (refused past 16 MiB)",
    sizeMiB: 50,
    run: async () => viaClient({ bytes: 50 * MB, gzip: false }, {}),
  },
  "client-gzip-bomb": {
    title: "TopClient, defaults: a gzip bomb, 1 GiB inflated (refused past 16 MiB)",
    sizeMiB: 1024,
    run: async () => viaClient({ bytes: 1024 * MB, gzip: true }, {}),
  },
  "client-20mb": {
    title: "TopClient, maxResponseBytes 64 MiB: a 20 MiB answer read, parsed and returned",
    sizeMiB: 20,
    run: async () => viaClient({ bytes: 20 * MB, gzip: false }, { maxResponseBytes: 64 * MB }),
  },
};

function objects(): string {
  const item = '{"id":7091800003790954036,"price":200.10,"title":"零售+平台的优惠","ok":true,"tags":["a","b"]}';
  return `[${Array.from({ length: Math.floor((10 * MB) / (item.length + 1)) }, () => item).join(",")}]`;
}

function bigBody(bytes: number, escapes: boolean): string {
  const unit = escapes ? `${"a".repeat(98)}\\n` : "a".repeat(100);
  return `{"big":"${unit.repeat(Math.floor(bytes / 100))}"}`;
}

const SHAPE = schema(
  '{"def":"$response","name":"R","method":"taobao.bench.get"}\n{"name":"big","type":"String"}\n',
).struct("$response");

function decodeBig(text: string, how: "runtime" | "lossless-json" | "JSON.parse"): { keep: unknown; note: string } {
  const keep =
    how === "runtime"
      ? decodeResponse("taobao.bench.get", SHAPE, text)
      : how === "lossless-json"
        ? losslessJsonParse(text)
        : (JSON.parse(text) as unknown);
  const big = (keep as { big: string }).big;
  return { keep, note: `string of ${big.length.toLocaleString("en")} characters` };
}

async function viaClient(
  body: { bytes: number; gzip: boolean },
  options: { maxResponseBytes?: number },
): Promise<{ keep: unknown; note: string }> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", ...(body.gzip ? { "content-encoding": "gzip" } : {}) });
      const out = body.gzip ? createGzip({ level: 1 }) : res;
      if (body.gzip) {
        out.pipe(res);
        res.on("close", () => out.destroy());
      }
      let sent = 0;
      const pump = (): void => {
        if (sent === 0) {
          out.write('{"big":"');
          sent = 8;
        }
        while (sent < body.bytes - 2) {
          if (res.destroyed) return;
          const piece = chunk.subarray(0, Math.min(chunk.length, body.bytes - 2 - sent));
          sent += piece.length;
          if (!out.write(piece)) {
            out.once("drain", pump);
            return;
          }
        }
        out.end('"}');
      };
      pump();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const client = new TopClient({
    appKey: "1",
    appSecret: "bench-0123456789abcdef0123456789ab",
    gateway: `http://127.0.0.1:${port}/router/rest`,
    ...options,
  });
  try {
    const keep = await client.executeRaw({ method: "taobao.bench.get" });
    return {
      keep,
      note: `read whole: string of ${(keep as { big: string }).big.length.toLocaleString("en")} characters`,
    };
  } catch (err) {
    return { keep: undefined, note: `${(err as { name: string }).name} ${(err as { kind?: string }).kind ?? ""}` };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

async function child(name: string): Promise<void> {
  const c = CASES[name];
  if (c === undefined) throw new Error(`no case ${name}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  // a flat string, as a body read from the network is (a built one would be flattened inside the measurement)
  const input = Buffer.from(c.prepare?.() ?? "", "utf8").toString("utf8");
  await (await fetch("data:,warm")).text(); // Node loads undici on the first fetch: not the case's cost
  gc();
  const before = process.memoryUsage();
  const highBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const { keep, note } = await c.run(input);
  const ms = performance.now() - started;
  const peakKiB = process.resourceUsage().maxRSS;
  gc();
  const after = process.memoryUsage();
  const retained = after.heapUsed - before.heapUsed;
  const result: Result = {
    ms,
    peakMiB: peakKiB / 1024 - before.rss / MB,
    atMost: peakKiB <= highBefore,
    retainedMiB: retained / MB,
    note,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (keep === Symbol.for("never")) console.log(keep, input); // keeps the result alive up to the measurement
}

function main(): void {
  const self = join(REPO, "dist", "bench", "client.js");
  const runs = Number(process.env["BENCH_RUNS"] ?? 3);
  const rows: string[] = [];
  for (const [name, c] of Object.entries(CASES)) {
    const results: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", self, name], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      results.push(JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "") as Result);
    }
    const median = (pick: (r: Result) => number): number =>
      [...results.map(pick)].sort((a, b) => a - b)[Math.floor(results.length / 2)] ?? 0;
    const peak = median((r) => r.peakMiB);
    const le = results.some((r) => r.atMost) ? "≤ " : "";
    const ratio = c.sizeMiB <= 64 ? `${le}${(peak / c.sizeMiB).toFixed(2)}×` : "—";
    const row = `| ${c.title} | ${median((r) => r.ms).toFixed(0)} ms | ${le}${peak.toFixed(0)} MiB | ${ratio} | ${median((r) => r.retainedMiB).toFixed(0)} MiB | ${results[0]?.note ?? ""} |`;
    console.log(row);
    rows.push(row);
  }
  const text = [
    "# Client benchmark (npm run bench:client)",
    "",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}. ${runs} runs per row, each in a fresh process; median.`,
    "Other work sharing the machine makes times noisy: compare rows of one run.",
    "Peak: the process's peak RSS minus its RSS just before the case (input text already built); × is that over the body size.",
    "≤: the case stayed under the high-water mark left by building its input, so its own peak is at most that.",
    "Retained: JS heap growth with the result still alive, after a GC (a slice of the body text costs nothing here;",
    "a negative figure is garbage from building the input, collected only then).",
    "The TopClient rows include the loopback server in the same process and undici's reading; the decode rows are",
    "the text → typed value step alone.",
    "",
    "| case | time | peak RSS growth | × size | retained | outcome |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(join(REPO, "bench", "CLIENT-RESULTS.md"), text);
}

const name = process.argv[2];
if (name === undefined) main();
else await child(name);
