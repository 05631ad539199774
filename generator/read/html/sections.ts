// The page's sections (公共参数, 请求参数, …) in the DOM: a heading is the innermost shown element whose whole
// text is a section name (not a list item: an in-page table of contents is not a heading); everything after it
// in document order, up to the next heading, belongs to that section.

import type { Document, Element } from "domhandler";
import { SECTION_NAMES } from "../text-sections.js";
import { closest, descendants, hiddenWithin, shortShownText } from "./dom.js";

export type SectionName = (typeof SECTION_NAMES)[number];

export interface Sections {
  /** The section `el` is in, undefined before the first heading. */
  of(el: Element): SectionName | undefined;
  /** The elements under every heading named `section`, in document order; hidden ones too (inactive tab panes). */
  elements(section: SectionName): Element[];
}

const NAMES = new Set<string>(SECTION_NAMES);
const LONGEST = Math.max(...SECTION_NAMES.map((n) => n.length));

export function findSections(doc: Document): Sections {
  const all = descendants(doc);
  const order = new Map(all.map((el, i) => [el, i] as const));
  const headings: { at: number; name: SectionName }[] = [];
  all.forEach((el, i) => {
    const text = shortShownText(el, LONGEST);
    if (text === undefined || !NAMES.has(text) || el.name === "li" || closest(el, ["li"]) || hiddenWithin(el)) return;
    if (descendants(el).some((d) => shortShownText(d, LONGEST) === text)) return; // not the innermost
    headings.push({ at: i, name: text as SectionName });
  });

  const of = (el: Element): SectionName | undefined => {
    const at = order.get(el);
    let found: SectionName | undefined;
    for (const h of headings) {
      if (at === undefined || h.at >= at) break;
      found = h.name;
    }
    return found;
  };
  return { of, elements: (section) => all.filter((el) => of(el) === section) };
}
