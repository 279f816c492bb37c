// The colours of a first map, computed by the pipeline with the app's own code: first-view.json
// for a bare address (HOME_VIEW), first-view/<indicator>.json for a link that names only its
// indicator (and language), as journalists share them. The first map draws from this small file
// and the map's tiles; territories.json / indicators.json load after it.
// Reading it stays light (no classification code): the app's first view imports this file.
import { DEFAULT_VIEW, HOME_VIEW, type Lang, type ViewState } from './view.ts';

/** The view fields the colours depend on (language, selection, viewport… do not change them). */
export type PaintedView = Pick<
  ViewState,
  'indicator' | 'level' | 'generation' | 'period' | 'method' | 'classes' | 'scheme'
>;

export interface FirstViewFile {
  view: PaintedView;
  /** The colours used, in legend order. */
  palette: string[];
  /** Every EPCI's code, sorted (they compress well so). */
  codes: string[];
  /** One character per code, in that order: the index of its colour in `palette` (base 36). */
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

/** Link parameters that leave the first map as the file draws it (the language changes no colour). */
const LINK_PARAMS = new Set(['ind', 'lang']);
/** Indicator ids as file names (the pipeline's ids; anything else is not a file of ours). */
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Where a first map's colours come from before the data, and the view they paint: a bare address
 * → first-view.json (HOME_VIEW); a link with only `ind` (and `lang`) → first-view/<ind>.json, the
 * view that link decodes to. Any other link (a level, filters, a selection, a viewport…) waits
 * for the data: null. index.html applies the same rule to its preloads.
 */
export function firstViewSource(search: string): { file: string; view: ViewState } | null {
  const query = search.replace(/^\?/, '');
  if (query === '') return { file: 'first-view.json', view: HOME_VIEW };
  const p = new URLSearchParams(query);
  if ([...p.keys()].some((k) => !LINK_PARAMS.has(k)) || p.getAll('ind').length !== 1 || p.getAll('lang').length > 1)
    return null;
  const indicator = p.get('ind')!;
  const lang = p.get('lang') ?? 'fr';
  if (!FILE_ID.test(indicator) || (lang !== 'fr' && lang !== 'en')) return null;
  return { file: firstViewFileName(indicator), view: { ...DEFAULT_VIEW, indicator, lang: lang as Lang } };
}

/** The file of a link that names only this indicator (pipeline and app). */
export const firstViewFileName = (indicator: string): string => `first-view/${indicator}.json`;

/** The colours by EPCI code when `view` paints exactly what the file was computed for, else null. */
export function firstViewColors(file: FirstViewFile, view: ViewState): Map<string, string> | null {
  if (view.filters.length > 0 || view.breaks.length > 0 || file.codes.length !== file.colors.length) return null;
  if (JSON.stringify(paintedView(view)) !== JSON.stringify(file.view)) return null;
  return new Map(file.codes.map((code, i) => [code, file.palette[Number.parseInt(file.colors[i], 36)]]));
}
