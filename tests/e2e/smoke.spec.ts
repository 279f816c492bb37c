import { expect, openMap, test } from './fixtures.ts';

test('the first view draws a map and names the app', async ({ page }) => {
  await openMap(page);
  await expect(page).toHaveTitle(/Territoires d.industrie/);
  await expect(page.getByTestId('map').locator('canvas')).toBeVisible();
});
