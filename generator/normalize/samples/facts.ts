// What a page's samples reveal about its fields: which fields a struct holds, and the example value given.

export interface FieldRef {
  name: string;
  /** The doc type cell (for Java samples the struct's class name is what links objects to fields). */
  type: string;
  /**
   * How many of the field's enclosing structs have its own name (`result` inside `result`: 1). A sample that
   * nests elements of one name tells them apart by it; undefined when the caller does not know.
   */
  sameNameAncestors?: number;
}

export interface SampleFacts {
  /** Keys (see nameKey) of the fields the sample shows inside this struct field; undefined when it cannot tell. */
  childrenOf(field: FieldRef): ReadonlySet<string> | undefined;
  /** The literal value the sample gives `name` inside `parent` (undefined parent: top level). */
  valueOf(parent: FieldRef | undefined, name: string): string | undefined;
  /**
   * True when the sample is cut inside this struct (a truncated page): what childrenOf lists is there, but a
   * field it does not list may still be in it.
   */
  isPartial?(field: FieldRef): boolean;
}

/** Matches a doc name (`biz_order_id`), a Java setter (`BizOrderId`) and an XML tag alike. */
export function nameKey(name: string): string {
  return name.replace(/_/g, "").toLowerCase();
}

/** The struct name of a type cell: `FundBill []` → `FundBill`. */
export function baseTypeName(type: string): string {
  return type.replace(/\s*\[\s*\]\s*$/, "").trim();
}

export function isListTypeCell(type: string): boolean {
  return /\[\s*\]\s*$/.test(type);
}

/** Facts from several samples: the first that knows answers. */
export function combineFacts(parts: SampleFacts[]): SampleFacts {
  return {
    childrenOf: (field) => firstDefined(parts, (p) => p.childrenOf(field)),
    valueOf: (parent, name) => firstDefined(parts, (p) => p.valueOf(parent, name)),
    isPartial: (field) => {
      const p = parts.find((x) => x.childrenOf(field) !== undefined);
      return p?.isPartial?.(field) ?? false;
    },
  };
}

function firstDefined<T>(parts: SampleFacts[], ask: (p: SampleFacts) => T | undefined): T | undefined {
  for (const p of parts) {
    const v = ask(p);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * A sample printed with a line number in front of each line (`1 <a>`, `2   <b>…`), or with the numbers on lines of
 * their own before the code, as the site's code viewer copies: the code without the numbers. Other text as is.
 */
export function withoutLineNumbers(sample: string): string {
  const lines = sample.split("\n");
  const numbered = lines.filter((l) => l.trim() !== "");
  if (numbered.length < 2) return sample;
  // Numbers on lines of their own: 1, 2, 3 … then the code.
  let k = 0;
  while (k < lines.length && lines[k]!.trim() === String(k + 1)) k++;
  if (k >= 2) return lines.slice(k).join("\n");
  // A number in front of each line, counting up from 1.
  let expected = 1;
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      out.push(line);
      continue;
    }
    const m = /^\s*(\d+)(?:\s|$)(.*)$/.exec(line);
    if (!m || Number(m[1]) !== expected) return sample;
    expected++;
    out.push(m[2]!);
  }
  return out.join("\n");
}
