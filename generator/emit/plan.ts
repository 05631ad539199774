// plan stage: spec → view model for the module template. Names, TS types, shapes and validation calls are
// decided here; doc text stays raw and is escaped by the template helpers (escape.ts).

import type { ApiSpec, Diagnostic, Field, Limits } from "../spec/types.js";
import { isScalarType } from "../spec/types.js";
import { tsString } from "./escape.js";
import { structNames } from "./struct-names.js";
import { naturalApiNames, type ApiNames } from "./naming.js";
import { requestType, responseType } from "./ts-types.js";

export interface EmitOptions {
  /** Module specifier generated code imports the runtime from. */
  runtimeImport: string;
}

export interface MemberView {
  key: string;
  optional: boolean;
  tsType: string;
  field: Field;
}

export interface InterfaceView {
  name: string;
  docName: string;
  members: MemberView[];
}

export interface ShapeView {
  key: string;
  name: string;
  fields: string[];
}

export interface CheckFnView {
  name: string;
  statements: string[];
}

export interface ModuleView {
  fileName: string;
  specPath: string;
  runtimeImport: string;
  spec: ApiSpec;
  requestClass: string;
  paramsName: string;
  paramsOptional: boolean;
  responseName: string;
  kindName: string;
  decoderName: string;
  params: MemberView[];
  requestStructs: InterfaceView[];
  response: MemberView[];
  responseStructs: InterfaceView[];
  ruleConsts: { name: string; value: string }[];
  requestShapes: ShapeView[];
  responseShapes: ShapeView[];
  checks: CheckFnView[];
  diagnostics: Diagnostic[];
}

const PARAMS_KEY = "$params";
const RESPONSE_KEY = "$response";

export function planModule(given: ApiSpec, specPath: string, options: EmitOptions, names: ApiNames = naturalApiNames(given.method)): ModuleView {
  const base = names.base;
  const dropped: string[] = [];
  const spec = { ...given, request: uniqueFields(given.request, dropped), response: uniqueFields(given.response, dropped) };
  const requestClass = `${base}Request`;
  const responseName = `${base}Response`;
  const diagnostics: Diagnostic[] = names.note ? [{ level: "info", message: names.note }] : [];
  for (const d of dropped) diagnostics.push({ level: "warning", message: `duplicate field ${d} left out of the code (first one kept)` });
  const requestNames = nameStructs(spec.request, diagnostics, "request");
  const responseNames = nameStructs(spec.response, diagnostics, "response");

  const requestRef = (f: Field) => `${requestClass}.${requestNames.get(f)!}`;
  const responseRef = (f: Field) => `${responseName}.${responseNames.get(f)!}<C>`;
  const requestMembers = (fields: Field[]) =>
    fields.map((f) => ({ key: propKeyOf(f.name), optional: !f.required, tsType: requestType(f, requestRef), field: f }));
  const responseMembers = (fields: Field[]) =>
    fields.map((f) => ({ key: propKeyOf(f.name), optional: true, tsType: responseType(f, responseRef), field: f }));

  const rules = new RuleTable();
  const checkName = (f: Field) => `check_${requestNames.get(f)!}`;
  const checks: CheckFnView[] = [
    { name: "check$params", statements: checkStatements(spec.request, rules, checkName, spec.rules ?? []) },
    ...uniqueStructs(spec.request, requestNames).map(([name, f]) => ({
      name: `check_${name}`,
      statements: checkStatements(f.fields!, rules, checkName, []),
    })),
  ];

  return {
    fileName: names.file,
    specPath,
    runtimeImport: options.runtimeImport,
    spec,
    requestClass,
    paramsName: `${base}Params`,
    paramsOptional: spec.request.every((f) => !f.required),
    responseName,
    kindName: `${base}ResponseKind`,
    decoderName: `decode${base}Response`,
    params: requestMembers(spec.request),
    requestStructs: uniqueStructs(spec.request, requestNames).map(([name, f]) => ({
      name,
      docName: f.type,
      members: requestMembers(f.fields!),
    })),
    response: responseMembers(spec.response),
    responseStructs: uniqueStructs(spec.response, responseNames).map(([name, f]) => ({
      name,
      docName: f.type,
      members: responseMembers(f.fields!),
    })),
    ruleConsts: rules.entries(),
    requestShapes: [
      shapeOf(PARAMS_KEY, `${base}Params`, spec.request, "requestShapes", requestNames),
      ...uniqueStructs(spec.request, requestNames).map(([name, f]) => shapeOf(name, f.type, f.fields!, "requestShapes", requestNames)),
    ],
    responseShapes: [
      shapeOf(RESPONSE_KEY, responseName, spec.response, "responseShapes", responseNames),
      ...uniqueStructs(spec.response, responseNames).map(([name, f]) => shapeOf(name, f.type, f.fields!, "responseShapes", responseNames)),
    ],
    checks,
    diagnostics,
  };
}

/** A struct cannot hold two members of one name; the spec may (a hand-edited one), so the first one wins. */
function uniqueFields(fields: Field[], dropped: string[]): Field[] {
  const seen = new Set<string>();
  return fields.flatMap((f) => {
    if (seen.has(f.name)) {
      dropped.push(f.name);
      return [];
    }
    seen.add(f.name);
    return [f.fields ? { ...f, fields: uniqueFields(f.fields, dropped) } : f];
  });
}

function propKeyOf(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name);
}

function nameStructs(fields: Field[], diagnostics: Diagnostic[], side: string): Map<Field, string> {
  return structNames(fields, (f, name) => {
    diagnostics.push({ level: "info", message: `${side} struct ${f.type} (field ${f.name}) is named ${name} in code` });
  });
}

function uniqueStructs(fields: Field[], names: Map<Field, string>): [string, Field][] {
  const out = new Map<string, Field>();
  const visit = (list: Field[]) => {
    for (const f of list) {
      if (!f.fields) continue;
      const name = names.get(f)!;
      if (!out.has(name)) out.set(name, f);
      visit(f.fields);
    }
  };
  visit(fields);
  return [...out.entries()];
}

function shapeOf(key: string, name: string, fields: Field[], table: string, names: Map<Field, string>): ShapeView {
  return {
    key: tsString(key),
    name: tsString(name),
    fields: fields.map((f) => {
      const parts = [`name: ${tsString(f.name)}`, `type: ${tsString(isScalarType(f.type) ? f.type : "Struct")}`];
      if (f.list) parts.push("list: true");
      if (f.fields) parts.push(`struct: () => ${table}[${tsString(names.get(f)!)}]`);
      return `{ ${parts.join(", ")} }`;
    }),
  };
}

/** Rule objects are hoisted to module constants so a validate() call allocates nothing for them. */
class RuleTable {
  private readonly byValue = new Map<string, string>();
  use(value: string): string {
    let name = this.byValue.get(value);
    if (name === undefined) {
      name = `rule${this.byValue.size}`;
      this.byValue.set(value, name);
    }
    return name;
  }
  entries(): { name: string; value: string }[] {
    return [...this.byValue.entries()].map(([value, name]) => ({ name, value }));
  }
}

const SCALAR_CHECK: Record<string, string> = {
  String: "rt.checkString",
  Number: "rt.checkNumber",
  Boolean: "rt.checkBoolean",
  Date: "rt.checkDate",
  Price: "rt.checkDecimal",
  BigDecimal: "rt.checkDecimal",
  Json: "rt.checkJson",
  Map: "rt.checkMap",
  File: "rt.checkFile",
  FieldList: "rt.checkFieldList",
};

function checkStatements(fields: Field[], rules: RuleTable, checkName: (f: Field) => string, crossRules: NonNullable<ApiSpec["rules"]>): string[] {
  const out = fields.map((f) => {
    const value = `v[${tsString(f.name)}]`;
    const key = tsString(f.name);
    const required = f.required ? "true" : "false";
    if (f.list) {
      const max = f.limits?.maxListSize ?? "undefined";
      // Item checks are module constants (hoisted like the rules) so validate() allocates no closures.
      const item = rules.use(`(issues: rt.Issues, x: unknown, p: rt.Path, n: number): void => ${checkCall(f, "x", "p", "n", "true", rules, checkName)}`);
      return `rt.checkList(issues, ${value}, path, ${key}, ${required}, ${max}, ${item});`;
    }
    return `${checkCall(f, value, "path", key, required, rules, checkName)};`;
  });
  for (const rule of crossRules) {
    out.push(`rt.checkAtLeastOne(issues, v, path, [${rule.fields.map(tsString).join(", ")}]);`);
  }
  return out;
}

function checkCall(f: Field, value: string, path: string, key: string, required: boolean | string, rules: RuleTable, checkName: (f: Field) => string): string {
  const head = `issues, ${value}, ${path}, ${key}, ${required}`;
  if (f.fields) return `rt.checkStruct(${head}, ${checkName(f)})`;
  const rule = ruleOf(f.type, f.limits, f.enum?.map((e) => e.value));
  const fn = SCALAR_CHECK[f.type] ?? "rt.checkString";
  return rule ? `${fn}(${head}, ${rules.use(rule)})` : `${fn}(${head})`;
}

function ruleOf(type: string, limits: Limits | undefined, values: string[] | undefined): string | undefined {
  const parts: string[] = [];
  const takesLength = ["String", "Json", "FieldList", "File"].includes(type);
  const takesRange = ["Number", "Price", "BigDecimal"].includes(type);
  if (takesLength && limits?.maxLength !== undefined) parts.push(`maxLength: ${limits.maxLength}`);
  if (takesRange && limits?.minValue !== undefined) parts.push(`minValue: ${limits.minValue}`);
  if (takesRange && limits?.maxValue !== undefined) parts.push(`maxValue: ${limits.maxValue}`);
  if (type === "String" && values?.length) parts.push(`enum: new Set([${values.map(tsString).join(", ")}])`);
  return parts.length ? `{ ${parts.join(", ")} }` : undefined;
}
