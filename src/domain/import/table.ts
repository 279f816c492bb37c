// Shared table building for CSV and XLSX: header row detection, column naming, row normalisation,
// column profiling and data-quality warnings.
import { MAX_COLUMNS, MAX_LISTED_MESSAGES } from './limits.ts';
import { msg } from './messages.ts';
import { parseNumberText, profileColumn } from './numbers.ts';
import { isFormulaLike } from './safety.ts';
import type { CellValue, ColumnProfile, ImportMessage, ImportTable } from './types.ts';

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function nonEmptyCount(row: readonly CellValue[]): number {
  let n = 0;
  for (const v of row) if (!isEmptyCell(v)) n++;
  return n;
}

function lastNonEmpty(row: readonly CellValue[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isEmptyCell(row[i])) return i;
  return -1;
}

/** "A", "B", … "Z", "AA"… for a 0-based column index. */
function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const TITLE_SCAN_ROWS = 30;

/**
 * Index (into `rows`) of the header row. With `headerRow` (1-based file row number) it is looked up;
 * otherwise it is the first non-empty row, except that leading "title" rows holding a single cell are
 * skipped when a row with at least two cells follows within the first 30 rows.
 * Returns -1 when every row is empty.
 */
export function findHeaderIndex(
  rows: readonly CellValue[][],
  rowNumbers: readonly number[],
  headerRow?: number,
): number {
  if (headerRow !== undefined) {
    const i = rowNumbers.indexOf(headerRow);
    return i !== -1 && nonEmptyCount(rows[i]) > 0 ? i : -1;
  }
  let first = -1;
  const limit = Math.min(rows.length, TITLE_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const n = nonEmptyCount(rows[i]);
    if (n === 0) continue;
    if (first === -1) first = i;
    if (n >= 2) return i;
  }
  if (first !== -1) return first;
  for (let i = limit; i < rows.length; i++) if (nonEmptyCount(rows[i]) > 0) return i;
  return -1;
}

const CODE_LIKE = /^(?:\d{4,5}|2[AB]\d{3}|\d{9})$/i;

function looksLikeData(v: CellValue): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return CODE_LIKE.test(s) || parseNumberText(s).kind === 'number';
}

export interface BuiltTable {
  table: ImportTable;
  columns: ColumnProfile[];
  warnings: ImportMessage[];
  emptyRows: number;
}

export type BuildResult = { ok: true; value: BuiltTable } | { ok: false; error: ImportMessage };

/**
 * Names the columns (trim, generated "[C]" names for empty headers, " (2)" suffixes for duplicates),
 * pads/cuts data rows to the column count, drops empty rows, profiles columns and lists warnings.
 */
export function finalizeTable(
  header: readonly CellValue[],
  headerRowNumber: number,
  dataRows: CellValue[][],
  dataRowNumbers: number[],
): BuildResult {
  let width = lastNonEmpty(header) + 1;
  for (const r of dataRows) {
    const w = lastNonEmpty(r) + 1;
    if (w > width) width = w;
  }
  if (width > MAX_COLUMNS)
    return { ok: false, error: msg('import.table.tooManyColumns', { count: width, max: MAX_COLUMNS }) };

  // Columns with neither a name nor any value (spacing columns, e.g. a blank column A) are dropped.
  const hasData = new Array<boolean>(width).fill(false);
  for (const r of dataRows) {
    for (let c = 0; c < width && c < r.length; c++) if (!hasData[c] && !isEmptyCell(r[c])) hasData[c] = true;
  }
  const kept: number[] = [];
  for (let c = 0; c < width; c++) if (hasData[c] || !isEmptyCell(header[c])) kept.push(c);
  const headerCells = kept.map((c) => header[c] ?? null);
  const nonEmptyHeader = headerCells.filter((v) => !isEmptyCell(v));
  if (nonEmptyHeader.length > 0 && nonEmptyHeader.every(looksLikeData)) {
    return {
      ok: false,
      error: msg('import.table.missingHeader', { row: headerRowNumber, sample: String(nonEmptyHeader[0]) }),
    };
  }

  const warnings: ImportMessage[] = [];
  const names: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const v = headerCells[i];
    names.push(isEmptyCell(v) ? '' : String(v).trim().replace(/\s+/g, ' '));
  }
  const used = new Set(names.filter((n) => n !== ''));
  for (let i = 0; i < kept.length; i++) {
    if (names[i] === '') {
      const letter = columnLetter(kept[i]);
      let renamed = `[${letter}]`;
      for (let k = 2; used.has(renamed); k++) renamed = `[${letter}] (${k})`;
      used.add(renamed);
      names[i] = renamed;
      warnings.push(msg('import.table.emptyHeader', { column: letter, renamed }));
    }
  }
  const firstSeen = new Map<string, number>();
  const dupes = new Map<string, { columns: number[]; renamed: string[] }>();
  for (let i = 0; i < kept.length; i++) {
    const name = names[i];
    const key = name.toLowerCase();
    if (!firstSeen.has(key)) {
      firstSeen.set(key, i);
      continue;
    }
    let k = 2;
    let renamed = `${name} (${k})`;
    while (used.has(renamed) || firstSeen.has(renamed.toLowerCase())) renamed = `${name} (${++k})`;
    used.add(renamed);
    names[i] = renamed;
    const first = firstSeen.get(key)!;
    const d = dupes.get(key) ?? { columns: [first], renamed: [] };
    d.columns.push(i);
    d.renamed.push(renamed);
    dupes.set(key, d);
  }
  for (const [key, d] of dupes) {
    warnings.push(
      msg('import.table.duplicateHeader', {
        name: names[firstSeen.get(key)!],
        columns: d.columns.map((c) => columnLetter(kept[c])).join(', '),
        renamed: d.renamed.join(', '),
      }),
    );
  }

  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  let emptyRows = 0;
  let formulaCount = 0;
  let formulaFirst: { row: number; column: string; sample: string } | null = null;
  for (let r = 0; r < dataRows.length; r++) {
    const src = dataRows[r];
    if (nonEmptyCount(src) === 0) {
      emptyRows++;
      continue;
    }
    const row: CellValue[] = new Array(kept.length);
    for (let c = 0; c < kept.length; c++) {
      const v = src[kept[c]];
      const cell = v === undefined || isEmptyCell(v) ? null : v;
      row[c] = cell;
      if (typeof cell === 'string' && isFormulaLike(cell)) {
        formulaCount++;
        if (!formulaFirst) formulaFirst = { row: dataRowNumbers[r], column: names[c], sample: cell.slice(0, 40) };
      }
    }
    rows.push(row);
    rowNumbers.push(dataRowNumbers[r]);
  }
  if (rows.length === 0) return { ok: false, error: msg('import.table.noDataRows', { row: headerRowNumber }) };
  if (formulaFirst) warnings.push(msg('import.table.formulaLikeCells', { count: formulaCount, ...formulaFirst }));

  const columns: ColumnProfile[] = [];
  const values: CellValue[] = new Array(rows.length);
  let partly = 0;
  for (let c = 0; c < kept.length; c++) {
    for (let r = 0; r < rows.length; r++) values[r] = rows[r][c];
    const p = profileColumn(c, names[c], values);
    columns.push(p);
    if (p.isNumeric && p.invalid > 0 && partly++ < MAX_LISTED_MESSAGES) {
      warnings.push(
        msg('import.table.partlyNumeric', {
          column: p.name,
          percent: Math.floor(p.numericShare * 100),
          invalid: p.invalid,
          sample: p.invalidSamples[0] ?? '',
        }),
      );
    }
  }
  return { ok: true, value: { table: { columns: names, rows, rowNumbers }, columns, warnings, emptyRows } };
}
