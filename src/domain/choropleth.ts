// From an indicator and the view's classification settings to colours per territory and a legend.

import { classify, colorsFor, defaultScheme, isScheme, SCHEMES } from './classify.ts';
import { applyFilters, type FilterResult } from './filter.ts';
import { formatNumber, formatRange, noDataLabel } from './format.ts';
import {
  codesOf,
  type Indicator,
  type IndicatorContext,
  indicatorById,
  isAvailable,
  numericValues,
} from './indicators.ts';
import { type Text, type Translate, textOf } from './text.ts';
import type { ClassMethod, Filter, Lang, Level } from './view.ts';

export interface LegendEntry {
  key: string;
  /** A category's text (translated where it is shown) or a class's bounds. */
  label: Text;
  color: string;
  count: number;
}

export interface Choropleth {
  indicator: Indicator;
  codes: string[];
  /** Class index (numeric) or category index per territory; null = no data. */
  classes: (number | null)[];
  values: (number | null)[];
  colors: Map<string, string>;
  legend: LegendEntry[];
  noData: number;
  scheme: string;
}

export const NO_DATA_COLOR = '#ffffff';

export interface ClassSettings {
  method: ClassMethod;
  classes: number;
  breaks: number[];
  scheme: string;
}

export function schemeFor(ind: Indicator, requested: string): string {
  if (ind.type === 'categorical') return 'categories';
  const wanted = ind.kind === 'change' ? 'diverging' : 'sequential';
  return isScheme(requested) && SCHEMES[requested].kind === wanted ? requested : defaultScheme(ind.kind);
}

export function buildChoropleth(
  ind: Indicator,
  ctx: IndicatorContext,
  s: ClassSettings,
  lang: 'fr' | 'en',
): Choropleth {
  const codes = codesOf(ctx);
  if (ind.type === 'categorical') {
    const cats = ind.classify(ctx);
    const index = new Map(ind.categories.map((c, i) => [c.value, i]));
    const classes = cats.map((c) => (c === null ? null : (index.get(c) ?? null)));
    const colors = new Map<string, string>();
    const counts = ind.categories.map(() => 0);
    let noData = 0;
    classes.forEach((c, i) => {
      if (c === null) {
        noData++;
        colors.set(codes[i], NO_DATA_COLOR);
      } else {
        counts[c]++;
        colors.set(codes[i], ind.categories[c].color);
      }
    });
    const legend = ind.categories
      .map((c, i) => ({ key: c.value, label: c.label, color: c.color, count: counts[i], c }))
      .filter((l) => !l.c.onlyWhenPresent || l.count > 0)
      .map(({ c: _, ...l }) => l);
    return {
      indicator: ind,
      codes,
      classes,
      values: codes.map(() => null),
      colors,
      legend,
      noData,
      scheme: 'categories',
    };
  }
  const values = numericValues(ind, ctx);
  const c = classify(values, s.method, s.classes, s.breaks);
  const scheme = schemeFor(ind, s.scheme);
  const palette = colorsFor(scheme, c.k, ind.kind === 'change' ? { center: 0, breaks: c.breaks } : undefined);
  const colors = new Map<string, string>();
  const classes = values.map((v) => c.classOf(v));
  classes.forEach((k, i) => colors.set(codes[i], k === null ? NO_DATA_COLOR : palette[k]));
  const fmt = { lang, decimals: ind.decimals };
  const legend: LegendEntry[] = palette.map((color, k) => ({
    key: String(k),
    label: formatRange(c.breaks[k], c.breaks[k + 1], fmt),
    color,
    count: c.counts[k],
  }));
  return { indicator: ind, codes, classes, values, colors, legend, noData: c.noData, scheme };
}

// --- Filters -------------------------------------------------------------------------------

export type Dimension = 'nature' | 'region' | 'departement' | 'ti2023' | 'ti2018' | 'zibac' | 'sprint';
export const DIMENSIONS: Dimension[] = ['region', 'departement', 'nature', 'ti2023', 'ti2018', 'zibac', 'sprint'];

/** Which dimensions make sense at a level (EPCI nature and TI membership are EPCI properties). */
export function dimensionsFor(level: Level): Dimension[] {
  return level === 'epci' ? DIMENSIONS : ['region', 'departement', 'zibac', 'sprint'];
}

export function categoryColumn(dim: string, ctx: IndicatorContext): (string | string[] | null)[] | undefined {
  const t = ctx.territories;
  const tis = t.ti[ctx.generation];
  switch (dim) {
    case 'nature':
      return ctx.level === 'epci' ? t.epci.map((e) => e.nature) : undefined;
    case 'region':
      return ctx.level === 'epci' ? t.epci.map((e) => e.regions) : tis.map((x) => x.regions);
    case 'departement':
      return ctx.level === 'epci' ? t.epci.map((e) => e.departements) : tis.map((x) => x.departements);
    case 'ti2023':
    case 'ti2018':
      return ctx.level === 'epci'
        ? t.epci.map((e) => (e.ti[dim === 'ti2023' ? '2023' : '2018'].length > 0 ? 'in' : 'out'))
        : undefined;
    case 'zibac':
    case 'sprint': {
      const ind = indicatorById(ctx, dim)!;
      return ind.type === 'categorical' ? ind.classify(ctx) : undefined;
    }
    default:
      return undefined;
  }
}

export function filterTerritories(filters: Filter[], ctx: IndicatorContext): FilterResult {
  return applyFilters(filters, {
    n: codesOf(ctx).length,
    numeric: (id) => {
      const ind = indicatorById(ctx, id);
      return ind && ind.type === 'numeric' && isAvailable(ind, ctx.level) ? numericValues(ind, ctx) : undefined;
    },
    category: (dim) => categoryColumn(dim, ctx),
  });
}

/**
 * The coloured value of one territory, as the legend says it: a category's text, or the number
 * with its unit (« n.d. » when missing). Null when the territory is not on the map's level.
 */
export function valueText(ch: Choropleth, code: string, t: Translate, lang: Lang): string | null {
  const i = ch.codes.indexOf(code);
  if (i < 0) return null;
  const ind = ch.indicator;
  if (ind.type === 'categorical') {
    const c = ch.classes[i];
    return c === null ? noDataLabel(lang) : textOf(t, ind.categories[c].label);
  }
  return formatNumber(ch.values[i], {
    lang,
    decimals: ind.decimals,
    signed: ind.kind === 'change',
    unit: textOf(t, ind.unit),
  });
}
