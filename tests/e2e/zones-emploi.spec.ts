// Industrial employment of the zone d'emploi: searched EPCI's profile, map indicator, national view.
import { axeViolations, expect, openMap, test, waitForMapIdle } from './fixtures.ts';

test('searching the CARENE shows the industrial jobs of its zone d’emploi in the profile', async ({ page }) => {
  await openMap(page);
  const box = page.locator('[data-testid=search-input][role=combobox]');
  await box.fill('244400644');
  await expect(page.getByRole('option').first()).toContainText('CARENE');
  await box.press('Enter');
  const section = page.getByTestId('zone-emploi');
  await expect(section.getByRole('heading', { name: 'Emploi industriel de la zone d’emploi' })).toBeVisible();
  const zone = section.getByTestId('ze-zone-5219');
  await expect(zone.getByRole('heading', { level: 4 })).toContainText('Zone d’emploi de Saint-Nazaire (5219)');
  await expect(zone.getByRole('heading', { level: 4 })).toContainText('100');
  // Industrial jobs 2019 and 2024 of the zone, France alongside (fr-FR digits grouped by U+202F).
  const row = (label: string) => zone.getByRole('row', { name: new RegExp(label) });
  await expect(row('Emplois industriels 2019')).toContainText(/19\s901/);
  await expect(row('Emplois industriels 2024')).toContainText(/22\s326/);
  await expect(row('Emplois industriels 2024')).toContainText(/3\s179\s726/);
  await expect(zone.getByTestId('ze-change')).toHaveText(/\+2\s425/);
  await expect(zone.getByTestId('ze-change-pct')).toHaveText(/\+12,2\s%/);
  // Top sector: transport equipment, 11 330 jobs in 2024.
  await expect(zone.getByRole('row', { name: /Matériels transport/ })).toContainText(/11\s330/);
  await expect(section).toContainText("Urssaf – effectifs salariés privés par secteur (A38) et zone d'emploi");
  await expect(section).toContainText('pas ceux du territoire lui-même');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/zones-emploi-profile.png' });
  expect(await axeViolations(page, { include: '[data-testid=zone-emploi]' })).toEqual([]);
});

test('the change indicator colours EPCI by their main zone and the legend says so', async ({ page }) => {
  await openMap(page, '?ind=ze_emploi_industriel_evol_pct');
  await waitForMapIdle(page);
  const legend = page.getByTestId('legend');
  await expect(legend.getByRole('heading')).toHaveText('Évolution de l’emploi industriel de la zone d’emploi (%)');
  await expect(legend).toContainText('2019–2024');
  await expect(legend).toContainText('zone d’emploi principale');
  await page.screenshot({ path: 'test-results/zones-emploi-map.png' });
});

test('the national view compares zones covered by a TI with the other zones', async ({ page }) => {
  await openMap(page);
  const view = page.getByTestId('ze-national');
  await view.getByText('Emploi industriel : zones couvertes par un TI et autres zones').click();
  const t2018 = view.getByTestId('ze-national-2018');
  await expect(t2018.getByRole('row', { name: /Zones couvertes par un TI/ })).toContainText('180');
  await expect(t2018.getByRole('row', { name: /Autres zones/ })).toContainText('125');
  await expect(view).toContainText('plus de la moitié de sa population');
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/zones-emploi-national.png' });
});
