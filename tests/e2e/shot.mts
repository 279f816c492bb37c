// Dev helper: screenshot of the built app. npx tsx tests/e2e/shot.mts "?query" out.png [width height]
import { launch, openPage, serve, waitForMap } from './harness.ts';

const q = process.argv[2] ?? '';
const out = process.argv[3] ?? '/tmp/shot.png';
const w = Number(process.argv[4] ?? 1280),
  h = Number(process.argv[5] ?? 800);
const { url, server } = await serve();
const b = await launch();
const { page, errors, outside } = await openPage(b, `${url}/${q}`, { width: w, height: h });
try {
  await waitForMap(page);
} catch (e) {
  console.log('wait failed', (e as Error).message);
}
await page.screenshot({ path: out });
console.log('errors', errors, 'outside', outside);
await b.close();
server.close();
