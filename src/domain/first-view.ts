// The colours of a first visit (HOME_VIEW), computed by the pipeline with the app's own code and
// written to public/generated/first-view.json: the first map of a bare address draws from this
// small file and the national topology, and territories.json / indicators.json load after it.
// Reading it stays light (no classification code): the app's first view imports this file.
import type { ViewState } from './view.ts';

/** The view fields the colours depend on (language, selection, viewport… do not change them). */
export type PaintedView = Pick<
  ViewState,
  'indicator' | 'level' | 'generation' | 'period' | 'method' | 'classes' | 'scheme'
>;

export interface FirstViewFile {
  view: PaintedView;
  /** The colours used, in legend order. */
  palette: string[];
  /**
   * One character per EPCI, in the order of the national topology's EPCI geometries: the index of
   * its colour in `palette` (base 36), a few hundred bytes where codes would take kilobytes.
   */
  colors: string;
}

export const paintedView = (v: ViewState): PaintedView => ({
  indicator: v.indicator,
  level: v.level,
  generation: v.generation,
  period: v.period,
  method: v.method,
  classes: v.classes,
  scheme: v.scheme,
});

/**
 * The colours by EPCI code when `view` paints exactly what the file was computed for, else null.
 * `codes`: the EPCI codes in the order of the national topology's geometries.
 */
export function firstViewColors(file: FirstViewFile, view: ViewState, codes: string[]): Map<string, string> | null {
  if (view.filters.length > 0 || view.breaks.length > 0 || codes.length !== file.colors.length) return null;
  if (JSON.stringify(paintedView(view)) !== JSON.stringify(file.view)) return null;
  return new Map(codes.map((code, i) => [code, file.palette[Number.parseInt(file.colors[i], 36)]]));
}

/** EPCI codes in the order of the topology's EPCI geometries (what `colors` follows). */
export const topologyCodes = (topology: { objects: Record<string, unknown> }): string[] =>
  (topology.objects.epci as { geometries: { properties: { code: string } }[] }).geometries.map(
    (g) => g.properties.code,
  );
