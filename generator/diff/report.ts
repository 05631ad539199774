// The change report as text (a terminal), Markdown (a pull request) or JSON (a tool).

import { CLASSES, type Change, type ChangeClass } from "./changes.js";

export type ReportFormat = "text" | "markdown" | "json";

const LABEL: Record<ChangeClass, string> = { breaking: "breaking", additive: "additive", docs: "docs only" };

export function countByClass(changes: readonly Change[]): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { breaking: 0, additive: 0, docs: 0 };
  for (const c of changes) counts[c.class]++;
  return counts;
}

export function summaryLine(changes: readonly Change[]): string {
  const counts = countByClass(changes);
  if (changes.length === 0) return "no changes";
  return CLASSES.map((k) => `${counts[k]} ${LABEL[k]}`).join(", ");
}

function byMethod(changes: readonly Change[]): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const c of changes) out.set(c.method, [...(out.get(c.method) ?? []), c]);
  return out;
}

/** Breaking first, then additive, then docs; the order within a class is the specs' field order. */
function ordered(changes: readonly Change[]): Change[] {
  return CLASSES.flatMap((k) => changes.filter((c) => c.class === k));
}

function where(c: Change): string {
  if (c.side === "api") return "(api)";
  if (c.side === "input" || c.side === "output" || c.side === "other") return c.path === "" ? "(module)" : c.path;
  return c.path === "" ? `${c.side} rules` : `${c.side}.${c.path}`;
}

export function formatReport(changes: readonly Change[], format: ReportFormat): string {
  if (format === "json") return JSON.stringify({ summary: countByClass(changes), changes }, null, 2) + "\n";
  if (format === "markdown") return markdown(changes);
  return text(changes);
}

function text(changes: readonly Change[]): string {
  const lines: string[] = [];
  for (const [method, list] of byMethod(changes)) {
    lines.push(`${method}: ${summaryLine(list)}`);
    for (const c of ordered(list))
      lines.push(`  ${LABEL[c.class].padEnd(9)}  ${where(c)}: ${c.what}${c.note ? ` (${c.note})` : ""}`);
  }
  lines.push(`${byMethod(changes).size} changed: ${summaryLine(changes)}`);
  return lines.join("\n") + "\n";
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function markdown(changes: readonly Change[]): string {
  const lines = [`## API changes: ${summaryLine(changes)}`, ""];
  if (changes.length === 0) return lines.join("\n");
  for (const [method, list] of byMethod(changes)) {
    lines.push(
      `### \`${method}\` — ${summaryLine(list)}`,
      "",
      "| class | where | change | note |",
      "|---|---|---|---|",
    );
    for (const c of ordered(list)) {
      const cls = c.class === "breaking" ? "**breaking**" : LABEL[c.class];
      lines.push(`| ${cls} | \`${cell(where(c))}\` | ${cell(c.what)} | ${cell(c.note ?? "")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
