// Safe reads of JSON-ish objects: own keys only, and no confusing class instances for objects.

/** A JSON object (not an array, not a LosslessNumber, Date or other class instance). */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value of an own property, or undefined (never an inherited `constructor`, `toString`, ...). */
export function own(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}
