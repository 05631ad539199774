// Reader for a doc page copied as text (the seeds' format; ARCHITECTURE.md "Doc pages"). It records what the text shows and
// leaves what the text cannot tell (depth, example-vs-description on some rows) to the normalizer.

import { InputError } from "../support/errors.js";
import type { RawDiagnostic, RawLimits, RawPage, RawRow, RawSamples } from "./raw.js";
import { splitSections, type Section } from "./text-sections.js";
import { isRequiredCell, isTypeCell, parseLimitBullet, SPECIAL_OPTIONAL, splitTopLevelRow } from "./text-cells.js";

interface Line {
  no: number;
  text: string;
}

const BULLET = /^\s*•\s?(.*)$/;
const NESTED_MARK = /^└\s*/;

export function readTextPage(text: string, file: string): RawPage {
  const lines: Line[] = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ no: i + 1, text: t }));
  const diagnostics: RawDiagnostic[] = [];

  const titleIndex = lines.findIndex((l) => TITLE.test(l.text.trim()));
  if (titleIndex < 0) {
    throw new InputError(file, firstNonEmptyLine(lines), "not a TOP doc page: no title line `method (中文名)` found");
  }
  const titleMatch = TITLE.exec(lines[titleIndex]!.text.trim())!;
  const sections = splitSections(lines, titleIndex + 1);

  const requestSection = sections.find((s) => s.name === "请求参数");
  if (!requestSection) {
    throw new InputError(file, lines[titleIndex]!.no, "no 请求参数 (request parameters) section on this page");
  }
  const descriptionEnd = sections[0]?.headerLine ?? lines.length + 1;
  const description = lines
    .slice(titleIndex + 1)
    .filter((l) => l.no < descriptionEnd)
    .map((l) => l.text.trim())
    .filter((t) => t !== "")
    .join("\n");

  const responseSection = sections.find((s) => s.name === "响应参数");
  return {
    format: "text",
    file,
    method: titleMatch[1]!,
    title: titleMatch[2]!.trim(),
    description,
    request: readTable(requestSection, true, diagnostics),
    response: responseSection ? readTable(responseSection, false, diagnostics) : [],
    samples: readSamples(sections),
    diagnostics,
  };
}

/** The title line `method (中文名)`; shared with the HTML reader. */
export const TITLE = /^([A-Za-z][\w.-]*\.[\w.-]+)\s*\((.*)\)$/;

function firstNonEmptyLine(lines: Line[]): number {
  return lines.find((l) => l.text.trim() !== "")?.no ?? 1;
}

/** Reads the rows of a 请求参数 (`withRequired`) or 响应参数 table. */
function readTable(section: Section, withRequired: boolean, diagnostics: RawDiagnostic[]): RawRow[] {
  const rows: RawRow[] = [];
  let body = section.lines.filter((l) => l.text.trim() !== "");
  if (body[0] && body[0].text.trim().startsWith("名称 类型")) body = body.slice(1);

  let i = 0;
  while (i < body.length) {
    const line = body[i]!;
    if (BULLET.test(line.text)) {
      diagnostics.push({ level: "warning", message: "bullet with no row above it was ignored", line: line.no });
      i++;
      continue;
    }
    const top = splitTopLevelRow(line.text.trim(), withRequired);
    if (!top) {
      const prev = rows[rows.length - 1];
      if (prev) {
        appendDescription(prev, line.text.trim());
        diagnostics.push({
          level: "info",
          message: `line read as a continuation of ${prev.name}'s description`,
          line: line.no,
        });
      } else {
        diagnostics.push({ level: "warning", message: "line that is not a table row was ignored", line: line.no });
      }
      i++;
      continue;
    }
    const bullets: Line[] = [];
    i++;
    while (i < body.length && BULLET.test(body[i]!.text)) bullets.push(body[i++]!);

    const row: RawRow = { line: line.no, name: top.name, type: top.type, limits: {}, depth: 0 };
    if (top.required !== undefined) row.required = top.required;
    if (top.requiredCell === SPECIAL_OPTIONAL) specialOptional(row, diagnostics);
    const rest = readLimitsAndDescription(bullets, row.limits, withRequired);
    if (rest.limitCount > 0 || rest.description !== undefined) {
      // With a limits list, the description moves into a bullet, so the text on the row is the example alone.
      if (top.rest) row.example = top.rest;
      if (rest.description !== undefined) row.description = rest.description;
    } else if (top.rest) {
      row.unsettled = { text: top.rest, joined: true };
    }
    rows.push(row);
    rows.push(...readNestedRows(bullets.slice(rest.consumed), withRequired, diagnostics));
  }
  return rows;
}

function specialOptional(row: RawRow, diagnostics: RawDiagnostic[]): void {
  diagnostics.push({
    level: "info",
    message: `${row.name}: 是否必须 is ${SPECIAL_OPTIONAL}; read as optional (needed only where the description says)`,
    line: row.line,
  });
}

function appendDescription(row: RawRow, text: string): void {
  if (row.description !== undefined) row.description += "\n" + text;
  else if (row.unsettled) row.unsettled = { text: row.unsettled.text + "\n" + text, joined: row.unsettled.joined };
  else row.description = text;
}

/** Limit bullets right under a top-level row, then (when limits were listed) the description bullet. */
function readLimitsAndDescription(
  bullets: Line[],
  limits: RawLimits,
  withRequired: boolean,
): { consumed: number; limitCount: number; description?: string } {
  let k = 0;
  while (k < bullets.length && parseLimitBullet(bulletText(bullets[k]!), limits)) k++;
  const limitCount = k;
  const next = bullets[k];
  if (limitCount > 0 && next && !startsNestedGroup(bullets, k, withRequired)) {
    return { consumed: k + 1, limitCount, description: bulletText(next) };
  }
  return { consumed: k, limitCount };
}

function bulletText(line: Line): string {
  return BULLET.exec(line.text)![1]!.trim();
}

/** A group starts at `└ name`, or at a bare name followed by a type cell (and, in requests, 必须/可选). */
function startsNestedGroup(bullets: Line[], k: number, withRequired: boolean): boolean {
  const first = bullets[k];
  if (!first) return false;
  const text = bulletText(first);
  if (NESTED_MARK.test(text)) return true;
  if (!/^[A-Za-z_][\w.-]*$/.test(text)) return false;
  const type = bullets[k + 1];
  if (!type || !isTypeCell(bulletText(type))) return false;
  if (!withRequired) return true;
  const req = bullets[k + 2];
  return req !== undefined && isRequiredCell(bulletText(req));
}

/** Nested rows are one bullet per cell with empty cells dropped; depth is not printed (normalizer's job). */
function readNestedRows(bullets: Line[], withRequired: boolean, diagnostics: RawDiagnostic[]): RawRow[] {
  const rows: RawRow[] = [];
  let k = 0;
  while (k < bullets.length) {
    if (!startsNestedGroup(bullets, k, withRequired)) {
      diagnostics.push({ level: "warning", message: "bullet outside any field was ignored", line: bullets[k]!.no });
      k++;
      continue;
    }
    const nameLine = bullets[k]!;
    const nameText = bulletText(nameLine);
    const marked = NESTED_MARK.test(nameText);
    const typeLine = bullets[k + 1];
    if (!typeLine) {
      // A cut page can end right after a nested row's name: there is no row to read.
      diagnostics.push({
        level: "warning",
        message: `the table ends after the name ${nameText.replace(NESTED_MARK, "")}; row dropped`,
        line: nameLine.no,
      });
      break;
    }
    const typeText = bulletText(typeLine);
    k += 2;
    const row: RawRow = {
      line: nameLine.no,
      name: nameText.replace(NESTED_MARK, ""),
      type: typeText,
      limits: {},
      nested: true,
    };
    if (!marked) row.hasChildren = true;
    if (withRequired && bullets[k] && isRequiredCell(bulletText(bullets[k]!))) {
      row.required = bulletText(bullets[k]!) === "必须";
      if (bulletText(bullets[k]!) === SPECIAL_OPTIONAL) specialOptional(row, diagnostics);
      k++;
    }
    const cells: string[] = [];
    while (k < bullets.length && !startsNestedGroup(bullets, k, withRequired)) {
      const text = bulletText(bullets[k++]!);
      // A nested row can carry limit bullets too (默认值:…); they are no example or description.
      if (!parseLimitBullet(text, row.limits)) cells.push(text);
    }
    if (cells.length === 1) {
      row.unsettled = { text: cells[0]!, joined: false };
    } else if (cells.length >= 2) {
      row.example = cells[0]!;
      row.description = cells.slice(1).join("\n");
      if (cells.length > 2) {
        diagnostics.push({
          level: "info",
          message: `${row.name}: extra bullets joined into its description`,
          line: nameLine.no,
        });
      }
    }
    rows.push(row);
  }
  return rows;
}

function readSamples(sections: Section[]): RawSamples {
  const samples: RawSamples = {};
  const request = sampleCode(sections.find((s) => s.name === "请求示例"));
  const response = sampleCode(sections.find((s) => s.name === "响应示例"));
  const error = sampleCode(sections.find((s) => s.name === "异常示例"));
  if (request) samples.request = request;
  if (response) {
    samples.response = response;
    samples.responseFormat = response.startsWith("<") ? "xml" : "json";
  }
  if (error) samples.error = error;
  return samples;
}

/** The sample's code without the tab bullets (`• JAVA`, `• XML示例`), dedented by the page's extra indent. */
function sampleCode(section: Section | undefined): string | undefined {
  if (!section) return undefined;
  const code = section.lines.filter((l) => !BULLET.test(l.text));
  while (code.length && code[0]!.text.trim() === "") code.shift();
  while (code.length && code[code.length - 1]!.text.trim() === "") code.pop();
  if (code.length === 0) return undefined;
  const indent = Math.min(...code.filter((l) => l.text.trim() !== "").map((l) => /^\s*/.exec(l.text)![0].length));
  return code.map((l) => l.text.slice(indent).trimEnd()).join("\n");
}
