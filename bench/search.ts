// Search per keystroke on the full index, against a naive scan (normalise + includes over every
// name) measured in the same process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpackCommunes } from '../src/data/communes.ts';
import type { CommuneRecord, TerritoriesFile } from '../src/data/types.ts';
import { normalize } from '../src/domain/names.ts';
import { buildSearchIndex } from '../src/domain/search/search-index.ts';
import { benchSearch } from './search-bench.ts';

const QUERIES = [
  'st nazaire',
  'saint-étienne',
  'marseille',
  'chateauroux',
  'evry',
  'aix en provence',
  'lacq',
  'dunkerque',
  '44600',
  '06500',
  '244400644',
  'vallée de la chimie',
  'grand chalon',
  'marsielle',
  'bordaux',
  'le havre',
  'creuse industrie',
  'carene',
  'ajaccio',
  'montbéliard',
];

export function benchSearchIndex(root: string): {
  entries: number;
  buildMs: number;
  p50: number;
  p95: number;
  max: number;
  naiveP95: number;
} {
  const gen = join(root, 'public', 'generated');
  const communes: CommuneRecord[] = unpackCommunes(JSON.parse(readFileSync(join(gen, 'communes.json'), 'utf8')));
  const t: TerritoriesFile = JSON.parse(readFileSync(join(gen, 'territories.json'), 'utf8'));
  const t0 = performance.now();
  const index = buildSearchIndex({ communes, epci: t.epci, ti: t.ti });
  const build = performance.now() - t0;
  benchSearch(index, QUERIES); // warm-up
  const ours = benchSearch(index, QUERIES);

  // Baseline: what a first implementation would do on every keystroke.
  const names = [
    ...communes.map((c) => c.name),
    ...t.epci.map((e) => e.name),
    ...t.ti['2023'].map((x) => x.name),
    ...t.ti['2018'].map((x) => x.name),
  ];
  const naive = { search: (q: string) => names.filter((n) => normalize(n).includes(normalize(q))).slice(0, 10) };
  const times: number[] = [];
  for (const q of QUERIES)
    for (let n = 1; n <= q.length; n++) {
      const s = performance.now();
      naive.search(q.slice(0, n));
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(0.95 * (times.length - 1))],
    p50 = times[Math.floor(0.5 * (times.length - 1))];
  console.log(`\n== Search per keystroke (${index.size} entries, ${QUERIES.length} queries typed letter by letter)`);
  console.log(`index build                     ${build.toFixed(0)} ms`);
  console.log(
    `atlas index                     p50 ${ours.p50.toFixed(2)} ms, p95 ${ours.p95.toFixed(2)} ms, max ${ours.max.toFixed(2)} ms  target ≤ 10 ms`,
  );
  console.log(`baseline (normalise + scan)     p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  console.log(`ratio atlas / baseline (p95)    ${(ours.p95 / p95).toFixed(3)}`);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    entries: index.size,
    buildMs: r3(build),
    p50: r3(ours.p50),
    p95: r3(ours.p95),
    max: r3(ours.max),
    naiveP95: r3(p95),
  };
}
