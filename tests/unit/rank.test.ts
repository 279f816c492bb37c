import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankOf, rankWithin } from '../../src/domain/rank.ts';

describe('rankOf', () => {
  it('competition ranking: ties share the best rank (1, 2, 2, 4)', () => {
    const v = [9, 7, 7, 3];
    expect(v.map((_, i) => rankOf(v, i, 'higher-better')?.rank)).toEqual([1, 2, 2, 4]);
  });

  it('lower-better reverses the order', () => {
    const v = [9, 7, 7, 3];
    expect(v.map((_, i) => rankOf(v, i, 'lower-better')?.rank)).toEqual([4, 2, 2, 1]);
  });

  it('neutral ranks by value descending (1 = highest)', () => {
    const v = [9, 7, 7, 3];
    expect(v.map((_, i) => rankOf(v, i, 'neutral')?.rank)).toEqual([1, 2, 2, 4]);
  });

  it('missing values are excluded from `of`; own missing value → null', () => {
    const v = [10, 30, 20, 30, null, 5];
    expect(rankOf(v, 1, 'higher-better')).toEqual({ rank: 1, of: 5, percentile: 75 });
    expect(rankOf(v, 3, 'higher-better')?.rank).toBe(1);
    expect(rankOf(v, 2, 'higher-better')).toEqual({ rank: 3, of: 5, percentile: 50 });
    expect(rankOf(v, 5, 'higher-better')).toEqual({ rank: 5, of: 5, percentile: 0 });
    expect(rankOf(v, 4, 'higher-better')).toBeNull();
    expect(rankOf(v, 99, 'higher-better')).toBeNull();
  });

  it('percentile = share of other territories strictly below; alone → 100', () => {
    expect(rankOf([1, 2, 3, 4, 5], 4, 'higher-better')?.percentile).toBe(100);
    expect(rankOf([1, 2, 3, 4, 5], 2, 'higher-better')?.percentile).toBe(50);
    expect(rankOf([null, 42, null], 1, 'lower-better')).toEqual({ rank: 1, of: 1, percentile: 100 });
  });
});

describe('rankWithin', () => {
  const v = [10, 30, 20, 30, null, 5];
  const region = [true, false, true, false, true, true];

  it('ranks among the group only, nulls in the group excluded', () => {
    expect(rankWithin(v, 2, region, 'higher-better')).toEqual({ rank: 1, of: 3, percentile: 100 });
    expect(rankWithin(v, 5, region, 'higher-better')).toEqual({ rank: 3, of: 3, percentile: 0 });
    expect(rankWithin(v, 5, region, 'lower-better')?.rank).toBe(1);
  });

  it('the territory itself is always counted, even outside the mask', () => {
    expect(rankWithin(v, 1, region, 'higher-better')).toEqual({ rank: 1, of: 4, percentile: 100 });
  });

  it('own missing value → null', () => {
    expect(rankWithin(v, 4, region, 'higher-better')).toBeNull();
  });
});

describe('rank properties', () => {
  it('rank in 1..of, higher value never ranks worse, percentile in 0..100', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }), { minLength: 1 }), (v) => {
        const of = v.filter((x) => x !== null).length;
        const ranks = v.map((_, i) => rankOf(v, i, 'higher-better'));
        ranks.forEach((r, i) => {
          if (v[i] === null) return expect(r).toBeNull();
          expect(r!.of).toBe(of);
          expect(r!.rank).toBeGreaterThanOrEqual(1);
          expect(r!.rank).toBeLessThanOrEqual(of);
          expect(r!.percentile).toBeGreaterThanOrEqual(0);
          expect(r!.percentile).toBeLessThanOrEqual(100);
          v.forEach((w, j) => {
            if (w !== null && w >= (v[i] as number)) expect(ranks[j]!.rank).toBeLessThanOrEqual(r!.rank);
          });
        });
        if (of > 0) expect(ranks.some((r) => r?.rank === 1)).toBe(true);
      }),
    );
  });
});
