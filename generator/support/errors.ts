// Bad input is reported as one line naming the file and the line; the CLI prints it and exits 2.

/** At most `max` characters of `text` on one line: longer text (a 1 MB name, a quoted cell) is cut with a count. */
export function capText(text: string, max: number): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, " ");
  return line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`;
}

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${capText(file, 300)}${line === undefined ? "" : `:${line}`}: ${capText(reason, 700)}`);
    this.name = "InputError";
  }
}
