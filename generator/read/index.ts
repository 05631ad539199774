// One entry for every format: detect by content, then hand to that format's reader.

import { InputError } from "../errors.js";
import { detectFormat } from "./detect.js";
import type { RawPage, SourceFormat } from "./raw.js";
import { readJsonPage } from "./json.js";
import { readTextPage } from "./text.js";

type Reader = (text: string, file: string) => RawPage;

const readers: Partial<Record<SourceFormat, Reader>> = {
  text: readTextPage,
  json: readJsonPage,
};

export function readPage(bytes: Uint8Array, file: string): RawPage {
  const { format, text } = detectFormat(bytes, file);
  const reader = readers[format];
  if (!reader) throw new InputError(file, 1, `${format} doc pages are not supported yet`);
  return reader(text, file);
}

export type { RawPage } from "./raw.js";
