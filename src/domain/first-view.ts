// The colours of a first visit (HOME_VIEW), computed by the pipeline with the app's own code and
// written to public/generated/first-view.json: the first map of a bare address draws from this
// small file and the national topology, and territories.json / indicators.json load after it.
import type { TerritoriesFile } from '../data/types.ts';
import { buildChoropleth } from './choropleth.ts';
import type { IndicatorsFile } from './fields.ts';
import { type IndicatorContext, indicatorById, isAvailable } from './indicators.ts';
import type { SprintRule } from './sprint.ts';
import { HOME_VIEW, type ViewState } from './view.ts';

/** The view fields the colours depend on (language, selection, viewport… do not change them). */
type PaintedView = Pick<ViewState, 'indicator' | 'level' | 'generation' | 'period' | 'method' | 'classes' | 'scheme'>;

export interface FirstViewFile {
  view: PaintedView;
  /** Colour → codes of the territories (EPCI) painted with it. */
  colors: Record<string, string[]>;
}

const paintedView = (v: ViewState): PaintedView => ({
  indicator: v.indicator,
  level: v.level,
  generation: v.generation,
  period: v.period,
  method: v.method,
  classes: v.classes,
  scheme: v.scheme,
});

/** The first visit's colours, from the same computation as the app's (src/state/derived.ts). */
export function buildFirstView(
  indicators: IndicatorsFile,
  territories: TerritoriesFile,
  sprint: SprintRule,
): FirstViewFile | null {
  const v = HOME_VIEW;
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
  const colors: Record<string, string[]> = {};
  for (const [code, color] of ch.colors) (colors[color] ??= []).push(code);
  return { view: paintedView(v), colors };
}

/** The colours by EPCI code when `view` paints exactly what the file was computed for, else null. */
export function firstViewColors(file: FirstViewFile, view: ViewState): Map<string, string> | null {
  if (view.filters.length > 0 || view.breaks.length > 0) return null;
  if (JSON.stringify(paintedView(view)) !== JSON.stringify(file.view)) return null;
  const colors = new Map<string, string>();
  for (const [color, codes] of Object.entries(file.colors)) for (const code of codes) colors.set(code, color);
  return colors;
}
