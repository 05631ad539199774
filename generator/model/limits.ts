// Which limits apply to which doc type, as the official SDK checks them: one answer for every target.

/** 最大长度 counts characters of these types (bytes of a File). */
const LENGTH_TYPES: ReadonlySet<string> = new Set(["String", "Json", "FieldList", "File"]);
/** 最小值 / 最大值 bound the value of these types. */
const RANGE_TYPES: ReadonlySet<string> = new Set(["Number", "Price", "BigDecimal"]);

export function takesLength(type: string): boolean {
  return LENGTH_TYPES.has(type);
}

export function takesRange(type: string): boolean {
  return RANGE_TYPES.has(type);
}
