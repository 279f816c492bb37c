// CSV for spreadsheets used in France: UTF-8 with a byte-order mark (so Excel reads the accents),
// ';' between fields, CRLF line ends, optional decimal comma. Text cells are neutralised against
// formula injection; numbers stay bare numbers (a negative number is "-3,5", not text).
import { neutralizeFormula } from '../import/index.ts';
import type { ExportCell, ExportTable } from './table.ts';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export interface CsvOptions {
  /** Write "3,5" instead of "3.5" (default for French). */
  decimalComma: boolean;
  /** Field separator; ';' by default (and the only sensible one with a decimal comma). */
  separator?: string;
  /** Lines written before the table (one text cell each, then an empty line): what the view is,
   * its sources, caveat and permalink, so that the file explains itself. */
  preamble?: string[];
}

// No grouping, never an exponent; -0 written as 0.
const PLAIN = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumFractionDigits: 12,
  signDisplay: 'negative',
});

/** A number as the spreadsheet will read it back: "-1234.5" or "-1234,5"; non-finite → empty. */
export function csvNumber(v: number, decimalComma: boolean): string {
  if (!Number.isFinite(v)) return '';
  const s = PLAIN.format(v);
  return decimalComma ? s.replace('.', ',') : s;
}

/** One text field: neutralised, then quoted when it holds the separator, a quote or a line break. */
export function csvText(s: string, separator = ';'): string {
  const safe = String(neutralizeFormula(s));
  if (safe.includes(separator) || /["\r\n]/.test(safe)) return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

export function csvCell(v: ExportCell, opts: CsvOptions): string {
  if (v === null) return '';
  if (typeof v === 'number') return csvNumber(v, opts.decimalComma);
  return csvText(v, opts.separator ?? ';');
}

/** The whole file as a string (starts with the BOM; every record ends with CRLF). */
export function toCsv(table: ExportTable, opts: CsvOptions): string {
  const sep = opts.separator ?? ';';
  const lines = opts.preamble?.length ? [...opts.preamble.map((l) => csvText(l, sep)), ''] : [];
  lines.push(table.columns.map((c) => csvText(c.label, sep)).join(sep));
  for (const row of table.rows) lines.push(row.map((v) => csvCell(v, opts)).join(sep));
  return BOM + lines.map((l) => l + CRLF).join('');
}
