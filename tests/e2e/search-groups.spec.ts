// Search by the town a territory is centred on; custom groups travel in links and are drawn.
import { expect, openMap, test } from './fixtures.ts';

test('searching a town lists the EPCI and TI centred on it', async ({ page }) => {
  await openMap(page, '?ind=');
  const input = page.getByRole('combobox', { name: /Rechercher/ });
  await input.fill('Saint-Nazaire');
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: 'CARENE' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Saint-Nazaire Loire Estuaire' }).first()).toBeVisible();
});

test('a link with a custom group shows it on the map and keeps it in the address', async ({ page }) => {
  await openMap(page, '?ind=&v=-1.9,47.3,8&grp=Estuaire+test:244400644,244400404');
  expect(new URL(page.url()).searchParams.get('grp')).toBe('Estuaire test:244400644,244400404');
  // The group's outline colour (#00695c) is drawn on the canvas.
  const png = await page.getByTestId('map').screenshot({ path: '/tmp/shots/group.png' });
  const count = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - 0) + Math.abs(d[i + 1] - 0x69) + Math.abs(d[i + 2] - 0x5c) < 40) n++;
    return n;
  }, png.toString('base64'));
  expect(count).toBeGreaterThan(200);
});
