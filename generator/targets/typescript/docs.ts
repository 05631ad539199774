// The doc comments of a module: what each one says (descriptions, enum values, limits, the API's links) and
// their escaped, indented JSDoc text. The view carries the finished text; templates only place it.

import type { ApiSpec, Field } from "../../model/types.js";
import { htmlToText } from "../../model/description-text.js";
import { jsdoc } from "./escape.js";

/** A member's doc block with its own line break, or "" (no blank line where a field has no doc). */
export function fieldDoc(field: Field, indent: string): string {
  return block(
    jsdoc(
      fieldParagraphs(field),
      [
        ["defaultValue", field.limits?.default],
        ["example", field.example],
      ],
      indent,
    ),
  );
}

/** The doc block of a struct's interface: the doc's own name for the type. */
export function structDoc(docName: string, indent: string): string {
  return block(jsdoc([`Doc type \`${docName}\`.`], [], indent));
}

/** The doc block of the params or response interface: what it belongs to. */
export function companionDoc(spec: ApiSpec, role: "Params of" | "Response of", requestClass: string): string {
  return block(jsdoc([`${role} {@link ${requestClass}}: \`${spec.method}\` (${spec.title}).`]));
}

/** The doc block of the request class: the API's name, description and links. */
export function apiDoc(spec: ApiSpec): string {
  return block(jsdoc([`\`${spec.method}\` — ${spec.title}`, htmlToText(spec.description)], apiLinks(spec)));
}

function block(text: string): string {
  return text === "" ? "" : `${text}\n`;
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

function apiLinks(spec: ApiSpec): [string, string][] {
  const tool = `https://open.taobao.com/new/apitesttool?apiName=${encodeURIComponent(spec.method)}`;
  return [
    ["see", `{@link ${tool} | API test tool}`],
    ["see", `doc page: ${spec.source.file}`],
  ];
}
