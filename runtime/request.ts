// What a generated request class inherits: its shapes come from the module's schemas, validate() from the
// compiled params shape.

import type { Schema } from "./schema.js";
import type { StructCheck } from "./validate/checks.js";
import { collectIssues } from "./validate/collect.js";
import type { StructShape, TopRequest, ValidationIssue } from "./types.js";

export abstract class ApiRequest<R = unknown> implements TopRequest<R> {
  abstract readonly method: string;
  abstract readonly params: object;
  /** Phantom: carries the response type; never set at run time. */
  declare readonly __response?: R;
  readonly #request: Schema;
  readonly #response: Schema;
  /** The compiled params check, kept by the request: one lookup fewer per call (measured ~20 % on an invalid request). */
  #check: StructCheck | undefined;

  constructor(request: Schema, response: Schema) {
    this.#request = request;
    this.#response = response;
  }

  get requestShape(): StructShape {
    return this.#request.struct("$params");
  }

  get responseShape(): StructShape {
    return this.#response.struct("$response");
  }

  /** Every problem with the params (required, types, limits, enums, cross-field rules), each with its path. */
  validate(): ValidationIssue[] {
    return collectIssues((this.#check ??= this.#request.paramsCheck), this.params as Readonly<Record<string, unknown>>);
  }
}
