// The layout shape of a text page's parameter tables, to check the renderer against real pages: one token per
// line kind with its indent (`row@0`, `leaf@4` for `    • └ name`, `limit@2`, `heading@4` …), runs of plain cell
// bullets collapsed into one token (how many cells a row shows depends on which are empty, which the catalogue
// cannot tell: it keeps no examples).

const SECTIONS = new Set(["公共参数", "请求参数", "响应参数", "请求示例"]);
const LIMIT = /^(最大长度|最大列表长度|最大值|最小值|默认值)\s*:/;

export function lineShape(line: string): string | undefined {
  if (line.trim() === "") return undefined;
  const indent = /^ */.exec(line)![0].length;
  const text = line.trim();
  const bullet = /^•\s?(.*)$/.exec(text);
  if (bullet) {
    const cell = bullet[1]!.trim();
    if (cell.startsWith("└")) return `leaf@${indent}`;
    if (LIMIT.test(cell)) return `limit@${indent}`;
    return `cell@${indent}`;
  }
  if (SECTIONS.has(text)) return `heading@${indent}`;
  if (text.startsWith("名称 类型")) return `header@${indent}`;
  return `row@${indent}`;
}

/** Shapes of the lines from 请求参数 up to (and with) the 请求示例 heading, cell runs collapsed. */
export function tableShapes(page: string): string[] {
  const lines = page.split(/\r\n|\r|\n/);
  const start = lines.findIndex((l) => l.trim() === "请求参数");
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start)) {
    const shape = lineShape(line);
    if (shape === undefined) continue;
    if (shape.startsWith("cell@") && out[out.length - 1] === shape) continue;
    out.push(shape);
    if (line.trim() === "请求示例") break;
  }
  return out;
}

/**
 * Whether the rendered page shows the real page's shapes: the real page's tokens (its last one dropped when the
 * page is cut, as it may be cut inside that line or run) are the first tokens of the rendered page's.
 */
export function sameShapes(
  real: string,
  rendered: string,
  realIsCut: boolean,
): { same: boolean; at?: number; real: string[]; rendered: string[] } {
  const r = tableShapes(real);
  const want = realIsCut ? r.slice(0, -1) : r;
  const got = tableShapes(rendered);
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i]) return { same: false, at: i, real: want, rendered: got };
  }
  return { same: true, real: want, rendered: got };
}
