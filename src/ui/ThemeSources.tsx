import type { Indicator, IndicatorContext } from '../domain/indicators.ts';
import { citeSources } from '../domain/sources.ts';
import { textOf } from '../domain/text.ts';
import { useAtlas } from '../state/store.ts';
import { useT } from './useT.ts';

/** Visible line under a theme: for each figure, its source, year and licence. */
export function ThemeSources({ indicators, ctx }: { indicators: Indicator[]; ctx: Pick<IndicatorContext, 'period'> }) {
  const t = useT();
  const sources = useAtlas((s) => s.data?.manifest.sources ?? []);
  const lines = indicators.map((ind) => {
    if (ind.type === 'numeric' && ind.userSource)
      return `${textOf(t, ind.short ?? ind.label)} : ${textOf(t, ind.userSource)}`;
    return `${textOf(t, ind.short ?? ind.label)} (${ind.year(ctx)}) : ${citeSources(ind.sources, sources, t)}`;
  });
  return (
    <ul className="theme-sources muted small" data-testid="theme-sources">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
