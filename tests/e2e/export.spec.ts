// Publishing: embed in a host page (auto height, clicks, static mode), PNG export, CSV and XLSX
// export of the rows behind the view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/universal';
import { expect, openMap, test } from './fixtures.ts';
import { firstNumber, pixelStats, screenPoint } from './map-helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const snippet = readFileSync(join(ROOT, 'src', 'embed', 'host-snippet.js'), 'utf8');

/** Serves a host article embedding the app (same origin) at /host.html and opens it. */
async function openHost(page: Page, query: string, height: number): Promise<void> {
  const body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article hôte</title></head>
<body style="margin:0;font-family:sans-serif"><h1 style="margin:8px">Un article</h1><p style="margin:8px">Texte avant la carte.</p>
<iframe id="atlas" src="/?${query}" title="Carte des friches" width="100%" height="${height}" style="border:0" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
<p style="margin:8px">Texte après la carte.</p>
<iframe id="other" title="autre" height="40" style="border:0" srcdoc="&lt;script&gt;parent.postMessage({type:'atlas-ti:height',height:77},'*')&lt;/script&gt;"></iframe>
<script>${snippet}</script></body></html>`;
  await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await page.goto('./host.html');
}

async function downloaded(page: Page, click: () => Promise<void>, timeout = 60_000) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
  return { bytes: readFileSync((await download.path())!), name: download.suggestedFilename() };
}

test.describe('embed in a host page', () => {
  test.use({ viewport: { width: 900, height: 1000 } });

  test('the host snippet sets the iframe height from the message, and a click in the map selects', async ({
    page,
    consoleErrors,
  }) => {
    const view = { lon: -2.25, lat: 47.3, zoom: 8 };
    await openHost(page, `ind=friches&embed=1&v=${view.lon},${view.lat},${view.zoom}`, 150);
    const iframe = page.locator('#atlas');
    const frame = page.frameLocator('#atlas');
    const frameHeight = async () => (await iframe.boundingBox())?.height ?? 0;
    await expect.poll(frameHeight).toBeGreaterThan(300);
    await expect(frame.getByTestId('map')).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
    // The iframe follows the content height (± 2 px).
    const gap = async () =>
      Math.abs((await frameHeight()) - ((await frame.getByTestId('embed').boundingBox())?.height ?? 0));
    await expect.poll(gap).toBeLessThanOrEqual(2);
    const before = await frameHeight();
    // Each message resizes the iframe that sent it, and only that one.
    await expect.poll(async () => (await page.locator('#other').boundingBox())?.height).toBe(77);
    await expect(frame.getByTestId('legend')).toBeVisible();
    await expect(frame.getByTestId('legend')).toContainText('Friches');
    await expect(frame.locator('.controls, .panel, .header')).toHaveCount(0);
    await expect(frame.locator('.notice')).toHaveCount(0);
    const link = frame.getByTestId('embed-open-full');
    await expect(link).toHaveAttribute('target', '_blank');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain('ind=friches');
    expect(href).not.toContain('embed');

    // A click on Saint-Nazaire selects the CARENE.
    const p = await screenPoint(frame.getByTestId('map'), view, -2.215, 47.28);
    await page.mouse.click(p.x, p.y);
    const line = frame.getByTestId('embed-selection');
    await expect(line).toContainText('Nazairienne');
    await expect(line).toContainText('sites');
    const appFrame = page.frame({ url: /embed=1/ })!;
    await expect.poll(() => appFrame.url()).toContain('sel=244400644');
    // A narrower host column: the legend wraps, the content grows, the iframe follows.
    await page.setViewportSize({ width: 420, height: 1000 });
    await expect.poll(frameHeight).toBeGreaterThan(before + 10);
    await expect.poll(gap).toBeLessThanOrEqual(2);
    expect(consoleErrors).toEqual([]);
  });

  test('with interactive=0 the map ignores the pointer and hides the zoom buttons', async ({ page }) => {
    await openHost(page, 'ind=friches&embed=1&interactive=0', 600);
    const frame = page.frameLocator('#atlas');
    const map = frame.getByTestId('map');
    await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
    await expect(frame.locator('.maplibregl-ctrl-zoom-in')).toBeHidden();
    await expect.poll(async () => (await page.locator('#atlas').boundingBox())?.height).toBeGreaterThan(300);
    // The iframe's auto-height may refit the map once: start from a drawing that no longer changes.
    let shot = await map.screenshot();
    await expect
      .poll(async () => {
        const next = await map.screenshot();
        const d = pixelStats(shot).diff(next);
        shot = next;
        return d;
      })
      .toBeLessThan(0.001);
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    await page.mouse.wheel(0, -400);
    // Away from the map (no hover outline), then compare what is drawn.
    await page.mouse.move(2, 2);
    await expect(map).toHaveAttribute('data-map-state', 'idle');
    expect(pixelStats(shot).diff(await map.screenshot()), 'the map moved').toBeLessThan(0.01);
    expect(page.frame({ url: /embed=1/ })!.url()).not.toContain('v=');
  });
});

test('PNG export: requested size × pixel ratio, not blank', async ({ page, consoleErrors }) => {
  await openMap(page, '?ind=friches_10k');
  await page.getByTestId('open-export').click();
  // A custom size (the presets go through the same path) at 2×.
  await page.getByTestId('png-size').selectOption('custom');
  await page.getByTestId('png-width').fill('900');
  await page.getByTestId('png-height').fill('600');
  await page.getByTestId('png-ratio-2').check();
  const { bytes, name } = await downloaded(page, () => page.getByTestId('png-download').click(), 120_000);
  expect(name).toMatch(/\.png$/);
  const img = PNG.sync.read(bytes);
  expect([img.width, img.height]).toEqual([1800, 1200]);
  const stats = pixelStats(bytes);
  expect(stats.distinct, 'distinct colours').toBeGreaterThan(500);
  expect(stats.share([255, 255, 255], 0), 'white share').toBeLessThan(0.6);
  expect(stats.at(5, 5), 'white corner').toEqual([255, 255, 255]);
  expect(consoleErrors).toEqual([]);
});

test('PNG export of a moved map (framing from the map adapter) is drawn', async ({ page }) => {
  // Framed on Brittany: the export goes through the adapter's visible bounds.
  await page.goto('./?ind=friches_10k&v=-2.8,48.1,7');
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
  await page.getByTestId('open-export').click();
  const { bytes } = await downloaded(page, () => page.getByTestId('png-download').click(), 120_000);
  const stats = pixelStats(bytes);
  expect(stats.distinct).toBeGreaterThan(300);
  expect(stats.share([255, 255, 255], 0)).toBeLessThan(0.6);
});

test('CSV export: BOM, ";", French decimal comma, one row per filtered territory; XLSX has 2 sheets', async ({
  page,
}) => {
  await openMap(page, '?ind=friches_10k&f=r:population:50000:');
  const count = firstNumber(await page.getByTestId('filter-count').innerText());
  expect(count).toBeGreaterThan(50);
  expect(count).toBeLessThan(1255);
  await page.getByTestId('open-export').click();
  await expect(page.getByTestId('csv-decimal-comma')).toBeChecked();
  const { bytes } = await downloaded(page, () => page.getByTestId('csv-download').click());
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF lines').toBe(true);
  const all = text.split('\r\n').slice(0, -1);
  // The view in words first (indicator, filters, sources, permalink), then an empty line, then the table.
  const blank = all.indexOf('');
  expect(blank, 'description lines before the table').toBeGreaterThan(0);
  const about = all.slice(0, blank).join('\n');
  expect(about).toContain('Cartofriches');
  expect(about).toContain('ind=friches_10k');
  const lines = all.slice(blank + 1);
  expect(lines[0].split(';')).toEqual([
    'SIREN',
    'Nom',
    'Friches pour 10 000 habitants (pour 10 000 hab., 2024 / 2022)',
    'Population municipale (hab., 2022)',
  ]);
  expect(lines.length - 1).toBe(count);
  const values = lines.slice(1).map((l) => l.split(';'));
  expect(
    values.every((v) => v.length === 4 && /^\d{9}$/.test(v[0])),
    'well-formed rows',
  ).toBe(true);
  expect(
    values.some((v) => /^\d+,\d+$/.test(v[2])),
    'decimal comma',
  ).toBe(true);
  expect(
    values.every((v) => !v[2].includes('.') && (v[2] === '' || /^-?\d+(,\d+)?$/.test(v[2]))),
    'bare French numbers',
  ).toBe(true);
  expect(
    values.every((v) => Number(v[3]) >= 50000),
    'rows match the population filter',
  ).toBe(true);

  const x = await downloaded(page, () => page.getByTestId('xlsx-download').click());
  expect([x.bytes[0], x.bytes[1]], 'XLSX is a zip').toEqual([0x50, 0x4b]);
  const ab = x.bytes.buffer.slice(x.bytes.byteOffset, x.bytes.byteOffset + x.bytes.byteLength) as ArrayBuffer;
  const sheets = (await readXlsxFile(ab)) as unknown as { sheet: string; data: unknown[][] }[];
  expect(sheets.map((s) => s.sheet)).toHaveLength(2);
  expect(sheets[1].sheet).toBe('Sources');
  expect(sheets[0].data.length - 1).toBe(count);
  expect(typeof sheets[0].data[1][3]).toBe('number');
  expect(sheets[1].data.flat().some((c) => String(c).includes('Cerema'))).toBe(true);
});
