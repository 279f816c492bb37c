import type { Browser } from 'playwright-core';
import { assert, openPage, test, waitForMap } from './harness.ts';
import { pixelStats } from './pixels.ts';

export function colourTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  test('choosing an indicator colours the map and fills the legend', async () => {
    const { page, context, outside } = await openPage(ctx.browser(), `${ctx.url()}/`);
    await waitForMap(page);
    const map = page.locator('[data-testid=map]');
    const before = await map.screenshot();
    await page.getByTestId('indicator-select').selectOption('emploi_evol_pct');
    await page.getByTestId('legend').waitFor();
    await waitForMap(page);
    const after = await map.screenshot();
    const changed = pixelStats(before).diff(after);
    assert(changed > 0.03, `map barely changed after choosing an indicator (${(changed * 100).toFixed(2)} %)`);
    // The darkest blue class of the diverging scheme is on screen.
    const legend = await page.getByTestId('legend').innerText();
    assert(/Évolution de l’emploi salarié privé/.test(legend), 'legend lacks the indicator label');
    assert(/2019–2024/.test(legend) && /%/.test(legend), 'legend lacks the period or the unit');
    assert(/Données manquantes\s*5/.test(legend), `legend lacks the no-data class (Mayotte): ${legend}`);
    assert(/Urssaf/.test(legend), 'legend lacks the source');
    assert(/−\d/.test(legend), 'legend bounds not in French format with a minus sign');
    assert(page.url().includes('ind=emploi_evol_pct'), 'URL lacks the indicator');
    // Switching to TI level recolours with the aggregated values.
    await page.getByLabel('Territoires d’industrie', { exact: true }).first().check();
    await waitForMap(page);
    const tiLegend = await page.getByTestId('legend').innerText();
    assert(/TI 2023–2027/.test(tiLegend), `legend does not say TI level: ${tiLegend}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('two filters update the count and dim the other territories', async () => {
    const { page, context, outside } = await openPage(ctx.browser(), `${ctx.url()}/?ind=friches`);
    await waitForMap(page);
    const count = () => page.getByTestId('filter-count').innerText();
    assert(/1\s255 EPCI/.test(await count()), `initial count: ${await count()}`);
    const map = page.locator('[data-testid=map]');
    const before = await map.screenshot();
    await page.getByTestId('filter-add').selectOption('c:sprint');
    await page.getByLabel(/^Éligible/).check();
    const one = await count();
    const n1 = Number(one.replace(/\D+/g, ' ').trim().split(' ')[0]);
    assert(n1 > 100 && n1 < 1255, `count after one filter: ${one}`);
    await page.getByTestId('filter-add').selectOption('r:population');
    await page.locator('.range-filter input').first().fill('50000');
    const two = await count();
    const n2 = Number(two.replace(/\D+/g, ' ').trim().split(' ')[0]);
    assert(n2 > 0 && n2 < n1, `count after two filters: ${two} (was ${one})`);
    const dimmed = await page.evaluate(() => {
      const m = window.__atlas!.map.map;
      const codes = window.__atlas!.store.getState().data!.indicators.epci.codes;
      return codes.filter((c) => m.getFeatureState({ source: 'epci', id: c }).dim === true).length;
    });
    assert(dimmed === 1255 - n2, `dimmed ${dimmed} territories, expected ${1255 - n2}`);
    await waitForMap(page);
    const after = await map.screenshot();
    assert(pixelStats(before).diff(after) > 0.02, 'map did not visibly dim');
    assert(page.url().includes('f=c:sprint:eligible'), `URL lacks the filters: ${page.url()}`);
    await page.getByRole('button', { name: 'Tout réinitialiser' }).click();
    assert(/1\s255 EPCI/.test(await count()), 'reset did not restore the count');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('the Cartofriches point layer clusters sites and filters them by status and type', async () => {
    const { page, context, outside } = await openPage(ctx.browser(), `${ctx.url()}/?v=2.5,48.9,7`);
    await waitForMap(page);
    await page.getByTestId('friches-toggle').check();
    await page.waitForFunction(() => !!window.__atlas!.map.map.getLayer('friches-clusters'), null, { timeout: 30_000 });
    // Clustering runs in the worker: wait until the cluster circles are drawn.
    await page.waitForFunction(
      () => window.__atlas!.map.map.queryRenderedFeatures({ layers: ['friches-clusters'] }).length > 10,
      null,
      { timeout: 60_000 },
    );
    await waitForMap(page);
    const total = () =>
      page.evaluate(() => {
        const m = window.__atlas!.map.map;
        const labels = m.queryRenderedFeatures({ layers: ['friches-clusters'] }).length;
        const points = m.queryRenderedFeatures({ layers: ['friches-points'] }).length;
        return { labels, points };
      });
    const all = await total();
    assert(all.labels > 10, `too few clusters drawn: ${JSON.stringify(all)}`);
    // Keep only industrial brownfields without a project.
    for (const label of [
      'Friche potentielle',
      'Friche avec projet',
      'Friche reconvertie',
      'Autre type connu',
      'Type inconnu',
    ])
      await page.getByLabel(label).uncheck();
    await waitForMap(page);
    const few = await total();
    assert(
      few.labels + few.points < all.labels + all.points,
      `filtering by status/type did not reduce what is drawn: ${JSON.stringify(all)} → ${JSON.stringify(few)}`,
    );
    assert(page.url().includes('fr=1-0'), `URL lacks the point layer state: ${page.url()}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('an EPCI profile lists indicators with ranks, ZIBaC and Sprint states', async () => {
    const { page, context, outside } = await openPage(ctx.browser(), `${ctx.url()}/?sel=244400644`);
    await waitForMap(page);
    const text = (await page.getByTestId('profile').textContent()) ?? '';
    assert(/Zone industrialo-portuaire Loire Estuaire/.test(text), 'ZIBaC zone missing from the CARENE profile');
    assert(/Non éligible/.test(await page.getByTestId('sprint-state').innerText()), 'Sprint state missing');
    assert(/sur 1\s?255/.test(await page.getByTestId('indicator-table').innerText()), 'ranks among all EPCI missing');
    assert(/friches recensées/.test(await page.getByTestId('sentences').innerText()), 'theme sentence missing');
    ctx.outside.push(...outside);
    await context.close();
  });
}
