// Splits a text page into its sections (公共参数, 请求参数, …) by their header lines.

export interface Section {
  name: string;
  headerLine: number;
  lines: { no: number; text: string }[];
}

export const SECTION_NAMES = [
  "公共参数",
  "请求参数",
  "响应参数",
  "请求示例",
  "响应示例",
  "异常示例",
  "错误码解释",
  "API工具",
  "如何获得此API",
  "FAQ",
  "返回",
  "顶部",
] as const;

const HEADERS = new Set<string>(SECTION_NAMES);

export function splitSections(lines: { no: number; text: string }[], from: number): Section[] {
  const sections: Section[] = [];
  for (const line of lines.slice(from)) {
    const t = line.text.trim();
    if (HEADERS.has(t)) sections.push({ name: t, headerLine: line.no, lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections;
}
