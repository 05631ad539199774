// Every doc type seen on TOP pages and in the catalogue, mapped deliberately; an unknown one is a diagnostic.
import { expect, it } from "vitest";
import { parseTypeCell } from "../../generator/normalize/types.js";
import type { Diagnostic } from "../../generator/model/types.js";

it.each<[string, { type: string; list: boolean; struct: boolean; unknown?: true }]>([
  ["String", { type: "String", list: false, struct: false }],
  ["Number", { type: "Number", list: false, struct: false }],
  ["Boolean", { type: "Boolean", list: false, struct: false }],
  ["Date", { type: "Date", list: false, struct: false }],
  ["Price", { type: "Price", list: false, struct: false }],
  ["BigDecimal", { type: "BigDecimal", list: false, struct: false }],
  ["Json", { type: "Json", list: false, struct: false }],
  ["Map", { type: "Map", list: false, struct: false }],
  ["byte[]", { type: "File", list: false, struct: false }],
  ["byte", { type: "File", list: false, struct: false }],
  ["byte []", { type: "File", list: false, struct: false }],
  ["byte[][]", { type: "File", list: true, struct: false }],
  ["File", { type: "File", list: false, struct: false }],
  ["File []", { type: "File", list: true, struct: false }],
  ["Field List", { type: "FieldList", list: false, struct: false }],
  ["String[]", { type: "String", list: true, struct: false }],
  ["String []", { type: "String", list: true, struct: false }],
  ["Number[]", { type: "Number", list: true, struct: false }],
  ["Number []", { type: "Number", list: true, struct: false }],
  ["Boolean[]", { type: "Boolean", list: true, struct: false }],
  ["Date[]", { type: "Date", list: true, struct: false }],
  ["Price[]", { type: "Price", list: true, struct: false }],
  ["BigDecimal[]", { type: "BigDecimal", list: true, struct: false }],
  ["Json []", { type: "Json", list: true, struct: false }],
  ["Integer[]", { type: "Number", list: true, struct: false }],
  ["Long[]", { type: "Number", list: true, struct: false }],
  ["FundBill", { type: "FundBill", list: false, struct: true }],
  ["FundBill []", { type: "FundBill", list: true, struct: true }],
  ["OrderDetailCursorTopDTO2[]", { type: "OrderDetailCursorTopDTO2", list: true, struct: true }],
  ["null[]", { type: "null", list: true, struct: false, unknown: true }],
  ["", { type: "", list: false, struct: false, unknown: true }],
])("%j", (cell, want) => {
  expect(parseTypeCell(cell, { name: "f" }, [])).toEqual(want);
});

it("a type cell that is no type at all is a warning naming the field and line, read as String", () => {
  const diagnostics: Diagnostic[] = [];
  expect(parseTypeCell("List<Foo>", { name: "items", line: 7 }, diagnostics)).toEqual({
    type: "String",
    list: false,
    struct: false,
  });
  expect(diagnostics).toEqual([
    { level: "warning", message: 'unknown type "List<Foo>" on items; treated as String', line: 7 },
  ]);
});
