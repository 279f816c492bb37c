/** An input problem: names the file, the row (1-based, header = row 1) and what is wrong. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly row?: number,
  ) {
    super(`${file}${row !== undefined ? `, row ${row}` : ''}: ${problem}`);
    this.name = 'DataError';
  }
}

export function check(condition: unknown, file: string, problem: string, row?: number): asserts condition {
  if (!condition) throw new DataError(file, problem, row);
}
