// Renders HTML to the text layout of a doc page copied from the browser (the seeds' format, ARCHITECTURE.md "Doc pages"), keeping
// for every rendered line the HTML source line it came from.
//
// Rules: block elements start and end lines, `<p>` and headings are set off by a blank line (margins collapse,
// as innerText's "required line breaks" do); `<li>` → `  • text` whatever its nesting (the copy does not show
// depth); a table row is one line, its cells joined by single spaces, except that once a cell has shown a list
// the rest of the row continues that list (its later cells become bullets: how a limits list pulls the
// description under it); `<pre>` is kept verbatim; `<br>` ends a line; whitespace collapses except in `<pre>` and
// `&nbsp;` (shown as a plain space); hidden and script-like elements are dropped; entities are decoded.

import { isTag, isText, type AnyNode, type Element, type Text } from "domhandler";
import { childElements, isHidden, lineInText, lineOf } from "./dom.js";

export interface RenderedLine {
  text: string;
  /** 1-based line in the HTML source of the element that produced this line. */
  line: number;
}

export interface RenderOptions {
  /** Elements to leave out (with their content), besides the hidden ones. */
  skip?: (el: Element) => boolean;
}

export const BULLET_PREFIX = "  • ";

type Item =
  | { kind: "text"; text: string; line: number; pre: boolean }
  | { kind: "break"; count: number }
  | { kind: "newline" }
  | { kind: "bullet" };

const PARAGRAPHS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6"]);
const BLOCKS = new Set([
  "html",
  "body",
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "hr",
  "legend",
  "main",
  "menu",
  "nav",
  "ol",
  "section",
  "summary",
  "ul",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
]);
const CELLS = new Set(["td", "th"]);

/** Renders `nodes` (a document, an element, or an element's children) to lines. */
export function renderLines(nodes: AnyNode | AnyNode[], options: RenderOptions = {}): RenderedLine[] {
  const walker = new Walker(options.skip ?? (() => false));
  for (const node of Array.isArray(nodes) ? nodes : [nodes]) walker.node(node);
  return toLines(walker.items);
}

/** The lines of a `<pre>` (or any element taken as preformatted), shown or not. */
export function renderPre(el: Element): RenderedLine[] {
  const walker = new Walker(() => false);
  walker.preContent(el);
  return toLines(walker.items);
}

/** Rendered lines as one text, as the text reader takes it. */
export function renderedText(lines: RenderedLine[]): string {
  return lines.map((l) => l.text).join("\n");
}

class Walker {
  readonly items: Item[] = [];
  private preDepth = 0;

  constructor(private readonly skip: (el: Element) => boolean) {}

  node(node: AnyNode): void {
    if (isText(node)) this.text(node);
    else if (isTag(node)) this.element(node);
    else if ("children" in node) this.children(node.children);
  }

  private children(nodes: AnyNode[]): void {
    for (const n of nodes) this.node(n);
  }

  private shown(el: Element): boolean {
    return !isHidden(el) && !this.skip(el);
  }

  private element(el: Element): void {
    if (!this.shown(el)) return;
    const name = el.name;
    if (name === "br") return void this.items.push({ kind: "newline" });
    if (this.preDepth > 0) return this.children(el.children);
    if (name === "pre") return this.pre(el);
    if (name === "li") return this.listItem(el);
    if (name === "tr") return this.row(el);
    const breaks = PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0;
    if (breaks) this.items.push({ kind: "break", count: breaks });
    this.children(el.children);
    if (breaks) this.items.push({ kind: "break", count: breaks });
  }

  private text(node: Text): void {
    if (this.preDepth > 0) {
      const start = lineInText(node, 0);
      node.data.split("\n").forEach((part, i) => {
        if (i > 0) this.items.push({ kind: "newline" });
        this.items.push({ kind: "text", text: part, line: start + i, pre: true });
      });
      return;
    }
    const first = node.data.search(/[^ \t\n\r\f]/);
    const text = node.data.replace(/[ \t\n\r\f]+/g, " ");
    this.items.push({ kind: "text", text, line: lineInText(node, Math.max(first, 0)), pre: false });
  }

  private pre(el: Element): void {
    this.items.push({ kind: "break", count: 1 });
    this.preContent(el);
    this.items.push({ kind: "break", count: 1 });
  }

  /** The content of a `<pre>`, verbatim. */
  preContent(el: Element): void {
    const start = this.items.length;
    this.preDepth++;
    this.children(el.children);
    this.preDepth--;
    // A newline right before </pre> ends the last line; it does not start an empty one.
    let end = this.items.length;
    while (end > start && isEmptyPreText(this.items[end - 1]!)) end--;
    if (end > start && this.items[end - 1]!.kind === "newline") this.items.splice(end - 1, this.items.length - end + 1);
  }

  private listItem(el: Element): void {
    this.items.push({ kind: "break", count: 1 }, { kind: "bullet" });
    this.children(el.children);
    this.items.push({ kind: "break", count: 1 });
  }

  private row(tr: Element): void {
    this.items.push({ kind: "break", count: 1 });
    let continuesList = false;
    for (const cell of childElements(tr)) {
      if (!CELLS.has(cell.name) || !this.shown(cell)) continue;
      if (!this.showsText(cell)) continue; // an empty cell (even one holding an empty list) adds nothing
      if (continuesList) this.items.push({ kind: "break", count: 1 }, { kind: "bullet" });
      else this.items.push({ kind: "text", text: " ", line: lineOf(cell), pre: false });
      this.children(cell.children);
      if (!continuesList && this.showsListItem(cell)) continuesList = true;
    }
    this.items.push({ kind: "break", count: 1 });
  }

  /** True when a shown `<li>` with text is inside `el`. */
  private showsListItem(el: Element): boolean {
    return childElements(el).some(
      (c) => this.shown(c) && ((c.name === "li" && this.showsText(c)) || this.showsListItem(c)),
    );
  }

  private showsText(node: AnyNode): boolean {
    if (isText(node)) return /[^ \t\n\r\f]/.test(node.data);
    return isTag(node) && this.shown(node) && node.children.some((c) => this.showsText(c));
  }
}

function isEmptyPreText(item: Item): boolean {
  return item.kind === "text" && item.pre && item.text === "";
}

/** Turns the item stream into lines: collapses breaks, places bullets, trims collapsible spaces at line ends. */
function toLines(items: Item[]): RenderedLine[] {
  const out: RenderedLine[] = [];
  let current: { text: string; line: number; pre: boolean } | undefined;
  let breaks = 0;
  let bullet = false;

  const lastLine = (): number => out[out.length - 1]?.line ?? 1;
  const flush = (): void => {
    if (!current) return;
    const text = current.pre ? current.text : current.text.replace(/ +$/, "");
    out.push({ text: text.replace(/\u00a0/g, " "), line: current.line });
    current = undefined;
  };
  /** The blank lines owed to collapsed breaks (none before the first line), on the source line of the line before. */
  const blankLines = (): void => {
    if (out.length > 0) for (let k = 1; k < breaks; k++) out.push({ text: "", line: lastLine() });
    breaks = 0;
  };

  for (const item of items) {
    switch (item.kind) {
      case "text": {
        let text = item.text;
        if (!current) {
          if (!item.pre) text = text.replace(/^ +/, "");
          if (text === "") break;
          blankLines();
          current = { text: bullet ? BULLET_PREFIX : "", line: item.line, pre: false };
          bullet = false;
        } else if (!item.pre && current.text.endsWith(" ") && text.startsWith(" ")) {
          text = text.slice(1);
        }
        current.text += text;
        if (item.pre) current.pre = true;
        break;
      }
      case "break":
        flush();
        breaks = Math.max(breaks, item.count);
        bullet = false;
        break;
      case "newline":
        if (current) flush();
        else {
          blankLines();
          out.push({ text: "", line: lastLine() });
        }
        bullet = false;
        break;
      case "bullet":
        bullet = true;
        break;
    }
  }
  flush();
  return out;
}
