// SVG export (one path per territory with its class colour, meshes, legend and texts), the PNG
// layout, and the embed helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  compactHostScript,
  embedUrl,
  fullAppUrl,
  iframeSnippet,
  readEmbedFlags,
  stripPresentationParams,
} from '../../src/domain/export/embed.ts';
import { layoutPng } from '../../src/domain/export/png-layout.ts';
import { buildSvg, mercatorFit } from '../../src/domain/export/svg.ts';
import { decodeView } from '../../src/domain/url-decode.ts';

const square = (code: string, x: number, y: number) => ({
  type: 'Feature' as const,
  properties: { code },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('A', 0, 45), square('B', 1, 45), square('C', 0, 46)],
};
const topo = topology({ epci: fc }) as unknown as Topology;

const input = {
  topology: topo,
  object: 'epci',
  idProperty: 'code',
  colors: new Map([
    ['A', '#ff0000'],
    ['B', '#0000ff'],
  ]),
  dim: new Set(['B']),
  landColor: '#f4f1ea',
  seaColor: '#dfe8ee',
  meshes: [{ object: 'epci', color: '#b9b2a5', width: 0.3 }],
  insets: [{ name: 'Mayotte', box: [-1, 44, -0.5, 44.5] as [number, number, number, number] }],
  extent: [-1, 44, 2, 48] as [number, number, number, number],
  title: 'Friches <recensées> & "sites"',
  subtitle: 'EPCI · sites · 2024',
  legendTitle: 'Friches (sites)',
  legend: [
    { label: 'moins de 10', color: '#ff0000' },
    { label: '10 et plus', color: '#0000ff' },
    { label: 'Données manquantes', color: '#ffffff', hatch: true },
  ],
  footer: ['Source : Cerema (2024, MIT)', 'Carte exportée le 24 novembre 2025'],
};

describe('SVG builder', () => {
  it('one path per territory with its colour; no colour → land; filtered out → faded', () => {
    const svg = buildSvg(input);
    const paths = [...svg.matchAll(/<path data-code="([^"]+)" fill="([^"]+)"( fill-opacity="[^"]+")? d="M[^"]+Z"\/>/g)];
    expect(paths.map((m) => [m[1], m[2]])).toEqual([
      ['A', '#ff0000'],
      ['B', '#0000ff'],
      ['C', '#f4f1ea'],
    ]);
    expect(paths[1][3]).toBe(' fill-opacity="0.22"');
    expect(paths[0][3]).toBeUndefined();
    expect(svg).toMatch(/<path class="mesh-epci" fill="none" stroke="#b9b2a5"/);
  });

  it('writes title, legend, footer and inset texts, escaped', () => {
    const svg = buildSvg(input);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('Friches &lt;recensées&gt; &amp; &quot;sites&quot;');
    expect(svg).not.toContain('<recensées>');
    for (const text of [
      'moins de 10',
      '10 et plus',
      'Données manquantes',
      'Friches (sites)',
      'EPCI · sites · 2024',
      'Source : Cerema (2024, MIT)',
      'Mayotte',
    ])
      expect(svg).toContain(`>${text}</text>`);
    // Legend swatches carry the class colours.
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="20" height="13" fill="#ff0000"/);
    const [, w, h] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect(Number(w)).toBe(1200);
    expect(Number(h)).toBeGreaterThan(300);
  });

  it('Web Mercator keeps north up and fits the box', () => {
    const f = mercatorFit([-10, 40, 10, 52], 1000, 800);
    const [x0, y0] = f.project([-10, 52]);
    const [x1, y1] = f.project([10, 40]);
    expect(x0).toBeCloseTo((1000 - f.width) / 2, 6);
    expect(y0).toBeCloseTo((800 - f.height) / 2, 6);
    expect(x1 - x0).toBeCloseTo(f.width, 6);
    expect(y1 - y0).toBeCloseTo(f.height, 6);
    expect(f.width <= 1000 + 1e-9 && f.height <= 800 + 1e-9).toBe(true);
  });

  const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated', 'atlas.topo.json');
  it.runIf(existsSync(GEN))('real topology: 1 255 EPCI paths', () => {
    const real = JSON.parse(readFileSync(GEN, 'utf8')) as Topology;
    const svg = buildSvg({ ...input, topology: real, colors: null, dim: null, extent: [-10.8, 41.2, 10, 51.2] });
    expect(svg.match(/<path data-code="\d{9}" fill="#f4f1ea"/g)).toHaveLength(1255);
  });
});

describe('PNG layout', () => {
  const measure = (text: string, font: string) => text.length * Number(/(\d+)px/.exec(font)![1]) * 0.55;
  const legend = Array.from({ length: 6 }, (_, i) => ({
    label: `de ${i * 10} à ${i * 10 + 10} sites`,
    color: `#00000${i}`,
  }));
  const base = {
    title: 'Friches recensées (tous statuts)',
    subtitle: 'EPCI · sites · 2024',
    legendTitle: 'Friches (sites)',
    legend,
    footer: ['Source : Cerema – Cartofriches (état au 10/03/2024)', 'Carte exportée le 24 novembre 2025'],
    measure,
  };

  for (const [w, h] of [
    [1200, 800],
    [1600, 1000],
    [1080, 1080],
    [800, 1200],
    [400, 300],
  ]) {
    it(`${w}×${h}: everything inside the image, map not overlapping text`, () => {
      const l = layoutPng({ ...base, width: w, height: h });
      expect(l.map.w).toBeGreaterThan(w * 0.5);
      expect(l.map.h).toBeGreaterThan(h * 0.25);
      expect(l.legendPlacement).toBe(w / h >= 1.1 && w >= 600 ? 'right' : 'bottom');
      for (const it of l.items) {
        expect(it.x).toBeGreaterThanOrEqual(0);
        expect(it.y).toBeGreaterThanOrEqual(0);
        if (it.kind === 'text') {
          expect(it.x + measure(it.text, it.font)).toBeLessThanOrEqual(w + 0.5);
          const size = Number(/(\d+)px/.exec(it.font)![1]);
          expect(it.y + size).toBeLessThanOrEqual(h);
          const inside = it.x >= l.map.x && it.x < l.map.x + l.map.w && it.y >= l.map.y && it.y < l.map.y + l.map.h;
          expect(inside).toBe(false);
        }
      }
      const texts = l.items
        .filter((i) => i.kind === 'text')
        .map((i) => (i as { text: string }).text)
        .join(' ');
      for (const e of legend) expect(texts).toContain(e.label);
      expect(texts).toContain('Carte exportée');
    });
  }

  it('cuts a very long title to two lines with an ellipsis', () => {
    const l = layoutPng({ ...base, width: 600, height: 600, title: 'mot '.repeat(200) });
    const titles = l.items.filter((i) => i.kind === 'text' && i.font.startsWith('700') && i.y < 100);
    expect(titles).toHaveLength(2);
    expect((titles[1] as { text: string }).text.endsWith('…')).toBe(true);
  });
});

describe('embed helpers', () => {
  it('reads and strips presentation flags; the codec then reports nothing', () => {
    expect(readEmbedFlags('?ind=friches&embed=1&interactive=0')).toEqual({ embed: true, interactive: false });
    expect(readEmbedFlags('?ind=friches')).toEqual({ embed: false, interactive: true });
    const q = '?ind=friches&embed=1&embedui=0&interactive=0&sel=244400644';
    expect(stripPresentationParams(q)).toBe('?ind=friches&sel=244400644');
    expect(stripPresentationParams('?embed=1')).toBe('');
    expect(decodeView(stripPresentationParams(q)).dropped).toEqual([]);
    expect(decodeView(q).dropped.map((d) => d.param)).toEqual(['embed', 'embedui', 'interactive']);
  });

  it('builds the embed URL and an escaped iframe snippet with the host script', () => {
    const src = embedUrl('https://atlas.example/app/', 'ind=friches&lang=en', { interactive: false });
    expect(src).toBe('https://atlas.example/app/?ind=friches&lang=en&embed=1&interactive=0');
    expect(fullAppUrl('https://atlas.example/app/', '')).toBe('https://atlas.example/app/');
    const code = iframeSnippet({
      src,
      title: 'Friches "2024" <b>',
      height: 600,
      script: '/* doc */\nconsole.log("</script>")',
    });
    expect(code.split('\n')[0]).toBe(
      '<iframe src="https://atlas.example/app/?ind=friches&amp;lang=en&amp;embed=1&amp;interactive=0" title="Friches &quot;2024&quot; &lt;b&gt;" width="100%" height="600" style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>',
    );
    expect(code).toContain('<script>');
    expect(code).not.toContain('console.log("</script>")');
    expect(compactHostScript('/* doc\n * more */\n(function(){})();\n')).toBe('(function(){})();');
    // The credit line under the frame is escaped and links to the full map.
    const credited = iframeSnippet({
      src,
      title: 'x',
      height: 600,
      credit: { text: 'Source : Cerema <2024>', linkText: 'Voir la carte', href: 'https://atlas.example/?a=1&b=2' },
    });
    expect(credited.split('\n')[1]).toBe(
      '<p style="margin:4px 0 0;font:12px/1.4 sans-serif;color:#555">Source : Cerema &lt;2024&gt; — <a href="https://atlas.example/?a=1&amp;b=2">Voir la carte</a></p>',
    );
  });
});
