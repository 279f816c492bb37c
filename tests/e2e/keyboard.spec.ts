// Keyboard only: the map canvas pans, zooms and steps through the territories in view; the
// table of territories opens a profile with Enter.
import { expect, openMap, test } from './fixtures.ts';

test('the map steps through the territories in view with N and opens one with Enter', async ({ page }) => {
  await openMap(page, '?ind=&v=-1.2,47.3,8');
  const canvas = page.locator('.maplibregl-canvas');
  await canvas.focus();
  await expect(page.locator('#map-keys')).toBeVisible();
  await page.keyboard.press('n');
  const step = page.getByTestId('map-step');
  await expect(step).toContainText(/\(1 sur \d+ dans la vue\)/);
  const first = await step.textContent();
  await page.keyboard.press('n');
  await expect(step).toContainText(/\(2 sur \d+ dans la vue\)/);
  await page.keyboard.press('Shift+N');
  await expect(step).toHaveText(first ?? '');
  const name = (first ?? '').split(' (')[0];
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('profile').locator('h2')).toHaveText(name);
  expect(new URL(page.url()).searchParams.get('sel')).toMatch(/^\d{9}$/);
  // Arrows pan the map: the viewport moves and is written in the link.
  await canvas.focus();
  const before = new URL(page.url()).searchParams.get('v');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('v')).not.toBe(before);
});

test('a territory can be chosen from the table of territories with the keyboard', async ({ page }) => {
  await openMap(page, '?ind=');
  await page.getByTestId('open-table').focus();
  await page.keyboard.press('Enter');
  const table = page.getByTestId('data-table');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toContainText('1\u202f255 lignes');
  const row = table.locator('tbody tr').nth(2);
  const name = (await row.locator('th').textContent()) ?? '';
  await row.focus();
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-dialog')).toBeHidden();
  await expect(page.getByTestId('profile').locator('h2')).toHaveText(name);
});
