// End-to-end tests against the built app (dist/) in headless Chromium.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { colourTests } from './colour.e2e.ts';
import { compareTests } from './compare.e2e.ts';
import { exportTests } from './export.e2e.ts';
import { foundationTests } from './foundation.e2e.ts';
import { assert, DIST, launch, ROOT, runAll, serve, test } from './harness.ts';
import { importTests } from './import.e2e.ts';
import { permalinkTests } from './permalink.e2e.ts';
import { searchTests } from './search.e2e.ts';

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('e2e: dist/ is missing: run "npm run build" first');
    process.exit(1);
  }
  const { url, server } = await serve();
  let browser: Browser | null = null;
  const outside: string[] = [];
  const ctx = { browser: () => browser!, url: () => url, outside };
  foundationTests(ctx);
  colourTests(ctx);
  searchTests(ctx);
  compareTests(ctx);
  exportTests(ctx);
  permalinkTests(ctx);
  importTests(ctx);
  test('no request left the local origin during the whole run', async () => {
    assert(outside.length === 0, `requests outside the origin: ${[...new Set(outside)].slice(0, 5).join(', ')}`);
  });
  browser = await launch();
  console.log(`e2e: ${url} (Chromium ${browser.version()})`);
  const result = await runAll();
  await browser.close();
  server.close();
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'e2e.json'), JSON.stringify(result));
  console.log(`e2e: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
