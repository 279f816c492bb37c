// A ~20 MB CSV generated at runtime (never committed): chunked parsing with progress events.
// Time and memory are logged, not asserted.
import { describe, expect, it } from 'vitest';
import { parseImport, toNumberOrNull } from '../../src/domain/import/index.ts';
import { realReference } from '../fixtures/import/helpers.ts';

function bigCsv(targetBytes: number): { bytes: Uint8Array; rows: number } {
  const { communes } = realReference();
  const parts: string[] = ['code_insee;commune;population;part_industrie;commentaire'];
  let size = parts[0].length + 1;
  let rows = 0;
  while (size < targetBytes) {
    const c = communes[rows % communes.length];
    const line = `${c.code};${c.name};${c.population};${Math.floor((rows % 1000) / 10)},${rows % 10};ligne ${rows}`;
    parts.push(line);
    size += line.length + 1;
    rows++;
  }
  return { bytes: new TextEncoder().encode(parts.join('\n')), rows };
}

describe('large CSV', () => {
  it('parses ~20 MB in chunks with progress events', async () => {
    const { bytes, rows } = bigCsv(20 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    const ratios: number[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = await parseImport('gros.csv', bytes, { onProgress: (x) => ratios.push(x) });
    const ms = performance.now() - t0;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.info(
      `[import-large] ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${rows} rows: ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB, ${ratios.length} progress events`,
    );

    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.rows).toHaveLength(rows);
    expect(r.table.rowNumbers.at(-1)).toBe(rows + 1);
    expect(r.report.delimiter).toBe(';');
    expect(toNumberOrNull(r.table.rows[12][3])).toBeCloseTo(1.2, 5);
    // 1 MiB chunks → about 20 intermediate events, plus 0 and 1.
    expect(ratios.length).toBeGreaterThanOrEqual(15);
    expect(ratios[0]).toBe(0);
    expect(ratios.at(-1)).toBe(1);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeGreaterThanOrEqual(ratios[i - 1]);
    expect(ratios.filter((x) => x > 0 && x < 1).length).toBeGreaterThanOrEqual(10);
  });
});
