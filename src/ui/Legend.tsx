import { GENERATION_LABEL } from '../data/types.ts';
import { NO_DATA_COLOR } from '../domain/choropleth.ts';
import { citeSources } from '../domain/sources.ts';
import { textOf } from '../domain/text.ts';
import { COLORS } from '../map/style.ts';
import { choropleth, indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useT } from './useT.ts';

/** Map legend: class bounds in French format, counts, "no data", unit, year, source, caveat. */
export function Legend() {
  const t = useT();
  const ch = useAtlas(choropleth);
  const ctx = useAtlas(indicatorContext);
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const hovered = useAtlas((s) => s.legendHover);
  const setHover = useAtlas((s) => s.setLegendHover);
  if (!ch || !ctx) return null;
  const ind = ch.indicator;
  const unit = ind.type === 'numeric' ? textOf(t, ind.unit) : '';
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h2>{textOf(t, ind.label)}</h2>
      <span className="legend-meta">
        {unit && <>{unit} · </>}
        {ind.year(ctx)} · {ctx.level === 'ti' ? `TI ${GENERATION_LABEL[ctx.generation]}` : 'EPCI'}
      </span>
      <ul>
        {ch.legend.map((l) => (
          <li key={l.key} className={hovered === l.key ? 'hovered' : undefined}>
            {/* A button so that the keyboard (focus) and touch (tap) highlight the class too. */}
            <button
              type="button"
              className="legend-key"
              aria-pressed={hovered === l.key}
              onMouseEnter={() => setHover(l.key)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(l.key)}
              onBlur={() => setHover(null)}
              onClick={() => setHover(hovered === l.key ? null : l.key)}
            >
              <span className="swatch" style={{ background: l.color }} />
              <span className="legend-label">{textOf(t, l.label)}</span>
              <span className="legend-count">{l.count}</span>
            </button>
          </li>
        ))}
        {ctx.level === 'ti' && (
          <li>
            <span className="swatch" style={{ background: COLORS.outsideTi }} />
            <span className="legend-label">{t('legend.outsideTi')}</span>
          </li>
        )}
        {ch.noData > 0 && (
          <li>
            <span className="swatch nodata" style={{ background: NO_DATA_COLOR }} />
            <span className="legend-label">{t('legend.noData')}</span>
            <span className="legend-count">{ch.noData}</span>
          </li>
        )}
      </ul>
      {ind.caveat && <p className="legend-caveat">⚠ {textOf(t, ind.caveat)}</p>}
      {ind.notRanked && (
        <p className="legend-caveat" data-testid="legend-not-ranked">
          {textOf(t, ind.notRanked)}
        </p>
      )}
      {ind.type === 'numeric' && ind.userSource ? (
        <p className="legend-source" data-testid="legend-user-source">
          {textOf(t, ind.userSource)}
        </p>
      ) : (
        <p className="legend-source">{t('legend.sourceLine', { list: citeSources(ind.sources, sources, t) })}</p>
      )}
    </section>
  );
}
