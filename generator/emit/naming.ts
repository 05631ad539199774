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

export function safeStructName(name: string): string {
  const ident = name.replace(/[^\w$]/g, "_");
  const base = /^[A-Za-z_$]/.test(ident) ? ident : `T${ident}`;
  return RESERVED.has(base) ? `${base}Struct` : base;
}
