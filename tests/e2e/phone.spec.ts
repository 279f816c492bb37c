// Phone (390 × 664, touch): a search brings the profile title into view and closes the keyboard;
// wording says « touchez »; controls are at least 44 px.
import { expect, openMap, test } from './fixtures.ts';

test.use({ viewport: { width: 390, height: 664 }, hasTouch: true, isMobile: true });

test('a search on a phone shows the profile title without scrolling by hand', async ({ page }) => {
  await openMap(page, '?ind=');
  await expect(page.locator('.panel-empty')).toContainText('Touchez');
  await expect(page.locator('#panel')).not.toContainText('Survolez');
  const input = page.getByRole('combobox', { name: /Rechercher/ });
  await input.tap();
  await input.fill('Saint-Nazaire');
  const option = page.getByRole('option').filter({ hasText: 'CARENE' });
  await expect(option).toBeVisible();
  await option.first().tap();
  const title = page.getByTestId('profile').locator('h2');
  await expect(title).toContainText('CARENE');
  await expect(title).toBeInViewport();
  await expect(input).not.toBeFocused();
  await page.screenshot({ path: '/tmp/shots/phone-profile.png' });
  // The map stays reachable: it is above, one scroll away.
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('map')).toBeInViewport();
});

test('touch targets are at least 44 px', async ({ page }) => {
  await openMap(page, '?ind=');
  const small: string[] = [];
  for (const el of await page
    .locator('.header button:visible, .controls-toggle, .maplibregl-ctrl button:visible')
    .all()) {
    const b = await el.boundingBox();
    if (b && (b.height < 44 || b.width < 44))
      small.push(`${(await el.getAttribute('aria-label')) ?? (await el.textContent())} ${b.width}×${b.height}`);
  }
  expect(small).toEqual([]);
});
