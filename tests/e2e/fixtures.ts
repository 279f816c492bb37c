// Shared fixtures for the end-to-end specs: every page records requests that leave the app's own
// origin (the test fails if there is one) and console errors; `openMap` waits until the map is drawn.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

interface AtlasFixtures {
  /** Requests aimed outside the page's origin during the test (must stay empty). */
  outside: string[];
  /** Console and page errors during the test. */
  consoleErrors: string[];
}

export const test = base.extend<AtlasFixtures>({
  outside: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const outside: string[] = [];
      context.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
      });
      await use(outside);
      expect(outside, 'requests outside the app origin').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await use(errors);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app at `query` (e.g. '?i=pop') and waits until the map has drawn everything. */
export async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await waitForMapIdle(page);
}

/** Waits until the map reports that every tile and colour is drawn. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
}

/** axe-core with WCAG 2.1 A and AA rules; `bestPractice` adds axe's best-practice rules (embed). */
export async function axeViolations(page: Page, opts: { include?: string; bestPractice?: boolean } = {}) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  let builder = new AxeBuilder({ page }).withTags(opts.bestPractice ? [...tags, 'best-practice'] : tags);
  if (opts.include) builder = builder.include(opts.include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
