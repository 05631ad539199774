// format stage: prettier, with the options every generated file shares.

import * as prettier from "prettier";

export const PRETTIER_OPTIONS: prettier.Options = { parser: "typescript", printWidth: 120 };

export function formatTs(code: string): Promise<string> {
  return prettier.format(code, PRETTIER_OPTIONS);
}
