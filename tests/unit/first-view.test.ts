// The first map of a bare address, or of a link that names only its indicator, draws from a
// first-view file (pipeline) before the data arrives: its colours must be exactly those the app
// computes once the data is there and the link is read, so nothing flips.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type FirstViewFile, firstViewColors, firstViewSource, paintedView } from '../../src/domain/first-view.ts';
import { decodeView } from '../../src/domain/url-decode.ts';
import { HOME_VIEW } from '../../src/domain/view.ts';
import { mapPaint } from '../../src/state/derived.ts';
import type { AtlasData } from '../../src/state/load.ts';
import type { AtlasStore } from '../../src/state/store.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GEN = join(ROOT, 'public', 'generated');
const read = <T>(f: string): T => JSON.parse(readFileSync(join(GEN, f), 'utf8')) as T;

const SEARCHES = [
  '',
  '?',
  '?ind=population',
  '?ind=population&lang=en',
  '?lang=fr&ind=zibac',
  // A link without `ind` has no colouring (older links), whatever its other parameters.
  '?lang=en',
  '?ind=',
  '?ind=population&ind=zibac',
  '?ind=population&niv=ti',
  '?ind=population&v=2.3,46.5,6',
  '?ind=population&sel=200054781',
  '?ind=population&lang=de',
  '?ind=..%2Fmanifest',
  '?ind=population&embed=1',
];

describe('address rule', () => {
  it('a bare address or a link naming only its indicator starts from a first-view file', () => {
    const files = Object.fromEntries(SEARCHES.map((s) => [s, firstViewSource(s)?.file ?? null]));
    expect(files).toEqual({
      '': 'first-view.json',
      '?': 'first-view.json',
      '?ind=population': 'first-view/population.json',
      '?ind=population&lang=en': 'first-view/population.json',
      '?lang=fr&ind=zibac': 'first-view/zibac.json',
      '?lang=en': null,
      '?ind=': null,
      '?ind=population&ind=zibac': null,
      '?ind=population&niv=ti': null,
      '?ind=population&v=2.3,46.5,6': null,
      '?ind=population&sel=200054781': null,
      '?ind=population&lang=de': null,
      '?ind=..%2Fmanifest': null,
      '?ind=population&embed=1': null,
    });
  });

  it('the view is the one the link decodes to (what is painted once the data is there)', () => {
    for (const s of SEARCHES.filter((x) => firstViewSource(x) && x.replace('?', '') !== '')) {
      const decoded = decodeView(s.replace(/^\?/, ''));
      expect(decoded.dropped, s).toEqual([]);
      expect(firstViewSource(s)!.view, s).toEqual(decoded.view);
    }
  });

  it('index.html preloads the same file (its inline script applies the same rule)', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    for (const search of SEARCHES) {
      const preloaded: string[] = [];
      const head = { appendChild: (l: { href: string }) => preloaded.push(l.href) };
      runInNewContext(script, { location: { search }, document: { head, createElement: () => ({}) }, URLSearchParams });
      const first = firstViewSource(search);
      if (first) expect(preloaded, search).toEqual([`./generated/${first.file}`]);
      else expect(preloaded, search).toContain('./generated/indicators.json');
    }
  });
});

describe.runIf(existsSync(join(GEN, 'first-view.json')))('first-view.json', () => {
  const file = read<FirstViewFile>('first-view.json');
  const data = {
    indicators: read<AtlasData['indicators']>('indicators.json'),
    territories: read<AtlasData['territories']>('territories.json'),
  } as AtlasData;
  const state = (view = HOME_VIEW) => ({ data, view, userIndicators: [], legendHover: null }) as unknown as AtlasStore;

  it('paints the home view with the colours the app computes from the full data', () => {
    const first = firstViewColors(file, HOME_VIEW);
    const full = mapPaint(state())!;
    expect(first).not.toBeNull();
    expect(full.kind).toBe('epci');
    expect(first!.size).toBe(data.territories.epci.length);
    expect(new Map([...first!].sort())).toEqual(new Map([...full.colors!].sort()));
  });

  it('every link file paints its link with the colours the app computes from the full data', () => {
    const files = readdirSync(join(GEN, 'first-view'));
    expect(files).toContain('population.json');
    for (const f of files) {
      const search = `?ind=${f.replace(/\.json$/, '')}`;
      const { view } = firstViewSource(search)!;
      const file = read<FirstViewFile>(`first-view/${f}`);
      expect(file.view, f).toEqual(paintedView(view));
      const first = firstViewColors(file, view);
      const full = mapPaint(state(view))!;
      expect(first, f).not.toBeNull();
      expect(new Map([...first!].sort()), f).toEqual(new Map([...full.colors!].sort()));
    }
  });

  it('applies to the home view in English, never to another view', () => {
    expect(firstViewColors(file, { ...HOME_VIEW, lang: 'en' })).not.toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, indicator: 'population' })).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, level: 'ti' })).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, classes: 4 })).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, breaks: [1] })).toBeNull();
    expect(
      firstViewColors(file, { ...HOME_VIEW, filters: [{ kind: 'range', indicator: 'population', min: 1, max: null }] }),
    ).toBeNull();
  });
});
