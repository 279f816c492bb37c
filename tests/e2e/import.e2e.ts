// Import of the user's own spreadsheet: file → worker parse → join report → column → coloured map,
// persisted across a reload; a binary file gets a precise error; a 20 MB CSV keeps the page responsive.
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { benchImportLongTasks } from '../../bench/import.ts';
import { NO_DATA_COLOR } from '../../src/domain/choropleth.ts';
import { assert, openPage, ROOT, test, waitForMap } from './harness.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const NO_DATA = NO_DATA_COLOR.toLowerCase();

export function importTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  const open = async (query = '', size?: { width: number; height: number }) => {
    const r = await openPage(ctx.browser(), `${ctx.url()}/${query}`, size);
    await waitForMap(r.page);
    return r;
  };
  const epciColour = (page: Page, code: string) =>
    page.evaluate(
      (c) => (window.__atlas!.map.map.getFeatureState({ source: 'epci', id: c }) as { color?: string }).color ?? null,
      code,
    );

  test('import a CSV: join report, column → coloured map with « vos données », kept after a reload', async () => {
    const { page, context, outside, errors } = await open();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-dialog').waitFor();
    const dialogText = await page.getByTestId('import-dialog').innerText();
    assert(/50 Mo/.test(dialogText), 'the size limit is not stated');
    assert(/envoyé nulle part/.test(dialogText), 'the privacy note is missing');
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'good-utf8-semicolon.csv'));
    await page.getByTestId('import-join-report').waitFor({ timeout: 30_000 });
    const detected = await page.getByTestId('import-detected').innerText();
    assert(/code_insee/.test(detected) && /code INSEE de commune/.test(detected), `key detection: ${detected}`);
    const summary = await page.getByTestId('import-join-summary').innerText();
    assert(/6 lignes sur 6/.test(summary), `join summary: ${summary}`);
    // Warnings of the reader are shown precisely ("1.234,5" is not a count; "n.d." and "s" are missing).
    // Choose the share column, a weighted mean by population by default.
    const row = page.locator('[data-testid=import-columns] li', { hasText: 'part_industrie' });
    await row.locator('input[type=checkbox]').first().check();
    const rule = await row.getByTestId('import-epci-rule').inputValue();
    assert(rule === 'weighted-mean', `default EPCI rule for a share: ${rule}`);
    const coverage = await row.getByTestId('import-coverage').innerText();
    assert(/EPCI 6/.test(coverage), `coverage preview: ${coverage}`);
    await row.locator('input[type=text]').first().fill('Part de l’industrie (test)');
    await row.locator('input[type=text]').nth(1).fill('%');
    await row.locator('input[type=text]').nth(2).fill('2022');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    const id = await page.evaluate(
      () =>
        window.__atlas!.store.getState().userIndicators.find((i) => i.label.fr.startsWith('Part de l’industrie (test)'))
          ?.id ?? null,
    );
    assert(id && /^u\.[A-Za-z0-9_-]+\.part_industrie$/.test(id), `indicator id: ${id}`);
    // Choose it explicitly in the indicator list (as a user would).
    await page.getByTestId('indicator-select').selectOption('');
    await page.getByTestId('indicator-select').selectOption(id);
    await page.getByTestId('legend').waitFor();
    await waitForMap(page);
    const legend = await page.getByTestId('legend').innerText();
    assert(/Part de l’industrie \(test\) \(vos données\)/.test(legend), `legend lacks the label: ${legend}`);
    assert(
      /Vos données : good-utf8-semicolon\.csv, importé le/.test(legend),
      `legend lacks the user source line: ${legend}`,
    );
    assert(/%/.test(legend) && /2022/.test(legend), `legend lacks unit or year: ${legend}`);
    assert(page.url().includes(`ind=${id}`), `URL lacks the indicator: ${page.url()}`);
    const nantes = await epciColour(page, '244400404');
    const other = await epciColour(page, '200000172');
    assert(nantes && nantes.toLowerCase() !== NO_DATA, `Nantes Métropole not coloured: ${nantes}`);
    assert(other === null || other.toLowerCase() === NO_DATA, `an EPCI without data is coloured: ${other}`);
    // TI level: aggregated from communes.
    await page.getByLabel('Territoires d’industrie', { exact: true }).first().check();
    await waitForMap(page);
    const ch = await page.evaluate(() => {
      const s = window.__atlas!.store.getState();
      return s.view.level;
    });
    assert(ch === 'ti', 'could not switch to TI level');
    const tiLegend = await page.getByTestId('legend').innerText();
    assert(/vos données/.test(tiLegend) && /TI 2023–2027/.test(tiLegend), `TI legend: ${tiLegend}`);
    await page.getByLabel('EPCI', { exact: true }).first().check();

    // Reload: the table comes back from local storage and the indicator still colours the map.
    await page.reload();
    await waitForMap(page);
    await page.waitForFunction((i) => window.__atlas!.store.getState().userIndicators.some((x) => x.id === i), id, {
      timeout: 10_000,
    });
    const options = await page.getByTestId('indicator-select').locator('option').allInnerTexts();
    assert(
      options.some((o) => /Part de l’industrie \(test\) \(vos données\)/.test(o)),
      'indicator not listed after reload',
    );
    await page.getByTestId('indicator-select').selectOption('');
    await page.getByTestId('indicator-select').selectOption(id);
    await page.getByTestId('legend').waitFor();
    await waitForMap(page);
    const again = await epciColour(page, '244400404');
    assert(again && again.toLowerCase() !== NO_DATA, `not coloured after reload: ${again}`);
    // The profile shows where the data comes from.
    await page.evaluate(() => window.__atlas!.store.getState().select({ kind: 'epci', code: '244400404' }));
    await page.locator('[data-testid=profile]').waitFor();
    const profile = await page.locator('[data-testid=profile]').innerText();
    assert(/Vos données : good-utf8-semicolon\.csv/.test(profile), 'profile lacks the user source line');
    assert(/Part de l’industrie \(test\)/.test(profile), 'profile lacks the user indicator');

    // « Vos données »: rename, export the workspace, delete, import it back.
    await page.getByTestId('open-user-data').click();
    const panel = page.getByTestId('user-data-panel');
    await panel.waitFor();
    assert(/good-utf8-semicolon\.csv/.test(await panel.innerText()), 'panel lacks the table');
    await panel.getByRole('button', { name: /^Renommer : good-utf8-semicolon$/ }).click();
    await panel.locator('.rename-form input').fill('Industrie communes');
    await panel.locator('.rename-form button[type=submit]').click();
    assert(/Industrie communes/.test(await panel.locator('h3').first().innerText()), 'rename did not apply');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-workspace').click(),
    ]);
    const path = await download.path();
    assert(path, 'no workspace file');
    await panel.getByRole('button', { name: 'Supprimer' }).click();
    await panel.getByTestId('confirm-delete').click();
    await page.waitForFunction(() => window.__atlas!.store.getState().userIndicators.length === 0);
    const cleared = await page.evaluate(() => window.__atlas!.store.getState().view.indicator);
    assert(cleared === null, `deleted indicator still selected: ${cleared}`);
    await panel.getByTestId('import-workspace').setInputFiles(path);
    await panel.getByTestId('workspace-status').waitFor();
    assert(
      /1 tableau\(x\) ajouté/.test(await panel.getByTestId('workspace-status').innerText()),
      'workspace not re-imported',
    );
    const back = await page.evaluate(() => window.__atlas!.store.getState().userIndicators.map((i) => i.id));
    assert(back.includes(id), `re-imported ids: ${back.join(', ')}`);
    assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a link to an imported indicator unknown in this browser says so', async () => {
    const { page, context, outside } = await open('?ind=u.tnope1.valeur');
    await page.locator('.notice', { hasText: 'u.tnope1.valeur' }).waitFor({ timeout: 10_000 });
    const text = await page.locator('.notice', { hasText: 'u.tnope1.valeur' }).innerText();
    assert(/pas dans ce navigateur/.test(text), `notice: ${text}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('names need confirmation; XLSX sheet choice; a binary file gets a precise error and the page still works', async () => {
    const { page, context, outside } = await open();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'commune-names.csv'));
    await page.getByTestId('import-join-report').waitFor({ timeout: 30_000 });
    const report = await page.getByTestId('import-join-report').innerText();
    assert(/nom ambigu|homonymes/.test(report), `ambiguous names not reported: ${report}`);
    assert(/vouliez-vous dire/.test(report), `no suggestions for unknown names: ${report}`);
    assert(/clé vide/.test(report), `empty key not reported: ${report}`);
    await page.locator('[data-testid=import-columns] input[type=checkbox]').first().check();
    const submit = page.getByTestId('import-submit');
    assert(await submit.isDisabled(), 'submit allowed before the name check');
    await page.getByTestId('import-confirm-names').check();
    assert(await submit.isEnabled(), 'submit still blocked after the name check');

    // XLSX with two sheets: the data sheet is read, the other one can be chosen (and back).
    await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'two-sheets.xlsx'));
    await page.getByTestId('import-join-report').waitFor({ timeout: 30_000 });
    const sheets = await page.getByTestId('import-sheet').locator('option').allInnerTexts();
    assert(sheets.join('|') === 'Lisez-moi|Données', `sheets: ${sheets.join('|')}`);
    assert((await page.getByTestId('import-sheet').inputValue()) === 'Données', 'the data sheet is not the one read');
    assert(/1053/.test(await page.getByTestId('import-join-report').innerText()), 'repaired leading zero not listed');
    await page.getByTestId('import-sheet').selectOption('Lisez-moi');
    await page.getByTestId('import-detected').filter({ hasText: 'Aucune colonne' }).waitFor();
    assert(
      /0 lignes sur 1/.test(await page.getByTestId('import-join-summary').innerText()),
      'no join report for the text sheet',
    );
    await page.getByTestId('import-sheet').selectOption('Données');
    await page.getByTestId('import-detected').filter({ hasText: 'code_insee' }).waitFor();

    // Another file: binary PNG named .csv.
    await page.getByRole('button', { name: 'Choisir un autre fichier' }).click();
    await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'binary-png.csv'));
    await page.getByTestId('import-error').waitFor();
    const err = await page.getByTestId('import-error').innerText();
    assert(/« binary-png\.csv » n’est pas un texte CSV/.test(err) && /PNG/.test(err), `error: ${err}`);
    await page.getByRole('button', { name: 'Fermer' }).last().click();
    await page.getByTestId('indicator-select').selectOption('friches');
    await page.getByTestId('legend').waitFor();
    assert(/Friches/.test(await page.getByTestId('legend').innerText()), 'page no longer works after the error');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a file dropped anywhere on the window opens the import with it', async () => {
    const { page, context, outside } = await open();
    await page.evaluate(`(async () => {
      const dt = new DataTransfer();
      dt.items.add(new File(['siren;emplois\\n244400404;412530\\n244400644;58210\\n'], 'depose.csv', { type: 'text/csv' }));
      const target = document.querySelector('[data-testid=map]');
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 100));
      window.__overlay = !!document.querySelector('.drop-overlay');
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    assert(await page.evaluate('window.__overlay'), 'no drop overlay while dragging a file');
    await page.getByTestId('import-join-report').waitFor({ timeout: 30_000 });
    const detected = await page.getByTestId('import-detected').innerText();
    assert(/SIREN d’EPCI/.test(detected), `dropped file not joined on SIREN: ${detected}`);
    assert(/depose\.csv/.test(await page.getByTestId('import-dialog').innerText()), 'dropped file name not shown');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a file over the limit is refused before reading, with the limit stated', async () => {
    const { page, context, outside } = await open();
    await page.getByTestId('open-import').click();
    // A sparse 51 MB file: only its size matters, it must be refused before being read.
    const big = join(tmpdir(), 'enorme.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    await page.getByTestId('import-file').setInputFiles(big);
    await page.getByTestId('import-error').waitFor();
    const err = await page.getByTestId('import-error').innerText();
    assert(/enorme\.csv/.test(err) && /la limite est de 50 Mo/.test(err), `error: ${err}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a 20 MB CSV is parsed off the main thread (longest task reported)', async () => {
    const { page, context, outside, errors } = await open();
    const r = await benchImportLongTasks(ctx.browser(), ctx.url(), { page });
    console.log(
      `      import of ${(r.bytes / 1048576).toFixed(1)} MB: longest main-thread task ${r.longestBeforeSubmitMs} ms until the join report (after ${r.parseMs} ms), ` +
        `${r.longestTaskMs} ms up to the coloured map (after ${r.totalMs} ms; recolouring by a built-in indicator: ${r.recolourBaselineMs} ms); ` +
        `tasks > 50 ms: ${r.tasks.map((x) => `${x.ms} ms at +${x.at}`).join(', ') || 'none'}`,
    );
    // The import itself (parse, join report) runs in the worker; the map recolour is the same as for any indicator.
    assert(r.longestBeforeSubmitMs < 1000, `main thread blocked for ${r.longestBeforeSubmitMs} ms during the import`);
    assert(
      r.longestTaskMs < Math.max(1000, r.recolourBaselineMs * 2),
      `main thread blocked for ${r.longestTaskMs} ms (built-in recolour: ${r.recolourBaselineMs} ms)`,
    );
    assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    ctx.outside.push(...outside);
    await context.close();
  });
}
