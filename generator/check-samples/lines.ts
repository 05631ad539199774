// Doc lines of response fields. The spec does not keep lines; the raw rows do, in page order, and the spec's
// field tree lists the same rows in the same pre-order (less the duplicates and nameless params the reader or
// normalizer dropped), so matching names in order finds each field's row.

import type { RawRow } from "../read/raw.js";
import type { Field } from "../model/types.js";

export function fieldLines(fields: readonly Field[], rows: readonly RawRow[]): Map<Field, number> {
  const lines = new Map<Field, number>();
  let next = 0;
  const visit = (list: readonly Field[]) => {
    for (const field of list) {
      let i = next;
      while (i < rows.length && rows[i]?.name !== field.name) i++;
      const row = rows[i];
      if (row !== undefined) {
        lines.set(field, row.line);
        next = i + 1;
      }
      if (field.fields) visit(field.fields);
    }
  };
  visit(fields);
  return lines;
}
