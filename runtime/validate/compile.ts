// The params check of a shape compiled to straight-line JavaScript, once per shape (what ajv does for a JSON
// Schema): each field gets an inline test that a valid value passes at the cost of a typeof or two. A value
// that fails it has its common issues written inline too (missing, wrong JS type, limits, enums), with the
// texts of ./texts.ts; the rest go to the field's check in ./interpreter.ts (which also accepts the valid values
// the inline test does not cover, such as a bigint or a digit string for a Number). A test holds the compiled
// check to the interpreted one on random values: the same issues, in the same order.
// Where code generation from strings is disabled, the interpreted check is used.

import type { FieldShape, IssueCode, StructShape } from "../types.js";
import type { Path, StructCheck } from "./checks.js";
import { atLeast, atLeastOneText, atMost, enumText, EXPECTED, keyText, REQUIRED, tooLong, typeText } from "./texts.js";
import { blank, missing, pathOf } from "./checks.js";
import { isInheritedName, own } from "../objects.js";
import { listCheck, structCheck, valueCheck } from "./interpreter.js";

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

/**
 * A path in the generated code: a run-time part (the function's `path`, or a list item's path) and a static
 * rest under it. A field's path text is then a constant where the run-time part is "" (the params themselves),
 * and any path is built only for an issue.
 */
class PathCode {
  constructor(
    private readonly base: string,
    private readonly rest?: string,
  ) {}

  /** An expression for the path's text; under the params themselves (`path` is ""), the rest alone, without a call. */
  text(): string {
    if (this.rest === undefined) return this.base;
    const rest = JSON.stringify(this.rest);
    return this.base === "path" ? `(path === "" ? ${rest} : d(path, ${rest}))` : `d(${this.base}, ${rest})`;
  }

  field(name: string): PathCode {
    return new PathCode(this.base, this.rest === undefined ? name : `${this.rest}.${name}`);
  }

  /** Item `index` (a variable) of the list at this path. */
  item(index: string): PathCode {
    return new PathCode(`d(${this.text()}, ${index})`);
  }
}

/** Where a value sits: its path, and its parent's path and key (what the interpreted checks take). */
interface Place {
  readonly at: PathCode;
  readonly parent: PathCode;
  /** An expression for the key: a string literal or an index variable. */
  readonly key: string;
}

const fieldPlace = (parent: PathCode, name: string): Place => ({
  at: parent.field(name),
  parent,
  key: JSON.stringify(name),
});

class Compiler {
  /** Values the code refers to as k0, k1, …: the interpreted checks and enum sets. */
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
    const body = this.fields(shape, "v", new PathCode("path"), [shape]);
    this.functions.push(`function ${name}(issues, v, path) {\n${body.join("\n")}\n}`);
    return name;
  }

  /** Statements checking the fields of the object in variable `v`, at `path`. */
  private fields(shape: StructShape, v: string, path: PathCode, inside: StructShape[]): string[] {
    const out: string[] = [];
    for (const field of shape.fields) out.push(this.field(field, v, path, inside));
    for (const fields of shape.atLeastOne ?? []) {
      const allMissing = fields.map((f) => `m(${read(v, f)})`).join(" && ");
      const issue = `{ path: ${path.field(keyText(fields)).text()}, code: "atLeastOne", message: ${JSON.stringify(atLeastOneText(fields))} }`;
      out.push(`if (${allMissing}) issues.push(${issue});`);
    }
    return out;
  }

  private field(field: FieldShape, v: string, path: PathCode, inside: StructShape[]): string {
    const place = fieldPlace(path, field.name);
    const x = `x${this.vars++}`;
    const required = field.required === true;
    const absent = required ? "false" : `${x} === undefined`;
    const head = `const ${x} = ${read(v, field.name)};\n`;
    if (field.list) {
      const slow = this.constant(listCheck(field));
      const i = `i${this.vars++}`;
      const max = field.maxListSize !== undefined ? ` && ${x}.length <= ${field.maxListSize}` : "";
      const item = `x${this.vars++}`;
      const itemPlace: Place = { at: place.at.item(i), parent: place.at, key: i };
      // A non-empty list within its size: each item by its own test; anything else: the whole list's check.
      return (
        `${head}if (Array.isArray(${x}) && ${x}.length > 0${max}) {\n` +
        `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\nconst ${item} = ${x}[${i}];\n${this.value(field, item, itemPlace, true, inside)}\n}\n` +
        `} else if (!(${absent})) ${slow}(issues, ${x}, ${path.text()}, ${place.key});`
      );
    }
    return head + this.value(field, x, place, required, inside, absent);
  }

  /** Statements checking the value in variable `x`, at `place`. */
  private value(
    field: FieldShape,
    x: string,
    place: Place,
    required: boolean,
    inside: StructShape[],
    absent = "false",
  ): string {
    const failed = this.failure(field, x, place, required);
    if (field.type === "Struct") {
      const shape = field.struct!();
      const test = `typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})`;
      const body =
        inside.includes(shape) || inside.length >= MAX_INLINE_DEPTH
          ? `${this.struct(shape)}(issues, ${x}, ${place.at.text()});`
          : this.fields(shape, x, place.at, [...inside, shape]).join("\n");
      return `if (${test}) {\n${body}\n} else if (!(${absent})) {\n${failed}\n}`;
    }
    const test = this.test(field, x, required);
    if (test === undefined) return failed;
    return absent === "false" ? `if (!(${test})) {\n${failed}\n}` : `if (!(${absent} || (${test}))) {\n${failed}\n}`;
  }

  /**
   * Statements reporting the issues of a value that failed its inline test. The common issues (missing, a value
   * of the wrong JS type, a limit, an enum) are written here with the texts of ./texts.ts; the rest (digit
   * strings, bigints, dates, files, …) go to the interpreted check.
   */
  private failure(field: FieldShape, x: string, place: Place, required: boolean): string {
    const slow = () =>
      `${this.constant(valueCheck(field, required))}(issues, ${x}, ${place.parent.text()}, ${place.key});`;
    const push = (code: IssueCode, message: string) =>
      `issues.push({ path: ${place.at.text()}, code: "${code}", message: ${message} });`;
    const typeIssue = (expected: string) => push("type", `${this.constant(typeText(expected))}(${x})`);
    const blank = required ? ` || (typeof ${x} === "string" && b(${x}))` : "";
    const ifMissing = `if (${x} === undefined || ${x} === null || ${x} === ""${blank}) {${required ? push("required", JSON.stringify(REQUIRED)) : ""}}`;
    const range = [
      field.minValue !== undefined
        ? `if (${x} < ${field.minValue}) ${push("minValue", JSON.stringify(atLeast(field.minValue)))}`
        : "",
      field.maxValue !== undefined
        ? `if (${x} > ${field.maxValue}) ${push("maxValue", JSON.stringify(atMost(field.maxValue)))}`
        : "",
    ]
      .filter((line) => line !== "")
      .join("\n");
    switch (field.type) {
      case "String": {
        const max = field.maxLength;
        const limits = [
          max !== undefined ? `if (${x}.length > ${max}) ${push("maxLength", `l(${x}.length, ${max})`)}` : "",
          field.enum?.length
            ? `if (!${this.oneOf(field.enum, x)}) ${push("enum", `${this.constant(enumText(field.enum))}(${x})`)}`
            : "",
        ]
          .filter((line) => line !== "")
          .join("\n");
        return `${ifMissing}\nelse if (typeof ${x} !== "string") ${typeIssue(EXPECTED.string)}\nelse {\n${limits}\n}`;
      }
      case "Number":
        return (
          `${ifMissing}\nelse if (typeof ${x} === "number" && Number.isSafeInteger(${x})) {\n${range}\n}\n` +
          `else if (typeof ${x} === "number") ${typeIssue(EXPECTED.integer)}\nelse ${slow()}`
        );
      case "Price":
      case "BigDecimal":
        return (
          `${ifMissing}\nelse if (typeof ${x} === "number" && Number.isFinite(${x})) {\n${range}\n}\n` +
          `else if (typeof ${x} === "number") ${typeIssue(EXPECTED.decimal)}\nelse ${slow()}`
        );
      case "Boolean":
        return `${ifMissing}\nelse ${typeIssue(EXPECTED.boolean)}`;
      case "Struct":
        return `${ifMissing}\nelse ${typeIssue(EXPECTED.object)}`;
      default:
        return slow();
    }
  }

  /** Few values are compared one by one (faster than hashing); more through a Set. */
  private oneOf(values: readonly string[], x: string): string {
    if (values.length > 8) return `${this.constant(new Set(values))}.has(${x})`;
    return `(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ")})`;
  }

  /** A test a valid, present value passes (and an invalid one never does); undefined when there is none. */
  private test(field: FieldShape, x: string, required: boolean): string | undefined {
    const range = [
      field.minValue !== undefined ? ` && ${x} >= ${field.minValue}` : "",
      field.maxValue !== undefined ? ` && ${x} <= ${field.maxValue}` : "",
    ].join("");
    switch (field.type) {
      case "String": {
        const max = field.maxLength !== undefined ? ` && ${x}.length <= ${field.maxLength}` : "";
        const values = field.enum?.length ? ` && ${this.oneOf(field.enum, x)}` : "";
        // A required string of only whitespace is missing (Java's checkNotEmpty): the first character settles it.
        const present = required ? `(${x}.charCodeAt(0) > 32 || !b(${x}))` : `${x} !== ""`;
        return `typeof ${x} === "string" && ${present}${max}${values}`;
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
  // m: missing (TOP sends nothing for undefined, null or ""); d: a path's text with a key under it (an item's
  // index, or field names joined by "."); o: an own property; l: the text of a length over its limit; b: a string
  // of only whitespace (missing where the field is required). Type and enum texts are constants (typeText, enumText).
  const factory = new Function("c", "m", "d", "o", "l", "b", source) as (
    c: unknown[],
    m: (x: unknown) => boolean,
    d: (path: Path, key: string | number) => string,
    o: (target: object, key: string) => unknown,
    l: (length: number, max: number) => string,
    b: (value: string) => boolean,
  ) => StructCheck;
  return factory(compiler.constants, missing, pathOf, own, tooLong, blank);
}
