// Number formatting for labels, legends and tooltips. French first, English second.
// Digits and separators come from Intl (fr-FR groups with U+202F narrow no-break
// space, decimal comma); we only swap the ASCII hyphen for a real minus sign.
import type { Text } from './text.ts';
import type { Lang } from './view.ts';

export interface FormatOptions {
  lang: Lang;
  /** Fixed number of decimals; default: up to 2, trailing zeros dropped. */
  decimals?: number;
  /** Appended unit, e.g. '%', 'emplois', 'km²'. */
  unit?: string;
  /** Always show the sign ("+3,2", "−3,2"); zero stays unsigned. */
  signed?: boolean;
}

/** U+2212 MINUS SIGN: typographically correct, same width as "+" (Intl emits U+002D). */
export const MINUS = '\u2212';
/** U+00A0 NO-BREAK SPACE: what Intl fr-FR puts before "%" and before compact suffixes. */
export const NBSP = '\u00A0';
/** U+202F NARROW NO-BREAK SPACE: Intl fr-FR thousands separator. */
export const NNBSP = '\u202F';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-US' };

/** Label for a missing value: "n.d." (non disponible) / "n/a". */
export function noDataLabel(lang: Lang): string {
  return lang === 'fr' ? 'n.d.' : 'n/a';
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, minFrac: number, maxFrac: number, signed: boolean, compact: boolean): Intl.NumberFormat {
  const key = `${lang}|${minFrac}|${maxFrac}|${signed ? 1 : 0}|${compact ? 1 : 0}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: minFrac,
      maximumFractionDigits: maxFrac,
      // 'negative' avoids "-0" when a tiny negative rounds to zero.
      signDisplay: signed ? 'exceptZero' : 'negative',
      notation: compact ? 'compact' : 'standard',
    });
    cache.set(key, f);
  }
  return f;
}

function fracDigits(decimals: number | undefined, defMax: number): [number, number] {
  if (decimals === undefined || !Number.isFinite(decimals)) return [0, defMax];
  const d = Math.min(20, Math.max(0, Math.round(decimals)));
  return [d, d];
}

function withUnit(s: string, unit: string | undefined, lang: Lang): string {
  if (!unit) return s;
  // English writes "12%" but "12 km²"; French spaces every unit (Intl: "12 %").
  if (unit === '%' && lang === 'en') return s + unit;
  return s + NBSP + unit;
}

const fixMinus = (s: string) => s.replace(/-/g, MINUS);

/** Format the bare number (no unit). */
function formatBare(v: number, opts: FormatOptions): string {
  const [minF, maxF] = fracDigits(opts.decimals, 2);
  return fixMinus(formatter(opts.lang, minF, maxF, !!opts.signed, false).format(v));
}

/** "12 345,6" / "12,345.6"; "−3,2 %" with signed + unit '%'; null → "n.d." / "n/a". */
export function formatNumber(v: number | null, opts: FormatOptions): string {
  if (v === null || !Number.isFinite(v)) return noDataLabel(opts.lang);
  return withUnit(formatBare(v, opts), opts.unit, opts.lang);
}

/**
 * Legend class label (catalogue `legend.range.*`): fr "de 12 à 45", en "12 – 45"; the unit is
 * written once, at the end. Open bounds (null): fr "moins de 45" / "45 et plus", en "under 45" /
 * "45 and over". Equal bounds give the single value.
 */
export function formatRange(lo: number | null, hi: number | null, opts: FormatOptions): Text {
  const hasLo = lo !== null && Number.isFinite(lo);
  const hasHi = hi !== null && Number.isFinite(hi);
  if (!hasLo && !hasHi) return { key: 'noData' };
  const unit = withUnit('', opts.unit, opts.lang);
  if (hasLo && hasHi) {
    const a = formatBare(lo, opts);
    const b = formatBare(hi, opts);
    if (a === b) return { text: withUnit(a, opts.unit, opts.lang) };
    return { key: 'legend.range.between', params: { a, b, unit } };
  }
  if (hasHi) return { key: 'legend.range.under', params: { b: formatBare(hi as number, opts), unit } };
  // Unit goes next to the number here, before "et plus" / "and over".
  return { key: 'legend.range.over', params: { a: formatBare(lo as number, opts), unit } };
}

/** Big numbers in tight spaces: fr "1,2 M", "12,3 k"; en "1.2M", "12.3K". Default 1 decimal max. */
export function formatCompact(
  v: number | null,
  opts: { lang: Lang; decimals?: number; unit?: string; signed?: boolean },
): string {
  if (v === null || !Number.isFinite(v)) return noDataLabel(opts.lang);
  const [minF, maxF] = fracDigits(opts.decimals, 1);
  const s = fixMinus(formatter(opts.lang, minF, maxF, !!opts.signed, true).format(v));
  return withUnit(s, opts.unit, opts.lang);
}
