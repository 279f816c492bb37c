// First view: the data is preloaded from index.html (one request each), the code that the first
// view does not draw loads on first use, and a chunk that fails to download gives a clear message
// and a retry instead of a blank panel.
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';

test('data preloaded once, lazy code not loaded by the first view', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openMap(page);
  const count = (re: RegExp) => requests.filter((p) => re.test(p)).length;
  // The preload and the app's fetch are one request (same mode and credentials).
  expect(count(/\/generated\/atlas-national\.topo\.json$/)).toBe(1);
  expect(count(/\/generated\/indicators\.json$/)).toBe(1);
  // The full-detail topology is for the SVG export only (the map draws tiles).
  expect(count(/\/generated\/atlas\.topo\.json$/)).toBe(0);
  for (const lazy of [/ExportDialog-/, /SourcesDialog-/, /\/en-/, /universal-/])
    expect(count(lazy), String(lazy)).toBe(0);

  await page.getByTestId('open-export').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(count(/ExportDialog-/)).toBe(1);
});

test('a link naming only its indicator draws its first map from its own colours, then the data loads', async ({
  page,
}) => {
  await openMap(page, '?ind=population');
  const timing = await page.evaluate(() => {
    const mark = performance.getEntriesByName('atlas:first-map')[0]?.startTime ?? Number.NaN;
    const start = (name: string) =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith(`/generated/${name}`))
        .map((r) => r.startTime);
    return { mark, colours: start('first-view/population.json'), territories: start('territories.json') };
  });
  // One request for the link's colours, before the first map; the data only after it.
  expect(timing.colours).toHaveLength(1);
  expect(timing.colours[0]).toBeLessThan(timing.mark);
  expect(timing.territories).toHaveLength(1);
  expect(timing.territories[0]).toBeGreaterThan(timing.mark);
  // The link is then read with the data: its indicator is the one shown.
  await expect(page.getByTestId('indicator-select')).toHaveValue('population');
  await expect(page).toHaveURL(/ind=population/);
});

test('a chunk that fails to load shows a message and a retry that works', async ({ page }) => {
  await openMap(page);
  let aborted = 0;
  await page.route(/\/assets\/ExportDialog-[^/]+\.js$/, async (route) => {
    if (aborted++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.getByTestId('open-export').click();
  const error = page.getByTestId('chunk-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('n’a pas pu être chargée');
  await page.screenshot({ path: 'test-results/loading-chunk-error.png' });
  await error.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(error).toHaveCount(0);
});

test('the English dictionary loads on first use, and directly for ?lang=en', async ({ page }) => {
  await openMap(page);
  await expect(page.getByTestId('open-export')).toHaveText('Exporter');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('open-export')).toHaveText('Export');

  await page.goto('./?lang=en');
  await waitForMapIdle(page);
  await expect(page.getByTestId('open-export')).toHaveText('Export');
  await expect(page.getByTestId('search-input')).toBeVisible();
});

test('search and import load after the first map and work', async ({ page }) => {
  await openMap(page);
  const input = page.getByTestId('search-input');
  await input.fill('dunkerque');
  await expect(page.getByRole('option').first()).toContainText(/Dunkerque/i);
  await expect(page.getByTestId('open-import')).toBeEnabled();
});

test('zoomed in, the map draws the full detail from its own tiles: no topology download, no missing tile', async ({
  page,
}) => {
  const tiles: string[] = [],
    missing: string[] = [],
    topologies: string[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.includes('/generated/tiles/')) tiles.push(path);
    if (path.includes('/generated/tiles/') && !r.ok()) missing.push(path);
    if (path.endsWith('atlas.topo.json')) topologies.push(path);
  });
  await openMap(page, '?v=4.84,45.76,8.5');
  expect(tiles.some((p) => p.includes('/tiles/epci/8/'))).toBe(true);
  expect(missing).toEqual([]);
  expect(topologies).toEqual([]);
});
