import { GENERATION_LABEL } from '../data/types.ts';
import { valueText } from '../domain/choropleth.ts';
import { formatNumber } from '../domain/format.ts';
import { textOf } from '../domain/text.ts';
import { choropleth, indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useFricheTypes } from './FricheControls.tsx';
import { useT } from './useT.ts';

export function Tooltip() {
  const t = useT();
  const hover = useAtlas((s) => s.hover);
  const site = useAtlas((s) => s.site);
  const lang = useAtlas((s) => s.view.lang);
  const types = useFricheTypes();
  const catalog = useAtlas((s) => s.catalog);
  const generation = useAtlas((s) => s.view.generation);
  const ch = useAtlas(choropleth);
  const ctx = useAtlas(indicatorContext);
  if (site) {
    return (
      <div
        className="tooltip"
        role="tooltip"
        data-testid="site-tooltip"
        style={{ left: site.x + 14, top: site.y + 14 }}
      >
        <strong>{site.name}</strong>
        <span>
          {t(`friches.statuses.${site.status}`)} · {types[site.type] ?? ''}
        </span>
        {site.surface !== null && (
          <span>
            {t('friches.surface')} : {formatNumber(site.surface / 1e4, { lang, decimals: 2 })} ha
          </span>
        )}
        <span className="muted">Cerema – Cartofriches, {site.id}</span>
      </div>
    );
  }
  if (!hover || !catalog) return null;
  let title = '',
    detail = '';
  if (hover.kind === 'epci') {
    const e = catalog.epci.get(hover.code);
    if (!e) return null;
    title = e.name;
    const tis = e.ti[generation].map((id) => catalog.ti.get(`${generation}:${id}`)?.name).filter(Boolean);
    detail = tis.length ? `TI ${GENERATION_LABEL[generation]} : ${tis.join(', ')}` : t('panel.tiNone');
  } else {
    const ti = catalog.ti.get(hover.code);
    if (!ti) return null;
    title = ti.name;
    detail = `${t('kind.ti')} ${GENERATION_LABEL[ti.generation]}`;
  }
  // The coloured value, with its indicator and year: what the colour under the pointer means.
  const value = ch && ctx && hover.kind === ctx.level ? valueText(ch, hover.code, t, lang) : null;
  return (
    <div className="tooltip" role="tooltip" data-testid="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <strong>{title}</strong>
      {ch && ctx && value !== null && (
        <span data-testid="tooltip-value">
          {t('legend.valueLine', {
            label: textOf(t, ch.indicator.short ?? ch.indicator.label),
            year: ch.indicator.year(ctx),
            value,
          })}
        </span>
      )}
      <span>{detail}</span>
    </div>
  );
}
