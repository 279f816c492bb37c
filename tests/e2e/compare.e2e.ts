import type { Browser } from 'playwright-core';
import { assert, openPage, test, waitForMap } from './harness.ts';

export function compareTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  test('search → select → add neighbours → compare → export CSV; a custom group survives a reload', async () => {
    const { page, context, outside } = await openPage(ctx.browser(), `${ctx.url()}/`);
    await waitForMap(page);
    const input = page.getByTestId('search-input');
    await input.click();
    await input.pressSequentially('st nazaire', { delay: 20 });
    await page
      .getByRole('option', { name: /Saint-Nazaire.*44/ })
      .first()
      .click();
    await page.getByTestId('profile').getByText('CA de la Région Nazairienne').first().waitFor();
    await page.getByTestId('basket-neighbours').click();
    const bar = await page.getByTestId('basket-bar').innerText();
    assert(/5 \/ 12/.test(bar), `basket should hold the CARENE and its 4 neighbours: ${bar}`);
    assert(/cmp=244400644/.test(page.url()), `URL lacks the basket: ${page.url()}`);
    const outlined = await page.evaluate(
      () => window.__atlas!.map.map.getFeatureState({ source: 'epci', id: '200072734' }).basket === true,
    );
    assert(outlined, 'the basket is not highlighted on the map');
    await page.getByTestId('compare-open').click();
    const rows = await page.getByTestId('compare-table').locator('tbody tr').count();
    assert(rows === 5, `comparison table has ${rows} rows`);
    // Sort by population (descending first).
    await page
      .getByRole('button', { name: /Population municipale/ })
      .first()
      .click();
    const firstRow = await page.getByTestId('compare-table').locator('tbody tr').first().innerText();
    assert(
      /CARENE/.test(firstRow),
      `largest EPCI should come first after sorting by population: ${firstRow.slice(0, 80)}`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
    const path = await download.path();
    const bytes = (await import('node:fs')).readFileSync(path!);
    assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'CSV lacks the UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    assert(lines.length === 6, `CSV has ${lines.length} lines, expected header + 5`);
    const header = lines[0].split(';');
    assert(
      header[0] === 'Code' &&
        header[1] === 'Nom' &&
        header.some((h) => h.startsWith('Évolution de l’emploi salarié privé (%)')),
      `CSV header: ${lines[0].slice(0, 160)}`,
    );
    const carene = lines.find((l) => l.startsWith('244400644;'));
    assert(carene && /;\d+,\d+;/.test(carene), `CARENE row lacks French decimals: ${carene}`);
    // A custom group from the basket's EPCI, kept after a reload.
    await page.getByTestId('group-name').fill('Estuaire de la Loire');
    await page.getByRole('button', { name: /Créer un groupe/ }).click();
    assert(
      (await page.getByTestId('compare-table').locator('tbody tr').count()) === 6,
      'group row missing from the comparison',
    );
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('compare-open').click();
    const text = await page.getByTestId('compare-table').innerText();
    assert(/Estuaire de la Loire/.test(text), 'the custom group did not survive the reload');
    ctx.outside.push(...outside);
    await context.close();
  });
}
