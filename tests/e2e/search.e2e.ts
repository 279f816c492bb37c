// End-to-end tests of the header search box (src/ui/SearchBox.tsx).
import type { Browser, Page } from 'playwright-core';
import { assert, openPage, test, waitForMap } from './harness.ts';

export function searchTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  const open = async (query = '', size?: { width: number; height: number }) => {
    const r = await openPage(ctx.browser(), `${ctx.url()}/${query}`, size);
    await waitForMap(r.page);
    return r;
  };
  const box = (page: Page) => page.locator('[data-testid=search-input][role=combobox]');
  const options = (page: Page) => page.locator('[role=listbox] [role=option]');
  /** Texts of the options once one of them matches `ready` (the commune list loads lazily). */
  const optionTexts = async (page: Page, ready: RegExp): Promise<string[]> => {
    await page.locator('[role=listbox] [role=option]', { hasText: ready }).first().waitFor({ timeout: 10_000 });
    return options(page).allInnerTexts();
  };
  const state = (page: Page) =>
    page.evaluate(() => {
      const v = window.__atlas!.store.getState().view;
      return { selection: v.selection, generation: v.generation, showTi: v.showTi };
    });

  test('search: "st nazaire" typed, ArrowDown to the commune, Enter opens the CARENE and names its TI', async () => {
    const { page, context, outside, errors } = await open();
    await box(page).click();
    await page.keyboard.type('st nazaire');
    const texts = await optionTexts(page, /44600/);
    assert((await box(page).getAttribute('aria-expanded')) === 'true', 'combobox not expanded while options are shown');
    const i = texts.findIndex(
      (x) => /^Saint-Nazaire\b/.test(x) && /Commune/.test(x) && /44600/.test(x) && /\(44\)/.test(x),
    );
    assert(i >= 0, `no option for the commune Saint-Nazaire (44): ${texts.join(' | ')}`);
    for (let k = 0; k <= i; k++) await page.keyboard.press('ArrowDown');
    const activeId = await box(page).getAttribute('aria-activedescendant');
    assert(activeId, 'no aria-activedescendant after ArrowDown');
    const activeText = await page.evaluate((id) => document.getElementById(id)?.textContent ?? '', activeId);
    assert(
      /44600/.test(activeText) &&
        (await page.evaluate((id) => document.getElementById(id)?.getAttribute('aria-selected'), activeId)) === 'true',
      `active option is "${activeText}"`,
    );
    await page.keyboard.press('Enter');
    assert((await box(page).getAttribute('aria-expanded')) === 'false', 'list still open after Enter');
    const profile = page.locator('[data-testid=profile]');
    await profile.filter({ hasText: 'CARENE' }).waitFor({ timeout: 5000 });
    const text = (await profile.textContent()) ?? '';
    assert(
      /CA de la Région Nazairienne et de l'Estuaire \(CARENE\)/.test(text),
      `profile is not the CARENE: ${text.slice(0, 120)}`,
    );
    const status = (await page.locator('[data-testid=search-status] [role=status]').innerText()).trim();
    assert(
      /^Saint-Nazaire \(44184\) fait partie de la CA de la Région Nazairienne et de l'Estuaire \(CARENE\)/.test(status),
      `status line: "${status}"`,
    );
    assert(
      /Territoire d’industrie Saint-Nazaire Loire Estuaire \(2023–2027\)/.test(status),
      `status line lacks the 2023 TI: "${status}"`,
    );
    const { selection } = await state(page);
    assert(
      selection?.kind === 'epci' && selection.code === '244400644',
      `store selection: ${JSON.stringify(selection)}`,
    );
    // The sentence stays until the next search, or until dismissed.
    await page.locator('[data-testid=search-status] button').click();
    assert(
      (await page.locator('[data-testid=search-status] [role=status]').innerText()).trim() === '',
      'status line not dismissed',
    );
    assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('search: a postcode shared by several communes lists them all', async () => {
    const { page, context, outside } = await open();
    await box(page).click();
    await page.keyboard.type('06500');
    const texts = await optionTexts(page, /06500/);
    const communes = texts.filter((x) => /Commune/.test(x) && /06500/.test(x));
    assert(communes.length >= 3, `only ${communes.length} commune options for 06500: ${texts.join(' | ')}`);
    assert(
      texts.some((x) => /^Menton\b/.test(x)),
      `Menton missing for 06500: ${texts.join(' | ')}`,
    );
    // Home/End move within the open list, Escape closes it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const last = await box(page).getAttribute('aria-activedescendant');
    const lastId = await options(page).last().getAttribute('id');
    assert(last && last === lastId, `End did not reach the last option (${last} vs ${lastId})`);
    await page.keyboard.press('Escape');
    assert((await box(page).getAttribute('aria-expanded')) === 'false', 'Escape did not close the list');
    assert(await page.locator('[role=listbox]').isHidden(), 'listbox still visible after Escape');
    // ArrowDown reopens it; leaving the field closes it.
    await page.keyboard.press('ArrowDown');
    assert((await box(page).getAttribute('aria-expanded')) === 'true', 'ArrowDown did not reopen the list');
    await page.locator('.header h1').click();
    assert(await page.locator('[role=listbox]').isHidden(), 'listbox still visible after the field lost focus');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('search: choosing a 2018–2022-only TI switches the generation and opens its profile', async () => {
    const { page, context, outside } = await open();
    assert((await state(page)).generation === '2023', 'the app does not start on the 2023 generation');
    // "Montereau - Nemours" (2018:ti-1106) has no 2023–2027 counterpart of that name.
    await box(page).click();
    await page.keyboard.type('montereau nemours');
    await optionTexts(page, /Montereau - Nemours/);
    const option = page.locator('[role=option]', { hasText: 'Montereau - Nemours' }).first();
    assert(/TI 2018–2022/.test(await option.innerText()), `badge: ${await option.innerText()}`);
    await option.click();
    const profile = page.locator('[data-testid=profile]');
    await profile.filter({ hasText: 'Montereau - Nemours' }).waitFor({ timeout: 5000 });
    assert(/2018–2022/.test((await profile.textContent()) ?? ''), 'profile does not show the 2018–2022 generation');
    const s = await state(page);
    assert(s.generation === '2018' && s.showTi, `view not switched to 2018: ${JSON.stringify(s)}`);
    assert(
      s.selection?.kind === 'ti' && s.selection.code === '2018:ti-1106',
      `store selection: ${JSON.stringify(s.selection)}`,
    );
    assert(page.url().includes('gen=2018'), `URL lacks the generation: ${page.url()}`);
    assert((await box(page).inputValue()) === 'Montereau - Nemours', 'the box does not show the chosen name');
    ctx.outside.push(...outside);
    await context.close();
  });

  test('search: no result, too short and unknown code each say why', async () => {
    const { page, context, outside } = await open();
    await box(page).click();
    await page.keyboard.type('zzqx');
    const msg = page.locator('.search-message');
    await msg.filter({ hasText: 'zzqx' }).waitFor({ timeout: 10_000 });
    const text = await msg.innerText();
    assert(/Aucun résultat pour «\s?zzqx\s?»/.test(text) && /code postal/.test(text), `no-result message: "${text}"`);
    assert((await options(page).count()) === 0, 'options shown for zzqx');
    assert((await box(page).getAttribute('aria-expanded')) === 'false', 'combobox expanded without options');
    await box(page).fill('a');
    assert(/au moins 2 caractères/.test(await msg.innerText()), `too-short message: "${await msg.innerText()}"`);
    await box(page).fill('99999');
    await msg.filter({ hasText: '99999' }).waitFor({ timeout: 5000 });
    assert(/n’est pas connu/.test(await msg.innerText()), `unknown-code message: "${await msg.innerText()}"`);
    ctx.outside.push(...outside);
    await context.close();
  });

  test('search: on a 360 px phone the list stays inside the screen', async () => {
    const { page, context, outside } = await open('', { width: 360, height: 740 });
    await box(page).click();
    await page.keyboard.type('saint');
    await optionTexts(page, /Commune/);
    const list = await page.locator('.search-popup').boundingBox();
    assert(list && list.x >= 0 && list.x + list.width <= 360, `listbox overflows the screen: ${JSON.stringify(list)}`);
    const input = await box(page).boundingBox();
    assert(input && input.width >= 300, `search box too narrow on phone: ${JSON.stringify(input)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `page overflows horizontally by ${overflow}px`);
    // A tap on an option chooses it.
    await options(page).first().click();
    await page.locator('[data-testid=profile]').waitFor({ timeout: 5000 });
    ctx.outside.push(...outside);
    await context.close();
  });
}
