// Bad input is reported as one line naming the file and the line; the CLI prints it and exits 2.

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${reason}`);
    this.name = "InputError";
  }
}
