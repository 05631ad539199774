// plan stage: spec → view model for the module template. Names, TS types, shapes, doc comments (docs.ts) and
// where lines break (layout.ts) are decided here; the templates only place what the view holds.

import type { ApiSpec, Diagnostic, Field } from "../../model/types.js";
import { isInheritedName } from "../../../runtime/objects.js";
import { propKey } from "./escape.js";
import { structNames } from "../../names/struct-names.js";
import { naturalApiNames, type ApiNames } from "../../names/api-names.js";
import { assignmentBreak, memberTypeText } from "./layout.js";
import { apiDoc, companionDoc, fieldDoc, structDoc } from "./docs.js";
import { requestTypeMembers, responseTypeMembers } from "./ts-types.js";
import { structLines } from "../../model/schema-lines.js";
import { schemaLineText } from "../../../runtime/schema-text.js";

export interface EmitOptions {
  /** Module specifier generated code imports the runtime from. */
  runtimeImport: string;
}

export interface MemberView {
  /** The member's doc block, indented, with its line break ("" when the field has no doc). */
  doc: string;
  /** `readonly ` on the request side. */
  modifier: string;
  key: string;
  optional: boolean;
  /** The text after the member's colon, laid out as prettier lays it out (layout.ts). */
  typeText: string;
  field: Field;
}

/** One interface: the params, the response, or a struct inside the request class's or response's namespace. */
export interface InterfaceView {
  doc: string;
  name: string;
  /** The indent of the `export interface` line and its closing brace; `inner` is the members'. */
  outer: string;
  inner: string;
  members: MemberView[];
}

export interface ModuleView {
  fileName: string;
  specPath: string;
  runtimeImport: string;
  spec: ApiSpec;
  requestClass: string;
  classDoc: string;
  paramsName: string;
  paramsOptional: boolean;
  responseName: string;
  decoderName: string;
  /** What follows the `=` of the decoder's line: a space, or a break where prettier breaks it. */
  decoderBreak: string;
  paramsInterface: InterfaceView;
  requestStructs: InterfaceView[];
  responseInterface: InterfaceView;
  responseStructs: InterfaceView[];
  /** Schema text lines (runtime/schema.ts), raw: the template escapes them for the template literal. */
  requestSchema: string[];
  responseSchema: string[];
  diagnostics: Diagnostic[];
}

const PARAMS_KEY = "$params";
const RESPONSE_KEY = "$response";

/**
 * The view of one module. The spec keeps its contract (model/load.ts): one field per name in each struct, which
 * is what lets every field become a member.
 */
export function planModule(
  spec: ApiSpec,
  specPath: string,
  options: EmitOptions,
  names: ApiNames = naturalApiNames(spec.method),
): ModuleView {
  const base = names.base;
  const requestClass = `${base}Request`;
  const responseName = `${base}Response`;
  const diagnostics: Diagnostic[] = names.note ? [{ level: "info", message: names.note }] : [];
  const requestNames = nameStructs(spec.request, diagnostics, "request");
  const responseNames = nameStructs(spec.response, diagnostics, "response");

  const requestRef = (f: Field) => `${requestClass}.${requestNames.get(f)!}`;
  const responseRef = (f: Field) => `${responseName}.${responseNames.get(f)!}`;
  const member = (f: Field, indent: string, optional: boolean, modifier: string, members: string[]): MemberView => {
    const key = propKey(f.name);
    const head = `${indent}${modifier}${key}${optional ? "?" : ""}:`;
    return {
      doc: fieldDoc(f, indent),
      modifier,
      key,
      optional,
      typeText: memberTypeText(head, members, indent),
      field: f,
    };
  };
  const requestMembers = (fields: Field[], indent: string) =>
    fields.map((f) => member(f, indent, !f.required, "readonly ", requestTypeMembers(f, requestRef)));
  const responseMembers = (fields: Field[], indent: string) =>
    fields.map((f) => member(f, indent, true, "", responseTypeMembers(f, responseRef)));

  return {
    fileName: names.file,
    specPath,
    runtimeImport: options.runtimeImport,
    spec,
    requestClass,
    classDoc: apiDoc(spec),
    paramsName: `${base}Params`,
    // `= {}` when no param is required, unless a param is named like a member every object has (`toString`):
    // TypeScript would then not take `{}` for the params.
    paramsOptional: spec.request.every((f) => !f.required && !isInheritedName(f.name)),
    responseName,
    decoderName: `decode${base}Response`,
    decoderBreak: assignmentBreak(`export const decode${base}Response =`, "responseSchema.decode;"),
    paramsInterface: {
      doc: companionDoc(spec, "Params of", requestClass),
      name: `${base}Params`,
      outer: "",
      inner: "  ",
      members: requestMembers(spec.request, "  "),
    },
    requestStructs: uniqueStructs(spec.request, requestNames).map(([name, f]) =>
      structInterface(name, f, requestMembers(f.fields!, "    ")),
    ),
    responseInterface: {
      doc: companionDoc(spec, "Response of", requestClass),
      name: responseName,
      outer: "",
      inner: "  ",
      members: responseMembers(spec.response, "  "),
    },
    responseStructs: uniqueStructs(spec.response, responseNames).map(([name, f]) =>
      structInterface(name, f, responseMembers(f.fields!, "    ")),
    ),
    requestSchema: [
      ...schemaOf(PARAMS_KEY, `${base}Params`, spec.request, requestNames, spec.rules ?? []),
      ...uniqueStructs(spec.request, requestNames).flatMap(([name, f]) =>
        schemaOf(name, f.type, f.fields!, requestNames, []),
      ),
    ],
    responseSchema: [
      ...schemaOf(RESPONSE_KEY, responseName, spec.response, responseNames, [], spec.method),
      ...uniqueStructs(spec.response, responseNames).flatMap(([name, f]) =>
        schemaOf(name, f.type, f.fields!, responseNames, []),
      ),
    ],
    diagnostics,
  };
}

function structInterface(name: string, field: Field, members: MemberView[]): InterfaceView {
  return { doc: structDoc(field.type, "  "), name, outer: "  ", inner: "    ", members };
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

/** One struct's schema lines (model/schema-lines.ts), as the text the module carries. */
function schemaOf(
  key: string,
  name: string,
  fields: Field[],
  names: Map<Field, string>,
  rules: NonNullable<ApiSpec["rules"]>,
  method?: string,
): string[] {
  const header = { def: key, name, ...(method !== undefined ? { method } : {}) };
  return structLines(header, fields, (f) => names.get(f)!, rules).map(schemaLineText);
}
