// Layout and framing: France fills the map, nothing covers land, tables never get cut off, the
// first view answers a question (coloured), and the view refits when the window changes size.
import type { Page } from '@playwright/test';
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';

/** Share of the map box covered by non-background pixels (France and insets), per axis. */
async function landExtent(page: Page) {
  const map = page.getByTestId('map');
  // Controls are HTML over the canvas: hidden while measuring the drawn map.
  const style = await page.addStyleTag({ content: '.maplibregl-control-container, .map-keys { visibility: hidden }' });
  const png = await map.screenshot();
  await style.evaluate((el) => (el as Element).remove());
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    // Background #dfe8ee; anything clearly different is drawn land, lines or labels.
    let x0 = c.width,
      x1 = -1,
      y0 = c.height,
      y1 = -1;
    // The outermost pixels may hold a neighbour's border (sub-pixel placement): skipped.
    for (let y = 2; y < c.height - 2; y++)
      for (let x = 2; x < c.width - 2; x++) {
        const i = (y * c.width + x) * 4;
        const diff = Math.abs(d[i] - 0xdf) + Math.abs(d[i + 1] - 0xe8) + Math.abs(d[i + 2] - 0xee);
        if (diff > 40) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    return {
      w: (x1 - x0 + 1) / c.width,
      h: (y1 - y0 + 1) / c.height,
      x0,
      x1,
      y0,
      y1,
      width: c.width,
      height: c.height,
    };
  }, png.toString('base64'));
}

test('the first view is coloured by the default indicator with the TI outlines, and France fills the map', async ({
  page,
}) => {
  await openMap(page);
  await expect(page.getByTestId('indicator-select')).toHaveValue('ze_emploi_industriel_evol_pct');
  await expect(page.getByTestId('indicator-select')).not.toHaveValue('');
  await expect(page.locator('.legend')).toContainText('%');
  const e = await landExtent(page);
  await page.screenshot({ path: '/tmp/shots/layout-first.png' });
  // Mainland France and Corsica fill most of the map in at least one direction, both ≥ 80 %.
  expect(Math.max(e.w, e.h)).toBeGreaterThan(0.93);
  expect(Math.min(e.w, e.h)).toBeGreaterThan(0.8);
});

test('an old link without `ind` still opens without colouring', async ({ page }) => {
  await openMap(page, '?sel=244400644');
  await expect(page.getByTestId('indicator-select')).toHaveValue('');
  await openMap(page, '?embed=1');
  await expect(page.getByTestId('map')).toBeVisible();
  await expect(page.locator('.legend', { hasText: 'Évolution de l’emploi' })).toHaveCount(0);
});

test('the view refits when the window changes size, unless the link holds a viewport', async ({ page }) => {
  await openMap(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await waitForMapIdle(page);
  const e = await landExtent(page);
  expect(Math.max(e.w, e.h)).toBeGreaterThan(0.93);
  expect(page.url()).not.toContain('v=');
  await openMap(page, '?ind=&v=2.35,48.85,8');
  await page.setViewportSize({ width: 1200, height: 760 });
  await waitForMapIdle(page);
  expect(new URL(page.url()).searchParams.get('v')).toBe('2.35,48.85,8');
});

test('nothing covers land in a small embed: Corsica and the north coast are inside the map, clear of controls', async ({
  page,
}) => {
  for (const size of [
    { width: 600, height: 400 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await openMap(page, `?ind=emploi_evol_pct&embed=1${size.width > 1000 ? '&interactive=0' : ''}`);
    const map = await page.getByTestId('map').boundingBox();
    const e = await landExtent(page);
    await page.screenshot({ path: `/tmp/shots/layout-embed-${size.width}.png` });
    // Land does not touch the map's edges: nothing is cut off.
    expect(e.y0).toBeGreaterThan(3);
    expect(e.y1).toBeLessThan(e.height - 4);
    expect(e.x1).toBeLessThan(e.width - 4);
    // No control (attribution, zoom) sits over the bottom right corner, where Corsica is.
    for (const ctrl of await page.locator('.maplibregl-ctrl').all()) {
      const b = await ctrl.boundingBox();
      if (!b || !map) continue;
      const bottomRight = b.x + b.width > map.x + map.width * 0.8 && b.y + b.height > map.y + map.height * 0.75;
      expect(bottomRight, 'a map control covers Corsica').toBe(false);
    }
  }
});

test('every table in the profile panel fits or scrolls inside it', async ({ page }) => {
  await openMap(page, '?ind=&sel=244400644');
  const panel = page.locator('#panel');
  await expect(panel.getByTestId('indicator-table')).toBeVisible();
  const panelBox = (await panel.boundingBox())!;
  for (const table of await panel.locator('table').all()) {
    const b = (await table.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
    // Content wider than the box must be reachable by scrolling the table itself.
    const clipped = await table.evaluate(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto',
    );
    expect(clipped).toBe(false);
  }
  // Each rank says which way it counts.
  await expect(panel.getByTestId('indicator-table')).toContainText('1er = valeur la plus forte');
  await expect(panel.getByTestId('indicator-table')).toContainText(/\d+e sur 1\u202f2\d\d|1er sur 1\u202f2\d\d/);
  await page.screenshot({ path: '/tmp/shots/layout-profile.png' });
});
