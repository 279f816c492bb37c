// Size budget of the production build (dist/, after `npm run build`): the bytes the first view
// downloads before its first map, and every chunk, gzip-compressed. Budgets: README « Benchmarks ».
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tileRange } from '../../scripts/lib/tiles.ts';
import { tilePath } from '../../src/data/tiles.ts';

const DIST = join(resolve(import.meta.dirname, '..', '..'), 'dist');
const KiB = 1024;
/** What a bare address's first map needs: index.html, its scripts and styles, the MapLibre worker, its colours and tiles. */
const FIRST_VIEW_BUDGET = 625 * KiB;
/** Per chunk; MapLibre, its worker and React are given, the app's own chunks stay small. */
const CHUNK_BUDGETS: [RegExp, number][] = [
  [/^maplibre-gl-worker-.*\.mjs$/, 150 * KiB],
  [/^maplibre-.*\.js$/, 290 * KiB],
  [/^react-.*\.js$/, 70 * KiB],
  [/^user-data-worker-.*\.js$/, 40 * KiB],
  [/\.css$/, 12 * KiB],
  [/\.m?js$/, 45 * KiB],
];

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Data of a bare address's first map that index.html preloads from its inline script. */
const FIRST_VIEW_DATA = ['generated/first-view.json'];

/**
 * The tiles of the first map: the EPCI and TI 2023–2027 of zoom 5, which France takes on a wide
 * screen (zoom 4 on 1280 × 800, fewer bytes).
 */
function firstViewTiles(): string[] {
  const { x0, x1, y0, y1 } = tileRange(5);
  const tiles: string[] = [];
  for (const source of ['epci', 'ti2023'] as const)
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push(`generated/${tilePath(source, 5, x, y)}`);
  return tiles;
}

/** Files a bare address requests before its first map, from dist/index.html. */
function firstViewFiles(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/((?:assets|generated)\/[^"]+)"/g)].map((m) => m[1]);
  for (const f of FIRST_VIEW_DATA) expect(html, `index.html preloads ${f}`).toContain(`'${f.split('/')[1]}'`);
  const worker = readdirSync(join(DIST, 'assets')).filter((f) => /^maplibre-gl-worker-.*\.mjs$/.test(f));
  return ['index.html', ...refs, ...FIRST_VIEW_DATA, ...firstViewTiles(), ...worker.map((f) => `assets/${f}`)];
}

describe.runIf(existsSync(join(DIST, 'index.html')))('size budget (dist/, gzip)', () => {
  it(`first view ≤ ${FIRST_VIEW_BUDGET / KiB} KiB before the first map`, () => {
    const files = firstViewFiles();
    expect(
      files.some((f) => f.startsWith('generated/')),
      'data preloaded from index.html',
    ).toBe(true);
    const sizes = files.map((f) => [f, gz(join(DIST, f))] as const);
    const total = sizes.reduce((s, [, n]) => s + n, 0);
    expect(total, sizes.map(([f, n]) => `${f} ${(n / KiB).toFixed(1)} KiB`).join('\n')).toBeLessThanOrEqual(
      FIRST_VIEW_BUDGET,
    );
  });

  it('every chunk within its budget', () => {
    const over: string[] = [];
    for (const f of readdirSync(join(DIST, 'assets'))) {
      if (f.endsWith('.map')) continue;
      const budget = CHUNK_BUDGETS.find(([re]) => re.test(f))?.[1];
      if (budget === undefined) continue;
      const n = gz(join(DIST, 'assets', f));
      if (n > budget) over.push(`${f}: ${(n / KiB).toFixed(1)} KiB > ${budget / KiB} KiB`);
    }
    expect(over).toEqual([]);
  });

  it('the first view does not load the import, export, search, comparison code or the English dictionary', () => {
    const first = firstViewFiles().map((f) => f.replace(/^assets\//, ''));
    for (const lazy of [
      'ExportDialog',
      'ImportDialog',
      'ImportDropZone',
      'SearchBox',
      'SourcesDialog',
      'ShareDialog',
      'en-',
      'universal',
    ])
      expect(first.filter((f) => f.startsWith(lazy))).toEqual([]);
  });
});
