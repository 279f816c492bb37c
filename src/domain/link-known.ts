// Catalogues a link is checked against (src/domain/url.ts KnownCodes): the values each category
// filter can take, read from the data at both levels and both TI generations.
import type { Generation } from '../data/types.ts';
import { categoryColumn, DIMENSIONS } from './choropleth.ts';
import { type IndicatorContext, indicatorById } from './indicators.ts';

export function knownCategories(ctx: IndicatorContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const levels: { level: 'epci' | 'ti'; generation: Generation }[] = [
    { level: 'epci', generation: ctx.generation },
    { level: 'ti', generation: '2023' },
    { level: 'ti', generation: '2018' },
  ];
  for (const dim of DIMENSIONS) {
    const values = new Set<string>();
    const ind = indicatorById(ctx, dim);
    if (ind?.type === 'categorical') for (const c of ind.categories) values.add(c.value);
    for (const l of levels)
      for (const v of categoryColumn(dim, { ...ctx, ...l }) ?? [])
        for (const x of Array.isArray(v) ? v : v === null ? [] : [v]) values.add(x);
    out.set(dim, values);
  }
  return out;
}
