// Hard limits of the browser import. Messages quote them, so keep them round.

/** Largest accepted file (checked on File.size before reading, and again on the bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A single CSV line longer than this is an error (binary data, or a file without line breaks). */
export const MAX_LINE_CHARS = 1024 * 1024;
export const MAX_COLUMNS = 2000;
/** Individual messages listed per category before a "… and N more" message. */
export const MAX_LISTED_MESSAGES = 10;
/** A CSV where more than this share of data rows is ragged is rejected rather than partly imported. */
export const MAX_BAD_ROW_SHARE = 0.5;
/** Share of non-missing cells that must parse as numbers for a column to be numeric. */
export const NUMERIC_COLUMN_MIN_SHARE = 0.8;
/** Default CSV chunk size, in characters. */
export const CSV_CHUNK_CHARS = 1024 * 1024;

export function bytesToMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
