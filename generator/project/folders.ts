// The folders a command needs, checked before it starts: light on imports, so that `generate` can check its specs
// folder without loading the parsers project.ts brings in.

import { existsSync, readdirSync, statSync } from "node:fs";
import { shownPath, type Config } from "../config/config.js";
import { InputError } from "../support/errors.js";

/** The fix `check` advises: one command that rebuilds specs and SDK from the config, wherever it is run below it. */
export const FIX_COMMAND = "npx topgen build";

/** A folder the command needs: missing, not a folder, or without the files it reads is a user error with the fix. */
export function requireFolder(dir: string, what: string, hasFiles: (names: string[]) => boolean, fix: string): void {
  const shown = shownPath(dir) || ".";
  if (!existsSync(dir))
    throw new InputError(`${shown}/`, undefined, `no such folder (the ${what} folder of the config); ${fix}`);
  if (!statSync(dir).isDirectory())
    throw new InputError(shown, undefined, `not a folder (the ${what} folder of the config); ${fix}`);
  if (!hasFiles(readdirSync(dir).filter((n) => !n.startsWith("."))))
    throw new InputError(`${shown}/`, undefined, `no ${what} in it; ${fix}`);
}

export function requireDocs(config: Config): void {
  requireFolder(config.docs, "doc pages", (names) => names.length > 0, "add a page with `topgen add <page>`");
}

export function requireSpecs(dir: string): void {
  requireFolder(
    dir,
    "specs",
    (names) => names.some((n) => n.endsWith(".json")),
    `run \`${FIX_COMMAND}\` to parse the doc pages into it, or \`topgen add <page>\``,
  );
}
