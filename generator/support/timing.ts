// Named, timed steps: each stage reports how long it took.

export type Timings = Map<string, number>;

export function timed<T>(timings: Timings | undefined, name: string, step: () => T): T {
  if (!timings) return step();
  const start = performance.now();
  const result = step();
  const add = () => timings.set(name, (timings.get(name) ?? 0) + performance.now() - start);
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}
