// Cross-field rules drawn from descriptions: "和out_trade_no不能同时为空" on trade_no → atLeastOne.

import type { Field, Rule } from "../model/types.js";

const NOT_BOTH_EMPTY = /(?:和|与|及|或)\s*([A-Za-z_][\w]*)\s*(?:不能同时为空|不可同时为空|至少(?:填|传)一个|二选一)/g;

export function rulesFromFields(fields: Field[]): Rule[] {
  const order = new Map(fields.map((f, i) => [f.name, i]));
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const field of fields) {
    for (const m of (field.description ?? "").matchAll(NOT_BOTH_EMPTY)) {
      const other = m[1]!;
      if (other === field.name || !order.has(other)) continue;
      const pair = [field.name, other].sort((a, b) => order.get(a)! - order.get(b)!);
      const key = pair.join("\0");
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push({ kind: "atLeastOne", fields: pair });
    }
  }
  return rules;
}
