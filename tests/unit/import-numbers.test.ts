import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFormulaLike,
  neutralizeFormula,
  parseNumberText,
  profileColumn,
  toNumberOrNull,
} from '../../src/domain/import/index.ts';

const num = (s: string) => {
  const p = parseNumberText(s);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('parseNumberText', () => {
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    [',5', 0.5],
    ['1 234', 1234],
    ['1\u00A0234,5', 1234.5],
    ['12\u202F345\u202F678,25', 12345678.25],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1.234', 1.234],
    ['1,234', 1.234],
    ['-3,5', -3.5],
    ['\u22123,5', -3.5],
    ['- 3', -3],
    ['+7', 7],
    ['12,5 %', 12.5],
    ['-0,8%', -0.8],
    ['1,5E+03', 1500],
    ['2.5e-2', 0.025],
    ['  42  ', 42],
    ['-0', 0],
  ])('%j → %s', (s, expected) => {
    expect(num(s)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'NA',
    'n/a',
    '#N/A',
    'n.d.',
    'ND',
    'nc',
    's',
    'S',
    'secret',
    '-',
    '–',
    '—',
    '…',
    'NaN',
    '#DIV/0!',
    '#VALEUR!',
    'x',
  ])('missing marker %j → null, never 0', (s) => {
    expect(parseNumberText(s)).toEqual({ kind: 'missing' });
    expect(toNumberOrNull(s)).toBeNull();
  });

  it.each([
    'abc',
    '12a',
    '1 23',
    '12 34 56',
    '1..2',
    '1,2,3',
    '1.23.4',
    '+33 6 12 34 56 78',
    '12,5,',
    '%',
    '--3',
    'Infinity',
    '1e999',
    '0x10',
  ])('not a number: %j', (s) => {
    expect(parseNumberText(s)).toEqual({ kind: 'invalid' });
  });

  it('flags percent values (kept in percentage points)', () => {
    expect(parseNumberText('18,4 %')).toEqual({ kind: 'number', value: 18.4, percent: true });
  });

  it('cells of other types: numbers pass, booleans are not numbers, null is missing', () => {
    expect(toNumberOrNull(3.5)).toBe(3.5);
    expect(toNumberOrNull(true)).toBeNull();
    expect(toNumberOrNull(null)).toBeNull();
  });

  it('property: never throws; numbers are finite', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const p = parseNumberText(s);
        if (p.kind === 'number') expect(Number.isFinite(p.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: French-formatted numbers parse back', () => {
    const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (i, cents) => {
        const value = i + (Math.sign(i || 1) * cents) / 100;
        const text = fr.format(value);
        const p = parseNumberText(text);
        expect(p.kind).toBe('number');
        if (p.kind === 'number') expect(p.value).toBeCloseTo(Number(value.toFixed(2)), 2);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('profileColumn', () => {
  it('share of parseable cells, missing cells apart', () => {
    const p = profileColumn(2, 'part_industrie', ['18,4', '41,7', 'n.d.', 's', null, '9,8', 'erreur']);
    expect(p).toMatchObject({
      numeric: 3,
      missing: 3,
      invalid: 1,
      nonEmpty: 4,
      numericShare: 0.75,
      isNumeric: false,
      invalidSamples: ['erreur'],
    });
    const q = profileColumn(0, 'v', ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'x?']);
    expect(q).toMatchObject({ numeric: 9, invalid: 1, isNumeric: true, numericShare: 0.9 });
  });

  it('codes are identifiers, not values', () => {
    expect(profileColumn(0, 'code', ['01053', '01283', '44109'])).toMatchObject({
      identifierLike: true,
      isNumeric: false,
    });
    expect(profileColumn(0, 'x', ['244400404', '244400644', '200071751'])).toMatchObject({
      identifierLike: true,
      isNumeric: false,
    });
    expect(profileColumn(0, 'SIREN', [244400404, 200071751])).toMatchObject({ identifierLike: true, isNumeric: false });
    expect(profileColumn(0, 'population', ['42372', '22480', '327734'])).toMatchObject({
      identifierLike: false,
      isNumeric: true,
    });
  });

  it('percent flag', () => {
    expect(profileColumn(0, 'taux', ['12 %', '3,5 %']).percent).toBe(true);
  });
});

describe('formula safety', () => {
  it('neutralizeFormula prefixes a quote for = + - @ tab CR', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+33 6 12')).toBe("'+33 6 12");
    expect(neutralizeFormula('-2+3')).toBe("'-2+3");
    expect(neutralizeFormula('@SUM(A1:A3)')).toBe("'@SUM(A1:A3)");
    expect(neutralizeFormula('\t=cmd')).toBe("'\t=cmd");
    expect(neutralizeFormula('\r=cmd')).toBe("'\r=cmd");
    expect(neutralizeFormula('Nantes')).toBe('Nantes');
    expect(neutralizeFormula('')).toBe('');
    expect(neutralizeFormula(-3)).toBe(-3);
    expect(neutralizeFormula(null)).toBeNull();
  });

  it('isFormulaLike ignores numbers and the "-" missing marker', () => {
    expect(['=1+1', '@SUM(A1)', '+33 2 40 41 90 00', '-A1', '=HYPERLINK("x")'].every(isFormulaLike)).toBe(true);
    expect(['-3,5', '+12', '-', '=', 'texte', '12'].some(isFormulaLike)).toBe(false);
  });
});
