// Enum values drawn from descriptions, for String fields whose description lists the values. Each pattern
// must find two or more values, or it does not apply; a description that only mentions values elsewhere
// (`type=CASH`) is left alone.

import { htmlToText } from "../model/description-text.js";
import type { EnumValue } from "../model/types.js";

const VALUE = String.raw`[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*`;
const HAN = String.raw`\u3400-\u9fff\uf900-\ufaff`;

/**
 * A key:value attribute list (`主订单扩展属性;payCurrency:HKD(港币)`, `effective: … abilityLevel: 0: 没有等级`):
 * the values belong to a key inside the field, not to the field.
 */
const ATTRIBUTE_KEY = /(?<![A-Za-z0-9_])[a-z][A-Za-z0-9_]*\s*[:：](?!\/\/)/;

/**
 * The values a description lists. HTML is read as text first (`<li>` items as ` * ` bullets); a key:value
 * attribute list is no enum.
 */
export function enumFromDescription(description: string): EnumValue[] | undefined {
  const text = htmlToText(description, " * ");
  // Every pattern needs two values: capitals or digits (most descriptions have neither, and skip the patterns).
  if (!CAPITAL_OR_DIGIT.test(text) || ATTRIBUTE_KEY.test(text)) return undefined;
  for (const pattern of PATTERNS) {
    const values = pattern(text);
    if (values && values.length >= 2 && new Set(values.map((v) => v.value)).size === values.length) return values;
  }
  return undefined;
}

const CAPITAL_OR_DIGIT = /[A-Z0-9]/;

function entry(value: string, description: string): EnumValue {
  const d = description
    .trim()
    .replace(/^[:：\s]+/, "")
    .replace(/[\s,，;；。、.]+$/, "")
    .trim();
  return d ? { value, description: d } : { value };
}

/** `/** * 同意退款 *\/ AGREE_REFUND, /** * 拒绝退款 *\/ REFUSE_REFUND` */
const JAVADOC = new RegExp(String.raw`\/\*\*([\s\S]*?)\*\/\s*(${VALUE})`, "g");

function javadocStyle(text: string): EnumValue[] | undefined {
  if (!text.includes("/**")) return undefined;
  const out: EnumValue[] = [];
  for (const m of text.matchAll(JAVADOC)) out.push(entry(m[2]!, m[1]!.replace(/^[\s*]+/, "").replace(/[\s*]+$/, "")));
  return out.length ? out : undefined;
}

/** `REFUND_ONLY_NO_SHIP(未发货仅退款),REFUND_ONLY_WHIT_GOODS(收到货仅退款(退货退款))` — parentheses may nest. */
// A value may open a parenthesis (`用量类型（SINGLEDAILYDOSE("单日剂量"), …`) or follow a word (`包括ALL_GROUP(所有目录)`).
const PARENTHESIZED = new RegExp(String.raw`(?:^|[\s,，;；:：、*(（]|(?<=[${HAN}]))(${VALUE})\s*[(（]`, "g");

function parenthesized(text: string): EnumValue[] | undefined {
  if (!text.includes("(") && !text.includes("（")) return undefined;
  const out: EnumValue[] = [];
  const re = PARENTHESIZED;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let expectEnd = -1;
  while ((m = re.exec(text))) {
    const open = re.lastIndex - 1;
    const close = matchingParen(text, open);
    if (close < 0) return undefined;
    if (
      expectEnd >= 0 &&
      !/^[\s,，;；、*]*$/.test(text.slice(expectEnd, m.index + (m[0].length - m[0].trimStart().length)))
    ) {
      break;
    }
    out.push(entry(m[1]!, text.slice(open + 1, close)));
    re.lastIndex = close + 1;
    expectEnd = close + 1;
  }
  return out.length ? out : undefined;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "（") depth++;
    else if (c === ")" || c === "）") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** ` * NEW ---> 新建 * LOAD_WAIT ---> 待装车` — bullets, each a value then its text (after an arrow, a colon or a dash). */
const BULLET = new RegExp(String.raw`(?:^|\s)\*\s*(${VALUE})\s*(?:-+>|[:：]|[-－]|(?=\s))`, "g");

function bullets(text: string): EnumValue[] | undefined {
  return text.includes("*") ? listed(text, BULLET) : undefined;
}

/** `1. CASH:现金支付; 2. UNIONPAY:银联刷卡支付; … 9. MOLING:支付时抹零` */
const NUMBERED = new RegExp(String.raw`(?:^|[\s,，;；。:：])\d+[.、．]\s*(${VALUE})\s*[:：]`, "g");

function numbered(text: string): EnumValue[] | undefined {
  return DIGIT.test(text) ? listed(text, NUMBERED) : undefined;
}

/** `TAOBAO_OPENID 经阿里百川…的用户id ALIPAY_OPENID 经蚂蚁金服…` — values with underscores, each then its text. */
const SPACED = /(?:^|[\s,，;；:：])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s+(?=\S)/g;

function spaced(text: string): EnumValue[] | undefined {
  if (!text.includes("_")) return undefined;
  const out = listed(text, SPACED);
  return out?.every((e) => e.description !== undefined) ? out : undefined;
}

/**
 * `1-tmail,2-taobao`, `1-动态ID转链场景，2-消费者比价场景，3-…（不填默认为1）` — numeric codes, each then its text,
 * in increasing order. A parenthesis closing the list speaks of the field (its default), not of the last code.
 */
// The first code may open a parenthesis (`(0-身份证; 1-护照`) or follow a word (`票种类别1-船票`); a range is no code (16－30平米).
const CODE = new RegExp(
  String.raw`(?:^|[\s,，;；:：。、(（]|(?<=[${HAN}]))(\d{1,4})\s*(?:[-－](?!\s*\d)|[:：])\s*(?=\S)`,
  "g",
);
const DIGIT = /\d/;

function codes(text: string): EnumValue[] | undefined {
  if (!DIGIT.test(text)) return undefined;
  const out = listed(text, CODE, (last) => last.replace(/\s*[（(][^（()）]*[)）]\s*[。.]?\s*$/, ""));
  const values = out?.map((e) => Number(e.value));
  return values?.some((v, i) => i > 0 && v <= values[i - 1]!) ? undefined : out;
}

const PATTERNS = [javadocStyle, parenthesized, bullets, numbered, spaced, codes];

/**
 * Each value `re` finds (its group 1) with the text after it, up to the next one: undefined for fewer than two.
 * `lastText` tidies the text of the last value, which runs to the end of the description.
 */
function listed(text: string, re: RegExp, lastText: (text: string) => string = (t) => t): EnumValue[] | undefined {
  const hits = [...text.matchAll(re)];
  if (hits.length < 2) return undefined;
  return hits.map((m, i) => {
    const end = hits[i + 1]?.index ?? text.length;
    const after = text.slice(m.index + m[0].length, end);
    return entry(m[1]!, i === hits.length - 1 ? lastText(after) : after);
  });
}
