// An XML response sample (what text pages render) read as the JSON body the gateway would send, guided by the
// response shape: a list field's child elements are its items (`<results><publisher_order_dto>…` → an array,
// the XML's own wrapper element dropped, as in a simplified body), a struct field's child elements are its
// members, any other element is its text. Where the XML disagrees with the shape the disagreement is kept (a
// struct given as text stays text, a list given as text stays text), so the decoder reports it. Undocumented
// elements are kept as generic objects/text. Every leaf is a string: the decoder is lenient the way the
// official SDKs are (digit strings for Number, "true"/"false" for Boolean), so this checks the structure, the
// integer/decimal/date formats and the list/struct layout, not JSON number-vs-string typing.

import * as cheerio from "cheerio/slim";
import { isCDATA, isTag, isText, type AnyNode, type Element } from "domhandler";
import type { CheckedField, CheckedStruct } from "./shape.js";
import type { JsonObject } from "./body.js";

export interface XmlBody {
  /** The root element's tag (the `<name>_response` wrapper, or `error_response`). */
  readonly rootTag: string;
  readonly inner: JsonObject;
}

/** Undefined when the text holds no XML element. */
export function xmlSampleToJson(sample: string, root: CheckedStruct): XmlBody | undefined {
  let $: cheerio.CheerioAPI;
  try {
    $ = cheerio.load(sample, { xml: true });
  } catch {
    return undefined;
  }
  const top = $.root()
    .contents()
    .toArray()
    .find((n): n is Element => isTag(n));
  if (top === undefined) return undefined;
  return { rootTag: top.tagName, inner: structOf(top, root) };
}

function elements(e: Element): Element[] {
  return e.children.filter((c: AnyNode): c is Element => isTag(c));
}

/** The element's own text (text and CDATA children, in order); "" when it is only white space. */
function textOf(e: Element): string {
  let all = "";
  for (const c of e.children) {
    if (isText(c)) all += c.data;
    else if (isCDATA(c)) for (const t of c.children) if (isText(t)) all += t.data;
  }
  return all.trim() === "" ? "" : all;
}

function structOf(e: Element, struct: CheckedStruct): JsonObject {
  return collect(
    elements(e).map((child) => {
      const field = struct.fields.find((f) => f.shape.name === child.tagName);
      return [child.tagName, field === undefined ? generic(child) : fieldValue(child, field)];
    }),
  );
}

/** Members in order; a repeated element becomes an array of its values (for a non-list field the decoder objects). */
function collect(entries: Array<[string, unknown]>): JsonObject {
  const byKey = new Map<string, unknown[]>();
  for (const [key, value] of entries) {
    const values = byKey.get(key);
    if (values === undefined) byKey.set(key, [value]);
    else values.push(value);
  }
  const out: JsonObject = {};
  for (const [key, values] of byKey) {
    const value = values.length === 1 ? values[0] : values;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function fieldValue(e: Element, field: CheckedField): unknown {
  if (!field.shape.list) return itemValue(e, field);
  const children = elements(e);
  if (children.length === 0) {
    const text = textOf(e);
    return text === "" ? [] : text;
  }
  return children.map((c) => itemValue(c, field));
}

function itemValue(e: Element, field: CheckedField): unknown {
  const children = elements(e);
  if (field.struct !== undefined)
    return children.length === 0 && textOf(e) !== "" ? textOf(e) : structOf(e, field.struct);
  return children.length > 0 ? generic(e) : textOf(e);
}

function generic(e: Element): unknown {
  const children = elements(e);
  if (children.length === 0) return textOf(e);
  return collect(children.map((child) => [child.tagName, generic(child)]));
}
