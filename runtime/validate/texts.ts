// The texts of validation issues, shared by the interpreted checks (./checks.ts) and the compiled ones
// (./compile.ts), so both write the same messages. Not part of the public runtime API.

export const REQUIRED = "is required";

/** What a value of the wrong type was expected to be, followed by kindOf(value). */
export const EXPECTED = {
  string: "expected a string, got ",
  integer: "expected an integer (number, bigint or digit string), got ",
  decimal: "expected a decimal (number or decimal string), got ",
  boolean: "expected a boolean, got ",
  date: 'expected a Date or "yyyy-MM-dd HH:mm:ss", got ',
  json: "expected JSON text or an object, got ",
  object: "expected an object, got ",
  list: "expected a list, got ",
} as const;

export function tooLong(length: number, max: number): string {
  return `is ${length} characters long; at most ${max} allowed`;
}

export function atLeast(min: number): string {
  return `must be at least ${min}`;
}

export function atMost(max: number): string {
  return `must be at most ${max}`;
}

export function atLeastOneText(fields: readonly string[]): string {
  return `at least one of ${listText(fields)} is required`;
}

// Texts of rule values, made once per rule: a request that fails the same rule again reuses them.
const listTexts = new WeakMap<object, string>();
const keyTexts = new WeakMap<object, string>();
const enumTexts = new WeakMap<object, string>();

function listText(values: ReadonlySet<string> | readonly string[]): string {
  let text = listTexts.get(values);
  if (text === undefined) listTexts.set(values, (text = [...values].join(", ")));
  return text;
}

/** The enum issue's text up to the value, which follows quoted(value); made once per rule. */
export function enumPrefix(values: ReadonlySet<string> | readonly string[]): string {
  let text = enumTexts.get(values);
  if (text === undefined) enumTexts.set(values, (text = `must be one of ${listText(values)}; got `));
  return text;
}

/** JSON.stringify of a string, without its cost for the plain strings most values are. */
export function quoted(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029)
      return JSON.stringify(value);
  }
  return '"' + value + '"'; // concatenation: a template literal is slower here
}

/** The path key of an at-least-one issue: the fields joined by `|`. */
export function keyText(fields: readonly string[]): string {
  let text = keyTexts.get(fields);
  if (text === undefined) keyTexts.set(fields, (text = fields.join("|")));
  return text;
}

/** What a value is, for a type issue. A number is named by its kind, not its digits (turning a fraction into text costs more than the whole check). */
export function kindOf(value: unknown): string {
  const type = typeof value;
  if (type === "number") return numberKind(value as number);
  if (type !== "object") return type;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return value instanceof Date ? "an invalid Date" : "an object";
}

function numberKind(n: number): string {
  if (Number.isSafeInteger(n)) return "number";
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  return Number.isInteger(n)
    ? "an integer beyond 2^53 (pass it as a bigint or a digit string)"
    : "a number with a fraction";
}

/**
 * The whole text of a type issue, `expected + kindOf(value)`, as a function of the value: the common kinds'
 * texts are made once, when the check is compiled, so reporting one allocates no string.
 */
export function typeText(expected: string): (value: unknown) => string {
  const number = expected + "number";
  const string = expected + "string";
  const boolean = expected + "boolean";
  const bigint = expected + "bigint";
  const nothing = expected + "null";
  const list = expected + "a list";
  const object = expected + "an object";
  return (value) => {
    switch (typeof value) {
      case "number":
        if (Number.isSafeInteger(value)) return number;
        break;
      case "string":
        return string;
      case "boolean":
        return boolean;
      case "bigint":
        return bigint;
      case "object":
        if (value === null) return nothing;
        if (Array.isArray(value)) return list;
        if (!(value instanceof Date)) return object;
        break;
    }
    return expected + kindOf(value);
  };
}

/**
 * The whole text of an enum issue, `enumPrefix(values) + quoted(value)`, as a function of the value: the prefix
 * with its opening quote is made once, so a plain value costs a scan and two joins.
 */
export function enumText(values: ReadonlySet<string> | readonly string[]): (value: string) => string {
  const prefix = enumPrefix(values);
  const open = prefix + '"';
  return (value) => (plain(value) ? open + value + '"' : prefix + JSON.stringify(value));
}

/** True when JSON.stringify(value) is the value between two quotes: no character it escapes, no surrogate. */
function plain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x7f ? c < 0x20 || c === 0x22 || c === 0x5c : c >= 0xd800 && c <= 0xdfff) return false;
  }
  return true;
}
