// Limits as read from a doc page, checked before they reach a spec: a limit no value could meet, or one that is
// no number at all (309 digits read as Infinity), is dropped with a warning at its doc line, never enforced.

import type { RawLimits } from "../read/raw.js";
import type { Diagnostic } from "../model/types.js";

type NumericLimit = "maxLength" | "maxListSize" | "maxValue" | "minValue";
/** Limits that count (characters, bytes, list items): whole numbers, not below zero. */
const COUNTS: readonly NumericLimit[] = ["maxLength", "maxListSize"];
const RANGE: readonly NumericLimit[] = ["minValue", "maxValue"];

/** The limits that hold, and a diagnostic (at `line`) for each one dropped. */
export function checkedLimits(
  limits: RawLimits,
  name: string,
  line: number | undefined,
  diagnostics: Diagnostic[],
): RawLimits {
  const out: RawLimits = { ...limits };
  const drop = (key: NumericLimit, why: string) => {
    delete out[key];
    diagnostics.push({
      level: "warning",
      message: `${name}: limit ${key} ${why}; dropped`,
      ...(line !== undefined ? { line } : {}),
    });
  };
  for (const key of [...COUNTS, ...RANGE]) {
    const v = out[key];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) drop(key, "is not a finite number");
    else if (COUNTS.includes(key) && (!Number.isInteger(v) || v < 0)) drop(key, `${v} is not a whole number ≥ 0`);
  }
  if (out.minValue !== undefined && out.maxValue !== undefined && out.minValue > out.maxValue) {
    const [min, max] = [out.minValue, out.maxValue];
    drop("minValue", `${min} is above maxValue ${max}`);
    drop("maxValue", `${max} is below minValue ${min}`);
  }
  return out;
}
