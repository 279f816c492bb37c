// Recolour and filter on all 1,255 EPCI, through the app's store (feature-state path), next to the
// naive approach (re-sending the GeoJSON with colour properties) measured in the same page:
// - main-thread time: the synchronous work of the change plus the microtasks it queued (React
//   re-render included);
// - time to visible: from the change until the map is idle again with the change drawn.
import type { Browser } from 'playwright-core';
import { waitForMap } from './harness.ts';

type Stats = { median: (xs: number[]) => number; quant: (xs: number[], q: number) => number };

export async function benchInteractions(browser: Browser, url: string, { median, quant }: Stats): Promise<void> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  // tsx keeps function names with a `__name` helper that the page lacks: provide a no-op.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(`${url}/`);
  await waitForMap(page);
  const N = 40;
  const r = await page.evaluate(async (n) => {
    const a = window.__atlas!;
    const store = a.store;
    const m = a.map.map;
    const ids = ['emploi_evol_pct', 'friches', 'densite', 'part_industrie', 'population'];
    const out = {
      recolour: [] as number[],
      filter: [] as number[],
      resend: [] as number[],
      recolourVisible: [] as number[],
      filterVisible: [] as number[],
      resendVisible: [] as number[],
    };
    const measure = async (action: () => void, main: number[], visible: number[]) => {
      await new Promise((res) => m.once('idle', () => res(null)).triggerRepaint());
      const t0 = performance.now();
      action();
      await new Promise((res) => queueMicrotask(() => queueMicrotask(() => res(null))));
      main.push(performance.now() - t0);
      await new Promise((res) => m.once('idle', () => res(null)));
      visible.push(performance.now() - t0);
    };
    // Warm-up (JIT, first computation of each indicator), not counted.
    const scratch: number[] = [];
    for (let i = 0; i < ids.length; i++)
      await measure(() => store.getState().setView({ indicator: ids[i] }), scratch, scratch);
    for (let i = 0; i < n; i++)
      await measure(
        () => store.getState().setView({ indicator: ids[i % ids.length] }),
        out.recolour,
        out.recolourVisible,
      );
    for (let i = 0; i < n; i++)
      await measure(
        () =>
          store.getState().setView({
            filters: [
              { kind: 'range', indicator: 'population', min: 5000 + (i % 7) * 10000, max: null },
              { kind: 'category', dimension: 'sprint', values: i % 2 ? ['eligible'] : ['eligible', 'partial'] },
            ],
          }),
        out.filter,
        out.filterVisible,
      );
    // Baseline: a GeoJSON source re-sent with colours as properties on every change.
    const src = m.getSource('epci') as unknown as {
      serialize: () => { data: { features: { properties: Record<string, unknown> }[] } };
    };
    const base = JSON.parse(JSON.stringify(src.serialize().data));
    m.addSource('bench-resend', { type: 'geojson', data: base });
    m.addLayer(
      {
        id: 'bench-resend',
        type: 'fill',
        source: 'bench-resend',
        paint: { 'fill-color': ['coalesce', ['get', 'color'], '#ccc'], 'fill-opacity': 0.5 },
      },
      'epci-line',
    );
    const palette = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
    for (let i = 0; i < n; i++)
      await measure(
        () => {
          for (const [j, f] of base.features.entries()) f.properties.color = palette[(i + j) % 5];
          (m.getSource('bench-resend') as unknown as { setData: (d: unknown) => void }).setData(base);
        },
        out.resend,
        out.resendVisible,
      );
    return out;
  }, N);
  await ctx.close();
  const line = (label: string, xs: number[]) =>
    `${label.padEnd(36)}p50 ${median(xs).toFixed(1)} ms, p95 ${quant(xs, 0.95).toFixed(1)} ms`;
  console.log(`\n== Recolour / filter on 1,255 EPCI (${N} changes each)`);
  console.log('main-thread time (change + its microtasks, React included)');
  console.log(`${line('  recolour (store → feature-state)', r.recolour)}  target p95 ≤ 16 ms`);
  console.log(`${line('  filter (store → feature-state)', r.filter)}  target p95 ≤ 16 ms`);
  console.log(line('  baseline: re-send GeoJSON', r.resend));
  console.log('time until drawn (map idle)');
  console.log(line('  recolour', r.recolourVisible));
  console.log(line('  filter', r.filterVisible));
  console.log(line('  baseline: re-send GeoJSON', r.resendVisible));
  console.log(
    `ratio recolour / baseline: main thread p95 ${(quant(r.recolour, 0.95) / quant(r.resend, 0.95)).toFixed(2)}, until drawn p50 ${(median(r.recolourVisible) / median(r.resendVisible)).toFixed(2)}`,
  );
}
