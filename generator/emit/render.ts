// render stage: view model → TypeScript text through the Handlebars templates in templates/.
// Compiled with noEscape (this is code, not HTML) and strict (a missing value is an error, not "").

import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { InputError } from "../errors.js";
import type { ApiSpec, Field } from "../spec/types.js";
import { jsdoc, templateText, tsString } from "./escape.js";
import type { ModuleView } from "./plan.js";
import { htmlToText } from "../spec/description-text.js";

export interface Templates {
  module: Handlebars.TemplateDelegate<ModuleView>;
  index: Handlebars.TemplateDelegate<{ specDir: string; modules: string[] }>;
}

export function loadTemplates(dir: string): Templates {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const compile = (name: string) => {
    const file = join(dir, name);
    const text = readFileSync(file, "utf8");
    try {
      hb.parse(text); // compile() is lazy: surface syntax errors now, as input errors naming the template
    } catch (e) {
      const line = /on line (\d+)/.exec(String(e));
      throw new InputError(file, line ? Number(line[1]) : undefined, `template error: ${String(e).split("\n")[0]}`);
    }
    return hb.compile(text, { noEscape: true, strict: true });
  };
  return { module: compile("module.hbs"), index: compile("index.hbs") };
}

export function renderModule(templates: Templates, view: ModuleView): string {
  return templates.module(view);
}

export function renderIndex(templates: Templates, specDir: string, moduleFiles: string[]): string {
  return templates.index({ specDir, modules: moduleFiles.map((f) => `./${f}.js`) });
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper("str", (text: string) => tsString(text));
  hb.registerHelper("templateText", (text: string) => templateText(text));
  hb.registerHelper("link", (name: string) => `{@link ${name}}`);
  hb.registerHelper("comment", (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " "));
  // Doc blocks of members are indented here (by `indent` spaces) and end with their own line break, or are
  // nothing at all: the module comes out in prettier's layout without a blank line where a field has no doc.
  hb.registerHelper("fieldDoc", (field: Field, indent: number) =>
    docLines(
      jsdoc(
        fieldParagraphs(field),
        [
          ["defaultValue", field.limits?.default],
          ["example", field.example],
        ],
        " ".repeat(indent),
      ),
    ),
  );
  hb.registerHelper("structDoc", (docName: string, indent: number) => docLines(jsdoc([`Doc type \`${docName}\`.`], [], " ".repeat(indent))));
  hb.registerHelper("apiDoc", (spec: ApiSpec, prefix: string, requestClass: string) =>
    prefix ? jsdoc([`${prefix} {@link ${requestClass}}: \`${spec.method}\` (${spec.title}).`]) : jsdoc(apiParagraphs(spec), apiTags(spec)),
  );
}

function docLines(block: string): string {
  return block === "" ? "" : `${block}\n`;
}

function fieldParagraphs(field: Field): (string | undefined)[] {
  const limits: string[] = [];
  if (field.limits?.maxLength !== undefined) limits.push(`max length ${field.limits.maxLength}`);
  if (field.limits?.maxListSize !== undefined) limits.push(`max list size ${field.limits.maxListSize}`);
  if (field.limits?.minValue !== undefined) limits.push(`min value ${field.limits.minValue}`);
  if (field.limits?.maxValue !== undefined) limits.push(`max value ${field.limits.maxValue}`);
  return [
    field.description === undefined ? undefined : htmlToText(field.description),
    field.enum?.map((e) => `- \`${e.value}\`${e.description ? `: ${e.description}` : ""}`).join("\n"),
    limits.length ? `Limits: ${limits.join(", ")}.` : undefined,
  ];
}

function apiParagraphs(spec: ApiSpec): (string | undefined)[] {
  return [`\`${spec.method}\` — ${spec.title}`, htmlToText(spec.description)];
}

function apiTags(spec: ApiSpec): [string, string][] {
  const tool = `https://open.taobao.com/new/apitesttool?apiName=${encodeURIComponent(spec.method)}`;
  return [
    ["see", `{@link ${tool} | API test tool}`],
    ["see", `doc page: ${spec.source.file}`],
  ];
}
