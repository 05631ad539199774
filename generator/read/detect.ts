// Format detection by content, not by file extension.

import { InputError } from "../support/errors.js";
import type { SourceFormat } from "./raw.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes the file as UTF-8 and tells its format; binary, empty or undecodable files are input errors. */
export function detectFormat(bytes: Uint8Array, file: string): { format: SourceFormat; text: string } {
  if (bytes.length === 0) throw new InputError(file, 1, "empty file");
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(file, lineAt(bytes, nul), "binary file (NUL byte), not a doc page");
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(file, undefined, "not UTF-8 text, not a doc page");
  }
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head === "") throw new InputError(file, 1, "empty file (only whitespace)");
  // Browsers' "Save page as" may put `<!-- saved from url=… -->` or an XML declaration before the page.
  const markup = head.replace(/^(?:<!--[\s\S]*?-->\s*|<\?xml[\s\S]*?\?>\s*)+/, "");
  if (markup !== head && /^<(?:!doctype\s+html|html|head|body)\b/i.test(markup)) return { format: "html", text };
  if (head.startsWith("{")) return { format: "json", text };
  if (/^<(?:!doctype\s+html|html|head|body|meta|div|table)\b/i.test(head)) return { format: "html", text };
  return { format: "text", text };
}

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}
