// A permalink reproduces the view (state and pixels) in a fresh page; back/forward walk the states.
import { expect, openMap, test, waitForMapIdle } from './fixtures.ts';
import { mapShot, pixelStats } from './map-helpers.ts';

test('a permalink reproduces the view in a fresh page (state and pixels); back/forward navigate states', async ({
  page,
  context,
}) => {
  await openMap(page);
  await page.getByTestId('indicator-select').selectOption('friches_10k');
  await page.getByTestId('filter-add').selectOption('c:zibac');
  await page.getByLabel(/Aucune zone connue/).check();
  await page.getByLabel('2018–2022 (149 TI)').check();
  await page.getByTestId('search-input').fill('CARENE');
  await page
    .getByRole('option', { name: /CARENE/ })
    .first()
    .click();
  await expect(page.getByTestId('profile')).toContainText('244400644');
  // The viewport is written to the URL once the map has settled on the selection.
  await expect(page).toHaveURL(/v=/);
  await waitForMapIdle(page);
  const link = page.url();
  for (const part of [/ind=friches_10k/, /gen=2018/, /sel=244400644/, /f=c:zibac:no/, /v=-?\d/])
    expect(link).toMatch(part);
  const shotA = await mapShot(page);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await waitForMapIdle(fresh);
  // The same state: the fresh page keeps the link as it is (the URL mirrors the whole view).
  expect(fresh.url()).toBe(link);
  await expect(fresh.getByTestId('filter-count')).toHaveText(await page.getByTestId('filter-count').innerText());
  await expect(fresh.getByTestId('profile')).toContainText('244400644');
  const diff = pixelStats(shotA).diff(await mapShot(fresh));
  expect(diff, 'map pixels differ between the page and its permalink').toBeLessThan(0.02);
  await fresh.close();

  // Back goes to the previous state (before the selection), forward returns.
  await page.goBack();
  await expect(page).not.toHaveURL(/sel=/);
  await page.goForward();
  await expect(page).toHaveURL(/sel=244400644/);
  await expect(page.getByTestId('profile')).toContainText('244400644');
});
