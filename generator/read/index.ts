// One entry for every format: detect by content, then hand to that format's reader.

import { detectFormat } from "./detect.js";
import type { RawPage, SourceFormat } from "./raw.js";
import { readHtmlPage } from "./html.js";
import { isJsonApiPage, readJsonPage } from "./json.js";
import { readTextPageWithGaps } from "./text-end.js";

type Reader = (text: string, file: string) => RawPage;

/** A reader for every format detectFormat can answer (a Record, so a new format without one does not compile). */
const readers: Record<SourceFormat, Reader> = {
  text: readTextPageWithGaps,
  json: readJsonPage,
  html: readHtmlPage,
};

export function readPage(bytes: Uint8Array, file: string): RawPage {
  const { format, text } = detectFormat(bytes, file);
  return readers[format](text, file);
}

export type { RawPage } from "./raw.js";

/**
 * False for files a folder walk should pass over: JSON that is not an API page (the catalogue's per-category
 * `catelog.json`). Anything else is read, so that a broken page is an error rather than silently skipped.
 */
export function isDocPage(bytes: Uint8Array, file: string): boolean {
  let detected: ReturnType<typeof detectFormat>;
  try {
    detected = detectFormat(bytes, file);
  } catch {
    return true;
  }
  if (detected.format !== "json") return true;
  try {
    return isJsonApiPage(JSON.parse(detected.text));
  } catch {
    return true;
  }
}
