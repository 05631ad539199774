// Facts from the XML response sample (cheerio in XML mode): element nesting shows the true depth, leaf text
// the true example values. Lists appear as `<trades><trade>…</trade></trades>`.

import * as cheerio from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import { isListTypeCell, nameKey, withoutLineNumbers, type FieldRef, type SampleFacts } from "./facts.js";

export function xmlSampleFacts(printed: string): SampleFacts | undefined {
  const sample = withoutLineNumbers(printed);
  const unclosed = unclosedElements(sample);
  let $: cheerio.CheerioAPI;
  try {
    $ = cheerio.load(sample, { xml: true });
  } catch {
    return undefined;
  }
  const root = $.root().children().first().get(0);
  if (!root || root.type !== "tag") return undefined;
  const all = $("*")
    .toArray()
    .filter((e): e is Element => e.type === "tag");

  const byName = (name: string) => all.filter((e) => nameKey(e.tagName) === nameKey(name));
  const elementChildren = (e: Element) => e.children.filter((c: AnyNode): c is Element => c.type === "tag");

  return {
    childrenOf(field: FieldRef) {
      const found = sameDepth(byName(field.name), field);
      if (found.length === 0) return undefined;
      const keys = new Set<string>();
      for (const e of found) {
        for (const c of elementChildren(e)) {
          if (isListTypeCell(field.type)) for (const g of elementChildren(c)) keys.add(nameKey(g.tagName));
          else keys.add(nameKey(c.tagName));
        }
      }
      return keys;
    },
    valueOf(parent: FieldRef | undefined, name: string) {
      for (const e of byName(name)) {
        if (elementChildren(e).length > 0) continue;
        const up = e.parent && e.parent.type === "tag" ? (e.parent as Element) : undefined;
        const ok =
          parent === undefined
            ? up === root
            : up !== undefined &&
              (nameKey(up.tagName) === nameKey(parent.name) ||
                (up.parent?.type === "tag" && nameKey((up.parent as Element).tagName) === nameKey(parent.name)));
        if (ok) return $(e).text();
      }
      return undefined;
    },
    isPartial: (field) => unclosed.has(nameKey(field.name)),
  };
}

/**
 * Of the elements named like `field`, those nested in as many same-named elements as the field is in same-named
 * structs (the outer `result` of `result` → `result` is not the inner one); all of them when that is unknown or
 * matches none.
 */
function sameDepth(found: Element[], field: FieldRef): Element[] {
  if (field.sameNameAncestors === undefined) return found;
  const key = nameKey(field.name);
  const depthOf = (e: Element) => {
    let n = 0;
    for (let up = e.parent; up && up.type === "tag"; up = up.parent) if (nameKey((up as Element).tagName) === key) n++;
    return n;
  };
  const matching = found.filter((e) => depthOf(e) === field.sameNameAncestors);
  return matching.length > 0 ? matching : found;
}

/** Keys of the elements a cut sample leaves open (a page cut by its source ends inside them). */
function unclosedElements(sample: string): Set<string> {
  const stack: string[] = [];
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  for (const m of sample.matchAll(tags)) {
    if (!m[2]) continue;
    if (m[3]) continue; // <empty/>
    if (m[1]) {
      const at = stack.lastIndexOf(m[2]);
      if (at >= 0) stack.length = at;
    } else stack.push(m[2]);
  }
  return new Set(stack.map(nameKey));
}
