// Main-thread time of a recolour and of a filter change on all 1,255 EPCI, through the app's store
// (feature-state path), next to the naive approach (re-sending the GeoJSON with colour properties).
import type { Browser } from 'playwright-core';
import { waitForMap } from '../tests/e2e/harness.ts';

type Stats = { median: (xs: number[]) => number; quant: (xs: number[], q: number) => number };

export async function benchInteractions(browser: Browser, url: string, { median, quant }: Stats): Promise<void> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${url}/`);
  await waitForMap(page);
  const N = 40;
  // No named arrow functions inside evaluate: tsx would inject a helper the page lacks.
  const r = await page.evaluate(async (n) => {
    const a = window.__atlas!;
    const store = a.store;
    const ids = ['emploi_evol_pct', 'friches', 'densite', 'part_industrie', 'population'];
    const recolour: number[] = [], filter: number[] = [], resend: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      store.getState().setView({ indicator: ids[i % ids.length] });
      recolour.push(performance.now() - t0);
      await new Promise((res) => requestAnimationFrame(() => res(null)));
    }
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      store.getState().setView({ filters: [{ kind: 'range', indicator: 'population', min: 5000 + (i % 7) * 10000, max: null }, { kind: 'category', dimension: 'sprint', values: i % 2 ? ['eligible'] : ['eligible', 'partial'] }] });
      filter.push(performance.now() - t0);
      await new Promise((res) => requestAnimationFrame(() => res(null)));
    }
    // Baseline: a GeoJSON source re-sent with colours as properties on every change.
    const m = a.map.map;
    const src = m.getSource('epci') as unknown as { serialize: () => { data: { features: { properties: Record<string, unknown> }[] } } };
    const base = JSON.parse(JSON.stringify(src.serialize().data));
    m.addSource('bench-resend', { type: 'geojson', data: base });
    m.addLayer({ id: 'bench-resend', type: 'fill', source: 'bench-resend', paint: { 'fill-color': ['coalesce', ['get', 'color'], '#ccc'], 'fill-opacity': 0.01 } }, 'epci-line');
    const palette = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      for (const [j, f] of base.features.entries()) f.properties.color = palette[(i + j) % 5];
      (m.getSource('bench-resend') as unknown as { setData: (d: unknown) => void }).setData(base);
      resend.push(performance.now() - t0);
      await new Promise((res) => requestAnimationFrame(() => res(null)));
    }
    return { recolour, filter, resend };
  }, N);
  await ctx.close();
  const line = (label: string, xs: number[]) => `${label.padEnd(34)}p50 ${median(xs).toFixed(1)} ms, p95 ${quant(xs, 0.95).toFixed(1)} ms`;
  console.log(`\n== Recolour / filter on 1,255 EPCI: main-thread time (${N} changes each)`);
  console.log(line('recolour (store → feature-state)', r.recolour) + '  target p95 ≤ 16 ms');
  console.log(line('filter (store → feature-state)', r.filter) + '  target p95 ≤ 16 ms');
  console.log(line('baseline: re-send GeoJSON', r.resend));
  console.log(`ratio recolour / baseline (p95)   ${(quant(r.recolour, 0.95) / quant(r.resend, 0.95)).toFixed(2)}`);
}
