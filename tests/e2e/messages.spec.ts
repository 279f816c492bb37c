// Messages: a bad link parameter is reported with what was used instead; a filter that matches
// nothing keeps the map with a message; French numbers and plurals.
import { expect, openMap, test } from './fixtures.ts';

test('bad link parameters are reported, never silently applied or dropped', async ({ page }) => {
  await openMap(page, '?ind=emploi&f=c:sprint:zzz&pal=evil&cl=q42');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('«\u00a0f=c:sprint:zzz\u00a0»');
  await expect(notice).toContainText('valeur inconnue');
  await expect(notice).toContainText('aucun filtre appliqué');
  await expect(notice).toContainText('«\u00a0pal=evil\u00a0»');
  await expect(notice).toContainText('palette inconnue');
  await expect(notice).toContainText('«\u00a0cl=q42\u00a0»');
  await expect(notice).toContainText('«\u00a0q9\u00a0»');
  // The map is not emptied: every EPCI stays shown, in French number format.
  await expect(page.getByTestId('filter-count')).toHaveText('1\u202f255 EPCI affichés');
  // Palettes have names, not ids.
  await expect(page.locator('.indicator-panel select').last()).toContainText('Bleus');
});

test('a filter that matches nothing keeps the map visible with a message', async ({ page }) => {
  await openMap(page, '?ind=&f=r:population:100000000:');
  await expect(page.getByTestId('map-no-match')).toContainText('Aucun territoire ne correspond');
  await expect(page.getByTestId('map').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('filter-count')).toHaveText('0 EPCI sur 1\u202f255 correspond');
  await page.getByTestId('map-no-match').getByRole('button').click();
  await expect(page.getByTestId('map-no-match')).toBeHidden();
});

for (const [status, source] of [
  [404, 'epci'],
  [500, 'ti2023'],
] as const)
  test(`map outlines that cannot be loaded (HTTP ${status}) are reported; the panels still work`, async ({ page }) => {
    await page.route(new RegExp(`/generated/tiles/${source}/`), (route) => route.fulfill({ status, body: 'no tile' }));
    await page.goto('./');
    const notice = page.locator('.notice');
    await expect(notice).toContainText('Les contours de la carte n’ont pas pu être chargés');
    await expect(notice).toContainText(`tiles/${source}`);
    await expect(notice).toHaveCount(1);
    await expect(page.getByTestId('filter-count')).toHaveText('1\u202f255 EPCI affichés');
  });
