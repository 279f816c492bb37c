// Minimal end-to-end harness: a static server for dist/, headless Chromium through playwright-core,
// and a tiny sequential test runner that reports passed/failed counts.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
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
  await page.waitForFunction(() => window.__atlas?.ready === true, null, { timeout: 60_000 });
  await page.waitForFunction(() => window.__atlas!.map.map.loaded() && !window.__atlas!.map.map.isMoving(), null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(250);
}

/** Screen position (in page pixels) of a lon/lat on the map. */
export async function project(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([lo, la]) => {
      const m = window.__atlas!.map.map;
      const pt = m.project([lo, la]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    },
    [lon, lat] as const,
  );
  return p;
}

type TestFn = () => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];
export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function runAll(): Promise<{ passed: number; failed: number }> {
  let passed = 0,
    failed = 0;
  const only = process.env.E2E_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${t.name}\n      ${(e as Error).message.split('\n').join('\n      ')}`);
    }
  }
  return { passed, failed };
}
