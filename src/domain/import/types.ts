// Shared shapes of the spreadsheet import core (pure: no DOM, no React).
import type { ImportMessageKey } from './messages.ts';

/** A user-facing message: the UI translates `key` and fills `{param}` placeholders from `params`. */
export interface ImportMessage {
  key: ImportMessageKey;
  params: Record<string, string | number>;
}

/** A cell after import: CSV cells are trimmed strings (empty → null); XLSX keeps numbers/booleans. */
export type CellValue = string | number | boolean | null;

export type ImportFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The imported table, identical for CSV and XLSX. */
export interface ImportTable {
  /** Column names (trimmed, unique, never empty: generated names are reported as warnings). */
  columns: string[];
  /** Data rows, each exactly `columns.length` long. */
  rows: CellValue[][];
  /**
   * 1-based row number of each data row in the file, as a spreadsheet shows it
   * (header included; for CSV a record spanning several physical lines counts once).
   */
  rowNumbers: number[];
}

export interface ColumnProfile {
  index: number;
  name: string;
  /** Non-missing cells. */
  nonEmpty: number;
  /** Cells recognised as numbers (French or international formats). */
  numeric: number;
  /** Empty or "NA" / "n.d." / "s" / "-"… cells: always null, never 0. */
  missing: number;
  /** Non-missing cells that are not numbers. */
  invalid: number;
  /** numeric / nonEmpty (0 when the column is empty). */
  numericShare: number;
  /** At least one number written with a % sign. */
  percent: boolean;
  /** Looks like an identifier (leading zeros, fixed-length codes): not offered as a value column. */
  identifierLike: boolean;
  /** numericShare >= NUMERIC_COLUMN_MIN_SHARE and not identifier-like. */
  isNumeric: boolean;
  /** Up to 3 non-numeric sample values, for the UI. */
  invalidSamples: string[];
}

export interface ParseReport {
  format: ImportFormat;
  fileName: string;
  bytes: number;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Sheet names, XLSX only. */
  sheets?: string[];
  sheet?: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  /** Rows left out of the table (ragged rows…), with their file row numbers. */
  skippedRows: number[];
  emptyRows: number;
  columns: ColumnProfile[];
  warnings: ImportMessage[];
}

export type ImportResult =
  | { ok: true; table: ImportTable; report: ParseReport }
  | { ok: false; error: ImportMessage; warnings: ImportMessage[] };

export interface ParseOptions {
  /** XLSX: sheet name or 1-based index. Default: the first sheet that has data. */
  sheet?: string | number;
  /** CSV: force the delimiter instead of detecting it. */
  delimiter?: string;
  /** 1-based header row. Default: detected (leading title rows with a single cell are skipped). */
  headerRow?: number;
  /** Called with a ratio in [0, 1]; the last call is always 1 on success. */
  onProgress?: (ratio: number) => void;
  /** CSV chunk size in characters (default 1 MiB); tests use it to force chunking. */
  chunkSize?: number;
}
