// XLSX export: a data sheet (numbers stay numbers) and a « Sources » sheet (each column's source,
// the export date and the permalink). The sheet description is pure; `xlsxBlob` writes it with
// write-excel-file's universal entry (a Blob, in the browser and in Node), loaded on demand.
import type { Cell, Sheet, SheetData } from 'write-excel-file/universal';
import { neutralizeFormula } from '../import/index.ts';
import type { ExportCell, ExportTable, SourceRow } from './table.ts';

export interface XlsxMeta {
  sheetNames: { data: string; sources: string };
  /** Header of the sources table: column, title, producer, year, licence, url. */
  sourceHeader: [string, string, string, string, string, string];
  sources: SourceRow[];
  /** Extra "label: value" lines under the sources table (export date, permalink, filters…). */
  notes: [string, string][];
}

/** Text cell, neutralised; numbers as Number cells. */
export function xlsxCell(v: ExportCell, bold = false): Cell {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, type: Number } : null;
  const value = String(neutralizeFormula(v));
  return bold ? { value, type: String, fontWeight: 'bold' } : { value, type: String };
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
function sheetName(s: string): string {
  return s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

export function buildXlsxSheets(table: ExportTable, meta: XlsxMeta): Sheet<unknown>[] {
  const data: SheetData = [
    table.columns.map((c) => xlsxCell(c.label, true)),
    ...table.rows.map((r) => r.map((v) => xlsxCell(v))),
  ];
  const sources: SheetData = [
    meta.sourceHeader.map((h) => xlsxCell(h, true)),
    ...meta.sources.map((s) => [s.column, s.title, s.producer, s.year, s.licence, s.url].map((v) => xlsxCell(v))),
    [],
    ...meta.notes.map(([k, v]) => [xlsxCell(k, true), xlsxCell(v)]),
  ];
  const width = (i: number) => (i < 2 ? 14 + i * 20 : 22);
  return [
    {
      data,
      sheet: sheetName(meta.sheetNames.data),
      columns: table.columns.map((_, i) => ({ width: width(i) })),
      stickyRowsCount: 1,
    },
    {
      data: sources,
      sheet: sheetName(meta.sheetNames.sources),
      columns: [{ width: 40 }, { width: 40 }, { width: 40 }, { width: 14 }, { width: 30 }, { width: 50 }],
    },
  ];
}

export async function xlsxBlob(sheets: Sheet<unknown>[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(sheets as never).toBlob();
}
