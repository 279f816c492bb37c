// Recolour and filter on all 1,255 EPCI, driven through the UI like a user (indicator select,
// filter checkboxes), against the naive map re-sending its GeoJSON with colour properties:
// - main-thread time: the synchronous work of the change plus the microtasks it queued (React
//   re-render included);
// - time until drawn: from the change until the map container reports data-map-state="idle"
//   again (the naive map: MapLibre's 'idle' event).
import type { Browser, Page } from 'playwright-core';

export interface InteractionTimes {
  main: number[];
  visible: number[];
}
export interface Interactions {
  recolour: InteractionTimes;
  filter: InteractionTimes;
  naive: InteractionTimes;
}

const N = Number(process.env.BENCH_CHANGES ?? 30);

async function open(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  // tsx keeps function names with a `__name` helper that the page lacks: provide a no-op.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-map').length > 0, null, {
    timeout: 90_000,
  });
  return page;
}

/** In-page helpers: one change, timed until its microtasks ran and until the map is drawn. */
const MEASURE = `
window.__settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
window.__measure = async (action, drawn) => {
  await window.__settle();
  const t0 = performance.now();
  const visible = drawn();
  action();
  await new Promise((r) => queueMicrotask(() => queueMicrotask(r)));
  const main = performance.now() - t0;
  await visible;
  return { main, visible: performance.now() - t0 };
};
window.__mapDrawn = () => new Promise((resolve) => {
  const el = document.querySelector('[data-testid=map]');
  let busy = false;
  const timer = setTimeout(() => { obs.disconnect(); resolve(); }, 10000);
  // Records are batched: 'busy' then 'idle' in one task shows as records with oldValue 'busy'.
  const obs = new MutationObserver((records) => {
    if (records.some((r) => r.oldValue === 'busy')) busy = true;
    const s = el.getAttribute('data-map-state');
    if (s === 'busy') busy = true;
    else if (s === 'idle' && busy) { clearTimeout(timer); obs.disconnect(); resolve(); }
  });
  obs.observe(el, { attributes: true, attributeOldValue: true, attributeFilter: ['data-map-state'] });
});
`;

export async function benchApp(browser: Browser, url: string): Promise<Pick<Interactions, 'recolour' | 'filter'>> {
  const page = await open(browser, url);
  await page.evaluate(MEASURE);
  await page.getByTestId('filter-add').selectOption('c:sprint');
  const boxes = page.locator('.filter-row input[type=checkbox]');
  await boxes.first().waitFor();
  const r = await page.evaluate(async (n) => {
    const w = window as unknown as {
      __measure: (a: () => void, d: () => Promise<void>) => Promise<{ main: number; visible: number }>;
      __mapDrawn: () => Promise<void>;
    };
    const select = document.querySelector<HTMLSelectElement>('[data-testid=indicator-select]')!;
    const ids = [...select.options].filter((o) => o.value && !o.disabled).map((o) => o.value);
    const pick = (id: string) => () => {
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const out = {
      recolour: { main: [] as number[], visible: [] as number[] },
      filter: { main: [] as number[], visible: [] as number[] },
    };
    // Warm-up (JIT, first computation of each indicator), not counted.
    for (const id of ids.slice(0, 8)) await w.__measure(pick(id), w.__mapDrawn);
    for (let i = 0; i < n; i++) {
      const m = await w.__measure(pick(ids[i % Math.min(8, ids.length)]), w.__mapDrawn);
      out.recolour.main.push(m.main);
      out.recolour.visible.push(m.visible);
    }
    const box = () => document.querySelector<HTMLInputElement>('.filter-row input[type=checkbox]')!;
    for (let i = 0; i < n; i++) {
      const m = await w.__measure(() => box().click(), w.__mapDrawn);
      out.filter.main.push(m.main);
      out.filter.visible.push(m.visible);
    }
    return out;
  }, N);
  await page.context().close();
  return r;
}

export async function benchNaive(browser: Browser, url: string): Promise<InteractionTimes> {
  const page = await open(browser, url);
  await page.evaluate(MEASURE);
  const r = await page.evaluate(async (n) => {
    const w = window as unknown as {
      __measure: (a: () => void, d: () => Promise<void>) => Promise<{ main: number; visible: number }>;
      __baseline: {
        map: { once: (e: string, f: () => void) => void; getSource: (id: string) => { setData: (d: unknown) => void } };
        data: { features: { properties: Record<string, unknown> }[] };
      };
    };
    const { map, data } = w.__baseline;
    const drawn = () => new Promise<void>((res) => map.once('idle', () => res()));
    const palette = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];
    const out = { main: [] as number[], visible: [] as number[] };
    for (let i = 0; i < n + 3; i++) {
      const m = await w.__measure(() => {
        for (const [j, f] of data.features.entries()) f.properties.color = palette[(i + j) % 5];
        map.getSource('epci').setData(data);
      }, drawn);
      if (i < 3) continue; // warm-up
      out.main.push(m.main);
      out.visible.push(m.visible);
    }
    return out;
  }, N);
  await page.context().close();
  return r;
}
