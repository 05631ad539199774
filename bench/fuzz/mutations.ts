// Mutations of real doc pages for the fuzzer (issue 14, point 4): each class breaks a page in one way that
// hostile or damaged input does. All randomness comes from the seeded generator, so a run is reproducible.

/** A small seeded generator (mulberry32): same seed, same inputs. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

export interface Seed {
  /** File name (its extension tells nothing to topgen, which detects the format by content). */
  name: string;
  bytes: Buffer;
  format: "text" | "json";
}

type Mutate = (page: Seed, rng: Rng) => Buffer;

const text = (b: Buffer) => b.toString("utf8");
const lines = (b: Buffer) => text(b).split("\n");
const join = (ls: readonly string[]) => Buffer.from(ls.join("\n"), "utf8");

/** Inserts `what` at a random place of a random line. */
function insertInLine(page: Seed, rng: Rng, what: string): Buffer {
  const ls = lines(page.bytes);
  const i = rng.int(ls.length);
  const line = ls[i]!;
  const at = rng.int(line.length + 1);
  ls[i] = line.slice(0, at) + what + line.slice(at);
  return join(ls);
}

function insertBytes(page: Seed, rng: Rng, what: readonly number[]): Buffer {
  const at = rng.int(page.bytes.length + 1);
  return Buffer.concat([page.bytes.subarray(0, at), Buffer.from(what), page.bytes.subarray(at)]);
}

/** A JSON page as a value, changed by `edit`, written back (pages that are not JSON objects are left as they are). */
function editJson(page: Seed, edit: (doc: Record<string, unknown>, rng: Rng) => void, rng: Rng): Buffer | undefined {
  if (page.format !== "json") return undefined;
  try {
    const doc = JSON.parse(text(page.bytes)) as Record<string, unknown>;
    const body = (typeof doc["data"] === "object" && doc["data"] !== null ? doc["data"] : doc) as Record<
      string,
      unknown
    >;
    edit(body, rng);
    return Buffer.from(JSON.stringify(doc, null, 1), "utf8");
  } catch {
    return undefined;
  }
}

type Param = Record<string, unknown>;
function params(body: Record<string, unknown>, key: "requestParams" | "responseParams"): Param[] {
  const v = body[key];
  if (Array.isArray(v)) return v as Param[];
  body[key] = [];
  return body[key] as Param[];
}
function allParams(list: Param[]): Param[] {
  return list.flatMap((p) => [p, ...(Array.isArray(p["subParams"]) ? allParams(p["subParams"] as Param[]) : [])]);
}

const HOSTILE_METHODS = [
  "index",
  "INDEX",
  "CON",
  "nul.item.get",
  "com1",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  `a.${"b".repeat(260)}`,
  `x.${"长".repeat(120)}`,
  "a/../../escape",
  "..",
  "a\\b",
  "a b.c",
  "*/ evil ${x} `",
];
const HOSTILE_TYPES = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "Array",
  "Promise",
  "index",
  "CON",
  "T".repeat(300),
  "a-b",
  "$x",
];
const ODD_LIMITS = ["-5", "1.5", "9".repeat(309), "1e400", "0", "-0", "NaN", "0x10", "  7 ", "2147483648", "-1e309"];

/** The mutation classes, by name. Each returns the mutated bytes, or undefined when it does not apply to the page. */
export const MUTATIONS: Readonly<Record<string, (page: Seed, rng: Rng) => Buffer | undefined>> = {
  delete: (page, rng) => {
    const ls = lines(page.bytes);
    const at = rng.int(ls.length);
    ls.splice(at, 1 + rng.int(Math.min(20, ls.length)));
    return join(ls);
  },
  duplicate: (page, rng) => {
    const ls = lines(page.bytes);
    const at = rng.int(ls.length);
    const n = 1 + rng.int(20);
    ls.splice(at, 0, ...ls.slice(at, at + n));
    return join(ls);
  },
  swap: (page, rng) => {
    const ls = lines(page.bytes);
    const a = rng.int(ls.length);
    const b = rng.int(ls.length);
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    return join(ls);
  },
  truncate: (page, rng) => page.bytes.subarray(0, rng.int(page.bytes.length)),
  "control characters": (page, rng) =>
    insertInLine(page, rng, String.fromCharCode(rng.pick([1, 7, 8, 11, 12, 13, 27, 31, 127]))),
  nul: (page, rng) => insertBytes(page, rng, [0]),
  "U+2028": (page, rng) => insertInLine(page, rng, rng.pick(["\u2028", "\u2029", "\u0085", "\ufeff"])),
  "bad UTF-8": (page, rng) =>
    insertBytes(
      page,
      rng,
      rng.pick([[0x80], [0xc3], [0xff, 0xfe], [0xc0, 0xaf], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80]]),
    ),
  "lone surrogates": (page, rng) =>
    // JSON can carry one as an escape; in UTF-8 text it can only be the (invalid) bytes ED A0 80.
    page.format === "json"
      ? Buffer.from(
          text(page.bytes).replace(/"description":\s*"/g, (m) => (rng.int(3) === 0 ? `${m}\\ud800x\\udc01` : m)),
          "utf8",
        )
      : insertBytes(page, rng, [0xed, 0xa0, 0x80]),
  "comment and template breakers": (page, rng) =>
    insertInLine(
      page,
      rng,
      rng.pick(["*/", "`", "${", "*/ } ${process.exit(1)} `", "/*", "\\", "\\u{", "</script>", "@param x"]),
    ),
  "byte flips": (page, rng) => {
    const b = Buffer.from(page.bytes);
    for (let k = 0, n = 1 + rng.int(8); k < n && b.length; k++) b[rng.int(b.length)]! ^= 1 << rng.int(8);
    return b;
  },
  "huge lines": (page, rng) =>
    insertInLine(page, rng, rng.pick(["x", "长", "a b ", "└ "]).repeat(100_000 + rng.int(100_000))),
  "deep nesting": (page, rng) =>
    page.format === "json"
      ? editJson(
          page,
          (body) => {
            let node: Param = { name: "root", type: "Deep", description: "d" };
            const top = node;
            for (let d = 0; d < 200 + rng.int(300); d++) {
              const child: Param = { name: `n${d}`, type: `Deep${d}`, description: "d" };
              node["subParams"] = [child];
              node = child;
            }
            node["type"] = "String";
            params(body, rng.int(2) ? "requestParams" : "responseParams").push(top);
          },
          rng,
        )
      : insertInLine(
          page,
          rng,
          `\n${Array.from({ length: 300 }, (_, d) => `${"  ".repeat(d)}• └ f${d}\n• Deep${d}\n• 可选\n• x\n• y`).join("\n")}\n`,
        ),
  "50,000 fields": (page, rng) =>
    page.format === "json"
      ? editJson(
          page,
          (body) => {
            const list = params(body, rng.int(2) ? "requestParams" : "responseParams");
            for (let i = 0; i < 50_000; i++)
              list.push({ name: `f${i}`, type: "String", required: false, description: `field ${i}` });
          },
          rng,
        )
      : undefined,
  "odd limits": (page, rng) => {
    if (page.format === "json") {
      return editJson(
        page,
        (body) => {
          const all = allParams([...params(body, "requestParams"), ...params(body, "responseParams")]);
          for (let k = 0; k < 1 + rng.int(4) && all.length; k++) {
            const p = rng.pick(all);
            const key = rng.pick(["maxLength", "maxListSize", "maxValue", "minValue"]);
            const v = rng.pick(ODD_LIMITS);
            p[key] = rng.int(2) && Number.isFinite(Number(v)) ? Number(v) : v;
          }
        },
        rng,
      );
    }
    const replaced = text(page.bytes).replace(/(最大长度|最大列表长度|最大值|最小值)\s*:\s*\S+/g, (m, key: string) =>
      rng.int(2) ? `${key}:${rng.pick(ODD_LIMITS)}` : m,
    );
    // min above max beside a 最大长度 at times, and always when no limit changed
    const inverted = replaced.replace("最大长度:", `最小值:10\n  • 最大值:1\n  • 最大长度:`);
    return Buffer.from(
      replaced !== text(page.bytes) && rng.int(2)
        ? replaced
        : inverted !== replaced
          ? inverted
          : `${replaced}\n  • 最小值:${rng.pick(ODD_LIMITS)}\n`,
      "utf8",
    );
  },
  "hostile method names": (page, rng) => {
    const method = rng.pick(HOSTILE_METHODS);
    if (page.format === "json") return editJson(page, (body) => void (body["name"] = method), rng);
    const ls = lines(page.bytes);
    const at = Math.max(
      0,
      ls.findIndex((l) => /^[a-z][\w.]+ \(/.test(l)),
    );
    ls[at] = ls[at]!.replace(/^\S+/, method.replace(/\s/g, "_"));
    return join(ls);
  },
  "hostile type names": (page, rng) => {
    const type = rng.pick(HOSTILE_TYPES);
    if (page.format === "json") {
      return editJson(
        page,
        (body) => {
          const all = allParams([...params(body, "requestParams"), ...params(body, "responseParams")]);
          const withSubs = all.filter((p) => Array.isArray(p["subParams"]));
          const target = withSubs.length ? rng.pick(withSubs) : all.length ? rng.pick(all) : undefined;
          if (target) target["type"] = rng.int(2) ? type : `${type}[]`;
          if (target && !Array.isArray(target["subParams"]))
            target["subParams"] = [
              { name: "y", type: rng.pick(HOSTILE_TYPES), subParams: [{ name: "z", type: "String" }] },
            ];
        },
        rng,
      );
    }
    return Buffer.from(
      text(page.bytes).replace(
        /(\s)([A-Z][A-Za-z]+)( \[\])?(\s+(?:必须|可选))/,
        (_, a: string, _t: string, list: string | undefined, b: string) => `${a}${type}${list ?? ""}${b}`,
      ),
      "utf8",
    );
  },
};

export const CLASSES = Object.keys(MUTATIONS);

export interface FuzzInput {
  id: number;
  /** The mutation class. */
  mutation: string;
  seed: string;
  bytes: Buffer;
}

/** `count` inputs from `seeds`, classes in turn (so every class gets its share), pages and places at random. */
export function* fuzzInputs(
  seeds: readonly Seed[],
  count: number,
  seed: number,
  only?: readonly string[],
): Generator<FuzzInput> {
  const rng = new Rng(seed);
  const classes = only?.length ? CLASSES.filter((c) => only.includes(c)) : CLASSES;
  for (let id = 0, tries = 0; id < count && tries < count * 20; tries++) {
    const mutation = classes[id % classes.length]!;
    const page = rng.pick(seeds);
    const bytes = MUTATIONS[mutation]!(page, rng);
    if (bytes === undefined) continue;
    yield { id, mutation, seed: page.name, bytes };
    id++;
  }
}
