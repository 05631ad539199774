// Where a page says it came from: a saved HTML page names its URL (the browser's `saved from url` comment, a
// canonical link or og:url); the page's JSON carries the doc id, which names the doc page's URL (read by the
// JSON reader). A text copy shows no URL.

export const DOC_PAGE_URL = "https://open.taobao.com/api.htm?docId=";

export function pageUrl(text: string, format: "text" | "html" | "json"): string | undefined {
  if (format === "html") {
    const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(text)?.[1];
    if (saved && /^https?:\/\//.test(saved)) return saved;
    const canonical =
      /<link\b[^>]*\brel=["']canonical["'][^>]*>/i.exec(text)?.[0] ??
      /<meta\b[^>]*\bproperty=["']og:url["'][^>]*>/i.exec(text)?.[0];
    const href = canonical && /\b(?:href|content)=["']([^"']+)["']/i.exec(canonical)?.[1];
    return href && /^https?:\/\//.test(href) ? decodeEntities(href) : undefined;
  }
  // The page's JSON: the JSON reader reads the doc id as it reads the page (RawPage.url).
  return undefined;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, "&");
}
