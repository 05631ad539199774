// Specs of real doc-page JSON against golden specs written by reading the JSON (test/golden/json/).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/project/parse.js";
import { REPO } from "../support/sdk.js";

const goldenDir = join(REPO, "test", "golden", "json");
const pages = readdirSync(goldenDir).map((f) => f.replace(/\.json$/, ""));

describe.each(pages)("%s", (method) => {
  const spec = parseDoc(join(REPO, "..", "shared", "data", "doc-json", `${method}.json`), REPO);
  const golden = JSON.parse(readFileSync(join(goldenDir, `${method}.json`), "utf8")) as Record<string, unknown>;
  it("method, title, description", () => {
    expect([spec.method, spec.title, spec.description]).toEqual([
      golden["method"],
      golden["title"],
      golden["description"],
    ]);
  });
  it("request fields", () => expect(spec.request).toEqual(golden["request"]));
  it("response fields", () => expect(spec.response).toEqual(golden["response"]));
  it("rules", () => expect(spec.rules ?? []).toEqual(golden["rules"]));
});
