// Import of the user's own spreadsheet: file → worker parse → join report → column → coloured map,
// kept across a reload; names to confirm, XLSX sheets, precise errors; a 20 MB CSV keeps the page
// responsive.
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { NO_DATA_COLOR } from '../../src/domain/choropleth.ts';
import { COLORS } from '../../src/map/style.ts';
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';
import { largeCommuneCsv } from './large-csv.ts';
import { hex, mapShot, near, openAt, pixelStats } from './map-helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
/** Nantes city centre, inside Nantes Métropole (244400404), the one EPCI of the fixture with a share. */
const NANTES = { lon: -1.5536, lat: 47.2184, zoom: 10 };

/** The value of the indicator list's option whose text matches `label`. */
async function optionValue(page: Page, label: RegExp): Promise<string> {
  const option = page.getByTestId('indicator-select').locator('option').filter({ hasText: label });
  await expect(option).toHaveCount(1);
  return (await option.getAttribute('value')) ?? '';
}

/** Colour drawn at the centre of the map. */
async function centreColour(page: Page) {
  const s = pixelStats(await mapShot(page));
  return s.at(Math.floor(s.width / 2), Math.floor(s.height / 2));
}

test('import a CSV: join report, column → coloured map with « vos données », kept after a reload', async ({
  page,
  consoleErrors,
}) => {
  await openMap(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toContainText('50 Mo');
  await expect(dialog).toContainText('envoyé nulle part');
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'good-utf8-semicolon.csv'));
  await expect(page.getByTestId('import-join-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-detected')).toContainText('code_insee');
  await expect(page.getByTestId('import-detected')).toContainText('code INSEE de commune');
  await expect(page.getByTestId('import-join-summary')).toContainText('6 lignes sur 6');
  // The share column: a weighted mean by population by default.
  const row = page.locator('[data-testid=import-columns] li', { hasText: 'part_industrie' });
  await row.locator('input[type=checkbox]').first().check();
  await expect(row.getByTestId('import-epci-rule')).toHaveValue('weighted-mean');
  await expect(row.getByTestId('import-coverage')).toContainText('EPCI 6');
  await row.locator('input[type=text]').first().fill('Part de l’industrie (test)');
  await row.locator('input[type=text]').nth(1).fill('%');
  await row.locator('input[type=text]').nth(2).fill('2022');
  await page.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  const id = await optionValue(page, /Part de l’industrie \(test\) \(vos données\)/);
  expect(id).toMatch(/^u\.[A-Za-z0-9_-]+\.part_industrie$/);
  // Choose it explicitly in the indicator list (as a user would).
  await page.getByTestId('indicator-select').selectOption('');
  await page.getByTestId('indicator-select').selectOption(id);
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Part de l’industrie (test) (vos données)');
  await expect(legend).toContainText(/Vos données : good-utf8-semicolon\.csv, importé le/);
  await expect(legend).toContainText('%');
  await expect(legend).toContainText('2022');
  await expect(page).toHaveURL(new RegExp(`ind=${id.replace(/\./g, '\\.')}`));
  // TI level: aggregated from communes.
  await page.getByLabel('Territoires d’industrie', { exact: true }).first().check();
  await expect(page).toHaveURL(/niv=ti/);
  await expect(legend).toContainText('vos données');
  await expect(legend).toContainText('TI 2023–2027');
  await page.getByLabel('EPCI', { exact: true }).first().check();
  await expect(page).not.toHaveURL(/niv=ti/);

  // Reload (framed on Nantes): the table comes back from local storage and still colours the map.
  await openAt(page, NANTES);
  await optionValue(page, /Part de l’industrie \(test\) \(vos données\)/);
  await page.getByTestId('indicator-select').selectOption(id);
  await expect(legend).toContainText('Part de l’industrie (test)');
  await waitForMapIdle(page);
  // Nantes Métropole has a value: a class colour, neither « no data » nor plain land.
  await expect
    .poll(async () => {
      const c = await centreColour(page);
      return !near(c, hex(NO_DATA_COLOR), 8) && !near(c, hex(COLORS.land), 8);
    }, 'Nantes Métropole coloured')
    .toBe(true);
  // EPCI without data fall in the no-data class (6 communes → 6 EPCI with a value).
  await expect(legend).toContainText(/Données manquantes\s*1[\s\u202f\u00a0]?249/);
  // The profile shows where the data comes from.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const profile = page.getByTestId('profile');
  await expect(profile).toContainText('Nantes Métropole');
  await expect(profile).toContainText('Vos données : good-utf8-semicolon.csv');
  await expect(profile).toContainText('Part de l’industrie (test)');

  // « Vos données »: rename, export the workspace, delete, import it back.
  await page.getByTestId('open-user-data').click();
  const panel = page.getByTestId('user-data-panel');
  await expect(panel).toContainText('good-utf8-semicolon.csv');
  await panel.getByRole('button', { name: /^Renommer : good-utf8-semicolon$/ }).click();
  await panel.locator('.rename-form input').fill('Industrie communes');
  await panel.locator('.rename-form button[type=submit]').click();
  await expect(panel.locator('h3').first()).toContainText('Industrie communes');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-workspace').click()]);
  const path = await download.path();
  expect(path, 'workspace file').toBeTruthy();
  await panel.getByRole('button', { name: 'Supprimer' }).click();
  await panel.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('indicator-select').locator(`option[value="${id}"]`)).toHaveCount(0);
  await expect(page).not.toHaveURL(/ind=u\./);
  await panel.getByTestId('import-workspace').setInputFiles(path!);
  await expect(panel.getByTestId('workspace-status')).toContainText(/Tableaux ajoutés\s*:\s*1\b/);
  await expect(page.getByTestId('indicator-select').locator(`option[value="${id}"]`)).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('a link to an imported indicator unknown in this browser says so', async ({ page }) => {
  await openMap(page, '?ind=u.tnope1.valeur');
  await expect(page.locator('.notice', { hasText: 'u.tnope1.valeur' })).toContainText('pas dans ce navigateur');
});

test('names need confirmation; XLSX sheet choice; a binary file gets a precise error and the page still works', async ({
  page,
}) => {
  await openMap(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'commune-names.csv'));
  const report = page.getByTestId('import-join-report');
  await expect(report).toHaveText(/nom ambigu|homonymes/, { timeout: 30_000 });
  await expect(report).toContainText('vouliez-vous dire');
  await expect(report).toContainText('clé vide');
  await page.locator('[data-testid=import-columns] input[type=checkbox]').first().check();
  const submit = page.getByTestId('import-submit');
  await expect(submit).toBeDisabled();
  await page.getByTestId('import-confirm-names').check();
  await expect(submit).toBeEnabled();

  // XLSX with two sheets: the data sheet is read, the other one can be chosen (and back).
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'two-sheets.xlsx'));
  const sheet = page.getByTestId('import-sheet');
  await expect(sheet.locator('option')).toHaveText(['Lisez-moi', 'Données'], { timeout: 30_000 });
  await expect(sheet).toHaveValue('Données');
  await expect(report).toContainText('1053');
  await sheet.selectOption('Lisez-moi');
  await expect(page.getByTestId('import-detected')).toContainText('Aucune colonne');
  await expect(page.getByTestId('import-join-summary')).toContainText('0 lignes sur 1');
  await sheet.selectOption('Données');
  await expect(page.getByTestId('import-detected')).toContainText('code_insee');

  // Another file: binary PNG named .csv.
  await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'binary-png.csv'));
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('« binary-png.csv » n’est pas un texte CSV');
  await expect(error).toContainText('PNG');
  await page.getByRole('button', { name: 'Fermer' }).last().click();
  await page.getByTestId('indicator-select').selectOption('friches');
  await expect(page.getByTestId('legend')).toContainText('Friches');
});

test('a file dropped anywhere on the window opens the import with it', async ({ page }) => {
  await openMap(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['siren;emplois\n244400404;412530\n244400644;58210\n'], 'depose.csv', { type: 'text/csv' }));
    return dt;
  });
  const map = page.getByTestId('map');
  await map.dispatchEvent('dragenter', { dataTransfer });
  await map.dispatchEvent('dragover', { dataTransfer });
  await expect(page.locator('.drop-overlay'), 'drop overlay while dragging a file').toBeVisible();
  await map.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-detected')).toContainText('SIREN d’EPCI', { timeout: 30_000 });
  await expect(page.getByTestId('import-dialog')).toContainText('depose.csv');
});

test('a file over the limit is refused before reading, with the limit stated', async ({ page }) => {
  await openMap(page);
  await page.getByTestId('open-import').click();
  // A sparse 51 MB file: only its size matters, it must be refused before being read.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const big = join(dir, 'enorme.csv');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 51 * 1024 * 1024);
  closeSync(fd);
  await page.getByTestId('import-file').setInputFiles(big);
  await expect(page.getByTestId('import-error')).toContainText('enorme.csv');
  await expect(page.getByTestId('import-error')).toContainText('la limite est de 50 Mo');
  rmSync(dir, { recursive: true, force: true });
});

/** Records main-thread tasks over 50 ms from now on (string script: no bundler helpers inside). */
const observeLongTasks = (page: Page) =>
  page.evaluate(`(() => {
    window.__longTasks = [];
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    });
    window.__longTaskObserver.observe({ type: 'longtask', buffered: false });
    return performance.now();
  })()`) as Promise<number>;

/** Longest task that overlaps [from, to] (entries not yet delivered are taken too). */
const longestTask = (page: Page, from: number, to: number) =>
  page.evaluate(`(() => {
    for (const e of window.__longTaskObserver.takeRecords()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    return window.__longTasks
      .filter((t) => t.start + t.duration >= ${from} && t.start <= ${to})
      .reduce((m, t) => Math.max(m, t.duration), 0);
  })()`) as Promise<number>;

const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

test('a 20 MB CSV is parsed off the main thread (longest task reported)', async ({ page, consoleErrors }) => {
  test.setTimeout(240_000);
  await openMap(page);
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  // Given as a path: Playwright sets the file natively instead of rebuilding it in the page.
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const path = join(dir, 'grand-fichier-communes.csv');
  writeFileSync(path, largeCommuneCsv());
  const t0 = await observeLongTasks(page);
  await page.getByTestId('import-file').setInputFiles(path);
  await expect(page.getByTestId('import-join-report')).toBeVisible({ timeout: 120_000 });
  const t1 = await now(page);
  // First numeric column after population: a mean of communes, then the map.
  await page.locator('[data-testid=import-columns] input[type=checkbox]').nth(1).check();
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('legend')).toBeVisible();
  await waitForMapIdle(page);
  const t2 = await now(page);
  rmSync(dir, { recursive: true, force: true });
  const beforeSubmit = await longestTask(page, t0, t1);
  const total = await longestTask(page, t0, t2);
  // For scale: the same page going from no indicator to a built-in one (the end of the import does that).
  await page.getByTestId('indicator-select').selectOption('');
  await waitForMapIdle(page);
  const b0 = await now(page);
  await page.getByTestId('indicator-select').selectOption('population');
  await expect(page.getByTestId('legend')).toContainText('Population');
  await waitForMapIdle(page);
  const baseline = await longestTask(page, b0, Number.MAX_SAFE_INTEGER);
  test.info().annotations.push({
    type: 'import',
    description: `parse ${Math.round(t1 - t0)} ms, longest task ${Math.round(beforeSubmit)} ms until the join report, ${Math.round(total)} ms up to the coloured map (built-in recolour: ${Math.round(baseline)} ms)`,
  });
  // The import itself (parse, join report) runs in the worker; the map recolour is the same as for any indicator.
  expect(beforeSubmit, 'main thread blocked during the import').toBeLessThan(1000);
  expect(total, 'main thread blocked up to the coloured map').toBeLessThan(Math.max(1000, baseline * 2));
  expect(consoleErrors).toEqual([]);
});
