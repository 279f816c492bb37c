// Number parsing for French (and international) spreadsheets, and per-column numeric profiling.
// Missing markers ("", "NA", "n.d.", "-", "s" = secret statistique…) are null, never 0.
import { NUMERIC_COLUMN_MIN_SHARE } from './limits.ts';
import type { CellValue, ColumnProfile } from './types.ts';

export type NumberParse =
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'missing' }
  | { kind: 'invalid' };

/** Lower-cased tokens meaning "no value". */
const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  'na',
  'n/a',
  'n.a.',
  'n.a',
  '#n/a',
  'nd',
  'n.d.',
  'n.d',
  'n/d',
  'nc',
  'n.c.',
  'n.c',
  'ns',
  'n.s.',
  's',
  'secret',
  'so',
  's.o.',
  '-',
  '–',
  '—',
  '−',
  '.',
  '..',
  '...',
  '…',
  '?',
  'nan',
  'null',
  'none',
  'x',
]);

// Excel error values exported as text (#DIV/0!, #VALEUR!, #N/A, #REF!, #NOM?…).
const EXCEL_ERROR = /^#[a-zà-ÿ/0-9]+[!?]?$/i;
const SPACES = /[\s\u00A0\u202F\u2009\u2007]/;
const GROUPED_SPACES = /^(\d{1,3})((?:[\s\u00A0\u202F\u2009\u2007]\d{3})+)((?:[.,]\d+)?)$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^(\d*)[.,](\d+)$/;
const DOT_GROUPS_COMMA_DECIMAL = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}$/;
const COMMA_GROUPS_DOT_DECIMAL = /^\d{1,3}(?:,\d{3})+\.\d+$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3}){2,}$/;
const EXPONENT = /^(\d+(?:[.,]\d+)?)[eE]([+-]?\d{1,3})$/;

function isMissingToken(s: string): boolean {
  const t = s.trim().toLowerCase();
  return MISSING_TOKENS.has(t) || EXCEL_ERROR.test(t);
}

/**
 * Parses one number written by a human or exported by a spreadsheet.
 * Accepted: "12", "12,5", "12.5", "1 234,5" (space, U+00A0, U+202F as thousands separators, groups of 3),
 * "1.234,5", "1.234.567", "1,234.5", "-3", "−3" (U+2212), "+3", "12,5 %" (value 12.5, percent: true),
 * "1,5E+03". "1.234" alone is read as a decimal (1.234), "1,234" as 1.234 too (French decimal comma).
 */
export function parseNumberText(raw: string): NumberParse {
  let s = raw.trim();
  if (isMissingToken(s)) return { kind: 'missing' };
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  const first = s.charAt(0);
  if (first === '-' || first === '\u2212') {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (first === '+') {
    s = s.slice(1).trimStart();
  }
  if (s === '') return { kind: 'invalid' };
  let normalized: string | null = null;
  if (SPACES.test(s)) {
    const m = GROUPED_SPACES.exec(s);
    if (!m) return { kind: 'invalid' };
    normalized = m[1] + m[2].replace(/\D/g, '') + m[3].replace(',', '.');
  } else if (PLAIN.test(s)) {
    normalized = s;
  } else if (DECIMAL.test(s)) {
    normalized = s.replace(',', '.');
  } else if (DOT_GROUPS_COMMA_DECIMAL.test(s)) {
    normalized = s.replace(/\./g, '').replace(',', '.');
  } else if (DOT_GROUPS.test(s)) {
    normalized = s.replace(/\./g, '');
  } else if (COMMA_GROUPS_DOT_DECIMAL.test(s) || COMMA_GROUPS.test(s)) {
    normalized = s.replace(/,/g, '');
  } else {
    const e = EXPONENT.exec(s);
    if (e) normalized = `${e[1].replace(',', '.')}e${e[2]}`;
  }
  if (normalized === null) return { kind: 'invalid' };
  const value = sign * Number(normalized);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  // Avoid -0 for "-0" / "-0,0".
  return { kind: 'number', value: value === 0 ? 0 : value, percent };
}

/** Parses a cell of any type: numbers pass through, booleans and dates are not numbers. */
function parseNumberCell(value: CellValue): NumberParse {
  if (value === null) return { kind: 'missing' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value, percent: false } : { kind: 'invalid' };
  if (typeof value === 'boolean') return { kind: 'invalid' };
  return parseNumberText(value);
}

/** number, or null for missing AND invalid cells (never 0). */
export function toNumberOrNull(value: CellValue): number | null {
  const p = parseNumberCell(value);
  return p.kind === 'number' ? p.value : null;
}

const LEADING_ZERO_CODE = /^0\d+$/;
// Header words naming identifiers (code INSEE, SIREN, département…), accents and case ignored.
const IDENTIFIER_HEADER =
  /(^|[^a-z])(code|codes|cod|codgeo|depcom|insee|siren|siret|id|identifiant|dep|dept|departement|reg|region|cp|code postal)([^a-z]|$)/;

function isIdentifierHeader(name: string): boolean {
  const n = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  return IDENTIFIER_HEADER.test(n);
}

/**
 * Profiles a column: share of numeric cells among non-missing ones, missing count, percent sign,
 * identifier-like values (leading zeros such as "01001", or integers all of the same length >= 5
 * such as SIREN codes, or a header naming a code: "code_insee", "SIREN", "dep"…) which are not
 * offered as numeric values.
 */
export function profileColumn(index: number, name: string, values: readonly CellValue[]): ColumnProfile {
  let numeric = 0;
  let missing = 0;
  let invalid = 0;
  let percent = false;
  let leadingZero = 0;
  let fixedLength: number | null | undefined;
  const invalidSamples: string[] = [];
  for (const v of values) {
    const p = parseNumberCell(v);
    if (p.kind === 'missing') {
      missing++;
      continue;
    }
    if (p.kind === 'invalid') {
      invalid++;
      if (invalidSamples.length < 3) {
        const s = String(v);
        if (!invalidSamples.includes(s)) invalidSamples.push(s);
      }
      continue;
    }
    numeric++;
    if (p.percent) percent = true;
    if (typeof v === 'string' && LEADING_ZERO_CODE.test(v.trim())) leadingZero++;
    if (fixedLength !== null) {
      const len = Number.isInteger(p.value) && p.value > 0 ? String(p.value).length : 0;
      if (len < 5) fixedLength = null;
      else if (fixedLength === undefined) fixedLength = len;
      else if (fixedLength !== len) fixedLength = null;
    }
  }
  const nonEmpty = numeric + invalid;
  const numericShare = nonEmpty === 0 ? 0 : numeric / nonEmpty;
  const identifierLike =
    (numeric > 0 && isIdentifierHeader(name)) ||
    (numeric > 0 && leadingZero > 0 && leadingZero >= numeric * 0.05) ||
    (typeof fixedLength === 'number' && numeric >= 3);
  return {
    index,
    name,
    nonEmpty,
    numeric,
    missing,
    invalid,
    numericShare,
    percent,
    identifierLike,
    isNumeric: numeric > 0 && numericShare >= NUMERIC_COLUMN_MIN_SHARE && !identifierLike,
    invalidSamples,
  };
}
