import type { Browser } from 'playwright-core';
import { assert, openPage, test, waitForMap } from './harness.ts';
import { pixelStats } from './pixels.ts';

export function permalinkTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  test('a permalink reproduces the view in a fresh page (state and pixels); back/forward navigate states', async () => {
    const a = await openPage(ctx.browser(), `${ctx.url()}/`);
    await waitForMap(a.page);
    await a.page.getByTestId('indicator-select').selectOption('friches_10k');
    await a.page.getByTestId('filter-add').selectOption('c:zibac');
    await a.page.getByLabel(/Aucune zone connue/).check();
    await a.page.getByLabel('2018–2022 (149 TI)').check();
    await a.page.evaluate(() => window.__atlas!.store.getState().select({ kind: 'epci', code: '244400644' }));
    await waitForMap(a.page);
    await a.page.waitForTimeout(600); // the viewport is written to the URL after panning settles
    const link = a.page.url();
    assert(
      /ind=friches_10k/.test(link) &&
        /gen=2018/.test(link) &&
        /sel=244400644/.test(link) &&
        /f=c:zibac:no/.test(link) &&
        /v=/.test(link),
      `link misses state: ${link}`,
    );
    const viewA = await a.page.evaluate(() => window.__atlas!.store.getState().view);
    const shotA = await a.page.locator('[data-testid=map]').screenshot();

    const b = await openPage(ctx.browser(), link);
    await waitForMap(b.page);
    const viewB = await b.page.evaluate(() => window.__atlas!.store.getState().view);
    assert(
      JSON.stringify(viewA) === JSON.stringify(viewB),
      `views differ:\n${JSON.stringify(viewA)}\n${JSON.stringify(viewB)}`,
    );
    const shotB = await b.page.locator('[data-testid=map]').screenshot();
    const diff = pixelStats(shotA).diff(shotB);
    assert(diff < 0.02, `map pixels differ by ${(diff * 100).toFixed(2)} % between the page and its permalink`);
    assert(
      (await b.page.getByTestId('filter-count').innerText()) === (await a.page.getByTestId('filter-count').innerText()),
      'filter counts differ',
    );

    // Back goes to the previous state (before the selection), forward returns.
    await a.page.goBack();
    await a.page.waitForFunction(() => window.__atlas!.store.getState().view.selection === null);
    await a.page.goForward();
    await a.page.waitForFunction(() => window.__atlas!.store.getState().view.selection?.code === '244400644');
    ctx.outside.push(...a.outside, ...b.outside);
    await a.context.close();
    await b.context.close();
  });
}
