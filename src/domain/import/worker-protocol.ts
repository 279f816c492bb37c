// Messages exchanged with the import worker, and the worker's logic as a plain async function
// (tested directly; worker.ts only wires it to `self`).
import { type ImportMessageKey, msg } from './messages.ts';
import { parseImport } from './parse.ts';
import type { ImportTable, ParseReport } from './types.ts';

export interface ParseRequest {
  type: 'parse';
  name: string;
  bytes: ArrayBuffer;
  /** XLSX sheet name or 1-based index. */
  sheet?: string | number;
  delimiter?: string;
  headerRow?: number;
}

export type WorkerResponse =
  | { type: 'progress'; ratio: number }
  | { type: 'done'; table: ImportTable; report: ParseReport }
  | {
      type: 'error';
      key: ImportMessageKey;
      params: Record<string, string | number>;
      warnings: { key: ImportMessageKey; params: Record<string, string | number> }[];
    };

function isParseRequest(data: unknown): data is ParseRequest {
  if (!data || typeof data !== 'object') return false;
  const d = data as Record<string, unknown>;
  return d.type === 'parse' && typeof d.name === 'string' && d.bytes instanceof ArrayBuffer;
}

/** Handles one message; `post` receives progress messages then exactly one 'done' or 'error'. */
export async function handleImportMessage(data: unknown, post: (m: WorkerResponse) => void): Promise<void> {
  if (!isParseRequest(data)) {
    const m = msg('import.worker.badMessage');
    post({ type: 'error', key: m.key, params: m.params, warnings: [] });
    return;
  }
  let last = -1;
  const result = await parseImport(data.name, data.bytes, {
    sheet: data.sheet,
    delimiter: data.delimiter,
    headerRow: data.headerRow,
    onProgress: (ratio) => {
      // At most ~100 progress messages per file.
      if (ratio === 1 || ratio - last >= 0.01) {
        last = ratio;
        post({ type: 'progress', ratio });
      }
    },
  });
  if (result.ok) post({ type: 'done', table: result.table, report: result.report });
  else post({ type: 'error', key: result.error.key, params: result.error.params, warnings: result.warnings });
}
