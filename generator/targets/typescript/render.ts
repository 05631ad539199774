// render stage: view model → TypeScript text through the Handlebars templates in templates/.
// Compiled with noEscape (this is code, not HTML) and strict (a missing value is an error, not "").

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { InputError } from "../../support/errors.js";
import { templateText, tsString } from "./escape.js";
import type { ModuleView } from "./plan.js";

export interface Templates {
  module: Handlebars.TemplateDelegate<ModuleView>;
  index: Handlebars.TemplateDelegate<{ specDir: string; modules: string[] }>;
}

export function loadTemplates(dir: string): Templates {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const partials = join(dir, "partials");
  for (const name of existsSync(partials)
    ? readdirSync(partials)
        .filter((n) => n.endsWith(".hbs"))
        .sort()
    : []) {
    hb.registerPartial(name.slice(0, -".hbs".length), compileChecked(hb, join(partials, name)));
  }
  return { module: compileChecked(hb, join(dir, "module.hbs")), index: compileChecked(hb, join(dir, "index.hbs")) };
}

function compileChecked<T>(hb: typeof Handlebars, file: string): Handlebars.TemplateDelegate<T> {
  const text = readFileSync(file, "utf8");
  try {
    hb.parse(text); // compile() is lazy: surface syntax errors now, as input errors naming the template
  } catch (e) {
    const line = /on line (\d+)/.exec(String(e));
    throw new InputError(file, line ? Number(line[1]) : undefined, `template error: ${String(e).split("\n")[0]}`);
  }
  return hb.compile<T>(text, { noEscape: true, strict: true });
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
}
