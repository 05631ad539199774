#!/usr/bin/env node
// Thin launcher for the compiled CLI. A package (npm pack, or the registry) ships dist/, built at prepack; only a
// source checkout of topgen can lack it, and there `npm install` (its prepare script) builds it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/generator/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  const home = fileURLToPath(new URL("..", import.meta.url));
  process.stderr.write(
    `topgen: ${home} is a source checkout of topgen that is not built yet; run \`npm install\` there\n`,
  );
  process.exit(2);
}
await import(cli.href);
