// What a text page lacks, said as warnings: a page cut before its footer (the source cuts most copies at about
// 2,000 bytes), a page with no response table, a page with no samples to check the depth of nested rows against.
// Only for a page read as text: an HTML page rendered to text (html/rendered.ts) has no footer to look for.

import type { RawDiagnostic, RawPage } from "./raw.js";
import { readTextPage, TITLE } from "./text.js";
import { splitSections } from "./text-sections.js";

/** The footer a whole page ends with (ARCHITECTURE.md "Doc pages"). */
const FOOTER = "顶部";

export function readTextPageWithGaps(text: string, file: string): RawPage {
  const page = readTextPage(text, file);
  return { ...page, diagnostics: [...page.diagnostics, ...textPageGaps(text, page)] };
}

export function textPageGaps(text: string, page: RawPage): RawDiagnostic[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ no: i + 1, text: t }));
  const titleIndex = lines.findIndex((l) => TITLE.test(l.text.trim()));
  const sections = splitSections(lines, titleIndex + 1);
  const out: RawDiagnostic[] = [];
  const last = [...lines].reverse().find((l) => l.text.trim() !== "");
  if (last && last.text.trim() !== FOOTER) {
    const section = [...sections].reverse().find((s) => s.headerLine <= last.no);
    const where = section ? `in ${section.name}` : "before the first section";
    out.push({
      level: "warning",
      message: `page ends early (no 返回/顶部 footer): the text stops ${where} at line ${last.no}; only what it shows is read`,
      line: last.no,
    });
  }
  const response = sections.find((s) => s.name === "响应参数");
  if (!response) {
    out.push({
      level: "warning",
      message: "no 响应参数 (response parameters) table on this page: the response has no fields",
    });
  } else if (page.response.length === 0) {
    out.push({
      level: "warning",
      message: "the 响应参数 (response parameters) table lists no fields",
      line: response.headerLine,
    });
  }
  if (!page.samples.request) {
    out.push({
      level: "warning",
      message: "no 请求示例 (Java request sample) on this page: nothing checks the depth of nested request rows",
    });
  }
  if (!page.samples.response) {
    out.push({
      level: "warning",
      message: "no 响应示例 (XML response sample) on this page: nothing checks the depth of nested response rows",
    });
  }
  return out;
}
