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

/** A name that every object inherits (`toString`, `constructor`, ...): such a field must be read as an own property. */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}

/** A params field: an own property when its name is inherited by every object, else a plain read (fast). */
export function fieldValue(target: Readonly<Record<string, unknown>>, key: string): unknown {
  return isInheritedName(key) ? own(target, key) : target[key];
}
