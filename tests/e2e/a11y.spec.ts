// Accessibility (WCAG 2.1 A and AA with axe-core) of every view and dialog, best practices for the
// embed, and the keyboard contract of the dialogs: focus inside, Tab trapped, Escape closes and
// gives focus back to the control that opened it.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';

// axe on a busy shared machine can take a while on large dialogs.
test.describe.configure({ timeout: 240_000 });

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const CARENE = '244400644';
const BASKET = `${CARENE},244400610,244400503`;

/** Opens the app once the map exists (axe does not need every tile drawn: it keeps the run short). */
async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', /busy|idle/, { timeout: 60_000 });
}

const views: { name: string; query: string; open?: (page: Page) => Promise<void> }[] = [
  { name: 'main view', query: '' },
  {
    name: 'main view coloured, with filters and the friches layer',
    query: '?ind=friches&f=c:sprint:eligible&f=r:population:50000:&fr=0123-012',
  },
  { name: 'TI level coloured', query: '?niv=ti&ind=emploi_evol_pct' },
  { name: 'EPCI profile', query: `?sel=${CARENE}&cmp=${BASKET}` },
  { name: 'TI profile', query: '?sel=2023:ti-4401' },
  { name: 'English main view', query: `?lang=en&sel=${CARENE}` },
  {
    name: 'search list open',
    query: '',
    open: async (page) => {
      await page.getByTestId('search-input').fill('saint');
      await expect(page.getByRole('option').first()).toBeVisible();
    },
  },
];

for (const v of views)
  test(`axe: ${v.name} has no WCAG 2.1 A/AA violation`, async ({ page }) => {
    await openApp(page, v.query);
    await v.open?.(page);
    expect(await axeViolations(page)).toEqual([]);
  });

/** Each dialog: how to open it from the main view, and a control inside it. */
const dialogs: { name: string; query?: string; opener: (page: Page) => Locator; dialog: (page: Page) => Locator }[] = [
  { name: 'table', opener: (p) => p.getByTestId('open-table'), dialog: (p) => p.getByRole('dialog') },
  { name: 'share and embed', opener: (p) => p.getByTestId('open-share'), dialog: (p) => p.getByRole('dialog') },
  { name: 'export', opener: (p) => p.getByTestId('open-export'), dialog: (p) => p.getByTestId('export-dialog') },
  { name: 'import', opener: (p) => p.getByTestId('open-import'), dialog: (p) => p.getByTestId('import-dialog') },
  {
    name: 'sources',
    opener: (p) => p.getByRole('banner').getByRole('button', { name: 'Sources' }),
    dialog: (p) => p.getByRole('dialog'),
  },
  {
    name: 'comparison and groups',
    query: `?sel=${CARENE}&cmp=${BASKET}`,
    opener: (p) => p.getByTestId('compare-open'),
    dialog: (p) => p.getByRole('dialog'),
  },
];

for (const d of dialogs)
  test(`the ${d.name} dialog: no WCAG 2.1 A/AA violation; focus trapped; Escape closes it and refocuses its opener`, async ({
    page,
  }) => {
    await openApp(page, d.query ?? '?ind=friches');
    const opener = d.opener(page);
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = d.dialog(page);
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    const focusInside = () => dialog.evaluate((el) => el.contains(document.activeElement));
    await expect.poll(focusInside, 'focus moved into the dialog').toBe(true);
    // More Tab presses than there are controls: focus never leaves the dialog, both ways.
    const count = await dialog.locator('a[href], button, input, select, textarea').count();
    for (let i = 0; i < Math.min(count + 2, 40); i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(), `focus left the dialog after ${i + 1} Tab`).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInside(), 'focus left the dialog on Shift+Tab').toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

test('axe: the import dialog with a join report has no WCAG 2.1 A/AA violation', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'good-utf8-semicolon.csv'));
  await expect(page.getByTestId('import-join-report')).toBeVisible({ timeout: 30_000 });
  await page.locator('[data-testid=import-columns] input[type=checkbox]').first().check();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe: « Vos données » panel has no WCAG 2.1 A/AA violation', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'good-utf8-semicolon.csv'));
  await page.locator('[data-testid=import-columns] input[type=checkbox]').first().check();
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  const opener = page.getByTestId('open-user-data');
  await opener.click();
  await expect(page.getByTestId('user-data-panel')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('user-data-panel')).toBeHidden();
  await expect(opener).toBeFocused();
});

for (const query of ['?embed=1&ind=friches', `?embed=1&ind=friches&interactive=0&sel=${CARENE}`])
  test(`axe: the embed (${query}) passes WCAG 2.1 A/AA and best practices`, async ({ page }) => {
    await openApp(page, query);
    expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
  });
