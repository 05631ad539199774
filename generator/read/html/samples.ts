// The samples from the page's code blocks: every `<pre>` of the 请求示例 / 响应示例 / 异常示例 sections, shown or in
// an inactive tab, labelled by its tab (JAVA, .NET, …; XML示例, JSON示例). The request sample is the Java one;
// the response and error samples prefer XML (what the text rendering shows, and what the normalizer reads).

import { isTag, type Element } from "domhandler";
import type { RawSamples } from "../raw.js";
import { closest, hiddenWithin, shownText } from "./dom.js";
import { renderPre } from "./render.js";
import type { SectionName, Sections } from "./sections.js";

interface Pane {
  label: string | undefined;
  shown: boolean;
  code: string;
}

export function readSamples(sections: Sections): RawSamples {
  const samples: RawSamples = {};
  const request = pickRequest(panesOf(sections, "请求示例"));
  if (request) samples.request = request;
  const response = panesOf(sections, "响应示例");
  const main = pickXmlOrJson(response.filter((p) => !isSimplified(p)));
  if (main) {
    samples.response = main;
    samples.responseFormat = main.startsWith("<") ? "xml" : "json";
  }
  const simplified = response.find(isSimplified);
  if (simplified) samples.responseSimplified = simplified.code;
  const error = pickXmlOrJson(panesOf(sections, "异常示例"));
  if (error) samples.error = error;
  return samples;
}

function pickRequest(panes: Pane[]): string | undefined {
  const java = panes.find((p) => p.label !== undefined && /^java$/i.test(p.label));
  if (java) return java.code;
  return panes.every((p) => p.label === undefined) ? panes.find((p) => p.shown)?.code : undefined;
}

function pickXmlOrJson(panes: Pane[]): string | undefined {
  const labelled = (re: RegExp): Pane | undefined => panes.find((p) => p.label !== undefined && re.test(p.label));
  return (labelled(/xml/i) ?? labelled(/json/i) ?? panes.find((p) => p.shown))?.code;
}

function isSimplified(pane: Pane): boolean {
  return pane.label !== undefined && /精简|simplif/i.test(pane.label);
}

function panesOf(sections: Sections, section: SectionName): Pane[] {
  const elements = sections.elements(section);
  const pres = elements.filter((el) => el.name === "pre" && !closest(el, ["pre"]));
  const tabs = tabsOf(elements);
  const inSection = new Set(elements);
  return pres
    .map((pre, i) => ({
      label: labelOf(pre, tabs, inSection) ?? (pres.length === tabs.length ? shownText(tabs[i]!) : undefined),
      shown: !hiddenWithin(pre),
      code: tidyCode(renderPre(pre).map((l) => l.text)),
    }))
    .filter((pane) => pane.code !== "");
}

/** The tabs: elements with role=tab, else the list items (that hold no code) of the section. */
function tabsOf(elements: Element[]): Element[] {
  const roles = elements.filter((el) => el.attribs["role"] === "tab");
  if (roles.length) return roles;
  return elements.filter((el) => el.name === "li" && !elements.some((p) => p.name === "pre" && isInside(p, el)));
}

/** The label of a pane from the markup (on the pane or its ancestors in the section): a tab pointing at it by id,
 * aria-labelledby, or a data-lang / data-tab attribute. */
function labelOf(pre: Element, tabs: Element[], inSection: ReadonlySet<Element>): string | undefined {
  for (let el: Element | undefined = pre; el && inSection.has(el); el = parentElement(el)) {
    const id = el.attribs["id"];
    if (id) {
      const tab = tabs.find((t) => pointsAt(t, id));
      if (tab) return shownText(tab);
    }
    const labelledBy = el.attribs["aria-labelledby"];
    const byId = labelledBy ? tabs.find((t) => t.attribs["id"] === labelledBy) : undefined;
    if (byId) return shownText(byId);
    const data = el.attribs["data-lang"] ?? el.attribs["data-tab"] ?? el.attribs["data-language"];
    if (data) return data;
  }
  return undefined;
}

function pointsAt(tab: Element, id: string): boolean {
  const links = [
    tab.attribs["aria-controls"],
    tab.attribs["href"],
    tab.attribs["data-target"],
    tab.attribs["data-bs-target"],
  ];
  if (links.some((l) => l === id || l === `#${id}`)) return true;
  return tab.children.some((c) => isTag(c) && c.attribs["href"] === `#${id}`);
}

function parentElement(el: Element): Element | undefined {
  return el.parent && isTag(el.parent) ? el.parent : undefined;
}

function isInside(el: Element, ancestor: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Code as the text reader gives it: blank lines around dropped, common indent removed, line ends trimmed. */
export function tidyCode(lines: string[]): string {
  const code = [...lines];
  while (code.length && code[0]!.trim() === "") code.shift();
  while (code.length && code[code.length - 1]!.trim() === "") code.pop();
  if (code.length === 0) return "";
  const indent = Math.min(...code.filter((l) => l.trim() !== "").map((l) => /^\s*/.exec(l)![0].length));
  return code.map((l) => l.slice(indent).trimEnd()).join("\n");
}
