// Where topgen's own files live, whether it runs from source (generator/) or compiled (dist/generator/).

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The topgen package folder: the nearest ancestor whose package.json is named "topgen". */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "topgen")
      return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error("topgen: cannot find its own package folder");
    dir = up;
  }
}

export function defaultTemplatesDir(): string {
  return join(packageRoot(), "templates");
}
