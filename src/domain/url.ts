// URL codec for the view state: ViewState <-> short, human-readable query string.
//
// Links are pasted by journalists and must keep opening for years, so:
//   - only parameters that differ from DEFAULT_VIEW are written, in a fixed order;
//   - decoding never throws, starts from DEFAULT_VIEW and ignores or corrects anything it
//     cannot use, reporting each case in `dropped` so the UI can tell the user;
//   - decoding is tolerant (legacy `sel=e:` / `sel=t:` prefixes, over-encoded separators,
//     duplicated parameters: the last one wins).
//
// Parameters (in encoding order):
//   lang=en                  language                       ('fr' | 'en')
//   niv=ti                   level                          ('epci' | 'ti')
//   gen=2018                 TI generation                  ('2023' | '2018')
//   ti=0 dep=1 reg=0         show TI / départements / régions outlines ('0' | '1')
//   ind=<id>                 indicator ('ind=' = none)
//   per=2019-2024            period, years in the employment range, from < to
//   cl=j6                    class method letter (q=quantile, e=equal, j=jenks, m=manual) + count 3..9
//   br=10,20.5,30            manual breaks, strictly ascending, at most MAX_CLASSES - 1
//   pal=<id>                 colour scheme
//   f=r:<ind>:<min>:<max>    range filter (repeatable, empty bound = open)
//   f=c:<dim>:<v1>,<v2>      category filter (repeatable, values percent-encoded, ',' separates)
//   sel=<code>               selection: EPCI SIREN ("200054781") or TI key ("2023:ti-4401")
//   cmp=<code>,<code>        comparison basket (at most MAX_BASKET, no duplicates)
//   v=<lon>,<lat>,<zoom>     viewport (4 decimals for lon/lat, 2 for zoom; 'v=' = none)
//   fr=0123-012              brownfield layer: shown statuses - type groups ('fr=' = hidden)
//   grp=<name>:<siren>,…     custom group drawn on the map (repeatable, name percent-encoded)
//
// NOTE: because defaults are omitted, changing DEFAULT_VIEW changes the meaning of links
// already published. tests/unit/url.test.ts pins DEFAULT_VIEW for that reason.
// Format 2: `ind` is always written (`ind=` = no colouring). A link without `ind` comes from
// format 1, when no colouring was the default: it still opens without colouring. Only a bare
// address (no parameter at all) opens HOME_VIEW, whose colouring is DEFAULT_INDICATOR.
//
// This file holds the codec's types, view equality and encoding; decoding is in url-decode.ts,
// parameter names, bounds and value atoms in url-format.ts.

import {
  encodeAtom,
  formatNumber,
  LONLAT_DECIMALS,
  METHOD_LETTER,
  PARAM_SET,
  roundTo,
  URL_PARAMS,
  type UrlParam,
  ZOOM_DECIMALS,
} from './url-format.ts';
import type { Filter, GroupRef, Selection, Viewport, ViewState } from './view.ts';
import { DEFAULT_VIEW } from './view.ts';

/** Machine-readable reason attached to each parameter (or part of one) that was not applied as is. */
export type DropReason =
  /** The parameter name is not part of the codec. */
  | 'unknown-parameter'
  /** A single-valued parameter appeared several times: only the last occurrence is used. */
  | 'duplicate'
  /** The value (or one item of a list) could not be parsed; it was ignored. */
  | 'malformed'
  /** The value parsed but lies outside the accepted range; it was ignored. */
  | 'out-of-range'
  /** The value was outside its limits and was clamped to the nearest limit. */
  | 'clamped'
  /** The value was normalised (sorted, de-duplicated, bounds swapped, empty items removed). */
  | 'corrected'
  /** A list was longer than allowed; the excess items were ignored. */
  | 'too-many'
  /** A well-formed EPCI/TI code is not in `known.epci` / `known.ti`. */
  | 'unknown-code'
  /** A well-formed indicator id is not in `known.indicators`. */
  | 'unknown-indicator'
  /** A well-formed dimension id is not in `known.dimensions`. */
  | 'unknown-dimension'
  /** A well-formed scheme id is not in `known.schemes`. */
  | 'unknown-scheme'
  /** A category value is not one of `known.categories` for its dimension; it was ignored. */
  | 'unknown-value';

export interface Dropped {
  /** Parameter name as found in the query (decoded when possible). */
  param: string;
  /** Offending value, or the offending item of a list (clipped to 120 characters). */
  value: string;
  reason: DropReason;
}

/** Optional catalogues; when a set is given, values not in it are dropped. */
export interface KnownCodes {
  indicators?: ReadonlySet<string>;
  dimensions?: ReadonlySet<string>;
  epci?: ReadonlySet<string>;
  ti?: ReadonlySet<string>;
  schemes?: ReadonlySet<string>;
  /** Known values of each category dimension; a value not listed is dropped. */
  categories?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface DecodeOptions {
  /**
   * The address had no parameter at all (default: the query is empty): it opens HOME_VIEW.
   * Pass false when the address held only presentation flags (embed=1…), which are not views.
   */
  bare?: boolean;
}

export interface DecodedView {
  view: ViewState;
  dropped: Dropped[];
}

// ---------------------------------------------------------------------------------------------
// Equality and copies (also used by url-decode.ts)

export function numArrayEquals(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function strArrayEquals(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function filterEquals(a: Filter, b: Filter): boolean {
  if (a.kind === 'range' && b.kind === 'range') {
    return a.indicator === b.indicator && a.min === b.min && a.max === b.max;
  }
  if (a.kind === 'category' && b.kind === 'category') {
    return a.dimension === b.dimension && strArrayEquals(a.values, b.values);
  }
  return false;
}

function filtersEqual(a: readonly Filter[], b: readonly Filter[]): boolean {
  return a.length === b.length && a.every((f, i) => filterEquals(f, b[i]));
}

function selectionEquals(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && a.code === b.code;
}

function viewportEquals(a: Viewport | null, b: Viewport | null): boolean {
  if (a === null || b === null) return a === b;
  return a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom;
}

export function cloneView(v: ViewState): ViewState {
  return {
    ...v,
    period: [v.period[0], v.period[1]],
    breaks: [...v.breaks],
    filters: v.filters.map((f) => (f.kind === 'range' ? { ...f } : { ...f, values: [...f.values] })),
    selection: v.selection ? { ...v.selection } : null,
    basket: [...v.basket],
    viewport: v.viewport ? { ...v.viewport } : null,
    friches: v.friches ? { statuses: [...v.friches.statuses], groups: [...v.friches.groups] } : null,
    groups: v.groups.map((g) => ({ name: g.name, epcis: [...g.epcis] })),
  };
}

const groupsEqual = (a: readonly GroupRef[], b: readonly GroupRef[]) =>
  a.length === b.length && a.every((g, i) => g.name === b[i].name && strArrayEquals(g.epcis, b[i].epcis));

const frichesEquals = (a: ViewState['friches'], b: ViewState['friches']) =>
  a === b || (!!a && !!b && numArrayEquals(a.statuses, b.statuses) && numArrayEquals(a.groups, b.groups));

// ---------------------------------------------------------------------------------------------
// Public API

/** Structural equality of two views (numbers compared with ===). */
export function viewEquals(a: ViewState, b: ViewState): boolean {
  return (
    a.lang === b.lang &&
    a.level === b.level &&
    a.generation === b.generation &&
    a.showTi === b.showTi &&
    a.showDepartements === b.showDepartements &&
    a.showRegions === b.showRegions &&
    a.indicator === b.indicator &&
    a.period[0] === b.period[0] &&
    a.period[1] === b.period[1] &&
    a.method === b.method &&
    a.classes === b.classes &&
    numArrayEquals(a.breaks, b.breaks) &&
    a.scheme === b.scheme &&
    filtersEqual(a.filters, b.filters) &&
    selectionEquals(a.selection, b.selection) &&
    strArrayEquals(a.basket, b.basket) &&
    viewportEquals(a.viewport, b.viewport) &&
    frichesEquals(a.friches, b.friches) &&
    groupsEqual(a.groups, b.groups)
  );
}

function encodeFilter(f: Filter): string {
  if (f.kind === 'range') {
    const bound = (n: number | null) => (n === null ? '' : formatNumber(n));
    return `r:${encodeAtom(f.indicator)}:${bound(f.min)}:${bound(f.max)}`;
  }
  return `c:${encodeAtom(f.dimension)}:${f.values.map(encodeAtom).join(',')}`;
}

/**
 * Each parameter's value(s) for a view: only what differs from DEFAULT_VIEW, except `ind`, which
 * is always written (format 2). Total: never throws, even on an invalid view.
 */
function encodeParams(v: ViewState): Map<UrlParam, string[]> {
  const d = DEFAULT_VIEW;
  const out = new Map<UrlParam, string[]>();
  const put = (key: UrlParam, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  const flag = (b: boolean) => (b ? '1' : '0');

  if (v.lang !== d.lang) put('lang', encodeAtom(v.lang));
  if (v.level !== d.level) put('niv', encodeAtom(v.level));
  if (v.generation !== d.generation) put('gen', encodeAtom(v.generation));
  if (v.showTi !== d.showTi) put('ti', flag(v.showTi));
  if (v.showDepartements !== d.showDepartements) put('dep', flag(v.showDepartements));
  if (v.showRegions !== d.showRegions) put('reg', flag(v.showRegions));
  put('ind', v.indicator === null ? '' : encodeAtom(v.indicator));
  if (v.period[0] !== d.period[0] || v.period[1] !== d.period[1]) {
    put('per', `${formatNumber(v.period[0])}-${formatNumber(v.period[1])}`);
  }
  if (v.method !== d.method || v.classes !== d.classes) {
    put('cl', `${METHOD_LETTER[v.method] ?? encodeAtom(String(v.method))}${formatNumber(v.classes)}`);
  }
  if (!numArrayEquals(v.breaks, d.breaks)) put('br', v.breaks.map(formatNumber).join(','));
  if (v.scheme !== d.scheme) put('pal', encodeAtom(v.scheme));
  if (!filtersEqual(v.filters, d.filters)) for (const f of v.filters) put('f', encodeFilter(f));
  if (!selectionEquals(v.selection, d.selection)) put('sel', v.selection ? encodeAtom(v.selection.code) : '');
  if (!strArrayEquals(v.basket, d.basket)) put('cmp', v.basket.map(encodeAtom).join(','));
  if (!viewportEquals(v.viewport, d.viewport)) {
    const p = v.viewport;
    put(
      'v',
      p === null
        ? ''
        : [
            formatNumber(roundTo(p.lon, LONLAT_DECIMALS)),
            formatNumber(roundTo(p.lat, LONLAT_DECIMALS)),
            formatNumber(roundTo(p.zoom, ZOOM_DECIMALS)),
          ].join(','),
    );
  }
  // Brownfield layer: "fr=<status digits>-<type group digits>", e.g. fr=0123-012 (all shown).
  if (!frichesEquals(v.friches, d.friches))
    put('fr', v.friches ? `${v.friches.statuses.join('')}-${v.friches.groups.join('')}` : '');
  // ':' inside a name is sent as %3A: the last ':' separates the name from the members.
  for (const g of v.groups ?? []) put('grp', `${encodeAtom(g.name).replace(/:/g, '%3A')}:${g.epcis.join(',')}`);
  return out;
}

/**
 * What a view uses for one parameter, as written in a link: '' when the parameter is left out
 * (its default), values of a repeated parameter joined by ' & '; null for a name that is not a
 * parameter. Tells the user what was used instead of a value reported in `dropped`.
 */
export function usedValue(v: ViewState, param: string): string | null {
  if (!PARAM_SET.has(param)) return null;
  return (encodeParams(v).get(param as UrlParam) ?? []).join(' & ');
}

/**
 * Query string (without '?'), parameters in a fixed order. Never empty: `ind` is always there,
 * so the link keeps its colouring whatever the default becomes.
 */
export function encodeView(v: ViewState): string {
  const params = encodeParams(v);
  return URL_PARAMS.flatMap((key) => (params.get(key) ?? []).map((value) => `${key}=${value}`)).join('&');
}
