// topgen.config.json: found upward, paths relative to it, keys as its shipped JSON Schema documents them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import {
  CONFIG_KEYS,
  DEFAULT_RUNTIME_IMPORT,
  loadConfig,
  runtimeProblem,
  withOut,
} from "../../generator/config/config.js";
import { InputError } from "../../generator/support/errors.js";
import { REPO } from "../support/sdk.js";
import { thrown } from "../support/thrown.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "topgen-config-"));
  dirs.push(dir);
  mkdirSync(join(dir, "a", "b"), { recursive: true });
  writeFileSync(join(dir, "topgen.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

const schema = JSON.parse(readFileSync(join(REPO, "topgen.config.schema.json"), "utf8")) as {
  properties: Record<string, { description?: string }>;
};

describe("loadConfig", () => {
  it("found from a folder two levels below; paths relative to the config's folder", () => {
    const dir = tree({ docs: "pages", specs: "api/specs", out: "src/sdk" });
    const config = loadConfig(join(dir, "a", "b"));
    expect(config).toMatchObject({
      root: dir,
      docs: join(dir, "pages"),
      specs: join(dir, "api", "specs"),
      out: join(dir, "src", "sdk"),
    });
    expect(config.file).toBe(join(dir, "topgen.config.json"));
    expect(config.runtimeImport).toBe(DEFAULT_RUNTIME_IMPORT);
  });

  it.each([
    ["an unknown key (a typo)", { outt: "x" }, 'unknown key "outt"'],
    ["a key that is not a string", { docs: 3 }, '"docs" must be a non-empty string'],
    ["not JSON", "{ docs: ", "not valid JSON"],
    ["not an object", "[]", "must be a JSON object"],
  ])("%s is an InputError naming the config", (_title, config, words) => {
    const error = thrown(() => loadConfig(tree(config)));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toMatch(/topgen\.config\.json$/);
    expect((error as InputError).message).toContain(words);
  });

  it("$schema is allowed, and every key the loader knows is in the shipped schema with a one-line description", () => {
    expect(loadConfig(tree({ $schema: "./node_modules/topgen/topgen.config.schema.json" })).file).toBeDefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    for (const [key, p] of Object.entries(schema.properties)) {
      expect(p.description, key).toBeTruthy();
      expect(p.description, key).not.toContain("\n");
    }
  });

  it("the schema accepts what init writes and rejects a typo, as the loader does", () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ $schema: "./x.json", docs: "topgen/docs", specs: "topgen/specs", out: "src/generated" })).toBe(
      true,
    );
    expect(validate({ outt: "x" })).toBe(false);
  });
});

describe("the runtime import", () => {
  it.each([
    ["a sibling of generated/", "../runtime/index.js", "lib/sdk", "../../runtime/index.js"],
    ["inside the output folder", "./rt/index.js", "other", "../generated/rt/index.js"],
    ["a package name is kept", "@topgen/runtime", "lib/sdk", "@topgen/runtime"],
  ])("--out elsewhere: %s", (_title, runtimeImport, out, want) => {
    const dir = tree({ runtimeImport });
    expect(withOut(loadConfig(dir), join(dir, out)).runtimeImport).toBe(want);
  });

  it("a relative import that reaches its file, and a package found in a node_modules above, are fine", () => {
    const dir = tree({ runtimeImport: "../rt/index.js" });
    mkdirSync(join(dir, "rt"));
    writeFileSync(join(dir, "rt", "index.ts"), "export {};\n");
    expect(runtimeProblem(loadConfig(dir))).toBeUndefined();
    const pkg = tree({});
    mkdirSync(join(pkg, "node_modules", "@topgen", "runtime"), { recursive: true });
    writeFileSync(join(pkg, "node_modules", "@topgen", "runtime", "package.json"), "{}");
    expect(runtimeProblem(loadConfig(pkg))).toBeUndefined();
    expect(runtimeProblem(loadConfig(tree({})))).toMatch(/"runtimeImport".*npm install @topgen\/runtime/);
  });
});
