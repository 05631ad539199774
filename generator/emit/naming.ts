// Names in generated code: class names after the official Java SDK, file names, struct interface names.

/** `alibaba.nlife.b2c.trade.refund` → `AlibabaNlifeB2cTradeRefund`; a leading `taobao.` is dropped as the Java SDK does. */
export function apiBaseName(method: string): string {
  const words = method.replace(/^taobao\./, "").split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

/** The module file name (without extension): the method itself, with anything outside [A-Za-z0-9._-] replaced. */
export function moduleFileName(method: string): string {
  return method.replace(/[^A-Za-z0-9._-]/g, "_");
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
]);

/** Words that cannot name an interface. */
const KEYWORDS = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean number string symbol " +
    "never unknown object undefined bigint type namespace module declare keyof readonly infer is asserts").split(" "),
);

export function safeStructName(name: string): string {
  const ident = name.replace(/[^\w$]/g, "_");
  const base = /^[A-Za-z_$]/.test(ident) ? ident : `T${ident}`;
  return RESERVED.has(base) || KEYWORDS.has(base) ? `${base}Struct` : base;
}
