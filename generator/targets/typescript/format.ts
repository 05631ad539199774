// format stage. The templates write prettier's own layout for every line that fits the print width, so a
// module whose code lines all fit is already formatted and prettier is not run on it (prettier was over half
// of a cold run's time). A module with a longer code line goes through prettier, which decides how to break it.
// That the rendered modules are prettier's fixed points is a test (test/targets/typescript/layout.test.ts) over the seeds,
// the integration cases and a catalogue sample, and `npm run test:catalogue` checks every catalogue API.

import type { Options } from "prettier";
import { isSchemaTextEnd, isSchemaTextStart, isUnbreakableMember, PRINT_WIDTH } from "./layout.js";

// babel-ts prints the same code as the typescript parser here (checked over a 300-API sample) and is ~20% faster.
export const PRETTIER_OPTIONS: Options = { parser: "babel-ts", printWidth: PRINT_WIDTH };

export async function prettierFormat(code: string): Promise<string> {
  const prettier = await import("prettier");
  return prettier.format(code, PRETTIER_OPTIONS);
}

/** The module in prettier's layout: as rendered when every code line fits, else through prettier. */
export async function formatTs(code: string): Promise<string> {
  return fitsPrintWidth(code) ? code : prettierFormat(code);
}

/**
 * True when no code line can be wider than the print width. Comment lines and the lines of a schema text
 * (template literal content) are left as they are by prettier, whatever their width. A line's width is bounded
 * by counting each non-ASCII UTF-16 unit as two columns (prettier counts wide CJK characters as two).
 */
export function fitsPrintWidth(code: string): boolean {
  let inSchema = false;
  for (const line of code.split("\n")) {
    if (inSchema) {
      inSchema = !isSchemaTextEnd(line);
      continue;
    }
    if (isSchemaTextStart(line)) inSchema = true;
    const text = line.trimStart();
    if (text.startsWith("*") || text.startsWith("/*") || text.startsWith("//")) continue;
    if (line.length > PRINT_WIDTH / 2 && widthBound(line) > PRINT_WIDTH && !isUnbreakableMember(line)) return false;
  }
  return true;
}

function widthBound(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) width += line.charCodeAt(i) < 0x80 ? 1 : 2;
  return width;
}
