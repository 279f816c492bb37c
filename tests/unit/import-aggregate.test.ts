import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AggregateCell,
  aggregateCommuneTable,
  aggregateEpciToTi,
  aggregateValues,
  type ImportTable,
  type JoinReference,
  joinTable,
  parseImport,
  valuesByCode,
} from '../../src/domain/import/index.ts';
import { fixture, realReference, utf8 } from '../fixtures/import/helpers.ts';

let ref: JoinReference;
beforeAll(() => {
  ref = realReference().ref;
});

const groups = new Map<string, string[]>([
  ['G1', ['a', 'b', 'c']],
  ['G2', ['d', 'e']],
]);

describe('aggregateValues', () => {
  const values = new Map<string, number | null>([
    ['a', 1],
    ['b', 3],
    ['c', null],
    ['d', null],
  ]);
  const weights = new Map<string, number | null>([
    ['a', 3],
    ['b', 1],
    ['c', 10],
  ]);
  const by = (cells: AggregateCell[]) => Object.fromEntries(cells.map((c) => [c.code, c]));

  it.each([
    ['sum', 4],
    ['mean', 2],
    ['min', 1],
    ['max', 3],
    ['count', 2],
    ['weighted-mean', 1.5],
  ] as const)('%s with partial nulls covers the members with a value', (rule, expected) => {
    const g1 = by(aggregateValues(values, groups, rule, weights)).G1;
    expect(g1.value).toBe(expected);
    expect(g1).toMatchObject({ members: 3, withValue: 2, missing: 1 });
  });

  it('all-null (or absent) members → null, never 0; count → 0', () => {
    for (const rule of ['sum', 'mean', 'min', 'max', 'weighted-mean'] as const) {
      expect(by(aggregateValues(values, groups, rule, weights)).G2).toMatchObject({
        value: null,
        members: 2,
        withValue: 0,
        missing: 2,
      });
    }
    expect(by(aggregateValues(values, groups, 'count')).G2.value).toBe(0);
  });

  it('weighted mean: members without weight are reported apart; zero total weight → null', () => {
    const w = new Map<string, number | null>([
      ['a', 2],
      ['b', null],
    ]);
    expect(by(aggregateValues(values, groups, 'weighted-mean', w)).G1).toMatchObject({
      value: 1,
      withValue: 1,
      missing: 2,
      missingWeight: 1,
    });
    const zero = new Map<string, number | null>([
      ['a', 0],
      ['b', 0],
    ]);
    expect(by(aggregateValues(values, groups, 'weighted-mean', zero)).G1.value).toBeNull();
  });
});

describe('aggregateCommuneTable (real reference)', () => {
  // CC Faucigny - Glières (200000172) has 7 communes; 74312 Vougy is absent, 74049 Brizon is secret.
  const csv = [
    'code_insee;emplois;taux;pop',
    '74024;100;10;2376',
    '74042;1000;20;13335',
    '74049;s;30;457',
    '74087;200;;2403',
    '74164;500;40;6507',
    '74212;50;50;1824',
    '44109;7;1;327734',
  ].join('\n');
  let table: ImportTable;
  beforeAll(async () => {
    const r = await parseImport('faucigny.csv', utf8(csv));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    table = r.table;
  });

  it('to EPCI: sum with members without value reported', () => {
    const join = joinTable(table, 0, 'commune-insee', ref);
    const r = aggregateCommuneTable(table, join, ref, { valueColumn: 1, rule: 'sum', to: 'epci' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cc = r.cells.find((c) => c.code === '200000172')!;
    expect(cc).toEqual({ code: '200000172', value: 1850, members: 7, withValue: 5, missing: 2 });
    const nantes = r.cells.find((c) => c.code === '244400404')!;
    expect(nantes).toMatchObject({ value: 7, withValue: 1, members: 24, missing: 23 });
    expect(r.cells).toHaveLength(2);
    expect(r.messages).toContainEqual({
      key: 'import.aggregate.partial',
      params: { group: 'CC Faucigny - Glières', code: '200000172', missing: 2, members: 7, withValue: 5 },
    });
  });

  it('to EPCI: weighted mean by a population column', () => {
    const join = joinTable(table, 0, 'commune-insee', ref);
    const r = aggregateCommuneTable(table, join, ref, {
      valueColumn: 2,
      rule: 'weighted-mean',
      weightColumn: 3,
      to: 'epci',
    });
    if (!r.ok) throw new Error('aggregation failed');
    const cc = r.cells.find((c) => c.code === '200000172')!;
    expect(cc.value).toBeCloseTo(655650 / 24499, 10);
    expect(cc).toMatchObject({ withValue: 5, missing: 2, missingWeight: 0 });
  });

  it('to TI: computed from communes (2023 generation)', () => {
    const join = joinTable(table, 0, 'commune-insee', ref);
    const r = aggregateCommuneTable(table, join, ref, { valueColumn: 1, rule: 'mean', to: 'ti' });
    if (!r.ok) throw new Error('aggregation failed');
    // Vallée de l'Arve = CC Faucigny - Glières + another EPCI: 17 communes.
    expect(r.cells.find((c) => c.code === '2023:ti-8422')).toEqual({
      code: '2023:ti-8422',
      value: 370,
      members: 17,
      withValue: 5,
      missing: 12,
    });
  });

  it('errors as values', async () => {
    const join = joinTable(table, 0, 'commune-insee', ref);
    expect(aggregateCommuneTable(table, join, ref, { valueColumn: 2, rule: 'weighted-mean', to: 'epci' })).toEqual({
      ok: false,
      error: { key: 'import.aggregate.weightMissing', params: {} },
    });
    const epciTable = await parseImport('epci.csv', fixture('utf8-bom-comma.csv'));
    if (!epciTable.ok) throw new Error('parse failed');
    const epciJoin = joinTable(epciTable.table, 0, 'epci-siren', ref);
    expect(aggregateCommuneTable(epciTable.table, epciJoin, ref, { valueColumn: 2, rule: 'sum', to: 'ti' })).toEqual({
      ok: false,
      error: { key: 'import.aggregate.needsCommuneKey', params: {} },
    });
    expect(aggregateCommuneTable(table, join, ref, { valueColumn: 0, rule: 'sum', to: 'epci' })).toMatchObject({
      ok: true,
    });
  });
});

describe('aggregateEpciToTi', () => {
  it('EPCI-keyed table to TI members', async () => {
    const r = await parseImport('epci.csv', fixture('utf8-bom-comma.csv'));
    if (!r.ok) throw new Error('parse failed');
    const join = joinTable(r.table, 0, 'epci-siren', ref);
    const values = valuesByCode(r.table, join, 2);
    const { cells, messages } = aggregateEpciToTi(values, ref, 'sum');
    // Saint-Nazaire Loire Estuaire = CARENE (58,210) + CC Estuaire et Sillon (absent).
    expect(cells.find((c) => c.code === '2023:ti-5214')).toEqual({
      code: '2023:ti-5214',
      value: 58210,
      members: 2,
      withValue: 1,
      missing: 1,
    });
    expect(cells.find((c) => c.code === '2023:ti-8413')).toEqual({
      code: '2023:ti-8413',
      value: 25870,
      members: 1,
      withValue: 1,
      missing: 0,
    });
    expect(cells.find((c) => c.code === '2023:ti-4401')?.value).toBeNull();
    expect(messages.length).toBeGreaterThan(0);
  });
});
