import type { Browser, Page } from 'playwright-core';
import { COLORS } from '../../src/map/style.ts';
import { assert, openPage, project, test, waitForMap } from './harness.ts';
import { hex, pixelStats } from './pixels.ts';

export function foundationTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  const open = async (query = '', size?: { width: number; height: number }) => {
    const r = await openPage(ctx.browser(), `${ctx.url()}/${query}`, size);
    await waitForMap(r.page);
    return r;
  };
  const mapShot = (page: Page) => page.locator('[data-testid=map]').screenshot();

  test('map is drawn (not blank): land, borders and TI outlines are visible', async () => {
    const { page, context, outside, errors } = await open();
    const stats = pixelStats(await mapShot(page));
    const land = stats.share(hex(COLORS.land), 4);
    const tint = stats.share(hex(COLORS.tiTint), 40);
    const sea = stats.share(hex(COLORS.background), 4);
    assert(stats.distinct > 50, `map looks blank: ${stats.distinct} distinct colours`);
    assert(land > 0.02, `too little land colour on screen: ${(land * 100).toFixed(1)} %`);
    assert(tint > 0.02, `TI tint barely visible: ${(tint * 100).toFixed(1)} %`);
    assert(sea > 0.3 && sea < 0.85, `background share unexpected: ${(sea * 100).toFixed(1)} %`);
    assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('hovering then clicking the CARENE shows its name, then its profile', async () => {
    const { page, context, outside } = await open();
    // Saint-Nazaire town centre, inside the CARENE (244400644).
    await page.evaluate(() => window.__atlas!.map.map.jumpTo({ center: [-2.25, 47.3], zoom: 8 }));
    await waitForMap(page);
    const p = await project(page, -2.215, 47.28);
    await page.mouse.move(p.x, p.y);
    const tip = page.locator('[data-testid=tooltip]');
    await tip.waitFor({ timeout: 5000 });
    const tipText = await tip.innerText();
    assert(/Nazairienne|CARENE/i.test(tipText), `tooltip says "${tipText}"`);
    await page.mouse.click(p.x, p.y);
    const profile = page.locator('[data-testid=profile]');
    await profile.waitFor();
    const text = (await profile.textContent()) ?? '';
    assert(/244400644/.test(text), 'profile lacks the SIREN');
    assert(/Communauté d'agglomération/.test(text), 'profile lacks the EPCI type');
    assert(/Saint-Nazaire Loire Estuaire/.test(text), 'profile lacks the 2023–2027 TI');
    assert(/Saint-Nazaire - Cordemais/.test(text), 'profile lacks the 2018–2022 TI');
    assert(/Loire-Atlantique \(44\)/.test(text), 'profile lacks the département');
    const pop = await page.locator('[data-testid=population]').innerText();
    assert(/^\d{2,3}[\s\u202f\u00a0]\d{3} hab\.$/.test(pop), `population "${pop}" not in French format`);
    const selected = await page.evaluate(() => window.__atlas!.store.getState().view.selection);
    assert(selected?.code === '244400644', 'store selection is not the CARENE');
    assert(page.url().includes('sel=244400644'), `URL does not carry the selection: ${page.url()}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a DROM inset is interactive: clicking in the La Réunion inset selects a Réunion EPCI', async () => {
    const { page, context, outside } = await open();
    const hit = await page.evaluate(() => {
      const a = window.__atlas!;
      const inset = a.store.getState().data!.territories.insets.find((i) => i.dep === '974')!;
      const [w, s, e, n] = inset.box;
      for (let i = 1; i < 20; i++)
        for (let j = 1; j < 20; j++) {
          const pt = a.map.map.project([w + ((e - w) * i) / 20, s + ((n - s) * j) / 20]);
          const f = a.map.map.queryRenderedFeatures(pt, { layers: ['epci-fill'] })[0];
          // Well inside a polygon, not on a border: the same EPCI 4 px around.
          if (
            f &&
            [
              [4, 0],
              [-4, 0],
              [0, 4],
              [0, -4],
            ].every(
              ([dx, dy]) =>
                a.map.map.queryRenderedFeatures([pt.x + dx, pt.y + dy], { layers: ['epci-fill'] })[0]?.properties
                  .code === f.properties.code,
            )
          ) {
            const r = a.map.map.getCanvas().getBoundingClientRect();
            return { x: r.left + pt.x, y: r.top + pt.y, code: String(f.properties.code) };
          }
        }
      return null;
    });
    assert(hit, 'no EPCI drawn inside the La Réunion inset');
    await page.mouse.click(hit.x, hit.y);
    await page.locator('[data-testid=profile]').waitFor();
    const text = (await page.locator('[data-testid=profile]').textContent()) ?? '';
    assert(/La Réunion/.test(text), `profile is not a Réunion EPCI: ${text.slice(0, 120)}`);
    assert(text.includes(hit.code), 'profile code differs from the clicked feature');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('the generation switch changes the TI drawn', async () => {
    const { page, context, outside } = await open();
    const count = (layer: string) =>
      page.evaluate((l) => window.__atlas!.map.map.queryRenderedFeatures({ layers: [l] }).length, layer);
    const before = await mapShot(page);
    assert((await count('ti2023-line')) > 0, 'no 2023 TI outline drawn at start');
    await page.getByLabel('2018–2022 (149 TI)').check();
    await waitForMap(page);
    const after = await mapShot(page);
    assert((await count('ti2018-line')) > 0, 'no 2018 TI outline drawn after switching');
    assert((await count('ti2023-line')) === 0, '2023 TI still drawn after switching');
    const changed = pixelStats(before).diff(after);
    assert(changed > 0.005, `map pixels barely changed after switching (${(changed * 100).toFixed(2)} %)`);
    await page.getByLabel('Masqués').check();
    await waitForMap(page);
    assert((await count('ti2018-line')) === 0 && (await count('ti2023-line')) === 0, 'TI still drawn when hidden');
    assert(page.url().includes('gen=2018'), `URL lacks the generation: ${page.url()}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('English switch translates the interface', async () => {
    const { page, context, outside } = await open();
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByText('Atlas of Territoires d’industrie').waitFor();
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang not updated');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('a malformed link still opens the map and says what was dropped', async () => {
    const { page, context, outside } = await open('?gen=1999&sel=e:123&foo=%E0%A4%A&cl=q42');
    const notice = await page.locator('.notice').first().innerText();
    assert(/gen|sel|foo/.test(notice), `no notice about dropped parameters: "${notice}"`);
    const stats = pixelStats(await mapShot(page));
    assert(stats.distinct > 50, 'map blank after malformed link');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('on a 360 px phone the map and the profile are usable', async () => {
    const { page, context, outside } = await open('?sel=e:244400644', { width: 360, height: 740 });
    const box = await page.locator('[data-testid=map]').boundingBox();
    assert(box && box.width >= 340 && box.height >= 250, `map too small on phone: ${JSON.stringify(box)}`);
    const stats = pixelStats(await mapShot(page));
    assert(stats.distinct > 30, 'map blank on phone');
    assert(await page.locator('[data-testid=profile]').isVisible(), 'profile not shown on phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `page overflows horizontally by ${overflow}px`);
    ctx.outside.push(...outside);
    await context.close();
  });
}
