// Values derived from the store (indicator context, choropleth, filter result), memoised on
// the inputs they read so that React components and the map adapter share one computation.
import sprintRule from '../../geo/sprint-innovation.json';
import { buildChoropleth, type Choropleth, filterTerritories } from '../domain/choropleth.ts';
import type { FilterResult } from '../domain/filter.ts';
import { type IndicatorContext, indicatorById, isAvailable } from '../domain/indicators.ts';
import type { SprintRule } from '../domain/sprint.ts';
import type { AtlasStore } from './store.ts';

export const SPRINT_RULE = sprintRule as SprintRule;

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null,
    result: R;
  return (...args: A) => {
    if (last && last.length === args.length && last.every((a, i) => a === args[i])) return result;
    last = args;
    result = fn(...args);
    return result;
  };
}

const contextMemo = memo(
  (
    data: AtlasStore['data'],
    level: IndicatorContext['level'],
    generation: IndicatorContext['generation'],
    p0: number,
    p1: number,
    extra: AtlasStore['userIndicators'],
  ): IndicatorContext | null =>
    data
      ? {
          level,
          generation,
          period: [p0, p1],
          indicators: data.indicators,
          territories: data.territories,
          sprint: SPRINT_RULE,
          extra,
        }
      : null,
);

export function indicatorContext(s: AtlasStore): IndicatorContext | null {
  return contextMemo(s.data, s.view.level, s.view.generation, s.view.period[0], s.view.period[1], s.userIndicators);
}

const choroplethMemo = memo(
  (
    ctx: IndicatorContext | null,
    id: string | null,
    method: string,
    classes: number,
    breaks: number[],
    scheme: string,
    lang: 'fr' | 'en',
  ): Choropleth | null => {
    const ind = id && ctx ? indicatorById(ctx, id) : undefined;
    if (!ctx || !ind || !isAvailable(ind, ctx.level)) return null;
    return buildChoropleth(ind, ctx, { method: method as never, classes, breaks, scheme }, lang);
  },
);

export function choropleth(s: AtlasStore): Choropleth | null {
  const v = s.view;
  return choroplethMemo(indicatorContext(s), v.indicator, v.method, v.classes, v.breaks, v.scheme, v.lang);
}

const filterMemo = memo((ctx: IndicatorContext | null, filters: AtlasStore['view']['filters']): FilterResult | null =>
  ctx ? filterTerritories(filters, ctx) : null,
);

export function filterResult(s: AtlasStore): FilterResult | null {
  return filterMemo(indicatorContext(s), s.view.filters);
}

export interface MapPaint {
  kind: 'epci' | '2023' | '2018';
  colors: Map<string, string> | null;
  dim: Set<string> | null;
}

const paintMemo = memo(
  (
    ctx: IndicatorContext | null,
    ch: Choropleth | null,
    fr: FilterResult | null,
    legendKey: string | null,
  ): MapPaint | null => {
    if (!ctx) return null;
    const kind = ctx.level === 'ti' ? ctx.generation : 'epci';
    const codes = ctx.level === 'ti' ? ctx.indicators.ti[ctx.generation].codes : ctx.indicators.epci.codes;
    const dim = new Set<string>();
    if (fr) fr.match.forEach((m, i) => !m && dim.add(codes[i]));
    if (ch && legendKey !== null) {
      const index = ch.legend.findIndex((l) => l.key === legendKey);
      ch.classes.forEach((c, i) => c !== index && dim.add(codes[i]));
    }
    return { kind, colors: ch?.colors ?? null, dim: dim.size ? dim : null };
  },
);

export function mapPaint(s: AtlasStore): MapPaint | null {
  return paintMemo(indicatorContext(s), choropleth(s), filterResult(s), s.legendHover);
}
