// Whether an enum drawn from a description may be closed: a closed request enum makes validate() and the types
// refuse every other value, so a wrong one makes a valid call impossible to write. A request enum is closed only
// on strong evidence — every value the text names was captured, the field holds one value (not a comma- or
// `^`-joined set), it is not JSON, codes and names are not both in play, and the example is one of the values.
// Anything else leaves it open (`"A" | "B" | (string & {})`): documented, never enforced. Response enums are always
// open (the platform adds values without notice).

import type { EnumEvidence, EnumValue } from "../model/types.js";

export interface EnumSubject {
  name: string;
  description: string;
  example?: string | undefined;
}

const HAN = String.raw`\u3400-\u9fff\uf900-\ufaff`;
/** An all-caps name token (`WAIT_PAY`, `OTA`, `B2C`), not part of a longer ASCII word. */
const NAME_TOKEN = new RegExp(String.raw`(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])`, "g");
/** A standalone integer: not inside a word, a decimal, a percentage or a temperature. */
const INTEGER = /(?<![A-Za-z0-9_.])\d+(?![A-Za-z0-9_.%°℃])/g;
/** A lower- or mixed-case word used as a key: `asc:升序`, `type=CASH` (a URL's `https:` is not). */
const KEY_WORD = /(?<![A-Za-z0-9_])[a-z][A-Za-z0-9_]*(?=\s*(?:[:：](?!\/\/)|=))/g;

const SEVERAL = /多个|多值|多选|逗号|分隔|分割|隔开|支持多种|可同时|组合|\^|[,，]\s*隔/;
const NOT_ALL = /等(?![待级于同效])|不限于|etc\.?|更多|\.\.\.|…|其[他它](?:皆|均|都|值|情况)/i;
const JSON_TEXT = /[{[]\s*"|"\s*:\s*["{[\d]/;

export function enumEvidence(
  values: readonly EnumValue[],
  subject: EnumSubject,
  side: "request" | "response",
): EnumEvidence {
  if (side === "response")
    return { closed: false, why: "a response enum stays open: the platform adds values without notice" };
  const open = (why: string): EnumEvidence => ({ closed: false, why });
  const text = subject.description;
  const example = subject.example?.trim() ?? "";
  if (JSON_TEXT.test(text) || /^[{[]/.test(example))
    return open("the field holds JSON; the values are of a key inside it");
  if (SEVERAL.test(text) || /[,，^]/.test(example)) return open("the field may hold several values (a joined set)");
  if (/json/i.test(subject.name)) return open(`the field's name (${subject.name}) says it holds JSON`);
  if (/(?:_list|List|_ids|(?<![su])s)$/.test(subject.name))
    return open(`the field's name (${subject.name}) says it may hold several values`);
  if (NOT_ALL.test(text)) return open("the text says the list is not complete");
  const known = new Set(values.map((v) => v.value));
  const codes = values.every((v) => /^\d+$/.test(v.value));
  const missed = [...candidates(text, codes)].filter((c) => !known.has(c));
  if (missed.length) {
    const shown = missed.slice(0, 3).join(", ") + (missed.length > 3 ? ", …" : "");
    return open(
      `the text names ${shown}, not captured as a value${codes ? " (codes and names, or a value missed)" : ""}`,
    );
  }
  if (example !== "" && !known.has(example))
    return open(`the example ${JSON.stringify(example)} is not a listed value`);
  return { closed: true, why: "every value the text names is captured; one value per field; not JSON" };
}

/**
 * The tokens of the text that could be values of the field. Where the values are numeric codes: every standalone
 * integer, and names that stand beside a code (`NORMAL 0:`, `NORMAL(0)`) or have an underscore. Where they are
 * names: every name with an underscore, every other all-caps name not glued to a word (`ISV储值卡` is a word),
 * and integers used as codes (`(1,`, `0:`), not list numbering (`1. CASH`).
 */
function candidates(text: string, codes: boolean): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(KEY_WORD)) out.add(m[0]);
  // A quoted word beside a name may be what is sent: `ANONYMOUS("anonymous", "匿名券")`.
  for (const m of text.matchAll(/["“]([A-Za-z][A-Za-z0-9_]*)["”]/g)) out.add(m[1]!);
  for (const m of text.matchAll(NAME_TOKEN)) {
    const name = m[0];
    if (name.length < 2) continue;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + name.length);
    if (codes) {
      if (name.includes("_") || /^\s*(?:[(（]\s*\d|\d)/.test(after)) out.add(name);
    } else if (name.includes("_") || !(new RegExp(`[${HAN}]$`).test(before) || new RegExp(`^[${HAN}]`).test(after))) {
      out.add(name);
    }
  }
  for (const m of text.matchAll(INTEGER)) {
    const n = m[0];
    if (codes) {
      out.add(n);
      continue;
    }
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + n.length);
    // A code beside a name: `NAME(1,`, `1:`, `1-`, `NAME -- 1`, `NAME=1`.
    if (/[(（]\s*$|[A-Z0-9_]\s*(?:-+>?|=|[:：])\s*$/.test(before) || /^\s*(?:[:：]|[-－](?!\d))/.test(after))
      out.add(n);
  }
  return out;
}
