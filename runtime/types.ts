// The contract between generated modules and the hand-written runtime.
// Generated code describes each request and response as a StructShape (data, not code), written in the module
// as a schema text (./schema.ts); the runtime's wire writer, decoder and validator walk those shapes.

import type { JsonValue } from "./json.js";

/** Doc types that are not structs, as they appear in a spec's `type`. */
export const SCALAR_TYPES = [
  "String",
  "Number",
  "Boolean",
  "Date",
  "Price",
  "BigDecimal",
  "Json",
  "Map",
  "File",
  "FieldList",
] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

export interface StructShape {
  /** The doc's type name, e.g. "FundBill"; for a request's params or a response body, the class name. */
  readonly name: string;
  readonly fields: readonly FieldShape[];
  /** Cross-field rules (request side): at least one of these fields is given. */
  readonly atLeastOne?: readonly (readonly string[])[];
}

export interface FieldShape {
  /** Wire name, exactly as documented (snake_case, never renamed). */
  readonly name: string;
  readonly type: ScalarType | "Struct";
  readonly list?: true;
  /** Present exactly when type is "Struct"; a thunk so that a struct may contain itself. */
  readonly struct?: () => StructShape;
  /** Request side: what validate() checks. */
  readonly required?: true;
  /** Characters of a String / Json / FieldList, bytes of a File. */
  readonly maxLength?: number;
  readonly maxListSize?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  /** The values a String may take. */
  readonly enum?: readonly string[];
}

/** How Number and Date response fields are typed; chosen per client / per decode call. */
export interface Codec {
  readonly int64: unknown;
  readonly date: unknown;
}
export type Int64Mode = "bigint" | "string" | "number";
export type DateMode = "Date" | "string";
interface Int64Types {
  bigint: bigint;
  string: string;
  number: number;
}
interface DateTypes {
  Date: Date;
  string: string;
}
export interface CodecOf<I extends Int64Mode, D extends DateMode> extends Codec {
  readonly int64: Int64Types[I];
  readonly date: DateTypes[D];
}
export type DefaultCodec = CodecOf<"bigint", "Date">;

export interface DecodeOptions<I extends Int64Mode = Int64Mode, D extends DateMode = DateMode> {
  /** Number fields: bigint (default), decimal string, or number (a decode error for an unsafe integer). */
  readonly int64?: I;
  /** Date fields: a Date (read as GMT+8, default) or the text as sent. */
  readonly dates?: D;
}

/**
 * A generated response type (int64 fields as bigint, dates as Date: the default codec) as another codec decodes
 * it. Generated interfaces stay plain, which is what keeps thousands of them cheap to type-check; the mapping is
 * paid only where a client with another codec uses a response.
 */
export type ResponseOf<R, C extends Codec> = C extends DefaultCodec ? R : Recoded<R, C>;
type Recoded<T, C extends Codec> = T extends bigint
  ? C["int64"]
  : T extends Date
    ? C["date"]
    : T extends
          string | number | boolean | null | undefined // `string & {}` of an open enum stays as it is
      ? T
      : IsJsonMap<T> extends true // a Map field: its values are JSON as received, whatever the codec
        ? T
        : { [K in keyof T]: Recoded<T[K], C> };
/** Identity, not assignability: a struct of optional fields and the Map type are assignable both ways. */
type IsJsonMap<T> =
  (<G>() => G extends T ? 1 : 2) extends <G>() => G extends Record<string, JsonValue> ? 1 : 2 ? true : false;

/** A file parameter: sent as a multipart part and never signed. */
export interface TopFile {
  readonly name: string;
  readonly data: Uint8Array | Blob;
  readonly type?: string;
}

export type IssueCode =
  "required" | "type" | "maxLength" | "maxListSize" | "minValue" | "maxValue" | "enum" | "atLeastOne";

export interface ValidationIssue {
  /** Where, in doc (wire) names: `refund_bill_list[1].amount`. */
  readonly path: string;
  readonly code: IssueCode;
  readonly message: string;
}

/** What every generated request class provides. */
export interface TopRequest<R = unknown> {
  /** The API method, e.g. "alibaba.nlife.b2c.trade.refund". */
  readonly method: string;
  /** The params as the caller gave them, keyed by wire name. */
  readonly params: object;
  readonly requestShape: StructShape;
  readonly responseShape: StructShape;
  /** Every problem with the params, not just the first; empty when the request may be sent. */
  validate(): ValidationIssue[];
  /** Phantom: carries the response type (as the default codec decodes it); never set at run time. */
  readonly __response?: R;
}
