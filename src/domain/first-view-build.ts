// Computing the first-view files (pipeline): a view's colours with the app's own choropleth code.
import type { TerritoriesFile } from '../data/types.ts';
import { buildChoropleth } from './choropleth.ts';
import type { IndicatorsFile } from './fields.ts';
import type { FirstViewFile } from './first-view.ts';
import { paintedView } from './first-view.ts';
import { type IndicatorContext, indicatorById, isAvailable } from './indicators.ts';
import type { SprintRule } from './sprint.ts';
import { HOME_VIEW, type ViewState } from './view.ts';

/**
 * A first map's colours (the bare address's by default), from the same computation as the app's
 * (src/state/derived.ts); null for a view that cannot be drawn this way (not at EPCI level,
 * more than 36 colours).
 */
export function buildFirstView(
  indicators: IndicatorsFile,
  territories: TerritoriesFile,
  sprint: SprintRule,
  v: ViewState = HOME_VIEW,
): FirstViewFile | null {
  const codes = territories.epci.map((e) => e.code).sort();
  const ctx: IndicatorContext = {
    level: v.level,
    generation: v.generation,
    period: v.period,
    indicators,
    territories,
    sprint,
    extra: [],
  };
  const ind = v.indicator ? indicatorById(ctx, v.indicator) : undefined;
  if (!ind || !isAvailable(ind, ctx.level) || v.level !== 'epci') return null;
  const ch = buildChoropleth(
    ind,
    ctx,
    { method: v.method, classes: v.classes, breaks: v.breaks, scheme: v.scheme },
    'fr',
  );
  const palette = [...new Set(ch.colors.values())];
  if (palette.length > 36) return null;
  const index = new Map(palette.map((c, i) => [c, i.toString(36)]));
  const colors = codes.map((code) => {
    const color = ch.colors.get(code);
    if (color === undefined) throw new Error(`first view: EPCI ${code} has no colour`);
    return index.get(color)!;
  });
  if (ch.colors.size !== codes.length) throw new Error('first view: the EPCI and the indicators differ');
  return { view: paintedView(v), palette, codes, colors: colors.join('') };
}
