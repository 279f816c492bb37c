// The planner's journey: search → select → neighbours → compare → CSV; a custom group survives a reload.
import { readFileSync } from 'node:fs';
import { COLORS } from '../../src/map/style.ts';
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';
import { hex, mapShot, pixelStats } from './map-helpers.ts';

test('search → select → add neighbours → compare → export CSV; a custom group survives a reload', async ({ page }) => {
  await openMap(page);
  const input = page.getByTestId('search-input');
  await input.click();
  await input.pressSequentially('st nazaire', { delay: 20 });
  await page
    .getByRole('option', { name: /Saint-Nazaire.*44/ })
    .first()
    .click();
  await expect(page.getByTestId('profile').getByText('CA de la Région Nazairienne').first()).toBeVisible();
  await waitForMapIdle(page);
  const basketOutline = async () => pixelStats(await mapShot(page)).share(hex(COLORS.basket), 20);
  const before = await basketOutline();
  await page.getByTestId('basket-neighbours').click();
  await expect(page.getByTestId('basket-bar')).toContainText('5 / 12');
  await expect(page).toHaveURL(/cmp=244400644/);
  // The basket is outlined on the map.
  await expect.poll(basketOutline, 'basket outlined on the map').toBeGreaterThan(before + 0.001);
  await page.getByTestId('compare-open').click();
  const rows = page.getByTestId('compare-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  // Sort by population (descending first): the largest EPCI comes first.
  await page
    .getByRole('button', { name: /Population municipale/ })
    .first()
    .click();
  await expect(rows.first()).toContainText('CARENE');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines, 'header + 5 rows').toHaveLength(6);
  const header = lines[0].split(';');
  expect(header.slice(0, 2)).toEqual(['Code', 'Nom']);
  expect(header.some((h) => h.startsWith('Évolution de l’emploi salarié privé (%)'))).toBe(true);
  expect(lines.find((l) => l.startsWith('244400644;'))).toMatch(/;\d+,\d+;/);
  // A custom group from the basket's EPCI, kept after a reload.
  await page.getByTestId('group-name').fill('Estuaire de la Loire');
  await page.getByRole('button', { name: /Créer un groupe/ }).click();
  await expect(rows).toHaveCount(6);
  await page.reload();
  await waitForMapIdle(page);
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare-table')).toContainText('Estuaire de la Loire');
});
