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
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      file,
      lineAt(bytes, at),
      `not UTF-8 text (byte ${at + 1} starts no UTF-8 character), not a doc page`,
    );
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

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const [n, lo, hi] =
      b < 0x80
        ? [0, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [1, 0x80, 0xbf]
          : b === 0xe0
            ? [2, 0xa0, 0xbf]
            : b === 0xed
              ? [2, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [2, 0x80, 0xbf]
                : b === 0xf0
                  ? [3, 0x90, 0xbf]
                  : b >= 0xf1 && b <= 0xf3
                    ? [3, 0x80, 0xbf]
                    : b === 0xf4
                      ? [3, 0x80, 0x8f]
                      : [-1, 0, 0];
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
