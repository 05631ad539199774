// The one order of diagnostics everywhere they are listed: by doc line, those without a line last. Used with
// Array.prototype.sort, which is stable, so diagnostics of one line keep the order they were found in.

export function byDocLine(a: { line?: number | undefined }, b: { line?: number | undefined }): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}
