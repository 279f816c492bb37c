// Small SVG charts of the zone d'emploi section: drawn in React, readable in print (dashed line
// and labels, not colour alone), hidden from screen readers, which read the tables next to them.
import { formatNumber } from '../domain/format.ts';
import { ZE_YEARS } from '../domain/zones-emploi.ts';
import { useLang } from './useT.ts';

const W = 300;

/** Industrial jobs of the zone and of France as an index (2019 = 100), years placed to scale. */
export function TrendChart({
  zone,
  france,
  labels,
}: {
  zone: (number | null)[];
  france: number[];
  labels: { zone: string; france: string; title: string };
}) {
  const lang = useLang();
  const index = (s: (number | null)[]) => s.map((v) => (v === null || !s[0] ? null : (v / s[0]) * 100));
  const series = [
    { name: labels.zone, values: index(zone), cls: 'zone' },
    { name: labels.france, values: index(france), cls: 'france' },
  ];
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(95, ...all),
    hi = Math.max(105, ...all);
  const H = 130,
    left = 34,
    right = 36,
    top = 14,
    bottom = 20;
  const x = (y: number) =>
    left + ((y - ZE_YEARS[0]) / (ZE_YEARS[ZE_YEARS.length - 1] - ZE_YEARS[0])) * (W - left - right);
  const yOf = (v: number) => top + ((hi - v) / (hi - lo)) * (H - top - bottom);
  return (
    <figure className="ze-chart" aria-hidden="true">
      <figcaption>
        {labels.title}
        <span className="ze-key">
          {series.map((s) => (
            <span key={s.cls} className={`series ${s.cls}`}>
              <svg width="22" height="8" role="presentation">
                <line x1="1" x2="21" y1="4" y2="4" />
              </svg>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="presentation">
        {[lo, 100, hi].map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={yOf(v)} y2={yOf(v)} className="grid" />
            <text x={left - 4} y={yOf(v) + 3} textAnchor="end">
              {formatNumber(v, { lang, decimals: 0 })}
            </text>
          </g>
        ))}
        {ZE_YEARS.map((y) => (
          <text key={y} x={x(y)} y={H - 4} textAnchor="middle">
            {y}
          </text>
        ))}
        {series.map((s) => {
          const pts = ZE_YEARS.flatMap((y, i) => (s.values[i] === null ? [] : [[x(y), yOf(s.values[i]!)]]));
          const lastPt = pts[pts.length - 1];
          return (
            <g key={s.cls} className={`series ${s.cls}`}>
              <polyline points={pts.map((p) => p.join(',')).join(' ')} fill="none" />
              {pts.map(([px, py]) => (
                <circle key={px} cx={px} cy={py} r={2.5} />
              ))}
              {lastPt && (
                <text x={lastPt[0] + 6} y={lastPt[1] + 3}>
                  {formatNumber(s.values[s.values.length - 1], { lang, decimals: 0 })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Horizontal bars: one per item, value written at the bar's end. */
export function BarChart({
  items,
  title,
  decimals = 0,
  unit = '',
}: {
  items: { label: string; value: number | null }[];
  title: string;
  decimals?: number;
  unit?: string;
}) {
  const lang = useLang();
  const max = Math.max(...items.map((i) => Math.abs(i.value ?? 0)), 1e-9);
  const hasNeg = items.some((i) => (i.value ?? 0) < 0);
  const row = 18,
    labelW = 130,
    valueW = 58;
  const span = W - labelW - valueW;
  const zero = labelW + (hasNeg ? span / 2 : 0);
  const scale = (hasNeg ? span / 2 : span) / max;
  return (
    <figure className="ze-chart" aria-hidden="true">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${items.length * row + 4}`} width="100%" role="presentation">
        {items.map((it, i) => {
          const v = it.value ?? 0;
          const w = Math.abs(v) * scale;
          const y = i * row + 2;
          return (
            <g key={it.label}>
              <text x={labelW - 4} y={y + 12} textAnchor="end">
                {it.label.length > 24 ? `${it.label.slice(0, 23)}…` : it.label}
              </text>
              <rect
                x={v < 0 ? zero - w : zero}
                y={y + 2}
                width={w}
                height={row - 6}
                className={v < 0 ? 'neg' : 'pos'}
              />
              <text x={(v < 0 ? zero : zero + w) + 4} y={y + 12}>
                {formatNumber(it.value, { lang, decimals, signed: hasNeg })}
                {unit}
              </text>
            </g>
          );
        })}
        {hasNeg && <line x1={zero} x2={zero} y1={0} y2={items.length * row + 4} className="axis" />}
      </svg>
    </figure>
  );
}
