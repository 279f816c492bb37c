// The header search box (src/ui/SearchBox.tsx): keyboard, messages, TI of either generation, phone.
import type { Page } from '@playwright/test';
import { expect, openMap, test } from './fixtures.ts';

const box = (page: Page) => page.locator('[data-testid=search-input][role=combobox]');
const options = (page: Page) => page.locator('[role=listbox] [role=option]');

test('"st nazaire" typed, ArrowDown to the commune, Enter opens the CARENE and names its TI', async ({
  page,
  consoleErrors,
}) => {
  await openMap(page);
  await box(page).click();
  await page.keyboard.type('st nazaire');
  // The commune list loads lazily: wait for the commune option.
  const commune = page.getByRole('option', { name: /^Saint-Nazaire Commune 44600\b.*\(44\)/ });
  await expect(commune).toHaveCount(1);
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  const texts = await options(page).allInnerTexts();
  const i = texts.findIndex((x) => /^Saint-Nazaire\b/.test(x) && /Commune/.test(x) && /44600/.test(x));
  for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
  const activeId = await box(page).getAttribute('aria-activedescendant');
  expect(activeId, 'aria-activedescendant after ArrowDown').toBeTruthy();
  const active = page.locator(`[id="${activeId}"]`);
  await expect(active).toContainText('44600');
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('profile')).toContainText("CA de la Région Nazairienne et de l'Estuaire (CARENE)");
  const status = page.locator('[data-testid=search-status] [role=status]');
  await expect(status).toHaveText(
    /^\s*Saint-Nazaire \(44184\) fait partie de la CA de la Région Nazairienne et de l'Estuaire \(CARENE\)/,
  );
  await expect(status).toContainText('Territoire d’industrie Saint-Nazaire Loire Estuaire (2023–2027)');
  // The commune's own population carries its year, and says the EPCI's profile gives another year.
  await expect(status).toContainText('Population légale 2023 de la commune\u00a0: 74\u202f568 habitants');
  await expect(status).toContainText('donne la population 2022');
  await expect(page.getByTestId('profile')).toContainText('Population municipale (2022)');
  await expect(page).toHaveURL(/sel=244400644/);
  // The sentence stays until the next search, or until dismissed.
  await page.locator('[data-testid=search-status] button').click();
  await expect(status).toHaveText(/^\s*$/);
  expect(consoleErrors).toEqual([]);
});

test('a postcode shared by several communes lists them all; Home/End/Escape/ArrowDown/blur', async ({ page }) => {
  await openMap(page);
  await box(page).click();
  await page.keyboard.type('06500');
  const communes = options(page).filter({ hasText: 'Commune' }).filter({ hasText: '06500' });
  await expect.poll(() => communes.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('option', { name: /^Menton Commune/ })).not.toHaveCount(0);
  // Home/End move within the open list, Escape closes it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const lastId = await options(page).last().getAttribute('id');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', lastId!);
  await page.keyboard.press('Escape');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('listbox')).toBeHidden();
  // ArrowDown reopens it; leaving the field closes it.
  await page.keyboard.press('ArrowDown');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
  await page.locator('.header h1').click();
  await expect(page.getByRole('listbox')).toBeHidden();
});

test('choosing a 2018–2022-only TI switches the generation and opens its profile', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('input[name=ti-generation][value="2023"]')).toBeChecked();
  // "Montereau - Nemours" (2018:ti-1106) has no 2023–2027 counterpart of that name.
  await box(page).click();
  await page.keyboard.type('montereau nemours');
  const option = options(page).filter({ hasText: 'Montereau - Nemours' }).first();
  await expect(option).toContainText('TI 2018–2022');
  await option.click();
  const profile = page.getByTestId('profile');
  await expect(profile).toContainText('Montereau - Nemours');
  await expect(profile).toContainText('2018–2022');
  await expect(page).toHaveURL(/gen=2018/);
  await expect(page).toHaveURL(/sel=2018%3Ati-1106|sel=2018:ti-1106/);
  expect(new URL(page.url()).searchParams.get('ti')).not.toBe('0');
  await expect(page.getByLabel('2018–2022 (149 TI)')).toBeChecked();
  await expect(box(page)).toHaveValue('Montereau - Nemours');
});

test('no result, too short and unknown code each say why', async ({ page }) => {
  await openMap(page);
  await box(page).click();
  await page.keyboard.type('zzqx');
  const msg = page.locator('.search-message');
  await expect(msg).toHaveText(/Aucun résultat pour «\s?zzqx\s?»/);
  await expect(msg).toContainText('code postal');
  await expect(options(page)).toHaveCount(0);
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await box(page).fill('a');
  await expect(msg).toContainText('au moins 2 caractères');
  await box(page).fill('99999');
  await expect(msg).toContainText('99999');
  await expect(msg).toContainText('n’est pas connu');
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the list stays inside the screen and a tap chooses', async ({ page }) => {
    await openMap(page);
    await box(page).click();
    await page.keyboard.type('saint');
    await expect(options(page).filter({ hasText: 'Commune' }).first()).toBeVisible();
    const list = await page.locator('.search-popup').boundingBox();
    expect(list!.x).toBeGreaterThanOrEqual(0);
    expect(list!.x + list!.width).toBeLessThanOrEqual(360);
    expect((await box(page).boundingBox())!.width).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await options(page).first().click();
    await expect(page.getByTestId('profile')).toBeVisible();
  });
});
