// The map itself: drawn (pixels), hover and click, DROM insets, TI generations, language,
// malformed links and the phone layout.

import insets from '../../geo/drom-insets.json' with { type: 'json' };
import { COLORS } from '../../src/map/style.ts';
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';
import { hex, mapShot, near, openAt, pixelStats, type Rgb, screenPoint } from './map-helpers.ts';

test('the map is drawn (not blank): land, borders and TI outlines are visible', async ({ page, consoleErrors }) => {
  await openMap(page);
  const stats = pixelStats(await mapShot(page));
  expect(stats.distinct, 'distinct colours').toBeGreaterThan(50);
  expect(stats.share(hex(COLORS.land), 4), 'land').toBeGreaterThan(0.02);
  expect(stats.share(hex(COLORS.tiTint), 40), 'TI tint').toBeGreaterThan(0.02);
  const sea = stats.share(hex(COLORS.background), 4);
  expect(sea, 'background').toBeGreaterThan(0.3);
  expect(sea, 'background').toBeLessThan(0.85);
  expect(consoleErrors).toEqual([]);
  // No debugging handle in the production page.
  expect(await page.evaluate(() => '__atlas' in window)).toBe(false);
});

test('hovering then clicking the CARENE shows its name, then its profile', async ({ page }) => {
  // Saint-Nazaire town centre, inside the CARENE (244400644).
  const view = { lon: -2.25, lat: 47.3, zoom: 8 };
  await openAt(page, view, 'ind=ze_emploi_industriel_evol_pct');
  const p = await screenPoint(page.getByTestId('map'), view, -2.215, 47.28);
  await page.mouse.move(p.x, p.y);
  await expect(page.getByTestId('tooltip')).toHaveText(/Nazairienne|CARENE/i);
  // The colour under the pointer is explained: indicator, year and the territory's value.
  await expect(page.getByTestId('tooltip-value')).toHaveText(/\(2019–2024\)\u00a0: [+−]?\d+,\d\u00a0%$/);
  await page.screenshot({ path: '/tmp/tooltip.png' });
  await page.mouse.click(p.x, p.y);
  const profile = page.getByTestId('profile');
  await expect(profile).toContainText('244400644');
  await expect(profile).toContainText("Communauté d'agglomération");
  await expect(profile).toContainText('Saint-Nazaire Loire Estuaire');
  await expect(profile).toContainText('Saint-Nazaire - Cordemais');
  await expect(profile).toContainText('Loire-Atlantique (44)');
  await expect(page.getByTestId('population')).toHaveText(/^\d{2,3}[\s\u202f\u00a0]\d{3} hab\.$/);
  await expect(page).toHaveURL(/sel=244400644/);
});

test('a DROM inset is interactive: clicking in the La Réunion inset selects a Réunion EPCI', async ({ page }) => {
  const [w, s, e, n] = insets.insets.find((i) => i.dep === '974')!.box;
  const view = { lon: (w + e) / 2, lat: (s + n) / 2, zoom: 7 };
  await openAt(page, view);
  // A point well inside a territory of the inset (plain land colour, the same 4 px around), found on screen.
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  const nw = await screenPoint(map, view, w, n);
  const se = await screenPoint(map, view, e, s);
  const shot = pixelStats(await mapShot(page));
  // Land, or land under the TI tint (55 % opaque): both distinct from the sea and the inset frame.
  const [l, t] = [hex(COLORS.land), hex(COLORS.tiTint)];
  const land = [l, l.map((v, i) => Math.round(0.45 * v + 0.55 * t[i])) as Rgb];
  const isLand = (x: number, y: number) => land.some((c) => near(shot.at(x, y), c, 6));
  const [x0, x1] = [Math.max(8, nw.x - box.x + 20), Math.min(shot.width - 8, se.x - box.x - 20)];
  const [y0, y1] = [Math.max(8, nw.y - box.y + 20), Math.min(shot.height - 8, se.y - box.y - 20)];
  let hit: { x: number; y: number } | null = null;
  for (let y = Math.round(y0); y < y1 && !hit; y += 7)
    for (let x = Math.round(x0); x < x1 && !hit; x += 7)
      if (isLand(x, y) && [-4, 4].every((d) => isLand(x + d, y) && isLand(x, y + d))) hit = { x, y };
  expect(hit, 'no land drawn inside the La Réunion inset').not.toBeNull();
  await page.mouse.click(box.x + hit!.x, box.y + hit!.y);
  const profile = page.getByTestId('profile');
  await expect(profile).toContainText('La Réunion');
  // The profile is the territory the URL selects.
  await expect(page).toHaveURL(/sel=\d{9}/);
  const code = new URL(page.url()).searchParams.get('sel')!;
  await expect(profile).toContainText(code);
});

test('the generation switch changes the TI drawn, and hiding them removes their outlines', async ({ page }) => {
  await openMap(page);
  const outline = (png: Buffer) => pixelStats(png).share(hex(COLORS.ti), 12);
  const before = await mapShot(page);
  expect(outline(before), '2023 TI outlines at start').toBeGreaterThan(0.002);
  await page.getByLabel('2018–2022 (149 TI)').check();
  await expect(page).toHaveURL(/gen=2018/);
  await expect.poll(async () => pixelStats(before).diff(await mapShot(page)), 'map changed').toBeGreaterThan(0.005);
  await waitForMapIdle(page);
  expect(outline(await mapShot(page)), '2018 TI outlines').toBeGreaterThan(0.002);
  await page.getByLabel('Masqués').check();
  await expect(page).toHaveURL(/ti=0/);
  await expect.poll(async () => outline(await mapShot(page)), 'TI outlines when hidden').toBeLessThan(0.0005);
});

test('the régions outlines show after the first map and the switch hides them', async ({ page }) => {
  await openMap(page);
  // Drawn after the first frame, with the data: the map is complete once idle.
  const outline = (png: Buffer) => pixelStats(png).share(hex(COLORS.regLine), 10);
  await expect.poll(async () => outline(await mapShot(page)), 'régions at start').toBeGreaterThan(0.002);
  await page.getByLabel('Régions').uncheck();
  await expect(page).toHaveURL(/reg=0/);
  await expect.poll(async () => outline(await mapShot(page)), 'régions hidden').toBeLessThan(0.0005);
  await page.getByLabel('Régions').check();
  await expect.poll(async () => outline(await mapShot(page)), 'régions shown again').toBeGreaterThan(0.002);
});

test('the English switch translates the interface', async ({ page }) => {
  await openMap(page);
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByText('Atlas of Territoires d’industrie')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a malformed link still opens the map and says what was dropped', async ({ page }) => {
  await openMap(page, '?gen=1999&sel=e:123&foo=%E0%A4%A&cl=q42');
  await expect(page.locator('.notice').first()).toHaveText(/gen|sel|foo/);
  expect(pixelStats(await mapShot(page)).distinct, 'map blank after a malformed link').toBeGreaterThan(50);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the map and the profile are usable', async ({ page }) => {
    await openMap(page, '?sel=e:244400644');
    const box = await page.getByTestId('map').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(340);
    expect(box?.height).toBeGreaterThanOrEqual(250);
    expect(pixelStats(await mapShot(page)).distinct, 'map blank on phone').toBeGreaterThan(30);
    await expect(page.getByTestId('profile')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
