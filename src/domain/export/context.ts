// What an exported or shared view must say to stand on its own (issue 11): the active filters in
// words, the key for dimmed and « hors TI » territories, the indicator's caveat, and which
// sources have no stated licence. Shared by the PNG, SVG, CSV, XLSX, embed and share caption.
// Pure: translations come in as a function.
import { GENERATION_LABEL, type SourceInfo } from '../../data/types.ts';
import { formatNumber } from '../format.ts';
import { type Indicator, type IndicatorContext, indicatorById } from '../indicators.ts';
import { type Translate, textOf } from '../text.ts';
import type { Filter, Lang } from '../view.ts';
import { categoryText, type TableLabels } from './table.ts';

export interface ContextInput {
  ctx: IndicatorContext;
  indicator: Indicator | null;
  filters: Filter[];
  /** Filter result when filters are active. */
  filtered: { count: number; total: number } | null;
  showTi: boolean;
  sources: SourceInfo[];
  lang: Lang;
  t: Translate;
}

/** "Région : Bretagne ; Friches (sites, 2024) de 3 à 10". */
function filtersInWords(filters: Filter[], ctx: IndicatorContext, lang: Lang, t: Translate): string {
  const labels: TableLabels = {
    code: '',
    name: '',
    dims: {},
    yes: t('filters.inOut.in'),
    no: t('filters.inOut.out'),
  };
  const names = {
    reg: new Map(ctx.territories.regions.map((r) => [r.code, r.name])),
    dep: new Map(ctx.territories.departements.map((d) => [d.code, d.name])),
  };
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  return filters
    .map((f) => {
      if (f.kind === 'category') {
        const ind = indicatorById(ctx, f.dimension);
        const dim = ind ? textOf(t, ind.short ?? ind.label) : t(`filters.dims.${f.dimension}`);
        return `${dim}${colon}${f.values.map((v) => categoryText(f.dimension, v, ctx, t, labels, names)).join(', ')}`;
      }
      const ind = indicatorById(ctx, f.indicator);
      const name = ind ? `${textOf(t, ind.short ?? ind.label)} (${ind.year(ctx)})` : f.indicator;
      const unit = ind?.type === 'numeric' ? ` ${textOf(t, ind.unit)}` : '';
      const n = (x: number) => formatNumber(x, { lang, decimals: ind?.type === 'numeric' ? ind.decimals : 2 });
      if (f.min !== null && f.max !== null) return t('context.between', { name, min: n(f.min), max: n(f.max), unit });
      if (f.min !== null) return t('context.atLeast', { name, min: n(f.min), unit });
      if (f.max !== null) return t('context.atMost', { name, max: n(f.max), unit });
      return name;
    })
    .join(' ; ');
}

/** Lines that travel with an exported or shared view, in reading order. */
export function contextLines(input: ContextInput): string[] {
  const { ctx, indicator: ind, lang, t } = input;
  const lines: string[] = [];
  if (input.filtered && input.filters.length > 0)
    lines.push(
      t('context.filters', {
        list: filtersInWords(input.filters, ctx, lang, t),
        count: formatNumber(input.filtered.count, { lang }),
        total: formatNumber(input.filtered.total, { lang }),
      }),
    );
  if (ctx.level === 'ti' || input.showTi)
    lines.push(
      t(ctx.level === 'ti' ? 'context.outsideTiLevel' : 'context.outsideTi', { gen: GENERATION_LABEL[ctx.generation] }),
    );
  if (ind?.caveat) lines.push(`${t('context.caveat')}${lang === 'fr' ? '\u00a0: ' : ': '}${textOf(t, ind.caveat)}`);
  if (ind?.notRanked) lines.push(textOf(t, ind.notRanked));
  const unconfirmed = (ind?.sources ?? [])
    .map((id) => input.sources.find((s) => s.id === id))
    .filter((s) => s?.licenceToConfirm);
  if (unconfirmed.length > 0)
    lines.push(t('context.licenceToConfirm', { list: unconfirmed.map((s) => s!.producer).join(' ; ') }));
  return lines;
}
