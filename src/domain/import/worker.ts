// Module worker entry of the spreadsheet import: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
// Receives { type: 'parse', name, bytes: ArrayBuffer, sheet? } and posts { type: 'progress', ratio }
// messages then { type: 'done', table, report } or { type: 'error', key, params, warnings }.
// Parsing itself lives in pure functions (parse.ts); this file only wires them to the worker scope.
import { handleImportMessage, type WorkerResponse } from './worker-protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage: (message: WorkerResponse) => void;
};

scope.onmessage = (event: MessageEvent) => {
  void handleImportMessage(event.data, (m) => scope.postMessage(m));
};
