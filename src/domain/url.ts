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

import type { Generation } from '../data/types.ts';
import { GENERATIONS } from '../data/types.ts';
import type { ClassMethod, Filter, GroupRef, Lang, Level, Selection, Viewport, ViewState } from '../state/view.ts';
import {
  DEFAULT_VIEW,
  HOME_VIEW,
  MAX_BASKET,
  MAX_CLASSES,
  MAX_GROUP_MEMBERS,
  MAX_GROUPS,
  MIN_CLASSES,
} from '../state/view.ts';
import { EMP_YEARS } from './fields.ts';

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

/** Every parameter the codec reads or writes, in encoding order. */
export const URL_PARAMS = [
  'lang',
  'niv',
  'gen',
  'ti',
  'dep',
  'reg',
  'ind',
  'per',
  'cl',
  'br',
  'pal',
  'f',
  'sel',
  'cmp',
  'v',
  'fr',
  'grp',
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

export const MIN_YEAR: number = EMP_YEARS[0];
export const MAX_YEAR: number = EMP_YEARS[EMP_YEARS.length - 1];
export const MAX_BREAKS = MAX_CLASSES - 1;
export const MAX_ZOOM = 22;
export const MAX_LAT = 85;
export const MAX_LON = 180;
/** Decimals kept in the URL for viewport coordinates and zoom. */
export const LONLAT_DECIMALS = 4;
export const ZOOM_DECIMALS = 2;

/** Indicator, dimension and scheme ids: URL-safe ASCII, 1..80 characters. */
export const ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
export const SIREN_RE = /^\d{9}$/;
export const TI_KEY_RE = new RegExp(`^(?:${GENERATIONS.join('|')}):ti-\\d{4}$`);

const METHOD_LETTER: Record<ClassMethod, string> = { quantile: 'q', equal: 'e', jenks: 'j', manual: 'm' };
const LETTER_METHOD: Record<string, ClassMethod> = { q: 'quantile', e: 'equal', j: 'jenks', m: 'manual' };
const PARAM_SET: ReadonlySet<string> = new Set(URL_PARAMS);
const MAX_FILTERS = 24;
const REPORT_MAX = 120;

// ---------------------------------------------------------------------------------------------
// Low-level helpers

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

/** Percent-encode one value item, keeping it readable (space as '+', ':' '/' '@' kept). */
function encodeAtom(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE_G, '\uFFFD'))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/')
    .replace(/%40/g, '@');
}

/** Form-style decoding ('+' = space); null on malformed percent-encoding. */
function decodeAtom(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Shortest exact representation of a finite number; no '+' so it stays readable in a URL. */
function formatNumber(n: number): string {
  return String(n + 0).replace('e+', 'e');
}

function roundTo(n: number, decimals: number): number {
  return Number(n.toFixed(decimals)) + 0;
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Strict decimal number (no hex, no 'Infinity', no blanks); null unless finite. -0 becomes 0. */
function parseNumber(s: string): number | null {
  if (!NUMBER_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n + 0 : null;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function clip(s: string): string {
  return s.length > REPORT_MAX ? `${s.slice(0, REPORT_MAX - 1)}…` : s;
}

function codeKind(code: string): Selection['kind'] | null {
  if (SIREN_RE.test(code)) return 'epci';
  if (TI_KEY_RE.test(code)) return 'ti';
  return null;
}

function numArrayEquals(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function strArrayEquals(a: readonly string[], b: readonly string[]): boolean {
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

function cloneView(v: ViewState): ViewState {
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

interface Occurrence {
  raw: string;
  /** Decoded value, null when its percent-encoding is malformed. */
  value: string | null;
}

/**
 * Rebuild a view from a query string (leading '?' or '#' optional). Never throws: starts from
 * DEFAULT_VIEW and applies each usable parameter; everything else is reported in `dropped`.
 * For every valid view v: decodeView(encodeView(v)) gives back v with nothing dropped.
 * Order of `dropped`: problems with parameter names first (in query order), then problems with
 * values, parameter by parameter in encoding order (URL_PARAMS).
 */
export function decodeView(query: string, known: KnownCodes = {}, opts: DecodeOptions = {}): DecodedView {
  const q = (typeof query === 'string' ? query : '').replace(/^[?#]+/, '');
  const bare = opts.bare ?? q.replace(/&/g, '') === '';
  const view = cloneView(bare ? HOME_VIEW : DEFAULT_VIEW);
  const dropped: Dropped[] = [];
  const drop = (param: string, value: string, reason: DropReason) =>
    dropped.push({ param: clip(param), value: clip(value), reason });

  const seen = new Map<UrlParam, Occurrence[]>();
  for (const segment of q.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const raw = eq < 0 ? '' : segment.slice(eq + 1);
    const key = decodeAtom(rawKey);
    const value = decodeAtom(raw);
    if (key === null) {
      drop(rawKey, value ?? raw, 'malformed');
    } else if (!PARAM_SET.has(key)) {
      drop(key, value ?? raw, 'unknown-parameter');
    } else {
      const list = seen.get(key as UrlParam) ?? [];
      list.push({ raw, value });
      seen.set(key as UrlParam, list);
    }
  }

  /** Last occurrence of a single-valued parameter, with its decoded value; reports the rest. */
  const single = (key: UrlParam): string | null => {
    const list = seen.get(key);
    if (!list) return null;
    for (const o of list.slice(0, -1)) drop(key, o.value ?? o.raw, 'duplicate');
    const last = list[list.length - 1];
    if (last.value === null) {
      drop(key, last.raw, 'malformed');
      return null;
    }
    return last.value;
  };

  const oneOf = <T extends string>(key: UrlParam, allowed: readonly T[]): T | null => {
    const s = single(key);
    if (s === null) return null;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    drop(key, s, 'malformed');
    return null;
  };

  const lang = oneOf<Lang>('lang', ['fr', 'en']);
  if (lang) view.lang = lang;
  const level = oneOf<Level>('niv', ['epci', 'ti']);
  if (level) view.level = level;
  const generation = oneOf<Generation>('gen', GENERATIONS);
  if (generation) view.generation = generation;
  const ti = oneOf('ti', ['0', '1']);
  if (ti) view.showTi = ti === '1';
  const dep = oneOf('dep', ['0', '1']);
  if (dep) view.showDepartements = dep === '1';
  const reg = oneOf('reg', ['0', '1']);
  if (reg) view.showRegions = reg === '1';

  const checkIndicator = (param: UrlParam, id: string, report: string): boolean => {
    if (!ID_RE.test(id)) {
      drop(param, report, 'malformed');
      return false;
    }
    if (known.indicators && !known.indicators.has(id)) {
      drop(param, report, 'unknown-indicator');
      return false;
    }
    return true;
  };

  const ind = single('ind');
  if (ind !== null) {
    if (ind === '') view.indicator = null;
    else if (checkIndicator('ind', ind, ind)) view.indicator = ind;
  }

  const per = single('per');
  if (per !== null) {
    const m = /^(\d{1,9})-(\d{1,9})$/.exec(per);
    if (!m) drop('per', per, 'malformed');
    else {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (from < MIN_YEAR || to > MAX_YEAR || from >= to) drop('per', per, 'out-of-range');
      else view.period = [from, to];
    }
  }

  const cl = single('cl');
  if (cl !== null) {
    const m = /^([a-z])(\d+)$/.exec(cl);
    const method = m ? LETTER_METHOD[m[1]] : undefined;
    if (!m || !method) drop('cl', cl, 'malformed');
    else {
      const n = Number(m[2]);
      const classes = clamp(n, MIN_CLASSES, MAX_CLASSES);
      if (classes !== n) drop('cl', cl, 'clamped');
      view.method = method;
      view.classes = classes;
    }
  }

  const br = single('br');
  if (br !== null && br !== '') {
    const values: number[] = [];
    for (const item of br.split(',')) {
      const n = parseNumber(item);
      if (n === null) drop('br', item, 'malformed');
      else values.push(n);
    }
    const sorted = [...new Set(values)].sort((a, b) => a - b);
    if (!numArrayEquals(sorted, values)) drop('br', br, 'corrected');
    if (sorted.length > MAX_BREAKS) drop('br', sorted.slice(MAX_BREAKS).map(formatNumber).join(','), 'too-many');
    view.breaks = sorted.slice(0, MAX_BREAKS);
  } else if (br === '') {
    view.breaks = [];
  }

  const pal = single('pal');
  if (pal !== null) {
    if (!ID_RE.test(pal)) drop('pal', pal, 'malformed');
    else if (pal !== 'auto' && known.schemes && !known.schemes.has(pal)) drop('pal', pal, 'unknown-scheme');
    else view.scheme = pal;
  }

  const filters: Filter[] = [];
  for (const o of seen.get('f') ?? []) {
    if (filters.length >= MAX_FILTERS) {
      drop('f', o.value ?? o.raw, 'too-many');
      continue;
    }
    const f = decodeFilter(o, known, drop, checkIndicator);
    if (f) filters.push(f);
  }
  if (seen.has('f')) view.filters = filters;

  /** Validates a code's format and, when catalogues are given, its existence. */
  const checkCode = (param: UrlParam, code: string, report: string, kind: Selection['kind'] | null): boolean => {
    if (kind === null) {
      drop(param, report, 'malformed');
      return false;
    }
    const set = kind === 'epci' ? known.epci : known.ti;
    if (set && !set.has(code)) {
      drop(param, report, 'unknown-code');
      return false;
    }
    return true;
  };

  const sel = single('sel');
  if (sel === '') view.selection = null;
  else if (sel !== null) {
    // Accept the explicit "e:<siren>" / "t:<ti key>" forms too; the prefix must match the code.
    const m = /^([et]):(.*)$/s.exec(sel);
    const code = m ? m[2] : sel;
    let kind = codeKind(code);
    if (m && kind !== (m[1] === 'e' ? 'epci' : 'ti')) kind = null;
    if (checkCode('sel', code, sel, kind) && kind) view.selection = { kind, code };
  }

  const cmp = single('cmp');
  if (cmp !== null) {
    const basket: string[] = [];
    const excess: string[] = [];
    for (const code of cmp === '' ? [] : cmp.split(',')) {
      if (!checkCode('cmp', code, code, codeKind(code))) continue;
      if (basket.includes(code)) drop('cmp', code, 'duplicate');
      else if (basket.length >= MAX_BASKET) excess.push(code);
      else basket.push(code);
    }
    if (excess.length > 0) drop('cmp', excess.join(','), 'too-many');
    view.basket = basket;
  }

  const vp = single('v');
  if (vp === '') view.viewport = null;
  else if (vp !== null) {
    const parts = vp.split(',');
    const nums = parts.map(parseNumber);
    if (parts.length !== 3 || nums.some((n) => n === null)) drop('v', vp, 'malformed');
    else {
      const [lon0, lat0, zoom0] = nums as number[];
      const lon = roundTo(lon0, LONLAT_DECIMALS);
      const lat = roundTo(lat0, LONLAT_DECIMALS);
      const zoom = roundTo(zoom0, ZOOM_DECIMALS);
      const viewport: Viewport = {
        lon: clamp(lon, -MAX_LON, MAX_LON),
        lat: clamp(lat, -MAX_LAT, MAX_LAT),
        zoom: clamp(zoom, 0, MAX_ZOOM),
      };
      if (viewport.lon !== lon || viewport.lat !== lat || viewport.zoom !== zoom) drop('v', vp, 'clamped');
      view.viewport = viewport;
    }
  }

  const fr = single('fr');
  if (fr === '') view.friches = null;
  else if (fr !== null) {
    const m = /^([0-3]{0,4})-([0-2]{0,3})$/.exec(fr);
    if (!m) drop('fr', fr, 'malformed');
    else {
      const digits = (x: string) => [...new Set([...x].map(Number))].sort((a, b) => a - b);
      view.friches = { statuses: digits(m[1]), groups: digits(m[2]) };
      if (view.friches.statuses.join('') !== m[1] || view.friches.groups.join('') !== m[2]) drop('fr', fr, 'corrected');
    }
  }

  const groups: GroupRef[] = [];
  for (const o of seen.get('grp') ?? []) {
    const g = decodeGroup(o, known, drop);
    if (!g) continue;
    if (groups.length >= MAX_GROUPS) drop('grp', o.value ?? o.raw, 'too-many');
    else groups.push(g);
  }
  if (seen.has('grp')) view.groups = groups;

  return { view, dropped };
}

/** One `grp` parameter: "<name>:<siren>,<siren>…"; unknown or malformed members are dropped. */
function decodeGroup(
  o: Occurrence,
  known: KnownCodes,
  drop: (param: string, value: string, reason: DropReason) => void,
): GroupRef | null {
  const report = o.value ?? o.raw;
  const cut = o.raw.lastIndexOf(':');
  const name = cut < 0 ? null : decodeAtom(o.raw.slice(0, cut));
  if (name === null || name.trim() === '' || LONE_SURROGATE.test(name)) {
    drop('grp', report, 'malformed');
    return null;
  }
  const epcis: string[] = [];
  for (const code of o.raw.slice(cut + 1).split(',')) {
    if (code === '') continue;
    if (!SIREN_RE.test(code)) drop('grp', code, 'malformed');
    else if (known.epci && !known.epci.has(code)) drop('grp', code, 'unknown-code');
    else if (epcis.includes(code)) drop('grp', code, 'duplicate');
    else if (epcis.length >= MAX_GROUP_MEMBERS) drop('grp', code, 'too-many');
    else epcis.push(code);
  }
  if (epcis.length === 0) {
    drop('grp', report, 'malformed');
    return null;
  }
  return { name: name.trim().slice(0, 120), epcis };
}

/**
 * One `f` parameter. Parsed from the raw (still percent-encoded) text so that ':' and ',' inside
 * category values (sent as %3A / %2C) are not taken for separators.
 */
function decodeFilter(
  o: Occurrence,
  known: KnownCodes,
  drop: (param: string, value: string, reason: DropReason) => void,
  checkIndicator: (param: UrlParam, id: string, report: string) => boolean,
): Filter | null {
  const report = o.value ?? o.raw;
  // A link whose separators were percent-encoded once more ("r%3Aind%3A1%3A2"): undo that layer.
  const src = !o.raw.includes(':') && o.value !== null && o.value.includes(':') ? o.value : o.raw;
  const first = src.indexOf(':');
  const kind = first < 0 ? null : decodeAtom(src.slice(0, first));

  if (kind === 'r') {
    const parts = src
      .slice(first + 1)
      .split(':')
      .map(decodeAtom);
    if (parts.length !== 3 || parts.some((p) => p === null)) {
      drop('f', report, 'malformed');
      return null;
    }
    const [indicator, lo, hi] = parts as string[];
    let min = lo === '' ? null : parseNumber(lo);
    let max = hi === '' ? null : parseNumber(hi);
    if ((lo !== '' && min === null) || (hi !== '' && max === null)) {
      drop('f', report, 'malformed');
      return null;
    }
    if (!checkIndicator('f', indicator, report)) return null;
    if (min !== null && max !== null && min > max) {
      [min, max] = [max, min];
      drop('f', report, 'corrected');
    }
    return { kind: 'range', indicator, min, max };
  }

  if (kind === 'c') {
    const rest = src.slice(first + 1);
    const second = rest.indexOf(':');
    const dimension = second < 0 ? null : decodeAtom(rest.slice(0, second));
    const items =
      second < 0
        ? []
        : rest
            .slice(second + 1)
            .split(',')
            .map(decodeAtom);
    if (dimension === null || items.some((v) => v === null || LONE_SURROGATE.test(v))) {
      drop('f', report, 'malformed');
      return null;
    }
    if (!ID_RE.test(dimension)) {
      drop('f', report, 'malformed');
      return null;
    }
    if (known.dimensions && !known.dimensions.has(dimension)) {
      drop('f', report, 'unknown-dimension');
      return null;
    }
    const raw = items as string[];
    let values = [...new Set(raw.filter((v) => v !== ''))];
    // "c:dim:" is the empty choice; any other difference means empty or repeated items.
    if (!(raw.length === 1 && raw[0] === '') && !strArrayEquals(values, raw)) drop('f', report, 'corrected');
    const allowed = known.categories?.get(dimension);
    if (allowed) {
      const unknown = values.filter((v) => !allowed.has(v));
      for (const v of unknown) drop('f', `c:${dimension}:${v}`, 'unknown-value');
      values = values.filter((v) => allowed.has(v));
      // Every value unknown: the filter would hide the whole map; it is left out instead.
      if (unknown.length > 0 && values.length === 0) return null;
    }
    return { kind: 'category', dimension, values };
  }

  drop('f', report, 'malformed');
  return null;
}
