import type { Indicator, IndicatorContext } from '../domain/indicators.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

/** Visible line under a theme: for each figure, its source, year and licence. */
export function ThemeSources({ indicators, ctx }: { indicators: Indicator[]; ctx: Pick<IndicatorContext, 'period'> }) {
  const t = useT();
  const lang = useLang();
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const lines = indicators.map((ind) => {
    if (ind.type === 'numeric' && ind.userSource)
      return `${ind.short?.[lang] ?? ind.label[lang]} : ${ind.userSource[lang]}`;
    const srcs = ind.sources
      .map((id) => sources.find((s) => s.id === id))
      .filter((s) => s !== undefined)
      .map((s) => `${s.producer}, ${s.licenceToConfirm ? `${s.licence} — ${t('sources.toConfirm')}` : s.licence}`);
    return `${ind.short?.[lang] ?? ind.label[lang]} (${ind.year(ctx)}) : ${srcs.join(' ; ')}`;
  });
  return (
    <ul className="theme-sources muted small" data-testid="theme-sources">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
