// The first map of a bare address draws from first-view.json (pipeline) before the data arrives:
// its colours must be exactly those the app computes once the data is there, so nothing flips.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FirstViewFile, firstViewColors, topologyCodes } from '../../src/domain/first-view.ts';
import { HOME_VIEW } from '../../src/domain/view.ts';
import { mapPaint } from '../../src/state/derived.ts';
import type { AtlasData } from '../../src/state/load.ts';
import { startsFromFirstView } from '../../src/state/load.ts';
import type { AtlasStore } from '../../src/state/store.ts';

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');
const read = <T>(f: string): T => JSON.parse(readFileSync(join(GEN, f), 'utf8')) as T;

describe('address rule', () => {
  it('a bare address starts from the first view, any link from the full data', () => {
    expect(startsFromFirstView('')).toBe(true);
    expect(startsFromFirstView('?')).toBe(true);
    // A link without `ind` has no colouring (older links), whatever its other parameters.
    expect(startsFromFirstView('?lang=en')).toBe(false);
    expect(startsFromFirstView('?ind=population')).toBe(false);
    expect(startsFromFirstView('?embed=1')).toBe(false);
    expect(startsFromFirstView('?lang=en&lvl=ti')).toBe(false);
  });
});

describe.runIf(existsSync(join(GEN, 'first-view.json')))('first-view.json', () => {
  const file = read<FirstViewFile>('first-view.json');
  const codes = topologyCodes(read<AtlasData['topology']>('atlas-national.topo.json'));
  const data = {
    indicators: read<AtlasData['indicators']>('indicators.json'),
    territories: read<AtlasData['territories']>('territories.json'),
  } as AtlasData;
  const state = (view = HOME_VIEW) => ({ data, view, userIndicators: [], legendHover: null }) as unknown as AtlasStore;

  it('paints the home view with the colours the app computes from the full data', () => {
    const first = firstViewColors(file, HOME_VIEW, codes);
    const full = mapPaint(state())!;
    expect(first).not.toBeNull();
    expect(full.kind).toBe('epci');
    expect(first!.size).toBe(data.territories.epci.length);
    expect(new Map([...first!].sort())).toEqual(new Map([...full.colors!].sort()));
  });

  it('applies to the home view in English, never to another view', () => {
    expect(firstViewColors(file, { ...HOME_VIEW, lang: 'en' }, codes)).not.toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, indicator: 'population' }, codes)).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, level: 'ti' }, codes)).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, classes: 4 }, codes)).toBeNull();
    expect(firstViewColors(file, { ...HOME_VIEW, breaks: [1] }, codes)).toBeNull();
    expect(
      firstViewColors(
        file,
        { ...HOME_VIEW, filters: [{ kind: 'range', indicator: 'population', min: 1, max: null }] },
        codes,
      ),
    ).toBeNull();
  });
});
