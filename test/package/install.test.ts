// The proof that topgen works in a user's own repository: both packages packed from a copy of this repository's
// sources (no dist/: the build runs at prepack), installed as tarballs into a fresh app with install scripts
// blocked, then used as the app's CI would (init, add, generate, compile, call, check), and finally installed for
// production, where only the runtime package is left. npm reads the local cache first (--prefer-offline): the
// repository's own `npm ci` has put every package this needs there. One app serves every check; the gateway is
// on 127.0.0.1.
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../support/sdk.js";
import { type Gateway, startGateway } from "../runtime/fixtures/gateway.js";
import { NLIFE_SAMPLE } from "../runtime/fixtures/samples.js";

const APP_KEY = "app-key";
const APP_SECRET = "app-secret";
const PAGE = "alibaba.nlife.b2c.trade.refund.txt";
const MINUTES = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child process, without the npm_* variables of the `npm test` that runs this (they would steer a child npm). */
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

async function ok(cwd: string, command: string, args: string[]): Promise<Run> {
  const r = await run(cwd, command, args);
  if (r.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

const npm = (cwd: string, ...args: string[]) =>
  ok(cwd, "npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"]);
const node = (cwd: string, ...args: string[]) => run(cwd, process.execPath, args);

function du(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, n) => sum + du(join(path, n)), 0);
}

// skipLibCheck off: the runtime's declarations are checked under the app's strict settings (once, in the first compile).
const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: "ES2022",
  types: ["node"],
  skipLibCheck: false,
};
const AGAIN = { ...STRICT, skipLibCheck: true };

/** The app's code: one typed call through the generated SDK; prints what it read. `cjs`: no top-level await. */
function mainSource(generated: string, cjs: boolean): string {
  const call = `
  const [gateway] = process.argv.slice(2);
  const client = new TopClient({ appKey: ${JSON.stringify(APP_KEY)}, appSecret: ${JSON.stringify(APP_SECRET)}, gateway });
  const res = await client.execute(
    new AlibabaNlifeB2cTradeRefundRequest({
      out_request_no: "765345354",
      trade_no: "100004000000000045678",
      refund_bill_list: [{ type: "ALIPAY", buyer_id_type: "WECHAT_OPENID", title: "支付宝支付", amount: 6000, currency: "CNY" }],
      refund_goods_list: ["547580683166_326040728"],
    }),
    { session: "session" },
  );
  const when: Date | undefined = res.gmt_refund;
  const extend: string | undefined = res.extend_params;
  console.log(JSON.stringify({ gmt_refund: when?.toISOString(), extend_params: extend }));
`;
  const imports = `import { TopClient } from "@topgen/runtime";\nimport { AlibabaNlifeB2cTradeRefundRequest } from "${generated}/index.js";\n`;
  return imports + (cjs ? `async function main(): Promise<void> {${call}}\nvoid main();\n` : call);
}

// What the gateway answers: the doc page's own response sample; the app must read it typed.
const ANSWER = { gmt_refund: "2016-12-31T15:59:59.000Z", extend_params: '{"k1":v1}' };

let work: string;
let app: string;
let gateway: Gateway;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "topgen-package-"));
  gateway = await startGateway({ [APP_KEY]: APP_SECRET });
  // The sources as a clean clone has them (no dist/), with this repository's installed tools.
  const src = join(work, "src");
  mkdirSync(src);
  for (const f of [
    "package.json",
    "README.md",
    "tsconfig.json",
    "tsconfig.build.json",
    "topgen.config.schema.json",
    "bin",
    "generator",
    "templates",
  ]) {
    cpSync(join(REPO, f), join(src, f), { recursive: true });
  }
  cpSync(join(REPO, "runtime"), join(src, "runtime"), {
    recursive: true,
    filter: (p) => !p.includes(`${join(REPO, "runtime", "dist")}`),
  });
  symlinkSync(join(REPO, "node_modules"), join(src, "node_modules"), "dir");
  await npm(src, "pack", "--workspaces", "--include-workspace-root", "--pack-destination", work);

  app = join(work, "app");
  mkdirSync(join(app, "src"), { recursive: true });
  const lock = JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const pinned = (name: string) => lock.packages[`node_modules/${name}`]!.version!;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify(
      {
        name: "app",
        version: "1.0.0",
        private: true,
        type: "module",
        scripts: { build: "tsc -p tsconfig.json" },
        dependencies: { "@topgen/runtime": "file:../topgen-runtime-0.1.0.tgz" },
        devDependencies: {
          topgen: "file:../topgen-0.1.0.tgz",
          typescript: pinned("typescript"),
          "@types/node": pinned("@types/node"),
        },
      },
      null,
      2,
    ) + "\n",
  );
  // Dependency install scripts blocked, as npm 11 does by default: nothing may need a build step.
  await npm(app, "install", "--ignore-scripts");
}, 15 * MINUTES);

afterAll(async () => {
  await gateway?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const topgen = (...args: string[]) => node(app, join(app, "node_modules", "topgen", "bin", "topgen.js"), ...args);

describe("topgen and @topgen/runtime from their tarballs, in a fresh app", () => {
  it("the tarballs hold built code: the bin runs, the runtime has its types and one dependency", async () => {
    const version = await topgen("--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version,
    );
    const runtime = join(app, "node_modules", "@topgen", "runtime");
    const pkg = JSON.parse(readFileSync(join(runtime, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(["lossless-json"]);
    const files = readdirSync(join(runtime, "dist"));
    expect(files).toContain("index.js");
    expect(files).toContain("index.d.ts");
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("init writes a config with a $schema shipped in the package, the docs folder and scripts; a second init refuses", async () => {
    const r = await topgen("init");
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(app, "topgen.config.json"), "utf8")) as Record<string, string>;
    expect(existsSync(join(app, config["$schema"]!))).toBe(true);
    expect(config["$schema"]).toBe("./node_modules/topgen/topgen.config.schema.json");
    expect(existsSync(join(app, config["docs"]!))).toBe(true);
    const scripts = (JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts).toMatchObject({
      build: "tsc -p tsconfig.json",
      "topgen:generate": "topgen build",
      "topgen:check": "topgen check",
    });
    const before = readFileSync(join(app, "topgen.config.json"), "utf8");
    const again = await topgen("init", "--out", "elsewhere");
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(app, "topgen.config.json"), "utf8")).toBe(before);
  });

  it("add a page: the SDK imports the runtime package; the app compiles strict (nodenext ESM) and reads the typed response", async () => {
    const added = await topgen("add", join(REPO, "docs", PAGE));
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added alibaba\.nlife\.b2c\.trade\.refund: /);
    const config = JSON.parse(readFileSync(join(app, "topgen.config.json"), "utf8")) as Record<string, string>;
    const module = readFileSync(join(app, config["out"]!, "alibaba.nlife.b2c.trade.refund.ts"), "utf8");
    expect(module).toContain('import * as rt from "@topgen/runtime";');
    writeFileSync(join(app, "src", "main.ts"), mainSource("./generated", false));
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          ...STRICT,
          module: "nodenext",
          moduleResolution: "nodenext",
          rootDir: "src",
          outDir: "dist",
        },
        include: ["src"],
      }),
    );
    await npm(app, "run", "build");
    gateway.reply({ body: NLIFE_SAMPLE });
    const called = await node(app, "dist/main.js", gateway.url);
    expect(called.code, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout)).toEqual(ANSWER);
    expect(gateway.received.at(-1)?.signatureOk).toBe(true);
  });

  it("the native type checker comes with topgen, installed with scripts blocked: a generate forced to use it passes", async () => {
    const tsgo = join(
      app,
      "node_modules",
      "@typescript",
      `native-preview-${process.platform}-${process.arch}`,
      "lib",
      "tsgo",
    );
    expect(existsSync(tsgo), tsgo).toBe(true);
    process.env["TOPGEN_VERIFY"] = "native";
    try {
      const generated = await topgen("generate", "--out", "native/generated");
      expect(generated.code, generated.stderr).toBe(0);
      expect(readdirSync(join(app, "native"))).toEqual(["generated"]); // the verify folder beside it is gone
    } finally {
      delete process.env["TOPGEN_VERIFY"];
    }
  });

  it("moduleResolution bundler compiles the same app", async () => {
    writeFileSync(
      join(app, "tsconfig.bundler.json"),
      JSON.stringify({
        compilerOptions: {
          ...AGAIN,
          module: "esnext",
          moduleResolution: "bundler",
          rootDir: "src",
          outDir: "dist-bundler",
        },
        include: ["src"],
      }),
    );
    await ok(app, process.execPath, [
      join(app, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.bundler.json",
    ]);
    gateway.reply({ body: NLIFE_SAMPLE });
    const called = await node(app, "dist-bundler/main.js", gateway.url);
    expect(called.code, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout)).toEqual(ANSWER);
  });

  it("a CommonJS part of the app (require of the ESM runtime, Node >= 20.19) compiles under nodenext and runs", async () => {
    const cjs = join(app, "cjs");
    mkdirSync(cjs);
    writeFileSync(join(cjs, "package.json"), JSON.stringify({ type: "commonjs" }));
    const generated = await topgen("generate", "--out", "cjs/generated");
    expect(generated.code, generated.stderr).toBe(0);
    writeFileSync(join(cjs, "main.ts"), mainSource("./generated", true));
    writeFileSync(
      join(cjs, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { ...AGAIN, module: "nodenext", moduleResolution: "nodenext", rootDir: ".", outDir: "dist" },
        include: ["main.ts", "generated"],
      }),
    );
    await ok(app, process.execPath, [join(app, "node_modules", "typescript", "bin", "tsc"), "-p", "cjs/tsconfig.json"]);
    expect(readFileSync(join(cjs, "dist", "main.js"), "utf8")).toContain('require("@topgen/runtime")');
    gateway.reply({ body: NLIFE_SAMPLE });
    const called = await node(app, "cjs/dist/main.js", gateway.url);
    expect(called.code, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout)).toEqual(ANSWER);
  });

  it("the app's CI step: check passes, then an edited doc page makes it exit 1 with the fix", async () => {
    const clean = await run(app, "npm", ["run", "--silent", "topgen:check"]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(app, "topgen.config.json"), "utf8")) as Record<string, string>;
    const page = join(app, config["docs"]!, PAGE);
    const text = readFileSync(page, "utf8");
    expect(text).toContain("外部请求号");
    writeFileSync(page, text.replace("外部请求号", "外部请求号（新）"));
    // From a subfolder, as a developer might run it: the config is found upward.
    const drift = await node(join(app, "src"), join(app, "node_modules", "topgen", "bin", "topgen.js"), "check");
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("外部请求号（新）");
    expect(drift.stderr).toContain("npx topgen build");
    writeFileSync(page, text);
  });

  it("production install: only the runtime and its one dependency, under 1 MiB, and the app still runs", async () => {
    await npm(app, "ci", "--omit=dev", "--ignore-scripts");
    const installed = readdirSync(join(app, "node_modules"))
      .filter((n) => !n.startsWith("."))
      .flatMap((n) => (n.startsWith("@") ? readdirSync(join(app, "node_modules", n)).map((m) => `${n}/${m}`) : [n]))
      .sort();
    expect(installed).toEqual(["@topgen/runtime", "lossless-json"]);
    const bytes = du(join(app, "node_modules"));
    console.log(`production node_modules: ${bytes} bytes (${(bytes / 1024).toFixed(0)} KiB), ${installed.join(", ")}`);
    expect(bytes).toBeLessThan(1024 * 1024);
    gateway.reply({ body: NLIFE_SAMPLE });
    const called = await node(app, "dist/main.js", gateway.url);
    expect(called.code, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout)).toEqual(ANSWER);
  });
});
