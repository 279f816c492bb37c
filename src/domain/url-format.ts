// The URL's vocabulary: parameter names, bounds, and the atoms values are written with.
// The codec itself is in url.ts (types, encoding) and url-decode.ts (decoding).
import { EMP_YEARS } from './fields.ts';
import { parseTiKey } from './ti-key.ts';
import type { ClassMethod, Selection } from './view.ts';
import { MAX_CLASSES } from './view.ts';

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
const SIREN_RE = /^\d{9}$/;

export const METHOD_LETTER: Record<ClassMethod, string> = { quantile: 'q', equal: 'e', jenks: 'j', manual: 'm' };
export const LETTER_METHOD: Record<string, ClassMethod> = { q: 'quantile', e: 'equal', j: 'jenks', m: 'manual' };
export const PARAM_SET: ReadonlySet<string> = new Set(URL_PARAMS);
const REPORT_MAX = 120;

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

/** Percent-encode one value item, keeping it readable (space as '+', ':' '/' '@' kept). */
export function encodeAtom(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE_G, '\uFFFD'))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/')
    .replace(/%40/g, '@');
}

/** Form-style decoding ('+' = space); null on malformed percent-encoding. */
export function decodeAtom(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Shortest exact representation of a finite number; no '+' so it stays readable in a URL. */
export function formatNumber(n: number): string {
  return String(n + 0).replace('e+', 'e');
}

export function roundTo(n: number, decimals: number): number {
  return Number(n.toFixed(decimals)) + 0;
}

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Strict decimal number (no hex, no 'Infinity', no blanks); null unless finite. -0 becomes 0. */
export function parseNumber(s: string): number | null {
  if (!NUMBER_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n + 0 : null;
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

export function clip(s: string): string {
  return s.length > REPORT_MAX ? `${s.slice(0, REPORT_MAX - 1)}…` : s;
}

export function codeKind(code: string): Selection['kind'] | null {
  if (SIREN_RE.test(code)) return 'epci';
  if (parseTiKey(code)) return 'ti';
  return null;
}
