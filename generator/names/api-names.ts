// Names in generated code: class names after the official Java SDK, file names, struct interface names.

/** `alibaba.nlife.b2c.trade.refund` → `AlibabaNlifeB2cTradeRefund`; a leading `taobao.` is dropped as the Java SDK does. */
export function apiBaseName(method: string): string {
  const words = method
    .replace(/^taobao\./, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

/**
 * The module file name (without extension): the method itself, with anything outside [A-Za-z0-9._-] replaced,
 * made portable: a name that is `index` (the SDK's own index.ts, in any case) or a Windows device name (`CON`,
 * `nul.x`, `COM1`…, in any case, before the first dot) gets a trailing `_`; a name too long for common file
 * systems (255 bytes with `.json`/`.ts` and a numbering suffix) is cut and ends with a hash of the whole method.
 */
export function moduleFileName(method: string): string {
  const name = method.replace(/[^A-Za-z0-9._-]/g, "_");
  const first = name.split(".")[0]!.toLowerCase();
  const portable =
    name.toLowerCase() === "index" || RESERVED_FILE_NAMES.has(first) || /^\.*$/.test(name) ? `${name}_` : name;
  return portable.length <= MAX_FILE_BASE ? portable : `${portable.slice(0, MAX_FILE_BASE - 17)}_${fnv64(method)}`;
}

/** Room for `.json` / `.ts` and a `_NN` numbering suffix within the usual 255-byte limit, with a margin. */
const MAX_FILE_BASE = 200;

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED_FILE_NAMES: ReadonlySet<string> = new Set([
  "con",
  "prn",
  "aux",
  "nul",
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`]),
]);

/** 16 hex digits of FNV-1a (64-bit) over the UTF-16 code units: stable, dependency-free, enough to tell names apart. */
function fnv64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, "0");
}

export interface ApiNames {
  /** Prefix of every exported name: `${base}Request`, `${base}Params`, `${base}Response`. */
  base: string;
  /** Module file name without extension. */
  file: string;
  /** Set when a clash with another API changed the natural name. */
  note?: string;
}

/** The names an API takes when no other API clashes with it. */
export function naturalApiNames(method: string): ApiNames {
  return { base: apiBaseName(method), file: moduleFileName(method) };
}

/**
 * Names for a set of APIs, unique across it (index.ts re-exports every module, and file systems may ignore case).
 * Clashes resolve deterministically: a `taobao.` API keeps its `Taobao` prefix (the Java SDK drops it, which is
 * what makes `taobao.a.b` meet `a.b`); any clash left gets a number in method order.
 */
export function assignApiNames(methods: readonly string[]): Map<string, ApiNames> {
  const sorted = [...new Set(methods)].sort();
  const names = new Map<string, ApiNames>(sorted.map((m) => [m, naturalApiNames(m)]));
  const clashing = (key: (n: ApiNames) => string) => {
    const seen = new Map<string, number>();
    for (const n of names.values()) seen.set(key(n), (seen.get(key(n)) ?? 0) + 1);
    return (n: ApiNames) => (seen.get(key(n)) ?? 0) > 1;
  };
  const baseClash = clashing((n) => n.base);
  for (const [method, n] of names) {
    if (baseClash(n) && method.startsWith("taobao.")) {
      n.base = apiBaseName(method.replace(/^taobao\./, "taobao_."));
      n.note = `class names of ${method} keep the Taobao prefix (${n.base}Request): another API takes ${apiBaseName(method)}Request`;
    }
  }
  number(
    names,
    (n) => n.base,
    (n, k) => {
      n.base = `${n.base}${k}`;
      n.note = `class names numbered ${n.base}Request: another API takes the same name`;
    },
  );
  number(
    names,
    (n) => n.file.toLowerCase(),
    (n, k) => {
      n.file = `${n.file}_${k}`;
      n.note = `${n.note ? n.note + "; " : ""}module file ${n.file}.ts: another API's file name differs only in case`;
    },
  );
  return names;
}

/** Gives the 2nd, 3rd… holder (in method order) of a taken key the first free number. */
function number(
  names: Map<string, ApiNames>,
  key: (n: ApiNames) => string,
  rename: (n: ApiNames, k: number) => void,
): void {
  const taken = new Set<string>();
  for (const n of names.values()) {
    if (taken.has(key(n))) {
      const before = { ...n };
      for (let k = 2; ; k++) {
        Object.assign(n, before);
        rename(n, k);
        if (!taken.has(key(n))) break;
      }
    }
    taken.add(key(n));
  }
}

/** Names a struct interface may not take inside a module: they would shadow what the module refers to. */
const RESERVED = new Set([
  "Array",
  "ReadonlyArray",
  "Record",
  "Readonly",
  "Object",
  "Promise",
  "Partial",
  "Uint8Array",
  "Blob",
  "Date",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "Error",
  // a struct namespace merges with the API class of the same name: `Request.prototype` is the class's own
  "prototype",
]);

/** Words that cannot name an interface. */
const KEYWORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean number string symbol " +
    "never unknown object undefined bigint type namespace module declare keyof readonly infer is asserts"
  ).split(" "),
);

export function safeStructName(name: string): string {
  const ident = name.replace(/[^\w$]/g, "_");
  const base = /^[A-Za-z_$]/.test(ident) ? ident : `T${ident}`;
  return RESERVED.has(base) || KEYWORDS.has(base) ? `${base}Struct` : base;
}
