// The import worker's API through Comlink, as the page uses it (a MessageChannel stands for the worker).
import { expose, proxy, type Remote, transfer, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportWorkerApi, type ImportWorkerApi } from '../../src/state/import-worker-api.ts';
import { fixture, utf8 } from '../fixtures/import/helpers.ts';

let channels: MessageChannel[] = [];
function connect(): Remote<ImportWorkerApi> {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(createImportWorkerApi(), channel.port1);
  return wrap<ImportWorkerApi>(channel.port2);
}
afterEach(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
  channels = [];
});

describe('import worker API (Comlink)', () => {
  it('parse: progress callbacks, then a small answer (the table stays in the worker)', async () => {
    const api = connect();
    const bytes = fixture('two-sheets.xlsx').slice().buffer;
    const progress: number[] = [];
    const a = await api.parse(
      'two-sheets.xlsx',
      transfer(bytes, [bytes]),
      'Données',
      proxy((r: number) => void progress.push(r)),
    );
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.report.sheet).toBe('Données');
    expect(a.preview.rows.length).toBeLessThanOrEqual(5);
    expect(a).not.toHaveProperty('table');
    expect(progress).toEqual([0, 0.8, 1]);
  });

  it('CSV: progress from papaparse chunks, at most ~100 calls', async () => {
    const api = connect();
    const lines = ['code;v', ...Array.from({ length: 200_000 }, (_, i) => `${10000 + (i % 90000)};${i},5`)];
    const progress: number[] = [];
    const a = await api.parse(
      'moyen.csv',
      utf8(lines.join('\n')).buffer as ArrayBuffer,
      undefined,
      proxy((r: number) => void progress.push(r)),
    );
    expect(a.ok && a.rows).toBe(200_000);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThanOrEqual(102);
  });

  it('errors come back as key + params', async () => {
    const api = connect();
    expect(await api.parse('vide.csv', new ArrayBuffer(0))).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'vide.csv' } },
      warnings: [],
    });
  });

  it('asking for a join before any table rejects with a message', async () => {
    const api = connect();
    await expect(api.detect()).rejects.toThrow('no table');
    await expect(api.preview({} as never)).rejects.toThrow('no join');
  });
});
