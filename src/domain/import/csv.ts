// CSV text → table, with papaparse doing the actual parsing (quotes, escaped quotes, line breaks).
// This module adds delimiter detection by consistency, structure checks with row numbers and progress.
import Papa from 'papaparse';
import {
  bytesToMb,
  CSV_CHUNK_CHARS,
  MAX_BAD_ROW_SHARE,
  MAX_COLUMNS,
  MAX_LINE_CHARS,
  MAX_LISTED_MESSAGES,
} from './limits.ts';
import { msg } from './messages.ts';
import { type BuiltTable, finalizeTable, findHeaderIndex, isEmptyCell } from './table.ts';
import type { CellValue, ImportMessage } from './types.ts';

export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 60;

export interface DelimiterScore {
  delimiter: CsvDelimiter;
  /** Most frequent field count (trailing empty fields ignored) among sampled non-empty rows. */
  fields: number;
  /** Share of sampled rows having exactly `fields` fields. */
  consistency: number;
}

function trimmedLength(row: readonly string[]): number {
  let n = row.length;
  while (n > 0 && row[n - 1].trim() === '') n--;
  return n;
}

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.slice(0, SAMPLE_CHARS);
  const nl = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('\r'));
  return nl > 0 ? cut.slice(0, nl) : cut;
}

function splitRows(text: string, delimiter: string, preview = 0): string[][] {
  const res = Papa.parse<string[]>(text, { delimiter, preview, skipEmptyLines: 'greedy' });
  return res.data;
}

/**
 * Scores each candidate delimiter on the first rows: the winner has the most rows sharing the same
 * field count (> 1). Ties go to the field count of the first row, then to the order ; tab , |.
 * Returns null delimiter when no candidate splits any row.
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter | null; scores: DelimiterScore[] } {
  const sample = sampleOf(text);
  const scores: DelimiterScore[] = [];
  for (const d of CSV_DELIMITERS) {
    if (!sample.includes(d)) {
      scores.push({ delimiter: d, fields: 1, consistency: 0 });
      continue;
    }
    const rows = splitRows(sample, d, SAMPLE_ROWS);
    const counts = new Map<number, number>();
    let firstFields = 0;
    for (const r of rows) {
      const n = trimmedLength(r);
      if (n === 0) continue;
      if (firstFields === 0) firstFields = n;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let fields = 1;
    let best = 0;
    let total = 0;
    for (const [n, c] of counts) {
      total += c;
      if (n > 1 && (c > best || (c === best && n === firstFields))) {
        best = c;
        fields = n;
      }
    }
    scores.push({ delimiter: d, fields, consistency: total === 0 || fields <= 1 ? 0 : best / total });
  }
  const ranked = [...scores].sort(
    (a, b) =>
      b.consistency - a.consistency || CSV_DELIMITERS.indexOf(a.delimiter) - CSV_DELIMITERS.indexOf(b.delimiter),
  );
  const top = ranked[0];
  return { delimiter: top.consistency > 0 ? top.delimiter : null, scores };
}

/** First physical line longer than `max` characters (1-based line number), or null. */
export function findLongLine(text: string, max = MAX_LINE_CHARS): { row: number; length: number } | null {
  if (text.length <= max) return null;
  const sep = text.includes('\n') ? '\n' : '\r';
  let start = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf(sep, start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > max) return { row: line, length: stop - start };
    if (end === -1) return null;
    start = end + 1;
    line++;
  }
}

export interface CsvParseOptions {
  delimiter?: string;
  headerRow?: number;
  onProgress?: (ratio: number) => void;
  chunkSize?: number;
}

export interface CsvParsed extends BuiltTable {
  delimiter: string;
  headerRow: number;
  skippedRows: number[];
}

export type CsvResult =
  | { ok: true; value: CsvParsed; warnings: ImportMessage[] }
  | { ok: false; error: ImportMessage; warnings: ImportMessage[] };

/** A 1-field row that another delimiter would split into the expected number of fields. */
function otherDelimiterFor(row: readonly CellValue[], delimiter: string, expected: number): string | null {
  if (row.length !== 1 || typeof row[0] !== 'string') return null;
  const text = row[0];
  for (const d of CSV_DELIMITERS) {
    if (d === delimiter || !text.includes(d)) continue;
    const split = splitRows(text, d, 1)[0];
    if (split && (split.length === expected || trimmedLength(split) === expected)) return d;
  }
  return null;
}

/**
 * Parses CSV text (already decoded). Never throws: structural problems come back as messages.
 * Ragged rows (field count different from the header's, trailing empty fields aside) are left out
 * and listed; more than half of them rejects the file.
 */
export function parseCsvText(text: string, options: CsvParseOptions = {}): CsvResult {
  const warnings: ImportMessage[] = [];
  const long = findLongLine(text);
  if (long)
    return {
      ok: false,
      error: msg('import.csv.lineTooLong', { row: long.row, maxMb: bytesToMb(MAX_LINE_CHARS) }),
      warnings,
    };

  let delimiter = options.delimiter;
  if (!delimiter) {
    const detected = detectDelimiter(text);
    if (detected.delimiter) delimiter = detected.delimiter;
    else {
      delimiter = ';';
      warnings.push(msg('import.csv.singleColumn'));
    }
  }

  // Cells are trimmed as chunks arrive (empty → null); row numbers are 1-based record numbers.
  const cells: CellValue[][] = [];
  let unclosedAt: number | null = null;
  let tooWideAt: { row: number; count: number } | null = null;
  const total = text.length || 1;
  const onProgress = options.onProgress;
  let lastRatio = -1;
  let completed = false;
  // With a string input papaparse runs synchronously, chunk by chunk, then calls `complete`.
  Papa.parse<string[]>(text, {
    delimiter,
    chunkSize: options.chunkSize ?? CSV_CHUNK_CHARS,
    skipEmptyLines: false,
    worker: false,
    complete() {
      completed = true;
    },
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      const base = cells.length;
      for (const r of results.data) {
        const out: CellValue[] = new Array(r.length);
        for (let j = 0; j < r.length; j++) {
          const t = r[j].trim();
          out[j] = t === '' ? null : t;
        }
        cells.push(out);
      }
      for (const e of results.errors) {
        if (e.code === 'MissingQuotes' && unclosedAt === null) unclosedAt = base + (e.row ?? 0) + 1;
      }
      if (cells.length > 0 && cells[0].length > MAX_COLUMNS && !tooWideAt) {
        tooWideAt = { row: 1, count: cells[0].length };
        parser.abort();
      }
      if (onProgress) {
        const ratio = Math.min(0.99, results.meta.cursor / total);
        if (ratio - lastRatio >= 0.01) {
          lastRatio = ratio;
          onProgress(ratio);
        }
      }
    },
  });
  if (!completed && !tooWideAt)
    return { ok: false, error: msg('import.internal', { detail: 'papaparse did not complete' }), warnings };
  if (tooWideAt) {
    const t = tooWideAt as { row: number; count: number };
    return { ok: false, error: msg('import.table.tooManyColumns', { count: t.count, max: MAX_COLUMNS }), warnings };
  }
  if (unclosedAt !== null) return { ok: false, error: msg('import.csv.unclosedQuote', { row: unclosedAt }), warnings };

  // The line break ending the last line yields an empty record: not an "empty row".
  while (cells.length > 0 && cells[cells.length - 1].every(isEmptyCell)) cells.pop();
  const rowNumbers: number[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) rowNumbers[i] = i + 1;

  const h = findHeaderIndex(cells, rowNumbers, options.headerRow);
  if (h === -1) return { ok: false, error: msg('import.table.noRows', { name: '' }), warnings };
  if (h > 0 && options.headerRow === undefined) {
    const skipped = cells.slice(0, h).filter((r) => r.some((v) => !isEmptyCell(v))).length;
    if (skipped > 0) warnings.push(msg('import.table.titleRowsSkipped', { count: skipped, row: rowNumbers[h] }));
  }
  const header = cells[h];
  const headerLen = header.length;
  let expected = headerLen;
  while (expected > 0 && isEmptyCell(header[expected - 1])) expected--;
  if (expected > MAX_COLUMNS)
    return { ok: false, error: msg('import.table.tooManyColumns', { count: expected, max: MAX_COLUMNS }), warnings };

  const good: CellValue[][] = [];
  const goodNumbers: number[] = [];
  const skippedRows: number[] = [];
  const badMessages: ImportMessage[] = [];
  let dataRows = 0;
  for (let i = h + 1; i < cells.length; i++) {
    const r = cells[i];
    if (r.every(isEmptyCell)) {
      good.push(r);
      goodNumbers.push(rowNumbers[i]);
      continue;
    }
    dataRows++;
    const n = r.length;
    let ok = n === headerLen;
    if (!ok) {
      let used = n;
      while (used > 0 && isEmptyCell(r[used - 1])) used--;
      // Extra or missing trailing separators are fine as long as no value falls outside the header.
      ok = n >= expected && used <= Math.max(expected, headerLen);
    }
    if (ok) {
      good.push(r);
      goodNumbers.push(rowNumbers[i]);
      continue;
    }
    skippedRows.push(rowNumbers[i]);
    const other = otherDelimiterFor(r, delimiter, expected);
    badMessages.push(
      other
        ? msg('import.csv.mixedDelimiter', { row: rowNumbers[i], delimiter, found: other })
        : msg('import.csv.raggedRow', { row: rowNumbers[i], found: n, expected, delimiter }),
    );
  }
  if (skippedRows.length > 0 && skippedRows.length > dataRows * MAX_BAD_ROW_SHARE) {
    return {
      ok: false,
      error: msg('import.csv.tooManyBadRows', {
        bad: skippedRows.length,
        total: dataRows,
        expected,
        delimiter,
        row: skippedRows[0],
      }),
      warnings: [...warnings, ...badMessages.slice(0, MAX_LISTED_MESSAGES)],
    };
  }
  warnings.push(...badMessages.slice(0, MAX_LISTED_MESSAGES));
  if (badMessages.length > MAX_LISTED_MESSAGES) {
    warnings.push(msg('import.csv.moreRowsSkipped', { count: badMessages.length - MAX_LISTED_MESSAGES }));
  }

  const built = finalizeTable(header, rowNumbers[h], good, goodNumbers);
  if (!built.ok) return { ok: false, error: built.error, warnings };
  onProgress?.(1);
  return {
    ok: true,
    value: {
      ...built.value,
      warnings: [...warnings, ...built.value.warnings],
      delimiter,
      headerRow: rowNumbers[h],
      skippedRows,
    },
    warnings: [...warnings, ...built.value.warnings],
  };
}
