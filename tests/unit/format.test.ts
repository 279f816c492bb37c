import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber, formatRange, MINUS, NBSP, NNBSP, noDataLabel } from '../../src/domain/format.ts';
import { textOf } from '../../src/domain/text.ts';
import { loadLanguage, translator } from '../../src/i18n/index.ts';

// Expected strings spell out the invisible characters Intl uses in Node:
// fr-FR thousands = U+202F, space before "%" and compact suffixes = U+00A0.
describe('formatNumber', () => {
  it('uses the real separator characters', () => {
    expect(NNBSP).toBe('\u202F');
    expect(NBSP).toBe('\u00A0');
    expect(MINUS).toBe('\u2212');
  });

  it('French: narrow no-break space thousands, decimal comma', () => {
    expect(formatNumber(12345.6, { lang: 'fr' })).toBe('12\u202F345,6');
    expect(formatNumber(1234567.891, { lang: 'fr', decimals: 2 })).toBe('1\u202F234\u202F567,89');
    expect(formatNumber(1234.5, { lang: 'fr', decimals: 0 })).toBe('1\u202F235');
    expect(formatNumber(0.5, { lang: 'fr', decimals: 1 })).toBe('0,5');
  });

  it('English: comma thousands, decimal point', () => {
    expect(formatNumber(12345.6, { lang: 'en' })).toBe('12,345.6');
    expect(formatNumber(1234567.891, { lang: 'en', decimals: 2 })).toBe('1,234,567.89');
  });

  it('signed percentages with a real minus sign', () => {
    expect(formatNumber(-3.2, { lang: 'fr', decimals: 1, unit: '%', signed: true })).toBe('\u22123,2\u00A0%');
    expect(formatNumber(3.2, { lang: 'fr', decimals: 1, unit: '%', signed: true })).toBe('+3,2\u00A0%');
    expect(formatNumber(0, { lang: 'fr', decimals: 1, unit: '%', signed: true })).toBe('0,0\u00A0%');
    expect(formatNumber(-3.2, { lang: 'en', decimals: 1, unit: '%', signed: true })).toBe('\u22123.2%');
    expect(formatNumber(3.2, { lang: 'en', decimals: 1, unit: '%', signed: true })).toBe('+3.2%');
  });

  it('negative numbers without sign option still get the minus sign; no "-0"', () => {
    expect(formatNumber(-1500, { lang: 'fr' })).toBe('\u22121\u202F500');
    expect(formatNumber(-0.04, { lang: 'fr', decimals: 1 })).toBe('0,0');
    expect(formatNumber(-0.04, { lang: 'en', decimals: 1, signed: true })).toBe('0.0');
  });

  it('other units are separated by a no-break space in both languages', () => {
    expect(formatNumber(1200, { lang: 'fr', unit: 'emplois' })).toBe('1\u202F200\u00A0emplois');
    expect(formatNumber(1200, { lang: 'en', unit: 'jobs' })).toBe('1,200\u00A0jobs');
  });

  it('no data: "n.d." in French, "n/a" in English (null and non-finite)', () => {
    expect(noDataLabel('fr')).toBe('n.d.');
    expect(noDataLabel('en')).toBe('n/a');
    expect(formatNumber(null, { lang: 'fr', unit: '%' })).toBe('n.d.');
    expect(formatNumber(null, { lang: 'en' })).toBe('n/a');
    expect(formatNumber(NaN, { lang: 'fr' })).toBe('n.d.');
  });

  it('cached formatters give stable output across option combinations', () => {
    const a = formatNumber(1.5, { lang: 'fr', decimals: 2 });
    formatNumber(1.5, { lang: 'en', decimals: 2 });
    expect(formatNumber(1.5, { lang: 'fr', decimals: 2 })).toBe(a);
    expect(a).toBe('1,50');
  });
});

await loadLanguage('en');
const rangeFR = (...a: Parameters<typeof formatRange>) => textOf(translator('fr'), formatRange(...a));
const rangeEN = (...a: Parameters<typeof formatRange>) => textOf(translator('en'), formatRange(...a));

describe('formatRange', () => {
  it('legend labels: "de 12 à 45" / "12 – 45"', () => {
    expect(rangeFR(12, 45, { lang: 'fr' })).toBe('de 12 à 45');
    expect(rangeEN(12, 45, { lang: 'en' })).toBe('12 – 45');
  });

  it('writes the unit once, at the end', () => {
    expect(rangeFR(-3.5, 2, { lang: 'fr', decimals: 1, unit: '%' })).toBe('de \u22123,5 à 2,0\u00A0%');
    expect(rangeEN(1200, 4500, { lang: 'en', unit: '%' })).toBe('1,200 – 4,500%');
  });

  it('open bounds and single values', () => {
    expect(rangeFR(null, 45, { lang: 'fr' })).toBe('moins de 45');
    expect(rangeFR(12, null, { lang: 'fr' })).toBe('12 et plus');
    expect(rangeEN(null, 45, { lang: 'en' })).toBe('under 45');
    expect(rangeEN(12, null, { lang: 'en', unit: '%' })).toBe('12% and over');
    expect(rangeFR(12, 12, { lang: 'fr' })).toBe('12');
    expect(rangeFR(null, null, { lang: 'fr' })).toBe('n.d.');
  });
});

describe('formatCompact', () => {
  it('French: "1,2 M", "12,3 k", "1,2 Md"', () => {
    expect(formatCompact(1234567, { lang: 'fr' })).toBe('1,2\u00A0M');
    expect(formatCompact(12345, { lang: 'fr' })).toBe('12,3\u00A0k');
    expect(formatCompact(1234567890, { lang: 'fr' })).toBe('1,2\u00A0Md');
    expect(formatCompact(999, { lang: 'fr' })).toBe('999');
  });

  it('English: "1.2M", "12.3K", "1.2B"', () => {
    expect(formatCompact(1234567, { lang: 'en' })).toBe('1.2M');
    expect(formatCompact(12345, { lang: 'en' })).toBe('12.3K');
    expect(formatCompact(1234567890, { lang: 'en' })).toBe('1.2B');
    expect(formatCompact(-12345, { lang: 'en' })).toBe('\u221212.3K');
  });

  it('no data', () => {
    expect(formatCompact(null, { lang: 'fr' })).toBe('n.d.');
    expect(formatCompact(null, { lang: 'en' })).toBe('n/a');
  });
});
