// The words around an exported map (title, subtitle, legend entries, source line, date) and the
// text summary read to screen-reader users. Shared by the PNG, the SVG, the embed and the
// summary so that they all say the same thing. Pure: translations come in as a function.
import { GENERATION_LABEL, type SourceInfo } from '../../data/types.ts';
import { type Choropleth, NO_DATA_COLOR } from '../choropleth.ts';
import { formatNumber } from '../format.ts';
import type { IndicatorContext } from '../indicators.ts';
import { citeSources } from '../sources.ts';
import { type Translate, textOf } from '../text.ts';
import type { Filter, Lang } from '../view.ts';
import { contextLines } from './context.ts';

export interface CaptionEntry {
  label: string;
  color: string;
  hatch?: boolean;
  count?: number;
}

export interface Caption {
  title: string;
  subtitle: string;
  legendTitle?: string;
  legend: CaptionEntry[];
  /** "Source : …" (indicator sources, then the base map). */
  source: string;
  /** "Outre-mer : encarts à des échelles différentes". */
  note: string;
  /** "Carte exportée le … — Atlas …". */
  date: string;
  /** Filters in words, key for dimmed and « hors TI » territories, caveat, licences to confirm. */
  context: string[];
}

export interface CaptionInput {
  choropleth: Choropleth | null;
  ctx: IndicatorContext;
  lang: Lang;
  sources: SourceInfo[];
  showTi: boolean;
  /** Filter result when filters are active. */
  filtered: { count: number; total: number } | null;
  /** The active filters (said in words). */
  filters?: Filter[];
  tiTint: string;
  date: Date;
  t: Translate;
}

/** Sources of the base map (the same as the map's attribution). */
const BASE_SOURCES = ['geo_epci', 'ti_2023'];

function formatDate(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

function levelLabel(ctx: Pick<IndicatorContext, 'level' | 'generation'>): string {
  return ctx.level === 'ti' ? `TI ${GENERATION_LABEL[ctx.generation]}` : 'EPCI';
}

export function buildCaption(input: CaptionInput): Caption {
  const { choropleth: ch, ctx, lang, t } = input;
  const fmt = (ids: string[]) => citeSources(ids, input.sources, t);
  const unitLabel = ctx.level === 'ti' ? t('filters.unitTi') : t('filters.unitEpci');
  const filterText = input.filtered
    ? t('share.filtered', {
        count: formatNumber(input.filtered.count, { lang }),
        total: formatNumber(input.filtered.total, { lang }),
        unit: unitLabel,
      })
    : '';
  const parts: string[] = [];
  let legend: CaptionEntry[] = [];
  let title: string;
  let legendTitle: string | undefined;
  let sourceIds: string[] = [];
  if (ch) {
    const ind = ch.indicator;
    title = textOf(t, ind.label);
    const unit = ind.type === 'numeric' ? textOf(t, ind.unit) : '';
    parts.push(levelLabel(ctx));
    if (unit) parts.push(unit);
    parts.push(ind.year(ctx));
    const name = textOf(t, ind.short ?? ind.label);
    legendTitle = unit && !name.endsWith(`(${unit})`) ? `${name} (${unit})` : name;
    legend = ch.legend.map((l) => ({ label: textOf(t, l.label), color: l.color, count: l.count }));
    if (ch.noData > 0) legend.push({ label: t('legend.noData'), color: NO_DATA_COLOR, hatch: true, count: ch.noData });
    sourceIds = ind.sources;
  } else {
    title = t('app.title');
    parts.push(levelLabel(ctx));
    if (input.showTi || ctx.level === 'ti') {
      legend = [{ label: t('share.tiMember', { gen: GENERATION_LABEL[ctx.generation] }), color: input.tiTint }];
    }
    sourceIds = ['cog', `ti_${ctx.generation}`];
  }
  if (filterText) parts.push(filterText);
  // Imported indicators name the user's file instead of a source id.
  const userSource =
    ch?.indicator.type === 'numeric' ? ch.indicator.userSource && textOf(t, ch.indicator.userSource) : undefined;
  const indicatorSources = [fmt(sourceIds), userSource].filter(Boolean).join(' ; ');
  const base = fmt(BASE_SOURCES.filter((id) => !sourceIds.includes(id)));
  const colon = lang === 'fr' ? '\u00a0: ' : ': ';
  const source = [
    indicatorSources && `${t('legend.source')}${colon}${indicatorSources}`,
    base && `${t('share.basemap')}${colon}${base}`,
  ]
    .filter(Boolean)
    .join('. ');
  return {
    title,
    subtitle: parts.join(' · '),
    legendTitle,
    legend,
    source,
    note: t('legend.insetScale'),
    date: t('share.exportedOn', { date: formatDate(input.date, lang), app: t('app.title') }),
    context: contextLines({
      ctx,
      indicator: ch?.indicator ?? null,
      filters: input.filters ?? [],
      filtered: input.filtered,
      showTi: input.showTi,
      sources: input.sources,
      lang,
      t,
    }),
  };
}

/**
 * The caption as plain text, to publish under a shared or embedded map: title, what is shown
 * (level, unit, year, filters), the context lines (filters in words, key, caveat, licences), the
 * sources and the permalink.
 */
export function captionText(caption: Caption, permalink: string, t: Translate): string {
  return [
    caption.title,
    caption.subtitle,
    ...caption.context,
    caption.source,
    caption.note,
    t('share.linkLine', { url: permalink }),
  ]
    .filter(Boolean)
    .join('\n');
}

export interface SummaryInput {
  choropleth: Choropleth | null;
  ctx: IndicatorContext;
  lang: Lang;
  total: number;
  filtered: { count: number } | null;
  t: Translate;
}

/** One or two sentences describing the map, for screen readers. */
export function mapSummary(input: SummaryInput): string {
  const { choropleth: ch, ctx, lang, t } = input;
  const n = (v: number) => formatNumber(v, { lang });
  const unit = ctx.level === 'ti' ? t('filters.unitTi') : t('filters.unitEpci');
  const parts: string[] = [];
  if (ch) {
    parts.push(
      t('share.summaryColored', {
        total: n(input.total),
        unit,
        indicator: textOf(t, ch.indicator.label),
        year: ch.indicator.year(ctx),
      }),
    );
  } else {
    parts.push(t('share.summaryPlain', { total: n(input.total), unit }));
  }
  if (input.filtered) parts.push(t('share.summaryFiltered', { count: n(input.filtered.count) }));
  if (ch && ch.legend.length > 0) {
    if (ch.indicator.type === 'numeric') {
      const top = ch.legend[ch.legend.length - 1];
      const low = ch.legend[0];
      parts.push(t('share.summaryTop', { label: textOf(t, top.label), count: n(top.count) }));
      parts.push(t('share.summaryLow', { label: textOf(t, low.label), count: n(low.count) }));
    } else {
      const most = [...ch.legend].sort((a, b) => b.count - a.count)[0];
      parts.push(t('share.summaryMost', { label: textOf(t, most.label), count: n(most.count) }));
    }
    if (ch.noData > 0) parts.push(t('share.summaryNoData', { count: n(ch.noData) }));
  }
  return `${parts.join(' ; ')}.`;
}
