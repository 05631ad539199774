// Reader for a TOP doc page saved from the browser as HTML. Where the DOM gives structure (parameter tables
// found by their header cells) the rows, cells, depth and samples are read from it directly; otherwise the page
// is rendered to the text layout of the seeds and read by the text reader (line numbers mapped back to the HTML).

import { InputError } from "../support/errors.js";
import type { RawDiagnostic, RawPage } from "./raw.js";
import { loadHtml } from "./html/dom.js";
import { readHead } from "./html/heading.js";
import { LayoutUnknown, readParamTable } from "./html/param-rows.js";
import { renderLines, type RenderedLine } from "./html/render.js";
import { readRenderedPage } from "./html/rendered.js";
import { readSamples } from "./html/samples.js";
import { findSections, type Sections } from "./html/sections.js";
import { findParamTables, type ParamTable } from "./html/tables.js";

export function readHtmlPage(text: string, file: string): RawPage {
  const doc = loadHtml(text);
  const lines = renderLines(doc);
  if (!lines.some((l) => l.text.trim() !== ""))
    throw new InputError(file, 1, "HTML page with no visible text, not a doc page");

  const sections = findSections(doc);
  const tables = findParamTables(doc, sections);
  if (!tables.request) return { ...readRenderedPage(lines, file), reader: "html-text" };
  try {
    return readStructured(lines, sections, { request: tables.request, response: tables.response }, file);
  } catch (err) {
    if (!(err instanceof LayoutUnknown)) throw err;
    const note: RawDiagnostic = {
      level: "info",
      message: `parameter table layout not understood (${err.reason}); read from the page's text rendering`,
      line: err.line,
    };
    return { ...readRenderedPage(lines, file, [note]), reader: "html-text" };
  }
}

function readStructured(
  lines: RenderedLine[],
  sections: Sections,
  tables: { request: ParamTable; response: ParamTable | undefined },
  file: string,
): RawPage {
  const diagnostics: RawDiagnostic[] = [];
  const head = readHead(lines, file);
  const request = readParamTable(tables.request, true, diagnostics);
  const response = tables.response ? readParamTable(tables.response, false, diagnostics) : [];
  return { format: "html", file, ...head, request, response, samples: readSamples(sections), diagnostics };
}
