// The HTML page as a DOM (parse5 through cheerio, with source locations), and the few questions the HTML reader
// asks of it: which elements are shown, what text they show, and on which source line.

import { createRequire } from "node:module";
import type * as Cheerio from "cheerio";
import { isTag, isText, type AnyNode, type Document, type Element, type ParentNode, type Text } from "domhandler";

let cheerio: typeof Cheerio | undefined;

/** Parses a whole page or a fragment (`<div>…`, `<table>…`) the way a browser does. */
export function loadHtml(text: string): Document {
  // cheerio (with parse5 and undici) loads with the first HTML page: a run over JSON or text pages never pays for it.
  cheerio ??= createRequire(import.meta.url)("cheerio") as typeof Cheerio;
  const $ = cheerio.load(text.replace(/^\uFEFF/, ""), { sourceCodeLocationInfo: true });
  const root = $.root().get(0);
  if (!root) throw new Error("cheerio returned no document");
  return root;
}

/** Elements whose content is never shown on the page. */
const UNSHOWN = new Set([
  "head",
  "title",
  "meta",
  "link",
  "base",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "select",
  "textarea",
  "input",
]);

/** Not shown: unshown tags, and hiding by attribute or inline style (a saved page has no stylesheet logic). */
export function isHidden(el: Element): boolean {
  if (UNSHOWN.has(el.name)) return true;
  const attrs = el.attribs;
  if (attrs["hidden"] !== undefined || attrs["aria-hidden"] === "true") return true;
  if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs["style"] ?? "")) return true;
  return classes(el).includes("hidden");
}

/** Hidden itself or inside a hidden element. */
export function hiddenWithin(el: Element): boolean {
  for (let n: ParentNode | null = el; n; n = n.parent) if (isTag(n) && isHidden(n)) return true;
  return false;
}

export function classes(el: Element): string[] {
  return (el.attribs["class"] ?? "").split(/\s+/).filter((c) => c !== "");
}

export function childElements(node: AnyNode): Element[] {
  return "children" in node ? node.children.filter(isTag) : [];
}

/** Every element under `node` (not `node` itself), in document order. */
export function descendants(node: AnyNode): Element[] {
  const out: Element[] = [];
  const visit = (n: AnyNode): void => {
    for (const child of childElements(n)) {
      out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}

/** The nearest ancestor (not `el` itself) with one of the tag names. */
export function closest(el: Element, names: readonly string[]): Element | undefined {
  for (let p = el.parent; p; p = p.parent) if (isTag(p) && names.includes(p.name)) return p;
  return undefined;
}

/** The shown text of `node`, whitespace collapsed, no block structure (for labels, headers, names). */
export function shownText(node: AnyNode): string {
  return shortShownText(node, Infinity)!;
}

/** shownText, or undefined as soon as it is known to be longer than `max` characters (cheap on big subtrees). */
export function shortShownText(node: AnyNode, max: number): string | undefined {
  let out = "";
  let over = false;
  const visit = (n: AnyNode): void => {
    if (over) return;
    if (isText(n)) {
      const piece = n.data.replace(/[ \t\n\r\f]+/g, " ");
      out += out.endsWith(" ") && piece.startsWith(" ") ? piece.slice(1) : piece;
      if (out.length > max && out.trim().length > max) over = true; // trim() is never longer than collapse()
    } else if (isTag(n) && !isHidden(n)) {
      if (n.name === "br") out += " ";
      n.children.forEach(visit);
    }
  };
  visit(node);
  return over ? undefined : collapse(out);
}

function collapse(text: string): string {
  return text
    .replace(/[ \t\n\r\f]+/g, " ")
    .replace(/\u00a0/g, " ")
    .trim();
}

/** 1-based source line of character `index` of a text node. */
export function lineInText(text: Text, index: number): number {
  const start = text.sourceCodeLocation?.startLine ?? (text.parent ? lineOf(text.parent) : 1);
  let line = start;
  for (let i = 0; i < index && i < text.data.length; i++) if (text.data.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based source line of the first shown character of `node`, else of its start tag. */
export function lineOf(node: AnyNode): number {
  const first = firstVisibleChar(node);
  if (first) return lineInText(first.text, first.index);
  for (let n: AnyNode | null = node; n; n = n.parent) {
    const line = n.sourceCodeLocation?.startLine;
    if (line !== undefined) return line;
  }
  return 1;
}

function firstVisibleChar(node: AnyNode): { text: Text; index: number } | undefined {
  if (isText(node)) {
    const index = node.data.search(/[^ \t\n\r\f]/);
    return index >= 0 ? { text: node, index } : undefined;
  }
  if (!isTag(node) && node.type !== "root") return undefined;
  if (isTag(node) && isHidden(node)) return undefined;
  for (const child of "children" in node ? node.children : []) {
    const found = firstVisibleChar(child);
    if (found) return found;
  }
  return undefined;
}
