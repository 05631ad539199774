// A description as plain text. Some doc descriptions carry HTML (`可选值: <ul><li>WAIT_BUYER_PAY(等待买家付款)</li>…`);
// the spec keeps the text as the page has it, and what is read from it (enum values) or shown of it (JSDoc) is
// this rendering: list items become bullets, line breaks and paragraphs become line breaks, other tags of HTML
// are dropped and entities decoded. Only the tags of HTML are touched: `List<String>` or `a<b` stay as they are.

const TAG_NAMES =
  "ul|ol|li|br|p|b|i|u|s|em|strong|span|div|font|a|table|thead|tbody|tr|td|th|h[1-6]|img|hr|pre|code|sup|sub|strike|center|blockquote|section|label";
const TAG = new RegExp(String.raw`<\/?(?:${TAG_NAMES})(?:\s[^<>]*)?\/?>`, "gi");
const ITEM = /<li(?:\s[^<>]*)?>/gi;
const BREAK = /<(?:br|p|div|tr|h[1-6])(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#39": "'" };

/** True when the text holds a tag of HTML or an entity. */
export function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text) || /&(?:nbsp|lt|gt|amp|quot|apos|#\d+);/i.test(text);
}

/** The text with its HTML rendered: each list item a line starting with `bullet`. */
export function htmlToText(text: string, bullet = "- "): string {
  if (!hasHtml(text)) return text;
  return text
    .replace(ITEM, `\n${bullet}`)
    .replace(BREAK, "\n")
    .replace(TAG, "")
    .replace(/&(nbsp|lt|gt|amp|quot|apos|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
