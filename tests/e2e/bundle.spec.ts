// The production bundle carries no debugging handle: nothing reachable as `window.__atlas`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('the built bundle (dist/assets/*.js) contains no __atlas global', () => {
  const dir = join(process.env.E2E_DIST ?? join(import.meta.dirname, '..', '..', 'dist'), 'assets');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  // `__atlasTiHeight` (the host snippet's guard, shown in the embed dialog) is another name.
  const offending = scripts.filter((f) => /__atlas(?![\w$])/.test(readFileSync(join(dir, f), 'utf8')));
  expect(offending).toEqual([]);
});
