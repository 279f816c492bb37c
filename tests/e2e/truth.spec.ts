// Every figure true and sourced (issue 11), read through the UI as a new user would.
import { expect, openMap, test } from './fixtures.ts';

test('an EPT is found by search and its profile gives its own figure and the source line', async ({ page }) => {
  await openMap(page);
  const box = page.getByTestId('search-input');
  await box.fill('EPT Boucle Nord');
  const option = page.getByRole('option').filter({ hasText: 'Boucle Nord de Seine' }).filter({ hasText: 'EPT' });
  await expect(option.first()).toBeVisible();
  await option.first().click();
  const profile = page.getByTestId('profile');
  await expect(profile.getByRole('heading', { level: 2 })).toHaveText('EPT Boucle Nord de Seine');
  await expect(profile.getByTestId('ept-note')).toContainText('territoire de la Métropole du Grand Paris');
  await expect(profile.getByTestId('ept-note')).toContainText('ne sont pas classés parmi les EPCI');
  // Its own census share of industry (12.58 %), not the Métropole's 5.32 %.
  const share = profile.locator('tr[data-indicator="part_industrie"]');
  await expect(share).toContainText('12,6');
  await expect(profile).not.toContainText('5,3 %');
  // Housing: the source has no EPT row → « n.d. » with the reason.
  await expect(profile.locator('tr[data-indicator="vacance"]')).toContainText('n.d.');
  await expect(profile.locator('tr[data-indicator="vacance"]')).toContainText('pas de ligne pour ce territoire');
  // Source, year and licence as visible text under each theme.
  await expect(profile.getByTestId('theme-sources').first()).toBeVisible();
  await expect(profile.getByTestId('theme-sources').filter({ hasText: 'recensement' })).toContainText(
    'licence à confirmer',
  );
  // Sprint: the EPT is in a 2023–2027 TI and is assessed on its own population.
  await expect(profile.getByTestId('sprint-state')).toContainText('En partie dans un département exclu');
  await expect(profile.getByTestId('sprint-shares')).toContainText("Val-d'Oise (95) 23,3 %");
  expect(page.url()).toContain('sel=200057990');
  await page.screenshot({ path: '/tmp/truth-ept.png' });
});

test('the TI member table shows the EPT’s own value', async ({ page }) => {
  await openMap(page, '?sel=2023%3Ati-1101');
  const members = page.getByTestId('member-values');
  await expect(members).toContainText('Boucle Nord de Seine');
  await expect(members).toContainText('12,6');
  await expect(members).not.toContainText('5,3');
});

test('Sprint Innovation: EPCI state with population shares, 2018–2022 TI not applicable', async ({ page }) => {
  await openMap(page, '?sel=200040111');
  const sprint = page.getByTestId('sprint-state');
  await expect(sprint).toContainText('En partie dans un département exclu');
  await expect(page.getByTestId('sprint-shares')).toContainText('Isère (38) 68,3 %');
  await openMap(page, '?niv=ti&gen=2018&ind=sprint');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Non applicable (programme 2023–2027)');
  await expect(legend).not.toContainText('Données manquantes');
});

test('friches are never ranked, and say why', async ({ page }) => {
  await openMap(page, '?ind=friches&sel=200067106');
  await expect(page.getByTestId('legend-not-ranked')).toContainText('Non classé');
  const table = page.getByTestId('indicator-table');
  const foncier = table.locator('section').filter({ hasText: 'Friches' }).first();
  await expect(foncier).not.toContainText('1er');
  await expect(foncier).not.toContainText(/\d+e sur/);
  await expect(foncier.getByTestId('not-ranked-note')).toContainText('Cerema');
});

test('a series break reads « n.d. » with its reason, not 0 %', async ({ page }) => {
  await openMap(page, '?sel=200034031');
  const row = page.getByTestId('indicator-table').locator('tr').filter({ hasText: 'Logements vacants' });
  await expect(row).toContainText('rupture de série en 2024');
});

test('Sources et méthode lists every input with its sha256 and reconciles the TI counts', async ({ page }) => {
  await openMap(page);
  await page.getByRole('button', { name: 'Sources et méthode' }).click();
  const inputs = page.getByTestId('sources-inputs');
  await expect(inputs.locator('[data-source="emploi_communes"]')).toContainText(/[0-9a-f]{64}/);
  await expect(inputs.locator('[data-source="eco_epci"]')).toContainText('licence à confirmer');
  await expect(page.getByTestId('ti-counts')).toContainText('146, 148 ou 149');
  await expect(page.getByTestId('ti-counts')).toContainText('149');
  await expect(page.getByTestId('breaks-rule')).toContainText('exactement 0');
});

test('the Share dialog gives a caption that explains the view, and the embed code carries the source', async ({
  page,
}) => {
  await openMap(page, '?ind=friches_10k&f=r:population:50000:');
  await page.getByRole('button', { name: 'Partager' }).click();
  const dialog = page.getByTestId('share-dialog');
  const caption = dialog.getByTestId('share-caption');
  // Indicator, level, the filter in words, the caveat, the sources with their licences, the link.
  await expect(caption).toHaveValue(/Friches/);
  await expect(caption).toHaveValue(/EPCI/);
  await expect(caption).toHaveValue(/Population/);
  await expect(caption).toHaveValue(/Cerema/);
  await expect(caption).toHaveValue(/Source\u00a0: /);
  await expect(caption).toHaveValue(/Lien vers la carte : http.*ind=friches_10k/);
  await expect(dialog.getByTestId('embed-code')).toHaveValue(
    /<p style="[^"]*">Source\u00a0: .*Voir la carte complète<\/a><\/p>/,
  );
  await dialog.getByTestId('embed-credit').uncheck();
  await expect(dialog.getByTestId('embed-code')).not.toHaveValue(/Voir la carte complète/);
  // The caption follows the embed's language.
  await dialog.getByRole('radio', { name: 'English' }).check();
  await expect(caption).toHaveValue(/Link to the map: http.*lang=en/);
  await page.screenshot({ path: '/tmp/share-caption.png' });
});
