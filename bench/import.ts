// Main-thread responsiveness while importing a big spreadsheet: a ~20 MB commune-keyed CSV is
// dropped on the built app (file input), parsed in the import worker, joined, one column is turned
// into an indicator and the map is coloured by it. A PerformanceObserver({ type: 'longtask' }) in the
// page records every task over 50 ms; the figure is the longest one (target ≤ 200 ms).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type CommunesFile, unpackCommunes } from '../src/data/communes.ts';
import { openPage, ROOT, waitForMap } from './harness.ts';

export const LARGE_CSV_BYTES = 20 * 1024 * 1024;

/**
 * A French-style CSV (";" and decimal commas) keyed by commune INSEE code, one row per real commune,
 * with enough numeric columns to weigh about `targetBytes`. Deterministic.
 */
export function generateLargeCsv(targetBytes = LARGE_CSV_BYTES): Buffer {
  const communes = unpackCommunes(
    JSON.parse(readFileSync(join(ROOT, 'public', 'generated', 'communes.json'), 'utf8')) as CommunesFile,
  );
  // One value ("123,45;") ≈ 7 bytes.
  const perRow = Math.max(4, Math.round(targetBytes / communes.length / 7.1));
  const header = [
    'code_insee',
    'libelle',
    'population',
    ...Array.from({ length: perRow - 1 }, (_, i) => `mesure_${String(i + 1).padStart(2, '0')}`),
  ];
  const lines: string[] = [header.join(';')];
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const c of communes) {
    const cells = [c.code, c.name.replace(/;/g, ' '), String(c.population)];
    for (let i = 1; i < perRow; i++) cells.push((rnd() * 1000).toFixed(2).replace('.', ','));
    lines.push(cells.join(';'));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export interface ImportBench {
  /** Longest main-thread task from choosing the file to the map coloured by the new indicator. */
  longestTaskMs: number;
  /** Choosing the file → map coloured by the imported indicator. */
  totalMs: number;
  bytes: number;
  /** Choosing the file → join report on screen (parse and join, both in the worker). */
  parseMs: number;
  /** Longest task until the join report: the import's own cost on the main thread. */
  longestBeforeSubmitMs: number;
  /** For scale: longest task when choosing a built-in indicator in the same page (map recolour). */
  recolourBaselineMs: number;
  longTasks: number;
  /** Every task over 50 ms: start (ms after choosing the file) and duration. */
  tasks: { at: number; ms: number }[];
}

/** Installs the long-task observer in the page (string script: no bundler helpers inside). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); });
    obs.observe({ type: 'longtask', buffered: false });
    window.__longTaskObserver = obs;
  })()`);
}

async function readLongTasks(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  const all = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  return all.filter((t) => t.start + t.duration >= since);
}

/**
 * Runs the import of a generated ~20 MB CSV in the built app at `url` and returns the longest main-thread
 * task seen from choosing the file to the coloured map. `page` may be given (the e2e test reuses its own).
 */
export async function benchImportLongTasks(
  browser: Browser,
  url: string,
  opts: { page?: Page; csv?: Buffer } = {},
): Promise<ImportBench> {
  const csv = opts.csv ?? generateLargeCsv();
  let page = opts.page;
  let close: (() => Promise<void>) | null = null;
  if (!page) {
    const r = await openPage(browser, `${url}/`);
    page = r.page;
    close = () => r.context.close();
  }
  await waitForMap(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-dialog').waitFor();
  await observeLongTasks(page);
  const t0 = (await page.evaluate('performance.now()')) as number;
  // Given as a path (not a buffer): Playwright then sets the file natively instead of rebuilding it with
  // JavaScript in the page, which would itself block the main thread and spoil the measure.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const path = join(dir, 'grand-fichier-communes.csv');
  writeFileSync(path, csv);
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-join-report').waitFor({ timeout: 120_000 });
  const t1 = (await page.evaluate('performance.now()')) as number;
  // First numeric column after population: a mean of communes, then the map.
  await page.locator('[data-testid=import-columns] input[type=checkbox]').nth(1).check();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('legend').waitFor();
  await waitForMap(page);
  const t2 = (await page.evaluate('performance.now()')) as number;
  // Let the observer deliver the last entries.
  await page.waitForTimeout(300);
  rmSync(dir, { recursive: true, force: true });
  const tasks = await readLongTasks(page, t0);
  const longest = (list: typeof tasks, from: number, to: number) =>
    list.filter((x) => x.start + x.duration >= from && x.start <= to).reduce((m, x) => Math.max(m, x.duration), 0);
  // Baseline: the same page going from no indicator to a built-in one (legend appears, map recoloured),
  // which is what the end of the import does.
  await page.getByTestId('indicator-select').selectOption('');
  await waitForMap(page);
  await page.waitForTimeout(300);
  const b0 = (await page.evaluate('performance.now()')) as number;
  await page.getByTestId('indicator-select').selectOption('population');
  await waitForMap(page);
  await page.waitForTimeout(300);
  const baseline = longest(await readLongTasks(page, b0), b0, Infinity);
  if (close) await close();
  return {
    longestTaskMs: Math.round(longest(tasks, t0, t2)),
    totalMs: Math.round(t2 - t0),
    bytes: csv.length,
    parseMs: Math.round(t1 - t0),
    longestBeforeSubmitMs: Math.round(longest(tasks, t0, t1)),
    recolourBaselineMs: Math.round(baseline),
    longTasks: tasks.filter((x) => x.start <= t2).length,
    tasks: tasks
      .filter((x) => x.start <= t2)
      .map((x) => ({ at: Math.round(x.start - t0), ms: Math.round(x.duration) })),
  };
}
