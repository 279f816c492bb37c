// The URL codec's properties: every valid view round-trips, any input decodes to a stable view.
// Examples of shared and broken links are in url-examples.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeView, viewEquals } from '../../src/domain/url.ts';
import { decodeView } from '../../src/domain/url-decode.ts';
import { URL_PARAMS } from '../../src/domain/url-format.ts';
import { type Filter, MAX_BASKET, type ViewState } from '../../src/domain/view.ts';

// ---------------------------------------------------------------------------------------------
// Generators

const noNegZero = (n: number) => n + 0;
const idArb = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/);
const sirenArb = fc.stringMatching(/^\d{9}$/);
const tiKeyArb = fc
  .tuple(fc.constantFrom('2023', '2018'), fc.integer({ min: 0, max: 9999 }))
  .map(([g, n]) => `${g}:ti-${String(n).padStart(4, '0')}`);
const codeArb = fc.oneof(sirenArb, tiKeyArb);
const finiteArb = fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegZero);
const numberArb = fc.oneof(
  finiteArb,
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0.1, 1e-7, 1e21, -2.5e300),
);

/** Category values: any well-formed text, with URL-significant characters over-represented. */
const trickyUnit = fc.oneof(
  fc.constantFrom(
    ',',
    ':',
    '|',
    '%',
    '+',
    ' ',
    '&',
    '=',
    '#',
    '?',
    '(',
    ')',
    "'",
    '/',
    '@',
    'é',
    'Î',
    '\u{1F3ED}',
    '%E0%A4%A',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const categoryValueArb = fc.oneof(
  fc.string({ unit: trickyUnit, minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
);

const rangeArb: fc.Arbitrary<Filter> = fc
  .record({ indicator: idArb, a: fc.option(numberArb), b: fc.option(numberArb) })
  .map(({ indicator, a, b }) => {
    const [min, max] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    return { kind: 'range' as const, indicator, min, max };
  });
const categoryArb: fc.Arbitrary<Filter> = fc.record({
  kind: fc.constant('category' as const),
  dimension: idArb,
  values: fc.uniqueArray(categoryValueArb, { maxLength: 5 }),
});

const viewportArb = fc.record({
  lon: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((k) => k / 1e4),
  lat: fc.integer({ min: -850_000, max: 850_000 }).map((k) => k / 1e4),
  zoom: fc.integer({ min: 0, max: 2200 }).map((k) => k / 100),
});

/** Any VALID view: well-formed codes, values in range, numbers at the encoded precision. */
const validViewArb: fc.Arbitrary<ViewState> = fc.record({
  lang: fc.constantFrom('fr' as const, 'en' as const),
  level: fc.constantFrom('epci' as const, 'ti' as const),
  generation: fc.constantFrom('2023' as const, '2018' as const),
  showTi: fc.boolean(),
  showDepartements: fc.boolean(),
  showRegions: fc.boolean(),
  indicator: fc.option(idArb),
  period: fc
    .uniqueArray(fc.integer({ min: 2014, max: 2024 }), { minLength: 2, maxLength: 2 })
    .map(([a, b]) => (a < b ? [a, b] : [b, a]) as [number, number]),
  method: fc.constantFrom('quantile' as const, 'equal' as const, 'jenks' as const, 'manual' as const),
  classes: fc.integer({ min: 3, max: 9 }),
  breaks: fc.uniqueArray(numberArb, { maxLength: 8 }).map((xs) => [...xs].sort((a, b) => a - b)),
  scheme: idArb,
  filters: fc.array(fc.oneof(rangeArb, categoryArb), { maxLength: 4 }),
  friches: fc.option(
    fc.record({
      statuses: fc
        .uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 })
        .map((xs) => [...xs].sort((a, b) => a - b)),
      groups: fc
        .uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 })
        .map((xs) => [...xs].sort((a, b) => a - b)),
    }),
  ),
  selection: fc.option(
    fc.oneof(
      sirenArb.map((code) => ({ kind: 'epci' as const, code })),
      tiKeyArb.map((code) => ({ kind: 'ti' as const, code })),
    ),
  ),
  basket: fc.uniqueArray(codeArb, { maxLength: MAX_BASKET }),
  viewport: fc.option(viewportArb),
  groups: fc.array(
    fc.record({
      name: fc.string({ unit: trickyUnit, minLength: 1, maxLength: 8 }).filter((n) => n.trim() === n && n !== ''),
      epcis: fc.uniqueArray(sirenArb, { minLength: 1, maxLength: 4 }),
    }),
    { maxLength: 3 },
  ),
});

/** Key=value soups mixing real parameter names, junk and hostile values. */
const soupValueArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    'en',
    'ti',
    '2018',
    '0',
    '1',
    'q42',
    'm0',
    'j5',
    'x5',
    '2019-2024',
    '2024-2019',
    '1990-2024',
    '10,20.5,30',
    '3,1,2,2',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-0',
    '0x10',
    'r:emp:1:2',
    'r:emp::',
    'r:emp:5:1',
    'r:emp:a:b',
    'c:nature:CA,CU',
    'c:nature:',
    'c:nature:a,,a',
    'c:x',
    'z:1',
    'r%3Aemp%3A1%3A2',
    'e:12',
    'e:200054781',
    't:2023:ti-4401',
    '2023:ti-4401',
    '200054781',
    '200054781,200054781,2023:ti-4401',
    '2.35,48.85,5',
    '999,-999,-3',
    '1,2',
    '%E0%A4%A',
    '%',
    '%%41',
    '\uD800',
  ),
  fc
    .array(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(':', ',', '|', '-')), { maxLength: 6 })
    .map((xs) => xs.join('')),
);
const soupArb = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...URL_PARAMS), fc.string()), soupValueArb, fc.boolean()), { maxLength: 12 })
  .map((pairs) =>
    pairs.map(([k, v, raw]) => `${k}=${raw ? v : encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, ''))}`).join('&'),
  );

const loneSurrogateUnit = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

// ---------------------------------------------------------------------------------------------

function expectStable(query: string) {
  const first = decodeView(query);
  const again = decodeView(encodeView(first.view));
  expect(again.view).toEqual(first.view);
  expect(again.dropped).toEqual([]);
}

describe('url codec: properties', () => {
  it('round-trips every valid view with nothing dropped', () => {
    fc.assert(
      fc.property(validViewArb, (view) => {
        const { view: back, dropped } = decodeView(encodeView(view));
        expect(back).toEqual(view);
        expect(dropped).toEqual([]);
        expect(viewEquals(back, view)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips with known catalogues that contain every code used', () => {
    fc.assert(
      fc.property(validViewArb, (view) => {
        const known = {
          indicators: new Set([
            ...(view.indicator ? [view.indicator] : []),
            ...view.filters.flatMap((f) => (f.kind === 'range' ? [f.indicator] : [])),
          ]),
          dimensions: new Set(view.filters.flatMap((f) => (f.kind === 'category' ? [f.dimension] : []))),
          epci: new Set(
            [...view.basket, view.selection?.code ?? '', ...view.groups.flatMap((g) => g.epcis)].filter((c) =>
              /^\d{9}$/.test(c),
            ),
          ),
          ti: new Set([...view.basket, view.selection?.code ?? ''].filter((c) => c.includes(':ti-'))),
          schemes: new Set([view.scheme]),
        };
        const { view: back, dropped } = decodeView(encodeView(view), known);
        expect(back).toEqual(view);
        expect(dropped).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('encoding is deterministic, readable and never repeats a default', () => {
    fc.assert(
      fc.property(validViewArb, (view) => {
        const q = encodeView(view);
        expect(encodeView(structuredClone(view))).toBe(q);
        // No characters that break links in chat, e-mail or Markdown.
        expect(q).not.toMatch(/[\s|()'"<>\\^`{}[\]]/);
        if (q === '') return;
        const parts = q.split('&');
        for (const part of parts) expect(part).toMatch(/^[a-z]+=/);
        // Every parameter written carries information: dropping any one changes the view (except
        // `ind=`, written on purpose so that a link never depends on the default colouring).
        for (let i = 0; i < parts.length; i++) {
          if (parts[i] === 'ind=' && parts.length > 1) continue;
          const without = parts.filter((_, j) => j !== i).join('&');
          expect(viewEquals(decodeView(without).view, view)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('viewEquals agrees with the encoded form on valid views', () => {
    fc.assert(
      fc.property(validViewArb, validViewArb, (a, b) => {
        expect(viewEquals(a, b)).toBe(encodeView(a) === encodeView(b));
        expect(viewEquals(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random text and always yields a stable view', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.oneof(loneSurrogateUnit, fc.constantFrom('%', '&', '=', '?', '#', '+', 'E0', 'A4', 'f', 'v')),
      }),
      fc.string({ unit: 'binary-ascii' }).map((s) => `?${s}`),
    );
    fc.assert(
      fc.property(texts, (s) => {
        expectStable(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on key=value soups and always yields a stable view', () => {
    fc.assert(
      fc.property(soupArb, fc.constantFrom('', '?', '#'), (q, lead) => {
        expectStable(lead + q);
        const { dropped } = decodeView(lead + q);
        for (const d of dropped) {
          expect(typeof d.param).toBe('string');
          expect(d.value.length).toBeLessThanOrEqual(120);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('encoder is total: arbitrary (even invalid) views encode without throwing and re-decode stably', () => {
    const anyView = fc.record({
      ...{
        lang: fc.constantFrom('fr' as const, 'en' as const),
        level: fc.constantFrom('epci' as const, 'ti' as const),
        generation: fc.constantFrom('2023' as const, '2018' as const),
        showTi: fc.boolean(),
        showDepartements: fc.boolean(),
        showRegions: fc.boolean(),
        method: fc.constantFrom('quantile' as const, 'equal' as const, 'jenks' as const, 'manual' as const),
      },
      indicator: fc.option(fc.string({ unit: 'binary' })),
      period: fc.tuple(fc.double(), fc.double()),
      classes: fc.double(),
      breaks: fc.array(fc.double()),
      scheme: fc.string(),
      filters: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant('range' as const),
            indicator: fc.string(),
            min: fc.option(fc.double()),
            max: fc.option(fc.double()),
          }),
          fc.record({
            kind: fc.constant('category' as const),
            dimension: fc.string(),
            values: fc.array(
              fc.string({
                unit: fc.oneof(loneSurrogateUnit, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
              }),
            ),
          }),
        ),
        { maxLength: 3 },
      ),
      selection: fc.option(fc.record({ kind: fc.constantFrom('epci' as const, 'ti' as const), code: fc.string() })),
      basket: fc.array(fc.string(), { maxLength: 20 }),
      viewport: fc.option(fc.record({ lon: fc.double(), lat: fc.double(), zoom: fc.double() })),
      friches: fc.option(fc.record({ statuses: fc.array(fc.integer()), groups: fc.array(fc.integer()) })),
      groups: fc.array(fc.record({ name: fc.string(), epcis: fc.array(fc.string()) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(anyView, (view) => {
        expectStable(encodeView(view));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
