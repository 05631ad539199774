// Exact decimal and integer text: the wire and decoded forms of Number, Price and BigDecimal.

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** True for a decimal integer text such as `-12` or `7091800003790954036`. */
export function isIntegerText(text: string): boolean {
  return INTEGER_TEXT.test(text);
}

/**
 * Plain decimal text (no exponent) of a JSON-style number text, digits kept exactly:
 * `1e-7` → `0.0000001`, `1.50E3` → `1500`, `200.10` → `200.10`, `007` → `7`. Undefined when the text is not a number.
 */
export function plainDecimal(text: string): string | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (m === null) return undefined;
  const sign = m[1] ?? "";
  const intPart = (m[2] ?? "0").replace(/^0+(?=\d)/, "");
  const fracPart = m[3] ?? "";
  if (m[4] === undefined) return fracPart === "" ? sign + intPart : `${sign}${intPart}.${fracPart}`;
  const exponent = Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) return undefined;
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  return sign + out;
}

/**
 * Decimal text of a number without float artefacts beyond its shortest round-trip text
 * (`0.1 + 0.2` → `0.30000000000000004`, `1e-7` → `0.0000001`, `1e21` → `1000000000000000000000`).
 */
export function decimalFromNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${String(value)}`);
  if (Object.is(value, -0)) return "0";
  const text = plainDecimal(String(value));
  if (text === undefined) throw new TypeError(`cannot write ${String(value)} as decimal text`);
  return text;
}
