import { describe, expect, it } from "vitest";
import { detectFormat } from "../../generator/read/detect.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("format detection by content, not by name", () => {
  it.each<[string, { given: string; want: string }]>([
    ["a text copy", { given: "alibaba.x.y (名)\n", want: "text" }],
    ["the JSON a page loads", { given: '  {"name": "x"}', want: "json" }],
    ["saved HTML", { given: "<!DOCTYPE html><html></html>", want: "html" }],
    [
      "saved HTML with the browser's saved-from comment",
      { given: "<!-- saved from url=(0040)https://open.taobao.com/ -->\n<html><body></body></html>", want: "html" },
    ],
    ["XHTML with an XML declaration", { given: '<?xml version="1.0"?>\n<html></html>', want: "html" }],
    ["a BOM before JSON", { given: "\uFEFF{}", want: "json" }],
  ])("%s", (_title, { given, want }) => {
    expect(detectFormat(bytes(given), "page.bin").format).toBe(want);
  });

  it.each<[string, { given: Uint8Array; want: RegExp }]>([
    ["empty", { given: new Uint8Array(), want: /^page\.bin:1: empty file$/ }],
    ["only whitespace", { given: bytes(" \n\t\n"), want: /^page\.bin:1: empty file/ }],
    ["binary", { given: new Uint8Array([1, 10, 0, 2]), want: /^page\.bin:2: binary file/ }],
    ["not UTF-8", { given: new Uint8Array([0xc3, 0x28, 0x41]), want: /^page\.bin:1: not UTF-8 text \(byte 1 / }],
  ])("%s is an input error", (_title, { given, want }) => {
    expect(() => detectFormat(given, "page.bin")).toThrowError(want);
  });
});
