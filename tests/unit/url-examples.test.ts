// The URL codec on examples: links as people share them, and the messages for broken ones.
// Its properties (round trips, stability on any input) are in url.test.ts.
import { describe, expect, it } from 'vitest';
import { type Dropped, encodeView, usedValue, viewEquals } from '../../src/domain/url.ts';
import { decodeView } from '../../src/domain/url-decode.ts';
import { DEFAULT_INDICATOR, DEFAULT_VIEW, HOME_VIEW, MAX_BASKET, type ViewState } from '../../src/domain/view.ts';

const v = (patch: Partial<ViewState>): ViewState => ({ ...structuredClone(DEFAULT_VIEW), ...patch });

describe('url codec: examples', () => {
  const journalist = v({
    indicator: 'emp_evol',
    method: 'jenks',
    classes: 6,
    filters: [{ kind: 'range', indicator: 'indus_pct_2022', min: 20, max: null }],
    selection: { kind: 'epci', code: '200054781' },
    basket: ['200054781', '2023:ti-4401'],
    viewport: { lon: 2.35222, lat: 48.85661, zoom: 7.5 },
  });

  it('pins DEFAULT_VIEW: changing it changes the meaning of links already published', () => {
    expect(DEFAULT_VIEW).toEqual({
      lang: 'fr',
      level: 'epci',
      generation: '2023',
      showTi: true,
      showDepartements: false,
      showRegions: true,
      indicator: null,
      period: [2019, 2024],
      method: 'quantile',
      classes: 5,
      breaks: [],
      scheme: 'auto',
      filters: [],
      selection: null,
      basket: [],
      viewport: null,
      friches: null,
      groups: [],
    });
  });

  it('always writes the indicator, and opens a bare address on the home view', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('ind=');
    expect(encodeView(HOME_VIEW)).toBe(`ind=${DEFAULT_INDICATOR}`);
    for (const q of ['', '?', '#', '?&&', '##??']) expect(decodeView(q)).toEqual({ view: HOME_VIEW, dropped: [] });
  });

  it('keeps old links meaning what they meant: no `ind` means no colouring', () => {
    expect(decodeView('sel=200054781').view.indicator).toBeNull();
    expect(decodeView('lang=en').view.indicator).toBeNull();
    // An old embed of the default map: only presentation flags, stripped before decoding.
    expect(decodeView('', {}, { bare: false }).view).toEqual(DEFAULT_VIEW);
    expect(decodeView('ind=emploi').view.indicator).toBe('emploi');
  });

  it('reports what it used instead of each ignored or corrected value', () => {
    const known = {
      schemes: new Set(['Blues']),
      dimensions: new Set(['sprint', 'region']),
      categories: new Map([
        ['sprint', new Set(['eligible', 'partial'])],
        ['region', new Set(['11', '84'])],
      ]),
    };
    const r = decodeView('ind=emploi&pal=evil&f=c:sprint:zzz&f=c:region:11,99&cl=q12', known);
    expect(r.view.scheme).toBe('auto');
    expect(r.view.filters).toEqual([{ kind: 'category', dimension: 'region', values: ['11'] }]);
    expect(r.view.classes).toBe(9);
    expect(r.dropped).toEqual([
      { param: 'cl', value: 'q12', reason: 'clamped' },
      { param: 'pal', value: 'evil', reason: 'unknown-scheme' },
      { param: 'f', value: 'c:sprint:zzz', reason: 'unknown-value' },
      { param: 'f', value: 'c:region:99', reason: 'unknown-value' },
    ]);
    expect(r.dropped.map((d) => usedValue(r.view, d.param))).toEqual(['q9', '', 'c:region:11', 'c:region:11']);
    expect(usedValue(r.view, 'nope')).toBeNull();
  });

  it('carries custom groups, dropping unknown members', () => {
    const view = v({ indicator: 'x', groups: [{ name: 'Estuaire: Loire & co', epcis: ['244400644', '244400404'] }] });
    const q = encodeView(view);
    expect(q).toBe('ind=x&grp=Estuaire%3A+Loire+%26+co:244400644,244400404');
    expect(decodeView(q).view).toEqual(view);
    const r = decodeView('ind=&grp=A:244400644,123,999999999', { epci: new Set(['244400644']) });
    expect(r.view.groups).toEqual([{ name: 'A', epcis: ['244400644'] }]);
    expect(r.dropped.map((d) => d.reason)).toEqual(['malformed', 'unknown-code']);
    expect(decodeView('ind=&grp=A:').view.groups).toEqual([]);
  });

  it('encodes a typical journalist view as a short readable string', () => {
    expect(encodeView(journalist)).toBe(
      'ind=emp_evol&cl=j6&f=r:indus_pct_2022:20:&sel=200054781&cmp=200054781,2023:ti-4401&v=2.3522,48.8566,7.5',
    );
    const back = decodeView(`?${encodeView(journalist)}`);
    expect(back.dropped).toEqual([]);
    expect(back.view).toEqual({ ...journalist, viewport: { lon: 2.3522, lat: 48.8566, zoom: 7.5 } });
  });

  it('writes every parameter in a fixed order', () => {
    const all = v({
      lang: 'en',
      level: 'ti',
      generation: '2018',
      showTi: false,
      showDepartements: true,
      showRegions: false,
      indicator: 'fr_total',
      period: [2014, 2022],
      method: 'manual',
      classes: 4,
      breaks: [-1.5, 10, 20.5],
      scheme: 'viridis',
      filters: [
        { kind: 'category', dimension: 'nature', values: ['CA', 'CU'] },
        { kind: 'range', indicator: 'pop', min: null, max: 50000 },
        { kind: 'category', dimension: 'region', values: ['Île-de-France, nord', 'a|b:c'] },
      ],
      selection: { kind: 'ti', code: '2018:ti-0101' },
      basket: ['2018:ti-0101'],
      viewport: { lon: -61.5, lat: 16.25, zoom: 0 },
      friches: { statuses: [1, 2], groups: [0] },
    });
    const q = encodeView(all);
    expect(q).toBe(
      'lang=en&niv=ti&gen=2018&ti=0&dep=1&reg=0&ind=fr_total&per=2014-2022&cl=m4&br=-1.5,10,20.5&pal=viridis' +
        '&f=c:nature:CA,CU&f=r:pop::50000&f=c:region:%C3%8Ele-de-France%2C+nord,a%7Cb:c' +
        '&sel=2018:ti-0101&cmp=2018:ti-0101&v=-61.5,16.25,0&fr=12-0',
    );
    expect(decodeView(q)).toEqual({ view: all, dropped: [] });
    // Order of parameters in the input does not matter.
    const shuffled = q.split('&').reverse().join('&');
    expect(decodeView(shuffled).view.filters).toEqual([...all.filters].reverse());
  });

  it('clamps the number of classes', () => {
    const r = decodeView('cl=q42');
    expect(r.view.method).toBe('quantile');
    expect(r.view.classes).toBe(9);
    expect(r.dropped).toEqual([{ param: 'cl', value: 'q42', reason: 'clamped' }]);
    expect(decodeView('cl=e1').view.classes).toBe(3);
    expect(decodeView('cl=j99999999999999999999999').view.classes).toBe(9);
    expect(decodeView('cl=x5').dropped).toEqual([{ param: 'cl', value: 'x5', reason: 'malformed' }]);
    expect(decodeView('cl=x5').view.classes).toBe(5);
  });

  it('reports malformed codes', () => {
    const r = decodeView('sel=e:12');
    expect(r.view.selection).toBeNull();
    expect(r.dropped).toEqual([{ param: 'sel', value: 'e:12', reason: 'malformed' }]);
    // The explicit prefix form is accepted when it agrees with the code.
    expect(decodeView('sel=e:200054781')).toEqual({
      view: v({ selection: { kind: 'epci', code: '200054781' } }),
      dropped: [],
    });
    expect(decodeView('sel=t:2023:ti-4401').view.selection).toEqual({ kind: 'ti', code: '2023:ti-4401' });
    expect(decodeView('sel=t:200054781').dropped).toEqual([
      { param: 'sel', value: 't:200054781', reason: 'malformed' },
    ]);
    expect(decodeView('sel=2030:ti-4401').dropped).toEqual([
      { param: 'sel', value: '2030:ti-4401', reason: 'malformed' },
    ]);
  });

  it('reports unknown parameters and keeps the rest', () => {
    const r = decodeView('?foo=bar&lang=en&utm_source=twitter');
    expect(r.view).toEqual(v({ lang: 'en' }));
    expect(r.dropped).toEqual([
      { param: 'foo', value: 'bar', reason: 'unknown-parameter' },
      { param: 'utm_source', value: 'twitter', reason: 'unknown-parameter' },
    ]);
  });

  it('checks codes, indicators, dimensions and schemes against known catalogues', () => {
    const known = {
      epci: new Set(['200054781']),
      ti: new Set(['2023:ti-4401']),
      indicators: new Set(['emp_evol']),
      dimensions: new Set(['nature']),
      schemes: new Set(['viridis']),
    };
    const r = decodeView(
      'ind=nope&pal=magma&f=r:nope:1:2&f=c:zzz:a&f=c:nature:CA&sel=245900410&cmp=200054781,2023:ti-9999,2023:ti-4401',
      known,
    );
    expect(r.view).toEqual(
      v({
        filters: [{ kind: 'category', dimension: 'nature', values: ['CA'] }],
        basket: ['200054781', '2023:ti-4401'],
      }),
    );
    expect(r.dropped).toEqual<Dropped[]>([
      { param: 'ind', value: 'nope', reason: 'unknown-indicator' },
      { param: 'pal', value: 'magma', reason: 'unknown-scheme' },
      { param: 'f', value: 'r:nope:1:2', reason: 'unknown-indicator' },
      { param: 'f', value: 'c:zzz:a', reason: 'unknown-dimension' },
      { param: 'sel', value: '245900410', reason: 'unknown-code' },
      { param: 'cmp', value: '2023:ti-9999', reason: 'unknown-code' },
    ]);
    // Without catalogues only the format is checked.
    expect(decodeView('sel=245900410').view.selection).toEqual({ kind: 'epci', code: '245900410' });
    // 'auto' is always an acceptable scheme.
    expect(decodeView('pal=auto', known).dropped).toEqual([]);
  });

  it('validates the period', () => {
    expect(decodeView('per=2015-2020').view.period).toEqual([2015, 2020]);
    for (const bad of ['2024-2019', '2019-2019', '1990-2024', '2019-2030']) {
      const r = decodeView(`per=${bad}`);
      expect(r.view.period).toEqual([2019, 2024]);
      expect(r.dropped).toEqual([{ param: 'per', value: bad, reason: 'out-of-range' }]);
    }
    expect(decodeView('per=2019').dropped).toEqual([{ param: 'per', value: '2019', reason: 'malformed' }]);
  });

  it('clamps and rounds the viewport, rejects non-finite values', () => {
    const r = decodeView('v=200,-90,-3');
    expect(r.view.viewport).toEqual({ lon: 180, lat: -85, zoom: 0 });
    expect(r.dropped).toEqual([{ param: 'v', value: '200,-90,-3', reason: 'clamped' }]);
    expect(decodeView('v=2.352219,48.856614,7.123').view.viewport).toEqual({ lon: 2.3522, lat: 48.8566, zoom: 7.12 });
    expect(decodeView('v=2.35,48.85,30').view.viewport).toEqual({ lon: 2.35, lat: 48.85, zoom: 22 });
    for (const bad of ['NaN,1,2', '1,Infinity,2', '1,2', '1,2,3,4', '1e999,0,1', '0x1,2,3', ' 1,2,3']) {
      const r2 = decodeView(`v=${encodeURIComponent(bad)}`);
      expect(r2.view.viewport).toBeNull();
      expect(r2.dropped).toEqual([{ param: 'v', value: bad, reason: 'malformed' }]);
    }
  });

  it('de-duplicates and trims the basket', () => {
    const codes = Array.from({ length: 14 }, (_, i) => `2000547${String(i).padStart(2, '0')}`);
    const r = decodeView(`cmp=${[codes[0], codes[0], ...codes.slice(1), 'abc'].join(',')}`);
    expect(r.view.basket).toEqual(codes.slice(0, MAX_BASKET));
    expect(r.dropped).toEqual([
      { param: 'cmp', value: codes[0], reason: 'duplicate' },
      { param: 'cmp', value: 'abc', reason: 'malformed' },
      { param: 'cmp', value: codes.slice(MAX_BASKET).join(','), reason: 'too-many' },
    ]);
  });

  it('sorts and de-duplicates breaks, drops bad items', () => {
    const r = decodeView('br=30,10,x,10,20.5');
    expect(r.view.breaks).toEqual([10, 20.5, 30]);
    expect(r.dropped).toEqual([
      { param: 'br', value: 'x', reason: 'malformed' },
      { param: 'br', value: '30,10,x,10,20.5', reason: 'corrected' },
    ]);
    const many = decodeView('br=1,2,3,4,5,6,7,8,9,10');
    expect(many.view.breaks).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(many.dropped).toEqual([{ param: 'br', value: '9,10', reason: 'too-many' }]);
  });

  it('parses and repairs filters', () => {
    expect(decodeView('f=r:pop:5:1')).toEqual({
      view: v({ filters: [{ kind: 'range', indicator: 'pop', min: 1, max: 5 }] }),
      dropped: [{ param: 'f', value: 'r:pop:5:1', reason: 'corrected' }],
    });
    expect(decodeView('f=c:nature:CA,,CA,CU').view.filters).toEqual([
      { kind: 'category', dimension: 'nature', values: ['CA', 'CU'] },
    ]);
    expect(decodeView('f=c:nature:').view.filters).toEqual([{ kind: 'category', dimension: 'nature', values: [] }]);
    for (const bad of ['r:pop:1', 'r:pop:a:2', 'r:pop:1:NaN', 'r:p op:1:2', 'c:nature', 'z:pop:1:2', 'pop']) {
      const r = decodeView(`f=${encodeURIComponent(bad).replace(/%3A/g, ':')}`);
      expect(r.view.filters).toEqual([]);
      expect(r.dropped).toEqual([{ param: 'f', value: bad, reason: 'malformed' }]);
    }
    // Separators encoded once more by some intermediary are still understood.
    expect(decodeView('f=r%3Apop%3A1%3A2').view.filters).toEqual([{ kind: 'range', indicator: 'pop', min: 1, max: 2 }]);
    expect(decodeView('sel=e%3A200054781').view.selection).toEqual({ kind: 'epci', code: '200054781' });
  });

  it('keeps the last of duplicated parameters and reports the others', () => {
    const r = decodeView('lang=en&lang=fr&niv=ti&niv=xx');
    expect(r.view.lang).toBe('fr');
    expect(r.view.level).toBe('epci');
    expect(r.dropped).toEqual([
      { param: 'lang', value: 'en', reason: 'duplicate' },
      { param: 'niv', value: 'ti', reason: 'duplicate' },
      { param: 'niv', value: 'xx', reason: 'malformed' },
    ]);
  });

  it('survives malformed percent-encoding', () => {
    const r = decodeView('ind=%E0%A4%A&%ZZ=1&lang=en');
    expect(r.view).toEqual(v({ lang: 'en' }));
    // Problems with parameter names come first (query order), then values (encoding order).
    expect(r.dropped).toEqual([
      { param: '%ZZ', value: '1', reason: 'malformed' },
      { param: 'ind', value: '%E0%A4%A', reason: 'malformed' },
    ]);
  });

  it('explicit empty values reset nullable / list fields', () => {
    expect(decodeView('ind=&sel=&v=&cmp=&br=')).toEqual({ view: DEFAULT_VIEW, dropped: [] });
    expect(decodeView('lang=&pal=').dropped).toEqual([
      { param: 'lang', value: '', reason: 'malformed' },
      { param: 'pal', value: '', reason: 'malformed' },
    ]);
  });

  it('clips huge values in reports', () => {
    const huge = 'x'.repeat(1_000_000);
    const r = decodeView(`ind=${huge}&cl=q${'9'.repeat(5000)}`);
    expect(r.view.indicator).toBeNull();
    expect(r.view.classes).toBe(9);
    expect(r.dropped.map((d) => [d.param, d.reason, d.value.length])).toEqual([
      ['ind', 'malformed', 120],
      ['cl', 'clamped', 120],
    ]);
  });

  it('viewEquals detects any difference', () => {
    const a = structuredClone(journalist);
    expect(viewEquals(a, journalist)).toBe(true);
    expect(viewEquals(a, { ...a, basket: [...a.basket].reverse() })).toBe(false);
    expect(viewEquals(a, { ...a, viewport: null })).toBe(false);
    expect(viewEquals(a, { ...a, filters: [{ kind: 'range', indicator: 'indus_pct_2022', min: 20, max: 100 }] })).toBe(
      false,
    );
    expect(viewEquals(a, { ...a, period: [2019, 2023] })).toBe(false);
  });
});
