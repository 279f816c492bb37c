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
//
// NOTE: because defaults are omitted, changing DEFAULT_VIEW changes the meaning of links
// already published. tests/unit/url.test.ts pins DEFAULT_VIEW for that reason.

import type { Generation } from '../data/types.ts';
import { GENERATIONS } from '../data/types.ts';
import { cloneView, numArrayEquals, strArrayEquals } from './url-encode.ts';
import {
  clamp,
  clip,
  codeKind,
  decodeAtom,
  formatNumber,
  ID_RE,
  LETTER_METHOD,
  LONE_SURROGATE,
  LONLAT_DECIMALS,
  MAX_BREAKS,
  MAX_LAT,
  MAX_LON,
  MAX_YEAR,
  MAX_ZOOM,
  MIN_YEAR,
  PARAM_SET,
  parseNumber,
  roundTo,
  type UrlParam,
  ZOOM_DECIMALS,
} from './url-format.ts';
import type { Filter, Lang, Level, Selection, Viewport, ViewState } from './view.ts';
import { DEFAULT_VIEW, MAX_BASKET, MAX_CLASSES, MIN_CLASSES } from './view.ts';

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
  | 'unknown-scheme';

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
}

export interface DecodedView {
  view: ViewState;
  dropped: Dropped[];
}

/** Every parameter the codec reads or writes, in encoding order. */
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
export function decodeView(query: string, known: KnownCodes = {}): DecodedView {
  const view = cloneView(DEFAULT_VIEW);
  const dropped: Dropped[] = [];
  const drop = (param: string, value: string, reason: DropReason) =>
    dropped.push({ param: clip(param), value: clip(value), reason });

  const q = (typeof query === 'string' ? query : '').replace(/^[?#]+/, '');
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

  return { view, dropped };
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
    const values = [...new Set(raw.filter((v) => v !== ''))];
    // "c:dim:" is the empty choice; any other difference means empty or repeated items.
    if (!(raw.length === 1 && raw[0] === '') && !strArrayEquals(values, raw)) drop('f', report, 'corrected');
    return { kind: 'category', dimension, values };
  }

  drop('f', report, 'malformed');
  return null;
}
