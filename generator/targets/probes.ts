// The probe set: a few small specs that together reach every branch of the emitters (each doc type, as a value
// and as a list; every limit; enums on both sides; structs nested, repeated and shared; a cross-field rule; a
// wire name that is no identifier; a name that clashes with an inherited member; a long line prettier has to
// break). A target's fingerprint is the output it makes from them (target.ts), so a change to the generator that
// changes what it makes for these changes the fingerprint, and a comment or a refactor does not.
// When an emitter gains a branch these specs do not reach, add a field here that reaches it.

import type { ApiSpec, Field } from "../model/types.js";

const source = (method: string): ApiSpec["source"] => ({
  format: "text",
  file: `docs/${method}.txt`,
  sha256: "0".repeat(64),
});

const everyScalar: Field[] = [
  { name: "count", type: "Number", required: true, description: "一到一百", limits: { minValue: 1, maxValue: 100 } },
  { name: "price", type: "Price", example: "9.99", limits: { minValue: 0.01, maxValue: 99999.99 } },
  { name: "rate", type: "BigDecimal" },
  { name: "enabled", type: "Boolean", limits: { default: "true" } },
  { name: "start", type: "Date", example: "2020-01-01 00:00:00" },
  { name: "extra", type: "Json", limits: { maxLength: 20 } },
  { name: "attrs", type: "Map" },
  { name: "image", type: "File", limits: { maxLength: 4 } },
  { name: "fields", type: "FieldList", required: true, limits: { default: "num_iid,title" } },
  {
    name: "title",
    type: "String",
    description: "a `quoted` */ comment end and a {@link} in a description",
    limits: { maxLength: 60 },
  },
  { name: "ids", type: "Number", list: true, limits: { maxListSize: 3 } },
  { name: "tags", type: "String", list: true, limits: { maxLength: 5, maxListSize: 10 } },
  { name: "weird-name", type: "String", description: "a wire name that is not an identifier" },
  { name: "constructor", type: "String", description: "a name every object inherits" },
  { name: "state", type: "String", enum: [{ value: "ON", description: "打开" }, { value: "OFF" }] },
];

const tree: Field = {
  name: "node",
  type: "ProbeNode",
  description: "a struct holding a list of structs",
  fields: [
    { name: "label", type: "String", required: true },
    {
      name: "children",
      type: "ProbeLeaf",
      list: true,
      fields: [{ name: "weight", type: "Number", required: true, limits: { maxValue: 10 } }],
    },
  ],
};

export const PROBE_SPECS: readonly ApiSpec[] = [
  {
    specVersion: 1,
    method: "topgen.probe.every.type",
    title: "探针",
    description:
      "Every doc type, limit and shape the emitters know, with a description long enough that the generated doc comment has to wrap.",
    source: source("topgen.probe.every.type"),
    request: [...everyScalar, tree, { ...tree, name: "second_node" }],
    response: [
      { name: "total", type: "Number" },
      { name: "when", type: "Date" },
      { name: "cost", type: "Price" },
      { name: "big", type: "BigDecimal" },
      { name: "ok", type: "Boolean" },
      { name: "state", type: "String", enum: [{ value: "ON" }, { value: "OFF" }] },
      {
        name: "items",
        type: "ProbeItem",
        list: true,
        fields: [
          { name: "when", type: "Date" },
          {
            name: "sub_item_with_a_rather_long_name_so_that_the_line_does_not_fit",
            type: "ProbeSubItemWithARatherLongNameSoThatTheLineDoesNotFit",
            list: true,
            fields: [{ name: "n", type: "Number" }],
          },
        ],
      },
      tree,
    ],
    rules: [{ kind: "atLeastOne", fields: ["ids", "tags"], description: "ids 与 tags 至少填一个" }],
    samples: { request: "count=1", response: '{"total":1}' },
  },
  {
    specVersion: 1,
    method: "topgen.probe.empty",
    title: "",
    description: "",
    source: source("topgen.probe.empty"),
    request: [],
    response: [],
  },
  {
    specVersion: 1,
    method: "topgen.Probe.empty",
    title: "大小写冲突",
    description: "Differs from another probe only in case: the two get distinct file and class names.",
    source: { format: "json", file: "docs/topgen.Probe.empty.json", sha256: "1".repeat(64) },
    request: [{ name: "q", type: "String", required: true }],
    response: [{ name: "r", type: "String", list: true }],
    rules: [{ kind: "atLeastOne", fields: ["q", "q"] }],
  },
];
