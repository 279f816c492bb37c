// Colouring by an indicator, the legend, filters, the Cartofriches point layer and the profile.
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';
import { firstNumber, mapShot, openAt, pixelStats } from './map-helpers.ts';

test('choosing an indicator colours the map and fills the legend', async ({ page }) => {
  await openMap(page);
  const before = await mapShot(page);
  await page.getByTestId('indicator-select').selectOption('emploi_evol_pct');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Évolution de l’emploi salarié privé');
  await expect(legend).toContainText(/2019–2024/);
  await expect(legend).toContainText('%');
  await expect(legend).toContainText(/Données manquantes\s*5/); // Mayotte
  await expect(legend).toContainText('Urssaf');
  await expect(legend).toContainText(/−\d/); // French minus sign in the bounds
  await expect(page).toHaveURL(/ind=emploi_evol_pct/);
  await expect.poll(async () => pixelStats(before).diff(await mapShot(page)), 'map recoloured').toBeGreaterThan(0.03);
  // Switching to TI level recolours with the aggregated values.
  await page.getByLabel('Territoires d’industrie', { exact: true }).first().check();
  await expect(legend).toContainText('TI 2023–2027');
  await expect(page).toHaveURL(/niv=ti/);
});

test('two filters update the count and dim the other territories', async ({ page }) => {
  await openMap(page, '?ind=friches');
  const count = page.getByTestId('filter-count');
  const map = page.getByTestId('map');
  await expect(count).toHaveText(/1\s255 EPCI/);
  const before = await mapShot(page);
  await page.getByTestId('filter-add').selectOption('c:sprint');
  await page.getByLabel(/^Éligible/).check();
  await expect(count).not.toHaveText(/1\s255 EPCI/);
  const n1 = firstNumber(await count.innerText());
  expect(n1).toBeGreaterThan(100);
  expect(n1).toBeLessThan(1255);
  await page.getByTestId('filter-add').selectOption('r:population');
  await page.locator('.range-filter input').first().fill('50000');
  await expect.poll(async () => firstNumber(await count.innerText())).toBeLessThan(n1);
  const n2 = firstNumber(await count.innerText());
  expect(n2).toBeGreaterThan(0);
  // The adapter reports how many territories it dims: all but the matching ones.
  await expect(map).toHaveAttribute('data-dimmed', String(1255 - n2));
  await expect.poll(async () => pixelStats(before).diff(await mapShot(page)), 'map dimmed').toBeGreaterThan(0.02);
  await expect(page).toHaveURL(/f=c:sprint:eligible/);
  await page.getByRole('button', { name: 'Tout réinitialiser' }).click();
  await expect(count).toHaveText(/1\s255 EPCI/);
  await expect(map).toHaveAttribute('data-dimmed', '0');
});

test('the Cartofriches point layer clusters sites and filters them by status and type', async ({ page }) => {
  await openAt(page, { lon: 2.5, lat: 48.9, zoom: 7 });
  // Clusters (brown circles) and sites (brown, red…): warm pixels, absent from the base map.
  const drawn = async () => pixelStats(await mapShot(page)).count((r, _g, b) => r - b > 60);
  const empty = await drawn();
  await page.getByTestId('friches-toggle').check();
  // Clustering runs in a worker: wait until the circles are drawn.
  await expect.poll(drawn, { message: 'clusters drawn', timeout: 60_000 }).toBeGreaterThan(empty + 0.01);
  await waitForMapIdle(page);
  const all = await drawn();
  // Keep only industrial brownfields without a project.
  for (const label of [
    'Friche potentielle',
    'Friche avec projet',
    'Friche reconvertie',
    'Autre type connu',
    'Type inconnu',
  ])
    await page.getByLabel(label).uncheck();
  await expect(page).toHaveURL(/fr=1-0/);
  await expect.poll(drawn, 'fewer sites drawn once filtered').toBeLessThan(all * 0.9);
});

test('an EPCI profile lists indicators with ranks, ZIBaC and Sprint states', async ({ page }) => {
  await openMap(page, '?sel=244400644');
  await expect(page.getByTestId('profile')).toContainText('Zone industrialo-portuaire Loire Estuaire');
  await expect(page.getByTestId('sprint-state')).toContainText('Non éligible');
  await expect(page.getByTestId('indicator-table')).toContainText(/sur 1\s?255/);
  await expect(page.getByTestId('sentences')).toContainText('friches recensées');
});
