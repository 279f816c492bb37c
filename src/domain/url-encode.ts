// ViewState → query string (only what differs from DEFAULT_VIEW), and structural equality of views.
import {
  encodeAtom,
  formatNumber,
  LONLAT_DECIMALS,
  METHOD_LETTER,
  roundTo,
  type UrlParam,
  ZOOM_DECIMALS,
} from './url-format.ts';
import type { Filter, Selection, Viewport, ViewState } from './view.ts';
import { DEFAULT_VIEW } from './view.ts';

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
  };
}

const frichesEquals = (a: ViewState['friches'], b: ViewState['friches']) =>
  a === b || (!!a && !!b && numArrayEquals(a.statuses, b.statuses) && numArrayEquals(a.groups, b.groups));

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
    frichesEquals(a.friches, b.friches)
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
 * Query string (without '?') holding only what differs from DEFAULT_VIEW, in a fixed order.
 * Total: never throws, even on a view that is not valid (the decoder then reports the problems).
 */
export function encodeView(v: ViewState): string {
  const d = DEFAULT_VIEW;
  const out: string[] = [];
  const put = (key: UrlParam, value: string) => out.push(`${key}=${value}`);
  const flag = (b: boolean) => (b ? '1' : '0');

  if (v.lang !== d.lang) put('lang', encodeAtom(v.lang));
  if (v.level !== d.level) put('niv', encodeAtom(v.level));
  if (v.generation !== d.generation) put('gen', encodeAtom(v.generation));
  if (v.showTi !== d.showTi) put('ti', flag(v.showTi));
  if (v.showDepartements !== d.showDepartements) put('dep', flag(v.showDepartements));
  if (v.showRegions !== d.showRegions) put('reg', flag(v.showRegions));
  if (v.indicator !== d.indicator) put('ind', v.indicator === null ? '' : encodeAtom(v.indicator));
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
  return out.join('&');
}
