// Navigation start → first drawn map, and the bytes shipped before it, for the app and the naive
// map alike. Both pages set the performance mark `atlas:first-map` on their first complete frame;
// every request that started before that mark counts, gzip-compressed (level 9) like a static host.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface FirstMap {
  /** Milliseconds from navigation start to the first drawn map. */
  ms: number;
  /** Gzip bytes of the responses requested before the first map. */
  gzip: number;
  /** Per file (path → gzip bytes), for the report. */
  files: Record<string, number>;
}

const gzCache = new Map<string, number>();

export async function firstMap(browser: Browser, url: string): Promise<FirstMap> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const done: Promise<{ url: string; start: number; gz: number }>[] = [];
  page.on('requestfinished', (req) => {
    done.push(
      (async () => {
        // A request that finishes as the page closes (the data loaded after the first map) has
        // no response left to read: it started after the mark, so it does not count.
        const res = await req.response().catch(() => null);
        if (!res) return { url: req.url(), start: Number.POSITIVE_INFINITY, gz: 0 };
        const body = await res.body().catch(() => Buffer.alloc(0));
        const key = `${req.url()}#${body.length}`;
        let gz = gzCache.get(key);
        if (gz === undefined) {
          gz = gzipSync(body, { level: 9 }).length;
          gzCache.set(key, gz);
        }
        return { url: req.url(), start: req.timing().startTime, gz };
      })(),
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-map').length > 0, null, {
    timeout: 90_000,
  });
  const { ms, origin } = await page.evaluate(() => ({
    ms: performance.getEntriesByName('atlas:first-map')[0].startTime,
    origin: performance.timeOrigin,
  }));
  const reqs = await Promise.all(done);
  await ctx.close();
  const files: Record<string, number> = {};
  let gzip = 0;
  for (const r of reqs) {
    if (r.start > origin + ms || r.url.startsWith('data:')) continue;
    const path = new URL(r.url).pathname;
    files[path] = (files[path] ?? 0) + r.gz;
    gzip += r.gz;
  }
  return { ms, gzip, files };
}
