// End-to-end tests of publishing: embed in a host page (auto height, clicks), PNG export, CSV and
// XLSX export of the rows behind the view.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Download, Frame, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/universal';
import { assert, DIST, openPage, ROOT, serve, test, waitForMap } from './harness.ts';

const OUT = join(ROOT, 'test-results');

function saveArtefact(name: string, bytes: Buffer): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), bytes);
}

async function downloaded(
  page: Page,
  click: () => Promise<void>,
  timeout = 60_000,
): Promise<{ bytes: Buffer; name: string }> {
  let download: Download;
  try {
    [download] = (await Promise.all([page.waitForEvent('download', { timeout }), click()])) as [Download, undefined];
  } catch (e) {
    const status = await page
      .getByTestId('export-status')
      .innerText()
      .catch(() => '');
    throw new Error(`no download (status: "${status}"): ${(e as Error).message.split('\n')[0]}`);
  }
  const path = await download.path();
  return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

async function waitForFrameMap(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => window.__atlas?.ready === true, null, { timeout: 30_000 });
  await frame.waitForFunction(() => window.__atlas!.map.map.loaded() && !window.__atlas!.map.map.isMoving(), null, {
    timeout: 30_000,
  });
  await frame.waitForTimeout(250);
}

export function exportTests(ctx: { browser: () => Browser; url: () => string; outside: string[] }) {
  const snippet = readFileSync(join(ROOT, 'src', 'embed', 'host-snippet.js'), 'utf8');
  const hostPage = (query: string, height: number) => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article hôte</title></head>
<body style="margin:0;font-family:sans-serif"><h1 style="margin:8px">Un article</h1><p style="margin:8px">Texte avant la carte.</p>
<iframe id="atlas" src="/?${query}" title="Carte des friches" width="100%" height="${height}" style="border:0" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>
<p style="margin:8px">Texte après la carte.</p>
<iframe id="other" height="40" style="border:0" srcdoc="&lt;script&gt;parent.postMessage({type:'atlas-ti:height',height:77},'*')&lt;/script&gt;"></iframe>
<script>${snippet}</script></body></html>`,
  });
  // Host page and app on one origin: a server of our own that also serves the host pages.
  const ownServer = (): Promise<{ url: string; server: Server }> =>
    serve(DIST, {
      '/host.html': () => hostPage('ind=friches&embed=1', 150),
      '/host-static.html': () => hostPage('ind=friches&embed=1&interactive=0', 600),
    });

  test('embed: the host snippet sets the iframe height from the message, and a click in the map selects', async () => {
    const own = await ownServer();
    const { page, context, outside, errors } = await openPage(ctx.browser(), `${own.url}/host.html`, {
      width: 900,
      height: 1000,
    });
    try {
      await page.waitForFunction(() => document.getElementById('atlas')!.getBoundingClientRect().height > 300, null, {
        timeout: 30_000,
      });
      const frame = (await (await page.$('#atlas'))!.contentFrame())!;
      await waitForFrameMap(frame);
      // The iframe follows the content height (± 2 px).
      const [frameH, contentH] = await Promise.all([
        page.evaluate(() => document.getElementById('atlas')!.getBoundingClientRect().height),
        frame.evaluate(() => document.querySelector('[data-testid=embed]')!.getBoundingClientRect().height),
      ]);
      assert(Math.abs(frameH - contentH) <= 2, `iframe ${frameH}px, content ${contentH}px`);
      // Each message resizes the iframe that sent it, and only that one.
      const other = await page.evaluate(() => document.getElementById('other')!.getBoundingClientRect().height);
      assert(other === 77, `the other iframe is ${other}px high, expected 77`);
      assert(await frame.locator('[data-testid=legend]').isVisible(), 'no legend in the embed');
      assert(!(await frame.locator('.controls, .panel, .header').count()), 'full app chrome shown in the embed');
      const notices = await frame.evaluate(() => window.__atlas!.store.getState().notices);
      assert(notices.length === 0, `embed parameters reported as unknown: ${notices.join(' | ')}`);
      const link = frame.locator('[data-testid=embed-open-full]');
      const href = (await link.getAttribute('href')) ?? '';
      assert((await link.getAttribute('target')) === '_blank', 'full-map link does not open a new tab');
      assert(href.includes('ind=friches') && !href.includes('embed'), `full-map link: ${href}`);

      await frame.evaluate(() => window.__atlas!.map.map.jumpTo({ center: [-2.25, 47.3], zoom: 8 }));
      await waitForFrameMap(frame);
      const pt = await frame.evaluate(() => window.__atlas!.map.map.project([-2.215, 47.28]));
      const box = (await (await page.$('#atlas'))!.boundingBox())!;
      const mapBox = await frame.evaluate(() => {
        const r = window.__atlas!.map.map.getCanvas().getBoundingClientRect();
        return { x: r.left, y: r.top };
      });
      await page.mouse.click(box.x + mapBox.x + pt.x, box.y + mapBox.y + pt.y);
      await frame.waitForFunction(() => window.__atlas!.store.getState().view.selection?.code === '244400644', null, {
        timeout: 5000,
      });
      const line = await frame.locator('[data-testid=embed-selection]').innerText();
      assert(/Nazairienne/.test(line) && /sites/.test(line), `selection line: "${line}"`);
      // A narrower host column: the legend wraps, the content grows, the iframe follows.
      await page.setViewportSize({ width: 420, height: 1000 });
      await page.waitForFunction(
        (before) => {
          const f = document.getElementById('atlas') as HTMLIFrameElement;
          const content = f.contentDocument!.querySelector('[data-testid=embed]')!.getBoundingClientRect().height;
          const h = f.getBoundingClientRect().height;
          return h > before + 10 && Math.abs(h - content) <= 2;
        },
        frameH,
        { timeout: 10_000 },
      );
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      ctx.outside.push(...outside);
    } finally {
      await context.close();
      own.server.close();
    }
  });

  test('embed with interactive=0: the map ignores the pointer and hides the zoom buttons', async () => {
    const own = await ownServer();
    const { page, context, outside } = await openPage(ctx.browser(), `${own.url}/host-static.html`, {
      width: 900,
      height: 1000,
    });
    try {
      const frame = (await (await page.$('#atlas'))!.contentFrame())!;
      await waitForFrameMap(frame);
      const state = await frame.evaluate(() => ({
        drag: window.__atlas!.map.map.dragPan.isEnabled(),
        zoomButtons:
          !!document.querySelector('.maplibregl-ctrl-zoom-in') &&
          getComputedStyle(document.querySelector('.maplibregl-ctrl-group')!).display !== 'none',
      }));
      assert(!state.drag && !state.zoomButtons, `still interactive: ${JSON.stringify(state)}`);
      await page.waitForFunction(() => document.getElementById('atlas')!.getBoundingClientRect().height > 300, null, {
        timeout: 10_000,
      });
      ctx.outside.push(...outside);
    } finally {
      await context.close();
      own.server.close();
    }
  });

  test('PNG export: requested size × pixel ratio, not blank', async () => {
    const { page, context, outside, errors } = await openPage(ctx.browser(), `${ctx.url()}/?ind=friches_10k`);
    try {
      await waitForMap(page);
      await page.getByTestId('open-export').click();
      // A custom size (the presets go through the same path) at 2×.
      await page.getByTestId('png-size').selectOption('custom');
      await page.getByTestId('png-width').fill('900');
      await page.getByTestId('png-height').fill('600');
      await page.getByTestId('png-ratio-2').check();
      const { bytes, name } = await downloaded(page, () => page.getByTestId('png-download').click(), 120_000);
      saveArtefact('export.png', bytes);
      assert(name.endsWith('.png'), `file name ${name}`);
      const img = PNG.sync.read(bytes);
      assert(img.width === 1800 && img.height === 1200, `size ${img.width}×${img.height}, expected 1800×1200`);
      const colours = new Set<number>();
      let white = 0;
      for (let i = 0; i < img.data.length; i += 4) {
        const c = (img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2];
        colours.add(c);
        if (c === 0xffffff) white++;
      }
      assert(colours.size > 500, `only ${colours.size} distinct colours`);
      assert(
        white / (img.width * img.height) < 0.6,
        `mostly white: ${((white / (img.width * img.height)) * 100).toFixed(1)} %`,
      );
      // The map area holds the choropleth colours (Blues) and the sea.
      const at = (x: number, y: number) => {
        const i = (y * img.width + x) * 4;
        return [img.data[i], img.data[i + 1], img.data[i + 2]];
      };
      assert(
        at(5, 5).every((v) => v === 255),
        'image corner is not white',
      );
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      ctx.outside.push(...outside);
    } finally {
      await context.close();
    }
  });

  test('CSV export: BOM, ";", French decimal comma, header columns, one row per filtered territory; XLSX has 2 sheets', async () => {
    const { page, context, outside } = await openPage(
      ctx.browser(),
      `${ctx.url()}/?ind=friches_10k&f=r:population:50000:`,
    );
    try {
      await waitForMap(page);
      const countText = await page.getByTestId('filter-count').innerText();
      const count = Number(/^([\d\s\u202f\u00a0]+)/.exec(countText)![1].replace(/\D/g, ''));
      assert(count > 50 && count < 1255, `filter count "${countText}"`);
      await page.getByTestId('open-export').click();
      assert(await page.getByTestId('csv-decimal-comma').isChecked(), 'decimal comma not on by default in French');
      const { bytes } = await downloaded(page, () => page.getByTestId('csv-download').click());
      saveArtefact('export.csv', bytes);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no UTF-8 BOM');
      const text = bytes.toString('utf8').slice(1);
      assert(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'lines are not CRLF');
      const lines = text.split('\r\n').slice(0, -1);
      const header = lines[0].split(';');
      const expected = [
        'SIREN',
        'Nom',
        'Friches pour 10 000 habitants (pour 10 000 hab., 2024 / 2022)',
        'Population municipale (hab., 2022)',
      ];
      assert(JSON.stringify(header) === JSON.stringify(expected), `header: ${lines[0]}`);
      assert(lines.length - 1 === count, `${lines.length - 1} rows, filter says ${count}`);
      const values = lines.slice(1).map((l) => l.split(';'));
      assert(
        values.every((v) => v.length === 4 && /^\d{9}$/.test(v[0])),
        'malformed row',
      );
      assert(
        values.some((v) => /^\d+,\d+$/.test(v[2])),
        'no decimal comma in the values',
      );
      assert(
        values.every((v) => !v[2].includes('.') && (v[2] === '' || /^-?\d+(,\d+)?$/.test(v[2]))),
        'value not a bare French number',
      );
      assert(
        values.every((v) => Number(v[3]) >= 50000),
        'a row does not match the population filter',
      );

      const x = await downloaded(page, () => page.getByTestId('xlsx-download').click());
      assert(x.bytes[0] === 0x50 && x.bytes[1] === 0x4b, 'XLSX is not a zip');
      const ab = x.bytes.buffer.slice(x.bytes.byteOffset, x.bytes.byteOffset + x.bytes.byteLength) as ArrayBuffer;
      const sheets = (await readXlsxFile(ab)) as unknown as { sheet: string; data: unknown[][] }[];
      assert(sheets.length === 2 && sheets[1].sheet === 'Sources', `sheets: ${sheets.map((s) => s.sheet).join(', ')}`);
      assert(sheets[0].data.length - 1 === count, `XLSX rows ${sheets[0].data.length - 1} ≠ ${count}`);
      assert(typeof sheets[0].data[1][3] === 'number', 'XLSX population is not a number');
      assert(
        sheets[1].data.flat().some((c) => String(c).includes('Cerema')),
        'Sources sheet lacks the Cerema source',
      );
      ctx.outside.push(...outside);
    } finally {
      await context.close();
    }
  });
}
