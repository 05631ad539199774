// The surface check: the exported types and members of a generated module, read with ts-morph, before and after.
// A second witness to the spec diff: it sees what callers see, so it also catches what an emitter or template
// change does to them when no spec changed. Only syntax is read (no type checking): fast, and enough, since
// every generated type is written out in the module.

import { Node, Project, type TypeNode } from "ts-morph";
import type { Change, ChangeClass } from "./changes.js";

/** Which way a type travels: a caller writes inputs (params), reads outputs (responses). */
export type Direction = "input" | "output" | "other";

export interface Member {
  /** `Params.trade_no`, `Request.FundBill.type`, `Request#method` (a class's instance member), `decodeX`. */
  key: string;
  direction: Direction;
  /** What the symbol is: interface, member, class, property, const, function, type, enum. */
  kind: string;
  /** The type as written, whitespace folded; for a union, its members sorted. */
  type: string;
  union?: string[];
  optional: boolean;
}

let project: Project | undefined;

/** The exported surface of a module's text, by key. */
export function surfaceOf(text: string, file = "module.ts"): Map<string, Member> {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { noLib: true },
  });
  const source = project.createSourceFile(`/${file.replace(/[\\/]/g, "_")}`, text, { overwrite: true });
  const out = new Map<string, Member>();
  const put = (m: Member) => out.set(m.key, m);
  const visit = (node: Node, prefix: string, direction: Direction | undefined): void => {
    for (const statement of Node.isSourceFile(node)
      ? node.getStatements()
      : Node.isModuleDeclaration(node)
        ? (node.getStatements() ?? [])
        : []) {
      if (!Node.isExportable(statement) || !statement.isExported()) continue;
      const name = Node.hasName(statement) ? statement.getName() : undefined;
      if (Node.isVariableStatement(statement)) {
        for (const d of statement.getDeclarations())
          put(
            member(
              `${prefix}${d.getName()}`,
              direction ?? "other",
              "const",
              d.getTypeNode(),
              d.getInitializer()?.getText(),
              false,
            ),
          );
        continue;
      }
      if (name === undefined) continue;
      const key = `${prefix}${name}`;
      const dir = direction ?? directionOf(name);
      if (Node.isInterfaceDeclaration(statement)) {
        put({
          key,
          direction: dir,
          kind: "interface",
          type: statement
            .getExtends()
            .map((e) => e.getText())
            .join(", "),
          optional: false,
        });
        for (const p of statement.getProperties())
          put(
            member(
              `${key}.${p.getName()}`,
              dir,
              p.isReadonly() ? "readonly member" : "member",
              p.getTypeNode(),
              undefined,
              p.hasQuestionToken(),
            ),
          );
        for (const m of statement.getMethods())
          put(member(`${key}.${m.getName()}()`, dir, "method", undefined, fold(m.getText()), m.hasQuestionToken()));
      } else if (Node.isModuleDeclaration(statement)) {
        put({ key: `${key} (namespace)`, direction: dir, kind: "namespace", type: "", optional: false });
        visit(statement, `${key}.`, dir);
      } else if (Node.isClassDeclaration(statement)) {
        put({
          key: `${key} (class)`,
          direction: "other",
          kind: "class",
          type: statement.getExtends()?.getText() ?? "",
          optional: false,
        });
        for (const c of statement.getConstructors()) {
          put({
            key: `${key}.constructor`,
            direction: "other",
            kind: "constructor",
            type: c
              .getParameters()
              .map((p) => fold(`${p.getName()}${p.hasQuestionToken() ? "?" : ""}: ${p.getTypeNode()?.getText() ?? ""}`))
              .join(", "),
            optional: false,
          });
        }
        for (const m of statement.getMembers()) {
          if (Node.isConstructorDeclaration(m) || !Node.hasName(m)) continue;
          if (Node.isModifierable(m) && (m.hasModifier("private") || m.hasModifier("protected"))) continue;
          const isStatic = Node.isStaticable(m) && m.isStatic();
          const mkey = `${key}${isStatic ? "." : "#"}${m.getName()}`;
          if (Node.isPropertyDeclaration(m))
            put(
              member(mkey, "other", "property", m.getTypeNode(), m.getInitializer()?.getText(), m.hasQuestionToken()),
            );
          else put(member(mkey, "other", "method", undefined, fold(m.getText().replace(/\{[\s\S]*$/, "")), false));
        }
      } else if (Node.isTypeAliasDeclaration(statement)) {
        put(member(key, dir, "type", statement.getTypeNode(), undefined, false));
      } else if (Node.isFunctionDeclaration(statement)) {
        put(member(key, dir, "function", undefined, fold(statement.getText().replace(/\{[\s\S]*$/, "")), false));
      } else if (Node.isEnumDeclaration(statement)) {
        put({
          key,
          direction: dir,
          kind: "enum",
          type: "",
          union: statement
            .getMembers()
            .map((m) => fold(m.getText()))
            .sort(),
          optional: false,
        });
      }
    }
  };
  visit(source, "", undefined);
  project.removeSourceFile(source);
  return out;
}

function directionOf(name: string): Direction {
  if (/Params$|Request$/.test(name)) return "input";
  if (/Response$/.test(name)) return "output";
  return "other";
}

function fold(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function member(
  key: string,
  direction: Direction,
  kind: string,
  type: TypeNode | undefined,
  initializer: string | undefined,
  optional: boolean,
): Member {
  const m: Member = {
    key,
    direction,
    kind,
    type: type ? fold(type.getText()) : initializer !== undefined ? `= ${fold(initializer)}` : "",
    optional,
  };
  if (type && Node.isUnionTypeNode(type))
    m.union = type
      .getTypeNodes()
      .map((t) => fold(t.getText()))
      .sort();
  return m;
}

/** What changed for callers between two versions of a module (either may be missing). */
export function diffSurfaces(module: string, before: string | undefined, after: string | undefined): Change[] {
  const a = before === undefined ? new Map<string, Member>() : surfaceOf(before, module);
  const b = after === undefined ? new Map<string, Member>() : surfaceOf(after, module);
  const out: Change[] = [];
  const add = (m: Member, cls: ChangeClass, what: string, note?: string) =>
    out.push({ method: module, side: m.direction, path: m.key, class: cls, what, ...(note ? { note } : {}) });
  for (const [key, m] of a) {
    const n = b.get(key);
    if (!n) {
      add(m, "breaking", `${m.kind} removed`);
      continue;
    }
    if (m.kind !== n.kind) add(n, "breaking", `${m.kind} → ${n.kind}`);
    if (m.optional !== n.optional) {
      // A caller writes inputs: required is stricter. A caller reads outputs: optional adds `undefined`.
      const stricter = m.direction === "output" ? n.optional : !n.optional;
      add(n, stricter ? "breaking" : "additive", m.optional ? "optional → required" : "required → optional");
    }
    if (m.type !== n.type) typeChange(m, n, add);
  }
  for (const [key, n] of b) {
    if (a.has(key)) continue;
    const required = n.direction === "input" && (n.kind === "member" || n.kind === "readonly member") && !n.optional;
    add(
      n,
      required ? "breaking" : "additive",
      `${required ? "required " : ""}${n.kind} added${n.type ? `: ${n.type}` : ""}`,
    );
  }
  return out;
}

function typeChange(
  m: Member,
  n: Member,
  add: (m: Member, cls: ChangeClass, what: string, note?: string) => void,
): void {
  if (m.union && n.union && m.kind === n.kind) {
    const removed = m.union.filter((t) => !n.union!.includes(t));
    const added = n.union.filter((t) => !m.union!.includes(t));
    // Fewer members break both ways (a value a caller wrote, a literal a caller compares with); more members
    // widen what an input accepts, and what an output may return (an exhaustive switch breaks).
    if (removed.length) add(n, "breaking", `union lost ${removed.join(" | ")}`);
    if (added.length) {
      if (n.direction === "output")
        add(n, "additive", `union gained ${added.join(" | ")}`, "breaks an exhaustive switch over it");
      else add(n, "additive", `union gained ${added.join(" | ")}`);
    }
    return;
  }
  add(n, "breaking", `type ${m.type || "(none)"} → ${n.type || "(none)"}`);
}

/** The surface changes of every module of two sets (file name → text); identical texts are not read. */
export function diffModuleSets(old: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): Change[] {
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  return names.flatMap((n): Change[] => {
    const a = old.get(n);
    const b = now.get(n);
    if (a === b) return [];
    if (a === undefined) return [{ method: n, side: "other", path: "", class: "additive", what: "module added" }];
    if (b === undefined) return [{ method: n, side: "other", path: "", class: "breaking", what: "module removed" }];
    return diffSurfaces(n, a, b);
  });
}
