// A generated module's request and response shapes, written in the module as schema text (JSON Lines: the line
// types and their reader are in schema-text.ts). Text costs the type checker and the formatter nothing, which
// keeps thousands of generated modules cheap to verify; it is read once, on first use.

import { decodeResponse } from "./decode/decode.js";
import { isRuleLine, isStructHeader, parseSchemaLines } from "./schema-text.js";
import type { CodecOf, DateMode, DecodeOptions, FieldShape, Int64Mode, ResponseOf, StructShape } from "./types.js";
import type { StructCheck } from "./validate/checks.js";
import { compiledStructCheck } from "./validate/compile.js";

/** `R`, on a response schema, is the response type it decodes to (a phantom: nothing of it exists at run time). */
export class Schema<R = unknown> {
  declare readonly __response?: R;
  #text: string;
  #structs: Map<string, StructShape> | undefined;
  #paramsCheck: StructCheck | undefined;
  #decode: Decoder<R> | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The struct written under `key` ("$params", "$response", or a struct's name in code). */
  struct(key: string): StructShape {
    return structOf((this.#structs ??= parseSchema(this.#text)), key);
  }

  /** The compiled check of a request schema's `$params`. */
  get paramsCheck(): StructCheck {
    return (this.#paramsCheck ??= compiledStructCheck(this.struct("$params")));
  }

  /**
   * The decoder of a response schema (a module exports it as `decodeXResponse`): a property rather than a call,
   * which keeps the type checker's work per module down.
   */
  get decode(): Decoder<R> {
    return (this.#decode ??= ((body: unknown, options?: DecodeOptions) =>
      decodeResponse(this.method, this.struct("$response"), body, options)) as Decoder<R>);
  }

  /** The API method a response schema belongs to (its `$response` line's "method"). */
  get method(): string {
    return (this.struct("$response") as { method?: string }).method ?? "";
  }
}

/** Decodes a response body (text or parsed JSON); `options` choose how Number and Date fields come out. */
export type Decoder<R> = <I extends Int64Mode = "bigint", D extends DateMode = "Date">(
  body: unknown,
  options?: DecodeOptions<I, D>,
) => ResponseOf<R, CodecOf<I, D>>;

/** The schema text of a module (see the top of this file). */
export function schema<R = unknown>(text: string): Schema<R> {
  return new Schema<R>(text);
}

interface MutableStruct {
  name: string;
  method?: string;
  fields: FieldShape[];
  atLeastOne?: string[][];
}

/** The structs of a schema text, by key; its lines are checked by parseSchemaLines before any is used. */
function parseSchema(text: string): Map<string, StructShape> {
  const structs = new Map<string, MutableStruct>();
  let current: MutableStruct | undefined;
  const lookup = (key: string): (() => StructShape) => {
    let shape: StructShape | undefined;
    return () => (shape ??= structOf(structs, key));
  };
  for (const { line, number } of parseSchemaLines(text)) {
    if (isStructHeader(line)) {
      current = { name: line.name, fields: [], ...(line.method !== undefined ? { method: line.method } : {}) };
      structs.set(line.def, current);
    } else if (current === undefined) {
      throw new Error(`schema line ${number}: a field or rule before any struct`);
    } else if (isRuleLine(line)) {
      (current.atLeastOne ??= []).push([...line.atLeastOne]);
    } else {
      const { struct, ...field } = line;
      current.fields.push(struct === undefined ? field : { ...field, struct: lookup(struct) });
    }
  }
  return structs;
}

function structOf(structs: ReadonlyMap<string, StructShape>, key: string): StructShape {
  const shape = structs.get(key);
  if (shape === undefined) throw new Error(`schema has no struct ${key}`);
  return shape;
}
