// ResponseOf: a generated response type (int64 as bigint, dates as Date) as another codec decodes it. These are
// type-level checks: `npm test` type-checks the test files (`tsc --noEmit`) before vitest runs them.

import { describe, expectTypeOf, it } from "vitest";
import type { CodecOf, DefaultCodec, JsonValue, ResponseOf } from "../../runtime/index.js";

interface Item {
  n?: bigint;
  when?: Date;
  tag?: "A" | "B" | (string & {});
  nested?: { deep?: bigint[] };
}

interface Response {
  id?: bigint;
  at?: Date;
  ids?: bigint[];
  items?: Item[];
  name?: string;
  price?: string;
  ok?: boolean;
  extra?: Record<string, JsonValue>;
}

describe("ResponseOf", () => {
  it("is the generated type itself under the default codec", () => {
    expectTypeOf<ResponseOf<Response, DefaultCodec>>().toEqualTypeOf<Response>();
  });

  it("maps int64 fields, in lists and nested structs too", () => {
    type S = ResponseOf<Response, CodecOf<"string", "Date">>;
    expectTypeOf<S["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<S["ids"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<NonNullable<S["items"]>[number]["n"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<NonNullable<S["items"]>[number]["nested"]>["deep"]>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<S["at"]>().toEqualTypeOf<Date | undefined>();
    type N = ResponseOf<Response, CodecOf<"number", "Date">>;
    expectTypeOf<N["id"]>().toEqualTypeOf<number | undefined>();
  });

  it("maps dates, and leaves every other field as it is", () => {
    type S = ResponseOf<Response, CodecOf<"bigint", "string">>;
    expectTypeOf<S["at"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<S["items"]>[number]["when"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<S["id"]>().toEqualTypeOf<bigint | undefined>();
    expectTypeOf<S["name"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<S["price"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<S["ok"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<S["items"]>[number]["tag"]>().toEqualTypeOf<"A" | "B" | (string & {}) | undefined>();
    expectTypeOf<S["extra"]>().toEqualTypeOf<Record<string, JsonValue> | undefined>();
  });
});
