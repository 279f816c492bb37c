// XLSX → table through read-excel-file's "universal" entry (ArrayBuffer in, no Worker spawned:
// it runs as is inside our own import worker and in Node tests).
// Formula cells come back with the value cached by the spreadsheet application; nothing is evaluated
// (a formula without a cached value reads as an empty cell).
import readXlsxFile from 'read-excel-file/universal';
import { msg } from './messages.ts';
import { type BuiltTable, finalizeTable, findHeaderIndex, nonEmptyCount } from './table.ts';
import type { CellValue, ImportMessage } from './types.ts';

export interface XlsxSheet {
  name: string;
  rows: CellValue[][];
}

export type WorkbookResult = { ok: true; sheets: XlsxSheet[] } | { ok: false; error: ImportMessage };

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Dates become ISO text: "2024-03-01", or "2024-03-01T08:30:00" when there is a time part (UTC). */
function dateToText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function normalizeXlsxCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToText(v);
  return String(v);
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string') return m.slice(0, 120);
  }
  return String(e).slice(0, 120);
}

/** Reads every sheet of a workbook (names in workbook order). Never throws. */
export async function readWorkbook(bytes: Uint8Array, name = 'classeur.xlsx'): Promise<WorkbookResult> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(toArrayBuffer(bytes), { trim: true })) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch (e) {
    const reason = describeError(e);
    if (reason === 'XLS_FILE_NOT_SUPPORTED') return { ok: false, error: msg('import.file.xlsUnsupported', { name }) };
    return { ok: false, error: msg('import.xlsx.invalid', { name, reason }) };
  }
  if (!Array.isArray(sheets) || sheets.length === 0) return { ok: false, error: msg('import.xlsx.noSheets', { name }) };
  return {
    ok: true,
    sheets: sheets.map((s) => ({
      name: String(s.sheet),
      rows: (s.data ?? []).map((row) => (Array.isArray(row) ? row.map(normalizeXlsxCell) : [])),
    })),
  };
}

/** Sheet names of a workbook, or an error. */
export async function listSheets(
  bytes: Uint8Array,
  name?: string,
): Promise<{ ok: true; sheets: string[] } | { ok: false; error: ImportMessage }> {
  const wb = await readWorkbook(bytes, name);
  return wb.ok ? { ok: true, sheets: wb.sheets.map((s) => s.name) } : wb;
}

export interface XlsxParsed extends BuiltTable {
  sheet: string;
  sheets: string[];
  headerRow: number;
}

export type XlsxResult =
  | { ok: true; value: XlsxParsed }
  | { ok: false; error: ImportMessage; warnings: ImportMessage[] };

function looksTabular(s: XlsxSheet): boolean {
  let wide = 0;
  for (const r of s.rows) if (nonEmptyCount(r) >= 2 && ++wide >= 2) return true;
  return false;
}

/**
 * Picks a sheet (name, 1-based index; by default the first sheet with at least two rows of two
 * cells or more — a header and data — skipping "read me" sheets, else the first non-empty sheet)
 * and builds the table.
 */
export function sheetToTable(sheets: XlsxSheet[], wanted?: string | number, headerRow?: number): XlsxResult {
  const names = sheets.map((s) => s.name);
  let sheet: XlsxSheet | undefined;
  if (wanted === undefined) {
    sheet = sheets.find(looksTabular) ?? sheets.find((s) => s.rows.some((r) => nonEmptyCount(r) > 0)) ?? sheets[0];
  } else if (typeof wanted === 'number') {
    sheet = sheets[wanted - 1];
  } else {
    sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  }
  if (!sheet) {
    return {
      ok: false,
      error: msg('import.xlsx.sheetNotFound', {
        sheet: String(wanted),
        available: names.map((n) => `« ${n} »`).join(', '),
      }),
      warnings: [],
    };
  }
  const rows = sheet.rows;
  // read-excel-file returns the sheet from row 1 (leading empty rows included), so numbers are i + 1.
  const rowNumbers = rows.map((_, i) => i + 1);
  const warnings: ImportMessage[] = [];
  const h = findHeaderIndex(rows, rowNumbers, headerRow);
  if (h === -1) return { ok: false, error: msg('import.xlsx.emptySheet', { sheet: sheet.name }), warnings };
  if (h > 0 && headerRow === undefined) {
    const skipped = rows.slice(0, h).filter((r) => nonEmptyCount(r) > 0).length;
    if (skipped > 0) warnings.push(msg('import.table.titleRowsSkipped', { count: skipped, row: rowNumbers[h] }));
  }
  if (sheets.length > 1) warnings.push(msg('import.xlsx.otherSheets', { count: sheets.length, sheet: sheet.name }));
  const built = finalizeTable(rows[h], rowNumbers[h], rows.slice(h + 1), rowNumbers.slice(h + 1));
  if (!built.ok) return { ok: false, error: built.error, warnings };
  return {
    ok: true,
    value: {
      ...built.value,
      warnings: [...warnings, ...built.value.warnings],
      sheet: sheet.name,
      sheets: names,
      headerRow: rowNumbers[h],
    },
  };
}
