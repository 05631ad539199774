// Path 2, for a page whose DOM gives no parameter tables: render it to the seeds' text layout and let the text
// reader read that, then point every line number (rows, notes, errors) back at the HTML source.

import { InputError } from "../../support/errors.js";
import type { RawDiagnostic, RawPage } from "../raw.js";
import { readTextPage } from "../text.js";
import { renderedText, type RenderedLine } from "./render.js";

export function readRenderedPage(lines: RenderedLine[], file: string, notes: RawDiagnostic[] = []): RawPage {
  const source = (renderedLine: number): number => lines[renderedLine - 1]?.line ?? lines[lines.length - 1]?.line ?? 1;
  let page: RawPage;
  try {
    page = readTextPage(renderedText(lines), file);
  } catch (err) {
    if (err instanceof InputError)
      throw new InputError(file, err.line === undefined ? undefined : source(err.line), err.reason);
    throw err;
  }
  const relined = <T extends { line?: number }>(item: T): T =>
    item.line === undefined ? item : { ...item, line: source(item.line) };
  return {
    ...page,
    format: "html",
    request: page.request.map(relined),
    response: page.response.map(relined),
    diagnostics: [...notes, ...page.diagnostics.map(relined)],
  };
}
