// Where a page says it came from: a saved HTML page names its URL (the browser's `saved from url` comment, a
// canonical link or og:url); the page's JSON carries the doc id, which names the doc page's URL. A text copy
// shows no URL.

export const DOC_PAGE_URL = "https://open.taobao.com/api.htm?docId=";

export function pageUrl(text: string, format: "text" | "html" | "json"): string | undefined {
  if (format === "html") {
    const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(text)?.[1];
    if (saved && /^https?:\/\//.test(saved)) return saved;
    const canonical = /<link\b[^>]*\brel=["']canonical["'][^>]*>/i.exec(text)?.[0] ?? /<meta\b[^>]*\bproperty=["']og:url["'][^>]*>/i.exec(text)?.[0];
    const href = canonical && /\b(?:href|content)=["']([^"']+)["']/i.exec(canonical)?.[1];
    return href && /^https?:\/\//.test(href) ? decodeEntities(href) : undefined;
  }
  if (format === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    const data = (value as { data?: unknown })?.data ?? value;
    const id = (data as { id?: unknown; docId?: unknown })?.docId ?? (data as { id?: unknown })?.id;
    return typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id)) ? `${DOC_PAGE_URL}${id}&docType=2` : undefined;
  }
  return undefined;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, "&");
}
