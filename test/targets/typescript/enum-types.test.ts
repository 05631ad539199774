// The request type of an enum: a closed union only where the spec's evidence closes it; else open.
import { expect, it } from "vitest";
import { requestTypeMembers, responseTypeMembers } from "../../../generator/targets/typescript/ts-types.js";
import type { Field } from "../../../generator/model/types.js";

const values = [{ value: "A" }, { value: "B" }];
it.each<[string, { given: Field; want: { request: string[]; response: string[] } }]>([
  [
    "closed by its evidence",
    {
      given: { name: "f", type: "String", enum: values, enumEvidence: { closed: true, why: "w" } },
      want: { request: ['"A"', '"B"'], response: ['"A"', '"B"', "(string & {})"] },
    },
  ],
  [
    "left open by its evidence",
    {
      given: { name: "f", type: "String", enum: values, enumEvidence: { closed: false, why: "w" } },
      want: { request: ['"A"', '"B"', "(string & {})"], response: ['"A"', '"B"', "(string & {})"] },
    },
  ],
  [
    "no evidence: open",
    {
      given: { name: "f", type: "String", enum: values },
      want: { request: ['"A"', '"B"', "(string & {})"], response: ['"A"', '"B"', "(string & {})"] },
    },
  ],
])("%s", (_, { given, want }) => {
  expect(requestTypeMembers(given, () => "S")).toEqual(want.request);
  expect(responseTypeMembers(given, () => "S")).toEqual(want.response);
});
