// Browser helpers for the benchmarks: a static server for dist/ and headless Chromium through
// playwright-core. (The end-to-end tests run on @playwright/test: tests/e2e/*.spec.ts.)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves a folder on 127.0.0.1 (random port). `extra` maps paths to handlers for test host pages. */
export async function serve(
  dir = DIST,
  extra: Record<string, (url: URL) => { type: string; body: string }> = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handler = extra[url.pathname];
    if (handler) {
      const r = handler(url);
      res.writeHead(200, { 'content-type': r.type });
      return res.end(r.body);
    }
    let path = normalize(join(dir, decodeURIComponent(url.pathname)));
    if (!path.startsWith(dir)) return res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** A page that records every request; `outside` lists those not aimed at the local origin. */
export async function openPage(
  browser: Browser,
  url: string,
  opts: { width?: number; height?: number } = {},
): Promise<{ page: Page; context: BrowserContext; requests: string[]; outside: string[]; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const requests: string[] = [],
    outside: string[] = [],
    errors: string[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  // tsx keeps function names with a `__name` helper inside page.evaluate callbacks: provide it.
  await page.addInitScript('window.__name = (f) => f;');
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  return { page, context, requests, outside, errors };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.locator('[data-testid=map][data-map-state=idle]').waitFor({ timeout: 60_000 });
}

declare global {
  interface Window {
    /**
     * Debugging handle that bench/interaction.ts still reads; it no longer exists in the app
     * (removed from the production bundle): that benchmark is being rewritten (issue 15).
     */
    __atlas?: { map: { map: import('maplibre-gl').Map }; store: typeof import('../src/state/store.ts').useAtlas };
  }
}
