import { interpolateRdBu } from 'd3-scale-chromatic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, colorsFor, defaultScheme, OKABE_ITO, SCHEMES } from '../../src/domain/classify.ts';
import { type ClassMethod, MAX_CLASSES } from '../../src/domain/view.ts';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

describe('classify: quantile', () => {
  it('splits 1..10 into 5 classes of 2, breaks halfway between values', () => {
    const c = classify(oneToTen, 'quantile', 5);
    expect(c.k).toBe(5);
    expect(c.breaks).toEqual([1, 2.5, 4.5, 6.5, 8.5, 10]);
    expect(c.counts).toEqual([2, 2, 2, 2, 2]);
    expect(c.noData).toBe(0);
    expect(oneToTen.map((v) => c.classOf(v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('splits 1..9 into 3 classes of 3 regardless of input order and nulls', () => {
    const c = classify([9, null, 1, 5, 3, 7, 2, 8, null, 4, 6], 'quantile', 3);
    expect(c.breaks).toEqual([1, 3.5, 6.5, 9]);
    expect(c.counts).toEqual([3, 3, 3]);
    expect(c.noData).toBe(2);
  });

  it('collapses tied quantiles: dedupes breaks and reduces k', () => {
    const c = classify([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, null], 'quantile', 5);
    expect(c.k).toBe(2);
    expect(c.breaks).toEqual([1, 1.5, 3]);
    expect(c.counts).toEqual([8, 2]);
    expect(c.noData).toBe(1);
  });

  it('gives a large block of zeros its own class instead of merging it', () => {
    const c = classify([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 'quantile', 5);
    expect(c.breaks).toEqual([0, 0.5, 2.5, 4]);
    expect(c.counts).toEqual([6, 2, 2]);
    expect(c.classOf(0)).toBe(0);
    expect(c.classOf(1)).toBe(1);
  });

  it('handles ties at the maximum without a duplicate upper bound', () => {
    const c = classify([1, 2, 3, 3, 3, 3, 3, 3, 3, 3], 'quantile', 3);
    expect(c.breaks).toEqual([1, 2.5, 3]);
    expect(c.counts).toEqual([2, 8]);
  });
});

describe('classify: equal intervals', () => {
  it('cuts 0..100 into 4 equal intervals', () => {
    const vals = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const c = classify(vals, 'equal', 4);
    expect(c.breaks).toEqual([0, 25, 50, 75, 100]);
    expect(c.counts).toEqual([3, 2, 3, 3]);
  });

  it('puts a value equal to an inner break in the upper class, min in 0, max in last', () => {
    const c = classify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'equal', 5);
    expect(c.breaks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(c.classOf(0)).toBe(0);
    expect(c.classOf(2)).toBe(1);
    expect(c.classOf(8)).toBe(4);
    expect(c.classOf(10)).toBe(4);
    expect(c.counts).toEqual([2, 2, 2, 2, 3]);
  });

  it('handles negative values', () => {
    const c = classify([-10, -5, 0, 5, 10], 'equal', 4);
    expect(c.breaks).toEqual([-10, -5, 0, 5, 10]);
    expect(c.counts).toEqual([1, 1, 1, 2]);
    expect(c.classOf(-7)).toBe(0);
  });

  it('does not overflow on extreme ranges', () => {
    const c = classify([-1e308, 0, 1e308], 'equal', 4);
    expect(c.breaks.every(Number.isFinite)).toBe(true);
    expect(c.k).toBe(3);
    expect(c.counts).toEqual([1, 1, 1]);
  });
});

describe('classify: natural breaks (ckmeans)', () => {
  it('finds three obvious clusters', () => {
    const c = classify([101, 1, 50, 2, 102, 3, 51, 100, 52], 'jenks', 3);
    // Cuts sit halfway between clusters: (3+50)/2 and (52+100)/2.
    expect(c.breaks).toEqual([1, 26.5, 76, 102]);
    expect(c.counts).toEqual([3, 3, 3]);
    expect(c.extents).toEqual([
      [1, 3],
      [50, 52],
      [100, 102],
    ]);
    expect(c.classOf(50)).toBe(1);
    expect(c.classOf(26)).toBe(0);
  });

  it('copes with huge skew: a lone outlier gets its own top class', () => {
    const c = classify([1, 2, 3, 4, 1e9, null], 'jenks', 3);
    expect(c.k).toBe(3);
    expect(c.breaks.every(Number.isFinite)).toBe(true);
    expect(c.counts).toEqual([2, 2, 1]);
    expect(c.extents[2]).toEqual([1e9, 1e9]);
    expect(c.classOf(1e9)).toBe(2);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('classify: manual thresholds', () => {
  const vals = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('uses sorted, deduplicated inner thresholds and drops those outside the data', () => {
    const c = classify(vals, 'manual', 5, [50, 20, 200, 20]);
    expect(c.method).toBe('manual');
    expect(c.breaks).toEqual([0, 20, 50, 100]);
    expect(c.k).toBe(3);
    expect(c.counts).toEqual([2, 3, 6]);
    expect(c.classOf(20)).toBe(1);
  });

  it('classes values outside min/max in the first/last class', () => {
    const c = classify(vals, 'manual', 5, [20, 50]);
    expect(c.classOf(-1000)).toBe(0);
    expect(c.classOf(1e6)).toBe(2);
  });

  it('falls back to quantiles when no threshold is given', () => {
    const c = classify(oneToTen, 'manual', 5, []);
    expect(c.method).toBe('quantile');
    expect(c.k).toBe(5);
  });
});

describe('classify: degenerate inputs', () => {
  it.each(METHODS)('all values equal → one class (%s)', (m) => {
    const c = classify([5, 5, null, 5], m, 5, [3]);
    expect(c.k).toBe(1);
    expect(c.breaks).toEqual([5, 5]);
    expect(c.counts).toEqual([3]);
    expect(c.noData).toBe(1);
    expect(c.classOf(5)).toBe(0);
    expect(c.classOf(99)).toBe(0);
  });

  it('a single value → one class', () => {
    const c = classify([42], 'jenks', 5);
    expect(c.k).toBe(1);
    expect(c.breaks).toEqual([42, 42]);
    expect(c.counts).toEqual([1]);
  });

  it.each(METHODS)('all null → k = 0, everything is no data (%s)', (m) => {
    const c = classify([null, null, null], m, 5);
    expect(c.k).toBe(0);
    expect(c.breaks).toEqual([]);
    expect(c.counts).toEqual([]);
    expect(c.noData).toBe(3);
    expect(c.classOf(1)).toBeNull();
    expect(c.classOf(null)).toBeNull();
  });

  it('an empty array → k = 0', () => {
    const c = classify([], 'quantile', 5);
    expect(c).toMatchObject({ k: 0, breaks: [], counts: [], noData: 0 });
  });

  it('null is no data, never 0; NaN/Infinity are no data too', () => {
    const c = classify([0, 1, 2, 3, null, NaN, Infinity], 'equal', 3);
    expect(c.noData).toBe(3);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(c.classOf(null)).toBeNull();
    expect(c.classOf(0)).toBe(0);
  });

  it('clamps k to 3..9 and to the number of distinct values', () => {
    expect(classify(oneToTen, 'quantile', 1).k).toBe(3);
    expect(
      classify(
        Array.from({ length: 100 }, (_, i) => i),
        'equal',
        20,
      ).k,
    ).toBe(MAX_CLASSES);
    expect(classify([1, 2, 1, 2], 'jenks', 5).k).toBe(2);
    expect(classify([1, 2, 1, 2], 'quantile', 5).counts).toEqual([2, 2]);
  });
});

describe('classify: properties', () => {
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
    { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }) }, // forces ties
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324) },
  );

  it('never throws; breaks ascending and unique; counts + noData = length; classOf within 0..k-1', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 60 }),
        fc.constantFrom<ClassMethod>(...METHODS),
        fc.integer({ min: -3, max: 15 }),
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 10 }),
        (values, method, k, manual) => {
          const c = classify(values, method, k, manual);
          const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));

          expect(c.k).toBeGreaterThanOrEqual(0);
          expect(c.k).toBeLessThanOrEqual(MAX_CLASSES);
          // Manual thresholds are the user's: they may leave empty classes.
          if (c.method !== 'manual') expect(c.k).toBeLessThanOrEqual(new Set(finite).size);
          expect(c.breaks.length).toBe(c.k === 0 ? 0 : c.k + 1);
          expect(c.breaks.every(Number.isFinite)).toBe(true);
          if (c.k >= 2) {
            for (let i = 1; i < c.breaks.length; i++) expect(c.breaks[i]).toBeGreaterThan(c.breaks[i - 1]);
          }
          if (c.k > 0) {
            // `==` on purpose: -0 and 0 are the same bound.
            expect(c.breaks[0] === Math.min(...finite)).toBe(true);
            expect(c.breaks[c.k] === Math.max(...finite)).toBe(true);
          }
          expect(c.counts.length).toBe(c.k);
          expect(c.counts.reduce((a, b) => a + b, 0) + c.noData).toBe(values.length);
          expect(c.noData).toBe(values.length - finite.length);

          const recount = new Array<number>(c.k).fill(0);
          for (const v of finite) {
            const cls = c.classOf(v);
            expect(cls).not.toBeNull();
            expect(cls).toBeGreaterThanOrEqual(0);
            expect(cls).toBeLessThan(c.k);
            recount[cls as number]++;
            // Left-closed classes: breaks[cls] ≤ v < breaks[cls+1] (last class closed).
            expect(v).toBeGreaterThanOrEqual(c.breaks[cls as number]);
            if ((cls as number) < c.k - 1) expect(v).toBeLessThan(c.breaks[(cls as number) + 1]);
          }
          expect(recount).toEqual(c.counts);
          c.extents.forEach((e, i) => {
            if (e === null) expect(c.counts[i]).toBe(0);
            else expect(e[0] <= e[1] && c.classOf(e[0]) === i && c.classOf(e[1]) === i).toBe(true);
          });
          // Quantile and ckmeans classes are never empty (equal/manual may leave gaps).
          if (c.method === 'quantile' || c.method === 'jenks') expect(c.counts.every((n) => n > 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// --- colours ---------------------------------------------------------------

function rgb(c: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (!m) throw new Error(`not a colour: ${c}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
/** RdBu: red side = negative, blue side = positive. */
const reddish = (c: string) => rgb(c)[0] > rgb(c)[2];
const bluish = (c: string) => rgb(c)[2] > rgb(c)[0];

describe('colorsFor', () => {
  it('returns k valid colours for every scheme and k = 1..9', () => {
    for (const id of Object.keys(SCHEMES)) {
      for (let k = 1; k <= 9; k++) {
        const cols = colorsFor(id, k);
        expect(cols).toHaveLength(k);
        cols.forEach((c) => expect(() => rgb(c)).not.toThrow());
      }
    }
    expect(colorsFor('blues', 0)).toEqual([]);
  });

  it('sequential ramps go from light to dark', () => {
    const cols = colorsFor('blues', 5).map((c) => rgb(c).reduce((a, b) => a + b, 0));
    for (let i = 1; i < cols.length; i++) expect(cols[i]).toBeLessThan(cols[i - 1]);
  });

  it('diverging: a class straddling 0 gets the neutral middle, others their side', () => {
    const breaks = [-10, -5, -1, 2, 6, 10];
    const cols = colorsFor('rdbu', 5, { center: 0, breaks });
    expect(cols).toHaveLength(5);
    expect(cols[2]).toBe(interpolateRdBu(0.5));
    expect(reddish(cols[0]) && reddish(cols[1])).toBe(true);
    expect(bluish(cols[3]) && bluish(cols[4])).toBe(true);
    // Same distance from the centre → same intensity on both sides.
    expect(cols[0]).toBe(interpolateRdBu(0));
    expect(cols[4]).toBe(interpolateRdBu(1));
  });

  it('diverging: all-positive classes only use the positive half', () => {
    const cols = colorsFor('rdbu', 3, { center: 0, breaks: [0, 1, 2, 3] });
    expect(cols.every(bluish)).toBe(true);
    expect(cols).not.toContain(interpolateRdBu(0.5));
  });

  it('diverging: more classes on one side keep the other side lighter', () => {
    const cols = colorsFor('rdbu', 4, { breaks: [-1, 0, 1, 2, 3] }); // center defaults to 0
    expect(reddish(cols[0])).toBe(true);
    expect(cols.slice(1).every(bluish)).toBe(true);
    expect(cols[3]).toBe(interpolateRdBu(1));
    expect(cols[0]).not.toBe(interpolateRdBu(0));
  });

  it('diverging: centres on a non-zero value', () => {
    const cols = colorsFor('puor', 4, { center: 10, breaks: [0, 5, 8, 12, 20] });
    expect(cols[2]).toBe(SCHEMES.puor.interpolator!(0.5));
  });

  it('categorical: Okabe-Ito in order, cycling beyond its length', () => {
    expect(colorsFor('okabe-ito', 3)).toEqual(OKABE_ITO.slice(0, 3));
    expect(colorsFor('okabe-ito', 10)).toHaveLength(10);
  });

  it('default schemes exist and have the right kind; unknown ids fall back', () => {
    expect(SCHEMES[defaultScheme('stock')].kind).toBe('sequential');
    expect(SCHEMES[defaultScheme('change')].kind).toBe('diverging');
    expect(SCHEMES[defaultScheme('categorical')].kind).toBe('categorical');
    expect(colorsFor('auto', 4)).toEqual(colorsFor(defaultScheme('stock'), 4));
    expect(colorsFor('nope', 3, { center: 0, breaks: [-2, -1, 1, 2] })[1]).toBe(interpolateRdBu(0.5));
  });
});
