// `npm run bench`: data size, time to first map, search, recolour/filter — each as figures and
// as a ratio against a baseline measured in the same run.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { DIST, launch, ROOT, serve } from './harness.ts';

const DATA = process.env.ATLAS_DATA_DIR ?? join(ROOT, '..', 'shared', 'data');
const GEN = join(ROOT, 'public', 'generated');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quant = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const size = (f: string) => {
  const b = readFileSync(f);
  return { raw: b.length, gz: gzipSync(b, { level: 9 }).length };
};

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first');

  console.log('== Data size (generated vs source GeoJSON)');
  const topo = size(join(GEN, 'atlas.topo.json'));
  const geoFiles = readdirSync(join(DATA, 'geo'))
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => join(DATA, 'geo', f));
  const tiFiles = readdirSync(join(DATA, 'ti'))
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => join(DATA, 'ti', f));
  const sum = (fs: string[]) =>
    fs.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
  const geo = sum(geoFiles),
    all = sum([...geoFiles, ...tiFiles]);
  console.log(`atlas.topo.json          ${kb(topo.raw)} raw, ${kb(topo.gz)} gzip`);
  console.log(
    `source geo/*.geojson     ${kb(geo.raw)} raw, ${kb(geo.gz)} gzip  → topology = ${pct(topo.gz, geo.gz)} (gzip/gzip), target ≤ 40 %`,
  );
  console.log(
    `source geo + ti GeoJSON  ${kb(all.raw)} raw, ${kb(all.gz)} gzip  → topology = ${pct(topo.gz, all.gz)} (gzip/gzip)`,
  );
  const firstLoad = ['atlas.topo.json', 'territories.json', 'indicators.json', 'manifest.json', 'ti-labels.json'].map(
    (f) => size(join(GEN, f)),
  );
  console.log(
    `first-load data total    ${kb(firstLoad.reduce((s, x) => s + x.raw, 0))} raw, ${kb(firstLoad.reduce((s, x) => s + x.gz, 0))} gzip`,
  );

  console.log(`\n== Navigation → first drawn map (headless Chromium, SwiftShader, localhost, ${RUNS} runs)`);
  const baselineDir = join(ROOT, '.cache', 'bench-baseline');
  await build({
    root: join(ROOT, 'bench', 'baseline'),
    base: './',
    logLevel: 'error',
    build: { outDir: baselineDir, emptyOutDir: true },
  });
  const app = await serve(DIST);
  const baseline = await serve(baselineDir, {
    '/source/epci.geojson': () => ({
      type: 'application/json',
      body: readFileSync(join(DATA, 'geo', 'epci-2025-wgs84.geojson'), 'utf8'),
    }),
  });
  const browser = await launch();
  const firstMap = async (url: string) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:first-map').length > 0, null, {
      timeout: 60_000,
    });
    const t = await page.evaluate(() => performance.getEntriesByName('atlas:first-map')[0].startTime);
    await ctx.close();
    return t;
  };
  const ours: number[] = [],
    base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await firstMap(`${app.url}/`));
    base.push(await firstMap(`${baseline.url}/`));
  }
  const spread = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
  console.log(
    `atlas (topology, all layers)    median ${median(ours).toFixed(0)} ms (${spread(ours)})  target ≤ 1000 ms`,
  );
  console.log(`baseline (source EPCI GeoJSON)  median ${median(base).toFixed(0)} ms (${spread(base)})`);
  console.log(`ratio atlas / baseline          ${(median(ours) / median(base)).toFixed(2)}`);

  await import('./interaction.ts')
    .then((m) => m.benchInteractions?.(browser, app.url, { median, quant }))
    .catch((e) => console.log(`(interaction bench skipped: ${(e as Error).message})`));
  await import('./search.ts')
    .then((m) => m.benchSearchIndex(ROOT))
    .catch((e) => console.log(`(search bench skipped: ${(e as Error).message})`));

  await import('./import.ts')
    .then(async (m) => {
      const r = await m.benchImportLongTasks(browser, app.url);
      console.log(
        `\n== Import of a generated ${(r.bytes / 1e6).toFixed(1)} MB CSV (Web Worker), main-thread long tasks`,
      );
      console.log(JSON.stringify(r, (k, v) => (k === 'tasks' ? undefined : typeof v === 'number' ? Math.round(v) : v)));
    })
    .catch((e) => console.log(`(import bench skipped: ${(e as Error).message})`));

  await browser.close();
  app.server.close();
  baseline.server.close();
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});
