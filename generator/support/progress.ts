// Progress for long runs: a bar on a terminal, plain periodic lines otherwise (CI, pipes), nothing for small runs.

export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

const SMALL = 300;

export function progressFor(apis: number, stream: NodeJS.WriteStream = process.stderr, label = "generating"): Progress {
  if (apis < SMALL) return { update: () => undefined, end: () => undefined };
  const start = Date.now();
  if (stream.isTTY && !process.env["CI"]) {
    return {
      update(done, total) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(
          `\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${elapsed(start)}`,
        );
      },
      end: () => stream.write("\n"),
    };
  }
  let lastPrinted = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((done / total) * 10);
      if (tenth === lastPrinted && done !== total) return;
      lastPrinted = tenth;
      stream.write(
        `${label}: ${done}/${total} batches (${Math.round((done / total) * 100)}%) after ${elapsed(start)}\n`,
      );
    },
    end: () => undefined,
  };
}

function elapsed(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}
