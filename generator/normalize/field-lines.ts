// The doc line of every field the normalizer emits, handed to the sample check beside the spec (the spec JSON
// keeps no lines). A field is found by its side and the names on its path, not by object identity, so a copy of
// the spec (overrides patch a clone) still finds its lines; a field an override adds has none.

export type Side = "request" | "response";

export class FieldLines {
  readonly #lines = new Map<string, number>();

  set(side: Side, path: readonly string[], line: number): void {
    this.#lines.set(key(side, path), line);
  }

  get(side: Side, path: readonly string[]): number | undefined {
    return this.#lines.get(key(side, path));
  }
}

// NUL cannot be in a field name the readers keep, so the joined key of one path is never another's.
function key(side: Side, path: readonly string[]): string {
  return [side, ...path].join("\0");
}
