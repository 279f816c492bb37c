import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilters, type FilterContext } from '../../src/domain/filter.ts';
import { histogram } from '../../src/domain/histogram.ts';
import type { Filter } from '../../src/domain/view.ts';

// Five territories; index 1 is an EPCI spanning two départements.
const numeric: Record<string, (number | null)[]> = {
  emp: [10, 20, null, 40, 50],
  growth: [-1, 2, 3, null, 0],
  short: [1, 2], // shorter than n: missing entries are no data
};
const category: Record<string, (string | string[] | null)[]> = {
  dep: ['44', ['44', '49'], '49', null, '85'],
  ti: ['a', 'b', 'a', 'c', null],
};
const ctx: FilterContext = {
  n: 5,
  numeric: (id) => numeric[id],
  category: (dim) => category[dim],
};
const range = (indicator: string, min: number | null, max: number | null): Filter => ({
  kind: 'range',
  indicator,
  min,
  max,
});
const cat = (dimension: string, values: string[]): Filter => ({ kind: 'category', dimension, values });
const run = (...filters: Filter[]) => applyFilters(filters, ctx);

describe('applyFilters: range', () => {
  it('no filter keeps everything', () => {
    expect(run()).toEqual({ match: [true, true, true, true, true], count: 5, unknown: [] });
  });

  it('keeps min ≤ value ≤ max (inclusive); no data does not match', () => {
    const r = run(range('emp', 15, 45));
    expect(r.match).toEqual([false, true, false, true, false]);
    expect(r.count).toBe(2);
    expect(run(range('emp', 20, 40)).match).toEqual([false, true, false, true, false]);
  });

  it('null bounds are open', () => {
    expect(run(range('emp', null, 20)).match).toEqual([true, true, false, false, false]);
    expect(run(range('emp', 40, null)).match).toEqual([false, false, false, true, true]);
  });

  it('both bounds open = no constraint, no-data territories stay', () => {
    expect(run(range('emp', null, null)).count).toBe(5);
  });

  it('swaps reversed bounds', () => {
    expect(run(range('emp', 45, 15)).match).toEqual(run(range('emp', 15, 45)).match);
  });

  it('negative bounds and zero', () => {
    expect(run(range('growth', -1, 0)).match).toEqual([true, false, false, false, true]);
  });

  it('entries missing from a short array are no data', () => {
    expect(run(range('short', 0, 10)).match).toEqual([true, true, false, false, false]);
  });
});

describe('applyFilters: category', () => {
  it('matches single values; a multi-valued territory matches if any value is selected', () => {
    expect(run(cat('dep', ['49'])).match).toEqual([false, true, true, false, false]);
    expect(run(cat('dep', ['44'])).match).toEqual([true, true, false, false, false]);
    expect(run(cat('dep', ['85', '49'])).match).toEqual([false, true, true, false, true]);
  });

  it('null category never matches an active filter', () => {
    expect(run(cat('ti', ['a', 'b', 'c'])).match).toEqual([true, true, true, true, false]);
  });

  it('empty values = no constraint', () => {
    expect(run(cat('dep', [])).count).toBe(5);
  });
});

describe('applyFilters: combination', () => {
  it('combines with AND', () => {
    const r = run(range('emp', 15, 60), cat('dep', ['44']));
    expect(r.match).toEqual([false, true, false, false, false]);
    expect(r.count).toBe(1);
    expect(run(range('emp', 15, 60), cat('ti', ['a']), range('growth', null, 2)).count).toBe(0);
  });

  it('ignores and reports unknown indicators and dimensions (once each)', () => {
    const r = run(range('nope', 0, 1), cat('zzz', ['x']), cat('dep', ['49']), range('nope', 5, 6));
    expect(r.unknown).toEqual(['nope', 'zzz']);
    expect(r.match).toEqual(run(cat('dep', ['49'])).match);
  });

  it('order of filters does not matter', () => {
    const all: Filter[] = [
      range('emp', 15, null),
      cat('dep', ['44', '49']),
      range('growth', null, 2),
      cat('ti', ['a', 'b']),
      range('unknown', 0, 1),
    ];
    const expected = applyFilters(all, ctx);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        const r = applyFilters(shuffled, ctx);
        expect(r.match).toEqual(expected.match);
        expect(r.count).toBe(expected.count);
      }),
    );
  });
});

describe('histogram (range filter brush)', () => {
  it('equal-width bins, last bin closed on the right', () => {
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(h.map((b) => [b.x0, b.x1])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
    expect(h.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
  });

  it('ignores nulls', () => {
    const h = histogram([1, null, 2, null, 3], 2);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(3);
  });

  it('all-equal values give one zero-width bin', () => {
    expect(histogram([3, 3, null, 3], 10)).toEqual([{ x0: 3, x1: 3, count: 3 }]);
  });

  it('no values → no bins', () => {
    expect(histogram([null, null], 10)).toEqual([]);
    expect(histogram([], 10)).toEqual([]);
  });

  it('explicit domain: values outside are not counted; reversed domain is swapped', () => {
    const h = histogram([-10, 0, 5, 10, 30], 2, [10, 0]);
    expect(h).toEqual([
      { x0: 0, x1: 5, count: 1 },
      { x0: 5, x1: 10, count: 2 },
    ]);
  });

  it('counts add up to the number of finite values for random inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null })),
        fc.integer({ min: -2, max: 50 }),
        (values, bins) => {
          const h = histogram(values, bins);
          const n = values.filter((v) => v !== null).length;
          expect(h.reduce((a, b) => a + b.count, 0)).toBe(n);
          for (let i = 0; i < h.length; i++) {
            expect(h[i].x0 <= h[i].x1).toBe(true);
            if (i > 0) expect(h[i].x0).toBe(h[i - 1].x1);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
