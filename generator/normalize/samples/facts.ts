// What a page's samples reveal about its fields: which fields a struct holds, and the example value given.

export interface FieldRef {
  name: string;
  /** The doc type cell (for Java samples the struct's class name is what links objects to fields). */
  type: string;
}

export interface SampleFacts {
  /** Keys (see nameKey) of the fields the sample shows inside this struct field; undefined when it cannot tell. */
  childrenOf(field: FieldRef): ReadonlySet<string> | undefined;
  /** The literal value the sample gives `name` inside `parent` (undefined parent: top level). */
  valueOf(parent: FieldRef | undefined, name: string): string | undefined;
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
  };
}

function firstDefined<T>(parts: SampleFacts[], ask: (p: SampleFacts) => T | undefined): T | undefined {
  for (const p of parts) {
    const v = ask(p);
    if (v !== undefined) return v;
  }
  return undefined;
}
