// Facts from the Java request sample: `Req.ShippingAddressInfo obj2 = new …; obj2.setArea("xx区");
// obj1.setReturnGoodsAddress(obj2); req.setParamX(obj1);` tells which struct class holds which fields.

import { baseTypeName, nameKey, type FieldRef, type SampleFacts } from "./facts.js";

const DECLARATION = /^\s*(?:final\s+)?([\w.<>, ]+?)\s+(\w+)\s*=\s*new\s+([\w.<>, ]+?)\s*\(/;
const SETTER = /^\s*(\w+)\.set(\w+)\((.*)\);\s*$/;
const ADD = /^\s*(\w+)\.add\((\w+)\);\s*$/;

export function javaSampleFacts(sample: string): SampleFacts {
  const varClass = new Map<string, string>(); // variable → struct class (simple name); list vars → item class
  const listItems = new Map<string, string>(); // list variable → item variable
  const setters = new Map<string, Map<string, string | undefined>>(); // class → field key → literal value
  const requestVars = new Set<string>();
  const attached = new Set<string>(); // variables handed to a setter or add(): their object is complete

  const lines = sample.split("\n");
  for (const line of lines) {
    const decl = DECLARATION.exec(line);
    if (decl) {
      const declared = decl[1]!;
      const created = decl[3]!;
      if (/Request$/.test(created) && !created.includes(".")) requestVars.add(decl[2]!);
      else if (!/^(?:java\.util\.)?(?:Array|Linked)?List</.test(created)) varClass.set(decl[2]!, simpleName(created));
      else varClass.set(decl[2]!, simpleName(/<(.+)>/.exec(declared)?.[1] ?? ""));
      continue;
    }
    const add = ADD.exec(line);
    if (add) {
      listItems.set(add[1]!, add[2]!);
      attached.add(add[2]!);
    }
  }
  // A sample cut by its source (no `execute(` line) is complete only for the objects already handed on.
  const complete = /\.execute\(/.test(sample);
  for (const line of lines) {
    const set = SETTER.exec(line);
    if (!set) continue;
    if (/^\w+$/.test(set[3]!.trim())) attached.add(set[3]!.trim());
    const owner = requestVars.has(set[1]!) ? REQUEST : varClass.get(set[1]!);
    if (owner === undefined) continue;
    const fields = setters.get(owner) ?? new Map<string, string | undefined>();
    setters.set(owner, fields);
    fields.set(nameKey(set[2]!), javaLiteral(set[3]!));
  }

  return {
    childrenOf(field: FieldRef) {
      const fields = setters.get(baseTypeName(field.type));
      return fields ? new Set(fields.keys()) : undefined;
    },
    valueOf(parent: FieldRef | undefined, name: string) {
      const owner = parent ? baseTypeName(parent.type) : REQUEST;
      return setters.get(owner)?.get(nameKey(name));
    },
    isPartial(field: FieldRef) {
      if (complete) return false;
      const cls = baseTypeName(field.type);
      return ![...varClass].some(([v, c]) => c === cls && attached.has(v));
    },
  };
}

const REQUEST = "\0request";

function simpleName(javaType: string): string {
  const parts = javaType.trim().split(".");
  return parts[parts.length - 1]!.trim();
}

/** The value of a literal argument (`"x\"y"`, `111L`, `true`, or a call wrapping one string); else undefined. */
export function javaLiteral(arg: string): string | undefined {
  const a = arg.trim();
  const str = /^"((?:[^"\\]|\\.)*)"$/.exec(a);
  if (str) return unescapeJava(str[1]!);
  const num = /^(-?\d+(?:\.\d+)?)[LlDdFf]?$/.exec(a);
  if (num) return num[1]!;
  if (a === "true" || a === "false") return a;
  const wrapped = /^[\w.]+\(\s*"((?:[^"\\]|\\.)*)"\s*\)$/.exec(a);
  if (wrapped) return unescapeJava(wrapped[1]!);
  return undefined;
}

function unescapeJava(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e;
  });
}
