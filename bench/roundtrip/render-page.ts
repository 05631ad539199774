// Renders a catalogue API (../shared/data/catalogue, the doc site's JSON in reduced form, with its true nesting in
// `subParams`) to the text layout of the real doc pages (shared/data/text-pages/README.md, the seeds):
// - a top-level row is one line `name Type [必须|可选] example description`, empty cells dropped;
// - a top-level row with limits puts them in bullets `  • 最大长度:64`, then its description in a bullet;
// - nested rows are one bullet per cell (name, type, 必须/可选, example, limits, description), empty cells dropped;
//   depth is never printed; a row with sub-fields is printed without `└`, a leaf with `└`;
// - once a top-level request row has listed limits, every later line (rows, headings, nested bullets, samples)
//   gets 4 more leading spaces, except the limit and description bullets of later top-level rows (`  • `).
// Optionally with the Java request sample and the XML response sample, rendered from the same tree.
// The catalogue keeps no example values, so each leaf gets a plain one made from its type.

export interface CatalogueParam {
  name: string;
  type?: string;
  description?: string;
  required?: boolean;
  maxLength?: number | string;
  maxListSize?: number | string;
  maxValue?: number | string;
  minValue?: number | string;
  subParams?: CatalogueParam[];
}

export interface CatalogueApi {
  name: string;
  apiChineseName?: string;
  description?: string;
  requestParams?: CatalogueParam[];
  responseParams?: CatalogueParam[];
}

export interface RenderOptions {
  /** Print the Java request sample (请求示例). */
  java: boolean;
  /** Print the XML response sample (响应示例). */
  xml: boolean;
}

const LIMITS = [
  ["maxLength", "最大长度"],
  ["maxListSize", "最大列表长度"],
  ["maxValue", "最大值"],
  ["minValue", "最小值"],
] as const;

/** The text copies fold the JSON's full-width punctuation to ASCII and show every cell on one line. */
export function cellText(text: string | undefined): string {
  return (text ?? "")
    .replace(/，/g, ",")
    .replace(/：/g, ":")
    .replace(/；/g, ";")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The type cell as the page prints it: `String[]` → `String []` (the site's spacing); `byte[]` kept. */
export function typeCell(param: CatalogueParam): string {
  const t = (param.type ?? "").trim();
  if (/^byte\s*\[\s*\]$/i.test(t)) return "byte[]";
  return t.replace(/\s*\[\s*\]$/, " []");
}

const isList = (param: CatalogueParam) => /\[\s*\]$/.test((param.type ?? "").trim());
const baseType = (param: CatalogueParam) => (param.type ?? "").trim().replace(/\s*\[\s*\]$/, "");
const hasChildren = (param: CatalogueParam) => (param.subParams?.length ?? 0) > 0;

/** A plain example for a leaf of this type (the catalogue has none); structs get none, as on most pages. */
export function exampleOf(param: CatalogueParam): string {
  if (hasChildren(param)) return "";
  switch (baseType(param)) {
    case "Number":
      return isList(param) ? "1,2" : "123";
    case "Boolean":
      return "true";
    case "Date":
      return "2020-01-01 00:00:00";
    case "Price":
    case "BigDecimal":
      return "10.00";
    case "byte":
      return isList(param) ? "" : "1";
    case "Json":
      return '{"k":"v"}';
    case "String":
      // Chinese, as most real examples of free text are: a bare ASCII word here followed by a one-word English
      // description reads as a struct row `name` / `Type` (the reader's known ambiguity; see ROUNDTRIP.md).
      return isList(param) ? "a,b" : "示例";
    default:
      return "";
  }
}

function limitBullets(param: CatalogueParam): string[] {
  const out: string[] = [];
  for (const [key, label] of LIMITS) {
    const v = param[key];
    if (v !== undefined && v !== null && String(v).trim() !== "") out.push(`${label}:${String(v).trim()}`);
  }
  return out;
}

/** Drops the `taobao.` prefix as the SDK does, then CamelCase: `taobao.item.delete` → `ItemDelete`. */
export function sdkClassStem(method: string): string {
  return method
    .replace(/^taobao\./, "")
    .split(/[._]/)
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join("");
}

/** `biz_order_id` → `BizOrderId`; `deliveryOrder` → `DeliveryOrder`. */
export function setterName(name: string): string {
  return name
    .split("_")
    .filter((s) => s !== "")
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join("");
}

/** `OrderDetailCursorTopDTO` → `order_detail_cursor_top_d_t_o` (the XML element of a list item). */
export function xmlItemName(type: string): string {
  return type.replace(/(?<=.)([A-Z])/g, "_$1").toLowerCase();
}

class Lines {
  readonly out: string[] = [];
  shifted = false;
  /** The 1-based lines of each field's name, by `side:dotted.path` (more than one when a struct repeats a name). */
  readonly lineOf = new Map<string, number[]>();
  /** Records that the next line printed is the row of `path`. */
  mark(path: string): void {
    this.lineOf.set(path, [...(this.lineOf.get(path) ?? []), this.out.length + 1]);
  }
  /** A line that shifts with the page once the shift has started. */
  push(text: string): void {
    this.out.push(text === "" ? "" : (this.shifted ? "    " : "") + text);
  }
  /** A line that never shifts: the limit and description bullets of a top-level row. */
  pushFixed(text: string): void {
    this.out.push(text);
  }
  /** A nested bullet: `  • ` before the shift, `    • ` after it. */
  bullet(text: string): void {
    this.out.push(`${this.shifted ? "    " : "  "}• ${text}`);
  }
}

function renderTable(lines: Lines, params: CatalogueParam[], request: boolean): void {
  const side = request ? "request" : "response";
  lines.push(request ? "名称 类型 是否必须 示例值 更多限制 描述" : "名称 类型 示例值 描述");
  for (const p of params) {
    const limits = limitBullets(p);
    const required = request ? (p.required ? "必须" : "可选") : "";
    const example = exampleOf(p);
    const description = cellText(p.description);
    const head = [p.name, typeCell(p), required, example].filter((c) => c !== "").join(" ");
    lines.mark(`${side}:${p.name}`);
    if (limits.length) {
      lines.push(head);
      for (const l of limits) lines.pushFixed(`  • ${l}`);
      if (description) lines.pushFixed(`  • ${description}`);
      // The page's rendering shifts everything after a top-level row's limits list (text-pages/README.md).
      lines.shifted = true;
    } else {
      lines.push(description ? `${head} ${description}` : head);
    }
    renderNested(lines, p.subParams ?? [], request, `${side}:${p.name}`);
  }
}

function renderNested(lines: Lines, params: CatalogueParam[], request: boolean, owner: string): void {
  for (const p of params) {
    lines.mark(`${owner}.${p.name}`);
    lines.bullet(hasChildren(p) ? p.name : `└ ${p.name}`);
    lines.bullet(typeCell(p));
    if (request) lines.bullet(p.required ? "必须" : "可选");
    const example = exampleOf(p);
    if (example) lines.bullet(example);
    for (const l of limitBullets(p)) lines.bullet(l);
    const description = cellText(p.description);
    if (description) lines.bullet(description);
    renderNested(lines, p.subParams ?? [], request, `${owner}.${p.name}`);
  }
}

function javaString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function javaLiteral(p: CatalogueParam): string {
  const example = exampleOf(p);
  switch (baseType(p)) {
    case "Number":
      return isList(p) ? javaString(example) : `${example}L`;
    case "Boolean":
      return "true";
    case "Date":
      return `StringUtils.parseDateTime(${javaString(example)})`;
    case "byte":
      return isList(p) ? 'new FileItem("/tmp/file")' : `${example}L`;
    default:
      return javaString(example);
  }
}

/** The Java tab of 请求示例, as the doc site generates it (seeds: objN / listN numbered in order). */
export function javaSample(api: CatalogueApi): string[] {
  const stem = sdkClassStem(api.name);
  const req = `${stem}Request`;
  const out = ["TaobaoClient client = new DefaultTaobaoClient(url, appkey, secret);", `${req} req = new ${req}();`];
  let counter = 0;
  const setAll = (owner: string, params: CatalogueParam[]) => {
    for (const p of params) {
      const setter = `set${setterName(p.name)}`;
      if (!hasChildren(p)) {
        out.push(`${owner}.${setter}(${javaLiteral(p)});`);
        continue;
      }
      const cls = `${req}.${baseType(p)}`;
      if (isList(p)) {
        const list = `list${++counter}`;
        const obj = `obj${++counter}`;
        out.push(
          `List<${cls}> ${list} = new ArrayList<${cls}>();`,
          `${cls} ${obj} = new ${cls}();`,
          `${list}.add(${obj});`,
        );
        setAll(obj, p.subParams ?? []);
        out.push(`${owner}.${setter}(${list});`);
      } else {
        const obj = `obj${++counter}`;
        out.push(`${cls} ${obj} = new ${cls}();`);
        setAll(obj, p.subParams ?? []);
        out.push(`${owner}.${setter}(${obj});`);
      }
    }
  };
  setAll("req", api.requestParams ?? []);
  out.push(`${stem}Response rsp = client.execute(req, sessionKey);`, "System.out.println(rsp.getBody());");
  return out;
}

function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The XML tab of 响应示例: nested elements, 4 spaces a level; a list of structs repeats its item element. */
export function xmlSample(api: CatalogueApi): string[] {
  const root = `${api.name.replace(/^taobao\./, "").replace(/\./g, "_")}_response`;
  const out = [`<${root}>`];
  const emit = (params: CatalogueParam[], depth: number) => {
    const pad = "    ".repeat(depth);
    for (const p of params) {
      if (!hasChildren(p)) {
        if (isList(p)) {
          const item = baseType(p).toLowerCase();
          out.push(
            `${pad}<${p.name} list="true">`,
            `${pad}    <${item}>${xmlText(exampleOf(p).split(",")[0] ?? "")}</${item}>`,
            `${pad}</${p.name}>`,
          );
        } else out.push(`${pad}<${p.name}>${xmlText(exampleOf(p))}</${p.name}>`);
        continue;
      }
      out.push(`${pad}<${p.name}${isList(p) ? ' list="true"' : ""}>`);
      if (isList(p)) {
        const item = xmlItemName(baseType(p));
        out.push(`${pad}    <${item}>`);
        emit(p.subParams ?? [], depth + 2);
        out.push(`${pad}    </${item}>`);
      } else emit(p.subParams ?? [], depth + 1);
      out.push(`${pad}</${p.name}>`);
    }
  };
  emit(api.responseParams ?? [], 1);
  out.push(`</${root}>`);
  return out;
}

export function renderPage(api: CatalogueApi, options: RenderOptions): string {
  return renderPageLines(api, options).page;
}

/** The page, and the lines of each catalogue field's row on it (`request:a.b` → lines), for naming rows. */
export function renderPageLines(
  api: CatalogueApi,
  options: RenderOptions,
): { page: string; lineOf: ReadonlyMap<string, readonly number[]> } {
  const lines = new Lines();
  lines.push(`${api.name} (${cellText(api.apiChineseName) || api.name})`);
  lines.push("");
  const description = cellText(api.description);
  if (description) (lines.push(description), lines.push(""));
  for (const h of ["公共参数", "", "请求参数", ""]) lines.push(h);
  renderTable(lines, api.requestParams ?? [], true);
  lines.push("");
  lines.push("响应参数");
  lines.push("");
  renderTable(lines, api.responseParams ?? [], false);
  lines.push("");
  if (options.java) {
    lines.push("请求示例");
    lines.push("");
    for (const tab of ["JAVA", ".NET", "PHP", "CURL", "Python", "C/C++", "NodeJS"]) lines.bullet(tab);
    for (const l of javaSample(api)) lines.push(l);
    lines.push("");
  }
  if (options.xml) {
    lines.push("响应示例");
    lines.push("");
    for (const tab of ["XML示例", "JSON示例"]) lines.bullet(tab);
    for (const l of xmlSample(api)) lines.push(l);
    lines.push("");
  }
  lines.push("返回");
  lines.push("顶部");
  return { page: lines.out.join("\n"), lineOf: lines.lineOf };
}
