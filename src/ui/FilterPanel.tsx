import { useMemo, useRef, useState } from 'react';
import { categoryColumn, type Dimension, dimensionsFor } from '../domain/choropleth.ts';
import { formatNumber } from '../domain/format.ts';
import { histogram } from '../domain/histogram.ts';
import {
  indicatorById,
  indicatorsOf,
  isAvailable,
  type NumericIndicator,
  numericValues,
} from '../domain/indicators.ts';
import { textOf } from '../domain/text.ts';
import type { Filter } from '../domain/view.ts';
import { filterResult, indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

export function FilterPanel() {
  const t = useT();
  const view = useAtlas((s) => s.view);
  const setView = useAtlas((s) => s.setView);
  const ctx = useAtlas(indicatorContext);
  const result = useAtlas(filterResult);
  if (!ctx || !result) return null;
  const total = result.match.length;
  const unit = view.level === 'ti' ? t('filters.unitTi') : t('filters.unitEpci');
  const active = view.filters.length > 0;
  const update = (i: number, f: Filter | null) =>
    setView({ filters: f ? view.filters.map((x, j) => (j === i ? f : x)) : view.filters.filter((_, j) => j !== i) });
  const add = (value: string) => {
    if (!value) return;
    const [kind, id] = value.split(':');
    setView({
      filters: [
        ...view.filters,
        kind === 'r'
          ? { kind: 'range', indicator: id, min: null, max: null }
          : { kind: 'category', dimension: id, values: [] },
      ],
    });
  };
  const numeric = indicatorsOf(ctx).filter(
    (i): i is NumericIndicator => i.type === 'numeric' && isAvailable(i, view.level),
  );
  return (
    <section className="filter-panel" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <p className="filter-count" data-testid="filter-count" aria-live="polite">
        {active ? t('filters.count', { count: result.count, total, unit }) : t('filters.countAll', { total, unit })}
      </p>
      {view.filters.map((f, i) => (
        <div className="filter-row" key={i}>
          {f.kind === 'range' ? (
            <RangeFilter filter={f} onChange={(x) => update(i, x)} />
          ) : (
            <CategoryFilter filter={f} onChange={(x) => update(i, x)} />
          )}
          <button
            type="button"
            className="remove"
            aria-label={t('filters.remove')}
            title={t('filters.remove')}
            onClick={() => update(i, null)}
          >
            ×
          </button>
        </div>
      ))}
      <select value="" onChange={(e) => add(e.target.value)} aria-label={t('filters.add')} data-testid="filter-add">
        <option value="">{t('filters.add')}</option>
        <optgroup label={t('filters.category')}>
          {dimensionsFor(view.level).map((d) => (
            <option key={d} value={`c:${d}`}>
              {t(`filters.dims.${d}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('filters.numeric')}>
          {numeric.map((i) => (
            <option key={i.id} value={`r:${i.id}`}>
              {textOf(t, i.label)}
            </option>
          ))}
        </optgroup>
      </select>
      {active && (
        <button type="button" className="reset" onClick={() => setView({ filters: [] })}>
          {t('filters.reset')}
        </button>
      )}
      {view.filters.some((f) => f.kind === 'range') && <p className="hint">{t('filters.noData')}</p>}
    </section>
  );
}

function CategoryFilter({
  filter,
  onChange,
}: {
  filter: Extract<Filter, { kind: 'category' }>;
  onChange: (f: Filter) => void;
}) {
  const t = useT();
  const ctx = useAtlas(indicatorContext)!;
  const catalog = useAtlas((s) => s.catalog)!;
  const options = useMemo(() => {
    const col = categoryColumn(filter.dimension, ctx) ?? [];
    const counts = new Map<string, number>();
    for (const v of col)
      for (const x of Array.isArray(v) ? v : v === null ? [] : [v]) counts.set(x, (counts.get(x) ?? 0) + 1);
    const label = (v: string) => {
      switch (filter.dimension as Dimension) {
        case 'region':
          return catalog.regions.get(v)?.name ?? v;
        case 'departement':
          return `${catalog.departements.get(v)?.name ?? v} (${v})`;
        case 'nature':
          return t(`nature.${v}`);
        case 'ti2023':
        case 'ti2018':
          return t(`filters.inOut.${v}`);
        case 'zibac':
        case 'sprint': {
          const ind = indicatorById(ctx, filter.dimension);
          const c = ind?.type === 'categorical' ? ind.categories.find((x) => x.value === v) : undefined;
          return c ? textOf(t, c.label) : v;
        }
        default:
          return v;
      }
    };
    return [...counts.entries()]
      .map(([value, count]) => ({ value, count, label: label(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, [filter.dimension, ctx, catalog, t]);
  const toggle = (v: string, on: boolean) =>
    onChange({ ...filter, values: on ? [...filter.values, v] : filter.values.filter((x) => x !== v) });
  return (
    <fieldset className="category-filter">
      <legend>{t(`filters.dims.${filter.dimension}`)}</legend>
      <div className="options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              checked={filter.values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label} <span className="muted">({o.count})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const W = 220,
  H = 56;

function RangeFilter({
  filter,
  onChange,
}: {
  filter: Extract<Filter, { kind: 'range' }>;
  onChange: (f: Filter) => void;
}) {
  const t = useT();
  const lang = useLang();
  const ctx = useAtlas(indicatorContext)!;
  const ind = indicatorById(ctx, filter.indicator) as NumericIndicator | undefined;
  const values = useMemo(() => (ind ? numericValues(ind, ctx) : []), [ind, ctx]);
  const bins = useMemo(() => histogram(values, 24), [values]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  if (!ind) return null;
  const lo = bins[0]?.x0 ?? 0,
    hi = bins[bins.length - 1]?.x1 ?? 1;
  const span = hi - lo || 1;
  const x = (v: number) => ((v - lo) / span) * W;
  const v = (px: number) => lo + (Math.min(W, Math.max(0, px)) / W) * span;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const sel: [number, number] = drag ?? [filter.min ?? lo, filter.max ?? hi];
  const px = (e: React.PointerEvent) => e.clientX - svg.current!.getBoundingClientRect().left;
  const round = (n: number) => Number(n.toFixed(Math.max(0, ind.decimals)));
  const commit = (a: number, b: number) =>
    onChange({ ...filter, min: a <= lo ? null : round(a), max: b >= hi ? null : round(b) });
  return (
    <fieldset className="range-filter">
      <legend>
        {textOf(t, ind.label)} <span className="muted">({textOf(t, ind.unit)})</span>
      </legend>
      <svg
        ref={svg}
        width={W}
        height={H}
        className="histogram"
        role="img"
        aria-label={textOf(t, ind.label)}
        onPointerDown={(e) => {
          svg.current!.setPointerCapture(e.pointerId);
          const a = v(px(e));
          setDrag([a, a]);
        }}
        onPointerMove={(e) => drag && setDrag([drag[0], v(px(e))])}
        onPointerUp={() => {
          if (drag) {
            const [a, b] = [Math.min(...drag), Math.max(...drag)];
            if (b > a) commit(a, b);
            else onChange({ ...filter, min: null, max: null });
          }
          setDrag(null);
        }}
      >
        {bins.map((b, i) => {
          const inside = b.x1 > Math.min(...sel) && b.x0 < Math.max(...sel);
          return (
            <rect
              key={i}
              x={x(b.x0) + 0.5}
              width={Math.max(1, x(b.x1) - x(b.x0) - 1)}
              y={H - (b.count / maxCount) * (H - 4)}
              height={(b.count / maxCount) * (H - 4)}
              className={inside ? 'bar in' : 'bar'}
            />
          );
        })}
        <rect
          x={x(Math.min(...sel))}
          width={Math.max(1, x(Math.max(...sel)) - x(Math.min(...sel)))}
          y={0}
          height={H}
          className="brush"
        />
      </svg>
      <div className="range-inputs">
        <label>
          {t('filters.min')}{' '}
          <input
            type="number"
            step="any"
            value={filter.min ?? ''}
            placeholder={formatNumber(lo, { lang, decimals: ind.decimals })}
            onChange={(e) => onChange({ ...filter, min: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
        <label>
          {t('filters.max')}{' '}
          <input
            type="number"
            step="any"
            value={filter.max ?? ''}
            placeholder={formatNumber(hi, { lang, decimals: ind.decimals })}
            onChange={(e) => onChange({ ...filter, max: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
      </div>
    </fieldset>
  );
}
