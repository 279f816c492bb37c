// Query string -> ViewState: tolerant, never throws, reports everything it did not apply as is
// (see url.ts for the format and the types).
import type { Generation } from '../data/types.ts';
import { GENERATIONS } from '../data/types.ts';
import type { DecodedView, DecodeOptions, Dropped, DropReason, KnownCodes } from './url.ts';
import { cloneView, numArrayEquals, strArrayEquals } from './url.ts';
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
import type { Filter, GroupRef, Lang, Level, Selection, Viewport } from './view.ts';
import {
  DEFAULT_VIEW,
  HOME_VIEW,
  MAX_BASKET,
  MAX_CLASSES,
  MAX_GROUP_MEMBERS,
  MAX_GROUPS,
  MIN_CLASSES,
} from './view.ts';

const MAX_FILTERS = 24;

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
    if (codeKind(code) !== 'epci') drop('grp', code, 'malformed');
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
