// Names the gateway uses in JSON bodies: the success wrapper and the item key of a wrapped list.
import { SCALAR_TYPES, type FieldShape, type ScalarType } from "./types.js";

/** `taobao.trade.fullinfo.get` → `trade_fullinfo_get_response`; other prefixes are kept. */
export function responseKey(method: string): string {
  const name = method.startsWith("taobao.") ? method.slice("taobao.".length) : method;
  return `${name.replaceAll(".", "_")}_response`;
}

const SCALARS: ReadonlySet<string> = new Set<ScalarType>(SCALAR_TYPES);

/** Snake case where every capital letter starts a segment: `ArticleDTO` → `article_d_t_o`. */
export function structItemKey(typeName: string): string {
  const simple = typeName.slice(typeName.lastIndexOf(".") + 1); // `Outer.FundBill` → `FundBill`
  return simple.replace(/(?<!^)([A-Z])/g, "_$1").toLowerCase();
}

/**
 * The key inside a wrapped list (`"trades": {"trade": [...]}`): for a struct the snake case of its type
 * name (`NTbkItem` → `n_tbk_item`), for a basic type its lowercased name (`string`, `number`, `date`, ...).
 * Accepts a field shape, or a type name (a ScalarType name is read as that scalar type).
 */
export function listItemKey(field: string | Pick<FieldShape, "type" | "struct">): string {
  if (typeof field === "string") return SCALARS.has(field) ? field.toLowerCase() : structItemKey(field);
  if (field.type === "Struct") {
    if (field.struct === undefined) throw new TypeError("struct field without a struct shape");
    return structItemKey(field.struct().name);
  }
  return field.type.toLowerCase();
}
