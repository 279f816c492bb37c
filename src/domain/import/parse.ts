// File bytes → table + report: format detection (extension + magic numbers), decoding, CSV or XLSX.
// Every failure is returned as a value (`{ ok: false, error }`); this function never throws or rejects.
import { parseCsvText } from './csv.ts';
import { checkSize, decodeBytes, looksLikeXlsxZip, sniffMagic } from './decode.ts';
import { msg } from './messages.ts';
import type { ImportMessage, ImportResult, ParseOptions } from './types.ts';
import { readWorkbook, sheetToTable } from './xlsx.ts';

export type DetectedFormat = 'csv' | 'xlsx';

function fileExtension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}

const TEXT_EXT = new Set(['csv', 'tsv', 'txt', 'tab', 'dat']);
const XLSX_EXT = new Set(['xlsx', 'xlsm']);

/** Chooses the reader, or returns the precise reason why the file cannot be read. */
function detectFormat(
  name: string,
  bytes: Uint8Array,
): { ok: true; format: DetectedFormat } | { ok: false; error: ImportMessage } {
  const ext = fileExtension(name);
  const magic = sniffMagic(bytes);
  if (ext === 'xls' || magic === 'XLS') return { ok: false, error: msg('import.file.xlsUnsupported', { name }) };
  if (ext === 'ods') return { ok: false, error: msg('import.file.odsUnsupported', { name }) };
  if (XLSX_EXT.has(ext)) return { ok: true, format: 'xlsx' };
  if (TEXT_EXT.has(ext)) return { ok: true, format: 'csv' }; // decodeBytes reports binary content precisely.
  // Unknown extension: trust the content.
  if (magic === 'ZIP' && looksLikeXlsxZip(bytes)) return { ok: true, format: 'xlsx' };
  if (magic) return { ok: false, error: msg('import.file.unsupportedType', { name, ext }) };
  return { ok: true, format: 'csv' };
}

function internalError(e: unknown): ImportMessage {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return msg('import.internal', { detail: detail.slice(0, 200) });
}

/** Parses a dropped file entirely in memory. Used directly by tests and by the import worker. */
export async function parseImport(
  name: string,
  input: Uint8Array | ArrayBuffer,
  options: ParseOptions = {},
): Promise<ImportResult> {
  try {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    const tooLarge = checkSize(name, bytes.length);
    if (tooLarge) return { ok: false, error: tooLarge, warnings: [] };
    if (bytes.length === 0) return { ok: false, error: msg('import.file.empty', { name }), warnings: [] };
    const fmt = detectFormat(name, bytes);
    if (!fmt.ok) return { ok: false, error: fmt.error, warnings: [] };
    options.onProgress?.(0);

    if (fmt.format === 'xlsx') {
      const wb = await readWorkbook(bytes, name);
      if (!wb.ok) return { ok: false, error: wb.error, warnings: [] };
      options.onProgress?.(0.8);
      const res = sheetToTable(wb.sheets, options.sheet, options.headerRow);
      if (!res.ok) return { ok: false, error: res.error, warnings: res.warnings };
      options.onProgress?.(1);
      const v = res.value;
      return {
        ok: true,
        table: v.table,
        report: {
          format: 'xlsx',
          fileName: name,
          bytes: bytes.length,
          sheets: v.sheets,
          sheet: v.sheet,
          headerRow: v.headerRow,
          skippedRows: [],
          emptyRows: v.emptyRows,
          columns: v.columns,
          warnings: v.warnings,
        },
      };
    }

    const decoded = decodeBytes(bytes, name);
    if (!decoded.ok) return { ok: false, error: decoded.error, warnings: [] };
    const csv = parseCsvText(decoded.text, {
      delimiter: options.delimiter,
      headerRow: options.headerRow,
      chunkSize: options.chunkSize,
      onProgress: options.onProgress,
    });
    if (!csv.ok) {
      const error = csv.error.key === 'import.table.noRows' ? msg('import.table.noRows', { name }) : csv.error;
      return { ok: false, error, warnings: [...decoded.warnings, ...csv.warnings] };
    }
    const v = csv.value;
    return {
      ok: true,
      table: v.table,
      report: {
        format: 'csv',
        fileName: name,
        bytes: bytes.length,
        encoding: decoded.encoding,
        delimiter: v.delimiter,
        headerRow: v.headerRow,
        skippedRows: v.skippedRows,
        emptyRows: v.emptyRows,
        columns: v.columns,
        warnings: [...decoded.warnings, ...v.warnings],
      },
    };
  } catch (e) {
    return { ok: false, error: internalError(e), warnings: [] };
  }
}
