// The params check of a shape compiled to straight-line JavaScript, once per shape (what ajv does for a JSON
// Schema): each field gets an inline test that a valid value passes at the cost of a typeof or two; a value
// that fails it goes to the field's check in ./validator.ts, which reports the issues (or accepts a valid value
// the inline test does not cover, such as a bigint or a digit string for a Number). So the compiled check and
// the interpreted one report the same issues by construction; a test compares them on random values.
// Where code generation from strings is disabled, the interpreted check is used.

import type { FieldShape, StructShape } from "./types.js";
import type { Issues, Path, StructCheck } from "./validate.js";
import { checkAtLeastOne, pathOf } from "./validate.js";
import { isInheritedName, own } from "./objects.js";
import { listCheck, structCheck, valueCheck } from "./validator.js";

const compiled = new WeakMap<StructShape, StructCheck>();

/** The compiled check of `shape` (and of every struct it reaches), or the interpreted one. */
export function compiledStructCheck(shape: StructShape): StructCheck {
  let check = compiled.get(shape);
  if (check === undefined) {
    try {
      check = compile(shape);
    } catch {
      check = structCheck(shape);
    }
    compiled.set(shape, check);
  }
  return check;
}

/** Structs nested this deep are checked by a call rather than inline (and a struct inside itself always is). */
const MAX_INLINE_DEPTH = 4;

class Compiler {
  /** Values the code refers to as c[i]: slow-path checks, enum sets, rule field lists. */
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private readonly names = new Map<StructShape, string>();
  private vars = 0;

  constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /** A function `(issues, v, path)` checking `shape`; nested structs are inlined, so a valid value allocates nothing. */
  struct(shape: StructShape): string {
    let name = this.names.get(shape);
    if (name !== undefined) return name;
    name = `s${this.names.size}`;
    this.names.set(shape, name);
    const body = this.fields(shape, "v", "path", [shape]);
    this.functions.push(`function ${name}(issues, v, path) {\n${body.join("\n")}\n}`);
    return name;
  }

  /**
   * Statements checking the fields of the object in variable `v`. `path` is an expression for its path's text,
   * evaluated only when an issue is reported (a valid value builds no path).
   */
  private fields(shape: StructShape, v: string, path: string, inside: StructShape[]): string[] {
    const out: string[] = [];
    for (const field of shape.fields) out.push(this.field(field, v, path, inside));
    for (const fields of shape.atLeastOne ?? []) {
      const present = fields.map((f) => `p(${read(v, f)})`).join(" || ");
      out.push(`if (!(${present})) r(issues, ${v}, ${path}, ${this.constant(fields)});`);
    }
    return out;
  }

  private field(field: FieldShape, v: string, path: string, inside: StructShape[]): string {
    const key = JSON.stringify(field.name);
    const x = `x${this.vars++}`;
    const required = field.required === true;
    const absent = required ? "false" : `${x} === undefined`;
    const head = `const ${x} = ${read(v, field.name)};\n`;
    if (field.list) {
      const slow = this.constant(listCheck(field));
      const i = `i${this.vars++}`;
      const max = field.maxListSize !== undefined ? ` && ${x}.length <= ${field.maxListSize}` : "";
      const node = `d(${path}, ${key})`;
      const item = `x${this.vars++}`;
      // A non-empty list within its size: each item by its own test; anything else: the whole list's check.
      return (
        `${head}if (Array.isArray(${x}) && ${x}.length > 0${max}) {\n` +
        `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\nconst ${item} = ${x}[${i}];\n${this.value(field, item, node, i, true, inside)}\n}\n` +
        `} else if (!(${absent})) ${slow}(issues, ${x}, ${path}, ${key});`
      );
    }
    return head + this.value(field, x, path, key, required, inside, absent);
  }

  /** Statements checking the value in variable `x` at `key` under `path`. */
  private value(field: FieldShape, x: string, path: string, key: string, required: boolean, inside: StructShape[], absent = "false"): string {
    const slow = `${this.constant(valueCheck(field, required))}(issues, ${x}, ${path}, ${key})`;
    if (field.type === "Struct") {
      const shape = field.struct!();
      const node = `d(${path}, ${key})`;
      const test = `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`;
      const body =
        inside.includes(shape) || inside.length >= MAX_INLINE_DEPTH
          ? `${this.struct(shape)}(issues, ${x}, ${node});`
          : this.fields(shape, x, node, [...inside, shape]).join("\n");
      return `if (${test}) {\n${body}\n} else if (!(${absent})) ${slow};`;
    }
    const test = this.test(field, x);
    if (test === undefined) return `${slow};`;
    return absent === "false" ? `if (!(${test})) ${slow};` : `if (!(${absent} || (${test}))) ${slow};`;
  }

  /** Few values are compared one by one (faster than hashing); more through a Set. */
  private oneOf(values: readonly string[], x: string): string {
    if (values.length > 8) return `${this.constant(new Set(values))}.has(${x})`;
    return `(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ")})`;
  }

  /** A test a valid, present value passes (and an invalid one never does); undefined when there is none. */
  private test(field: FieldShape, x: string): string | undefined {
    const range = [
      field.minValue !== undefined ? ` && ${x} >= ${field.minValue}` : "",
      field.maxValue !== undefined ? ` && ${x} <= ${field.maxValue}` : "",
    ].join("");
    switch (field.type) {
      case "String": {
        const max = field.maxLength !== undefined ? ` && ${x}.length <= ${field.maxLength}` : "";
        const values = field.enum?.length ? ` && ${this.oneOf(field.enum, x)}` : "";
        return `typeof ${x} === "string" && ${x} !== ""${max}${values}`;
      }
      case "Number":
        return `typeof ${x} === "number" && Number.isSafeInteger(${x})${range}`;
      case "Price":
      case "BigDecimal":
        return `typeof ${x} === "number" && Number.isFinite(${x})${range}`;
      case "Boolean":
        return `typeof ${x} === "boolean"`;
      default:
        return undefined;
    }
  }
}

/** Code reading field `name` of the object in `v`: an own property when every object inherits the name. */
function read(v: string, name: string): string {
  return isInheritedName(name) ? `o(${v}, ${JSON.stringify(name)})` : `${v}[${JSON.stringify(name)}]`;
}

function compile(shape: StructShape): StructCheck {
  const compiler = new Compiler();
  const root = compiler.struct(shape);
  const constants = compiler.constants.map((_, i) => `const k${i} = c[${i}];`).join("\n");
  const source = `${constants}\n${compiler.functions.join("\n")}\nreturn ${root};`;
  // p: present (TOP sends nothing for undefined, null or ""); r: the at-least-one rule's report; d: a path's text;
  // o: an own property.
  const factory = new Function("c", "p", "r", "d", "o", source) as (
    c: unknown[],
    p: (x: unknown) => boolean,
    r: AtLeastOneReport,
    d: (path: Path, key: string | number) => string,
    o: (target: object, key: string) => unknown,
  ) => StructCheck;
  return factory(compiler.constants, present, reportAtLeastOne, pathOf, own);
}

type AtLeastOneReport = (issues: Issues, v: Readonly<Record<string, unknown>>, path: Path, fields: readonly string[]) => void;

function present(x: unknown): boolean {
  return x !== undefined && x !== null && x !== "";
}

const reportAtLeastOne: AtLeastOneReport = checkAtLeastOne;
