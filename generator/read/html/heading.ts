// The page's head from its rendered lines, read as the text reader reads it: the title line `method (中文名)`,
// then the description up to the first section header.

import { InputError } from "../../support/errors.js";
import { SECTION_NAMES } from "../text-sections.js";
import type { RenderedLine } from "./render.js";
import { TITLE } from "../text.js";

export interface PageHead {
  method: string;
  title: string;
  description: string;
}

/** Same pattern as the text reader's title line. */
const HEADERS = new Set<string>(SECTION_NAMES);

export function readHead(lines: RenderedLine[], file: string): PageHead {
  const at = lines.findIndex((l) => TITLE.test(l.text.trim()));
  if (at < 0) {
    const first = lines.find((l) => l.text.trim() !== "")?.line ?? 1;
    throw new InputError(file, first, "not a TOP doc page: no title line `method (中文名)` found");
  }
  const match = TITLE.exec(lines[at]!.text.trim())!;
  const description: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const text = line.text.trim();
    if (HEADERS.has(text)) break;
    if (text !== "") description.push(text);
  }
  return { method: match[1]!, title: match[2]!.trim(), description: description.join("\n") };
}
