// The user's stored tables: building a table from an import (aggregation to EPCI and to TI of both
// generations), and indicators aligned with codesOf. The workspace file: user-workspace.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Text, textOf } from '../../src/domain/text.ts';
import { translator } from '../../src/i18n/index.ts';

const frText = (x: Text | undefined) => (x ? textOf(translator('fr'), x) : undefined);

import type { IndicatorsFile } from '../../src/domain/fields.ts';
import {
  detectJoinKey,
  type ImportTable,
  type JoinReport,
  joinTable,
  parseImport,
} from '../../src/domain/import/index.ts';
import {
  codesOf,
  type IndicatorContext,
  indicatorById,
  indicatorsOf,
  numericValues,
  valueFor,
} from '../../src/domain/indicators.ts';
import {
  buildUserTable,
  type ColumnSpec,
  columnValues,
  defaultSpec,
  guessWeightColumn,
  isCountLike,
} from '../../src/domain/user-data/build.ts';
import { userIndicatorsFrom } from '../../src/domain/user-data/indicators.ts';
import { coverageOf, summarizeJoin } from '../../src/domain/user-data/join-view.ts';
import { parseWorkspace, serializeWorkspace } from '../../src/domain/user-data/workspace.ts';
import { SPRINT_RULE } from '../../src/state/derived.ts';
import { FIXTURE_DIR, fixture, realReference, sampleTable as sample } from '../fixtures/import/helpers.ts';

const GENERATED = join(FIXTURE_DIR, '..', '..', '..', 'public', 'generated');
let indicators: IndicatorsFile;
let ctxEpci: IndicatorContext;
const at = (ctx: IndicatorContext, level: 'epci' | 'ti', generation: '2023' | '2018' = '2023'): IndicatorContext => ({
  ...ctx,
  level,
  generation,
});

beforeAll(() => {
  indicators = JSON.parse(readFileSync(join(GENERATED, 'indicators.json'), 'utf8')) as IndicatorsFile;
  const { territories } = realReference();
  ctxEpci = { level: 'epci', generation: '2023', period: [2019, 2024], indicators, territories, sprint: SPRINT_RULE };
});

async function imported(
  name: string,
): Promise<{ table: ImportTable; join: JoinReport; profiles: Awaited<ReturnType<typeof parseImport>> }> {
  const parsed = await parseImport(name, fixture(name));
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.error.key}`);
  const { ref } = realReference();
  const det = detectJoinKey(parsed.table, ref);
  if (!det.best) throw new Error('no key');
  return { table: parsed.table, join: joinTable(parsed.table, det.best.column, det.best.kind, ref), profiles: parsed };
}

function spec(column: number, over: Partial<ColumnSpec> = {}): ColumnSpec {
  return {
    column,
    label: '',
    unit: '',
    year: '',
    direction: 'neutral',
    kind: 'stock',
    epciRule: 'mean',
    tiRule: 'same',
    dropPartial: false,
    ...over,
  };
}

describe('userIndicatorsFrom', () => {
  it('values aligned with codesOf(ctx), null (never 0) without data, TI values for both generations', () => {
    const [ind] = userIndicatorsFrom([sample()]);
    expect(ind.id).toBe('u.tabc12.emplois');
    expect(ind).toMatchObject({ theme: 'user', user: true, sources: [], levels: ['epci', 'ti'] });
    expect(frText(ind.label)).toBe('Emplois industriels (vos données)');
    expect(frText(ind.userSource)).toMatch(/^Vos données : mon-fichier\.csv, importé le 3 mars 2026$/);
    const ctx = { ...ctxEpci, extra: [ind] };
    const codes = codesOf(ctx);
    const values = numericValues(ind, ctx);
    expect(values.length).toBe(codes.length);
    expect(values[codes.indexOf('244400644')]).toBe(58210);
    expect(values[codes.indexOf('244400404')]).toBe(0); // a real 0 stays 0
    expect(values[codes.indexOf('200071751')]).toBeNull();
    expect(values.filter((v) => v !== null).length).toBe(2);
    // TI, both generations: same value arrays shape as the generation's codes.
    const ti23 = at(ctx, 'ti', '2023'),
      ti18 = at(ctx, 'ti', '2018');
    const v23 = numericValues(ind, ti23),
      v18 = numericValues(ind, ti18);
    expect(v23.length).toBe(codesOf(ti23).length);
    expect(v18.length).toBe(codesOf(ti18).length);
    expect(v23[codesOf(ti23).indexOf('2023:ti-4401')]).toBe(58210);
    expect(v18.every((v) => v === null)).toBe(true);
    expect(valueFor(ind, ctx, '244400644')).toBe(58210);
    // The registry finds it through ctx.extra.
    expect(indicatorById(ctx, 'u.tabc12.emplois')).toBe(ind);
    expect(indicatorsOf(ctx).at(-1)).toBe(ind);
  });

  it('TI rule "none" → not available at TI level; TI-keyed tables → TI only', () => {
    const t = sample();
    t.columns[0].tiRule = 'none';
    const [a] = userIndicatorsFrom([t]);
    expect(a.levels).toEqual(['epci']);
    expect(a.aggregation.rule).toBe('none');
    const ti = { ...sample(), level: 'ti' as const, keyKind: 'ti-id' as const };
    ti.columns[0] = { ...ti.columns[0], epciRule: null, tiRule: 'direct', epci: {} };
    const [b] = userIndicatorsFrom([ti]);
    expect(b.levels).toEqual(['ti']);
    expect(numericValues(b, ctxEpci).every((v) => v === null)).toBe(true);
  });
});

describe('buildUserTable', () => {
  it('commune-keyed file → EPCI and TI (2023 and 2018) values; partial coverage counted; missing never 0', async () => {
    const { table, join, profiles } = await imported('good-utf8-semicolon.csv');
    expect(join.level).toBe('commune');
    const { ref } = realReference();
    const part = table.columns.indexOf('part_industrie');
    const emplois = table.columns.indexOf('emplois_industrie');
    const pop = table.columns.indexOf('population');
    if (!profiles.ok) throw new Error('parse');
    expect(guessWeightColumn(profiles.report.columns)).toBe(pop);
    // Integer counts are summed (and partly covered territories left empty); "1.234,5" makes emplois a non-count.
    expect(defaultSpec(table, profiles.report.columns[pop], 'commune', pop)).toMatchObject({
      epciRule: 'sum',
      tiRule: 'same',
      dropPartial: true,
    });
    expect(defaultSpec(table, profiles.report.columns[pop], 'epci', undefined)).toMatchObject({ tiRule: 'sum' });
    expect(defaultSpec(table, profiles.report.columns[part], 'epci', undefined)).toMatchObject({ tiRule: 'none' });
    expect(defaultSpec(table, profiles.report.columns[emplois], 'commune', pop)).toMatchObject({
      epciRule: 'weighted-mean',
      dropPartial: false,
    });
    expect(defaultSpec(table, profiles.report.columns[part], 'commune', pop)).toMatchObject({
      epciRule: 'weighted-mean',
      weightColumn: pop,
      dropPartial: false,
    });

    const r = buildUserTable({
      table,
      join,
      ref,
      id: 'tfix01',
      name: 'Test',
      fileName: 'good-utf8-semicolon.csv',
      importedAt: '2026-01-02T00:00:00Z',
      columns: [
        spec(part, { label: 'Part industrie', unit: '%', epciRule: 'weighted-mean', weightColumn: pop }),
        spec(emplois, { epciRule: 'sum', dropPartial: false }),
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.table;
    expect(t).toMatchObject({
      level: 'commune',
      keyKind: 'commune-insee',
      keyColumn: 'code_insee',
      rows: 6,
      matched: 6,
      unmatched: 0,
    });
    const [c1, c2] = t.columns;
    expect(c1.id).toBe('part_industrie');
    expect(c1.weight).toBe('population');
    // Nantes (44109) alone in Nantes Métropole: its value; Oyonnax → Haut-Bugey.
    expect(c1.epci['244400404']).toBeCloseTo(9.8);
    expect(c1.epci['200042935']).toBeCloseTo(41.7);
    // Bourg (42 372 hab, 18,4) and Ambérieu? Ambérieu is in the CC de la Plaine de l'Ain, not Bourg: one commune each.
    expect(Object.keys(c1.epci).length).toBeGreaterThanOrEqual(5);
    expect(c1.partial.epci).toBe(Object.keys(c1.epci).length); // every EPCI covers more communes than the file
    // TI of both generations.
    expect(Object.keys(c1.ti['2023']).length).toBeGreaterThan(0);
    expect(Object.keys(c1.ti['2018']).length).toBeGreaterThan(0);
    expect(Object.keys(c1.ti['2023']).every((k) => k.startsWith('2023:'))).toBe(true);
    expect(Object.keys(c1.ti['2018']).every((k) => k.startsWith('2018:'))).toBe(true);
    // "n.d." (Nantes) and "s" (Saint-Nazaire) are missing, not 0: Nantes Métropole has no sum.
    expect(c2.epci['244400404']).toBeUndefined();
    expect(c2.epci['244400644']).toBeUndefined();
    expect(c2.epci['200042935']).toBe(6035);

    const inds = userIndicatorsFrom([t]);
    expect(inds.map((i) => i.id)).toEqual(['u.tfix01.part_industrie', 'u.tfix01.emplois_industrie']);
    const ctx = { ...ctxEpci, extra: inds };
    const vals = numericValues(inds[0], ctx);
    expect(vals.filter((v) => v !== null).length).toBe(Object.keys(c1.epci).length);
    for (const g of ['2023', '2018'] as const) {
      const c = at(ctx, 'ti', g);
      const v = numericValues(inds[0], c);
      expect(v.length).toBe(codesOf(c).length);
      expect(v.filter((x) => x !== null).length).toBe(Object.keys(c1.ti[g]).length);
    }
    expect(frText(inds[0].caveat)).toMatch(/Valeurs partielles/);
    // Round trip through storage keeps the indicators identical.
    const back = parseWorkspace(serializeWorkspace([t]));
    expect(back.ok && back.tables[0]).toEqual(t);
  });

  it('dropPartial leaves partly covered territories empty', async () => {
    const { table, join } = await imported('good-utf8-semicolon.csv');
    const { ref } = realReference();
    const pop = table.columns.indexOf('population');
    const r = buildUserTable({
      table,
      join,
      ref,
      id: 'tfix02',
      name: '',
      fileName: 'f.csv',
      importedAt: '2026-01-02T00:00:00Z',
      columns: [spec(pop, { epciRule: 'sum', dropPartial: true })],
    });
    expect(r.ok && Object.keys(r.table.columns[0].epci).length).toBe(0);
    expect(r.ok && r.table.columns[0].partial.epci).toBeGreaterThan(0);
    expect(r.ok && r.table.name).toBe('f.csv');
  });

  it('EPCI-keyed file → EPCI values read directly, TI sum only when asked', async () => {
    const { table, join } = await imported('utf8-bom-comma.csv');
    expect(join.level).toBe('epci');
    const { ref } = realReference();
    const emplois = table.columns.indexOf('emplois_2022');
    const part = table.columns.indexOf('part_industrie');
    const r = buildUserTable({
      table,
      join,
      ref,
      id: 'tfix03',
      name: 'EPCI',
      fileName: 'utf8-bom-comma.csv',
      importedAt: '2026-01-02T00:00:00Z',
      columns: [spec(emplois, { tiRule: 'sum' }), spec(part, { tiRule: 'none' })],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [e, p] = r.table.columns;
    expect(e.epciRule).toBe('direct');
    expect(e.epci['244400644']).toBe(58210);
    expect(e.tiRule).toBe('sum');
    expect(Object.keys(e.ti['2023']).length).toBeGreaterThan(0);
    expect(Object.keys(e.ti['2018']).length).toBeGreaterThan(0);
    expect(p.tiRule).toBe('none');
    expect(p.ti).toEqual({ '2023': {}, '2018': {} });
    const [ie, ip] = userIndicatorsFrom([r.table]);
    expect(ie.levels).toEqual(['epci', 'ti']);
    expect(ip.levels).toEqual(['epci']);
    expect(numericValues(ip, at(ctxEpci, 'ti')).every((v) => v === null)).toBe(true);
  });
});

describe('what the import worker sends to the page', () => {
  it('summarizeJoin keeps the figures and at most `limit` rows per list', async () => {
    const { table, join } = await imported('commune-names.csv');
    const v = summarizeJoin(join, '2023', 2);
    expect(v.stats).toEqual(join.stats);
    expect(v.messages).toEqual(join.messages);
    expect(v.unmatched.length).toBe(2);
    expect(v.byName.length).toBe(2);
    expect(v.byName.every((m) => m.needsConfirmation)).toBe(true);
    expect(join.stats.needsConfirmation).toBeGreaterThan(2);
    expect(v.level).toBe('commune');
    expect(JSON.stringify(v).length).toBeLessThan(JSON.stringify(join).length);
    expect(table.rows.length).toBe(8);
  });

  it('coverageOf counts territories with a value; isCountLike spots counts', async () => {
    const { table, join, profiles } = await imported('good-utf8-semicolon.csv');
    if (!profiles.ok) throw new Error('parse');
    const { ref } = realReference();
    const pop = table.columns.indexOf('population');
    expect(isCountLike(table, profiles.report.columns[pop])).toBe(true);
    expect(isCountLike(table, profiles.report.columns[table.columns.indexOf('part_industrie')])).toBe(false);
    const c = coverageOf(columnValues({ table, join, ref }, spec(pop, { epciRule: 'sum', dropPartial: false })));
    expect(c.ok).toBe(true);
    expect(c.epci).toBe(6);
    expect(c.partial).toBeGreaterThan(0);
    const dropped = coverageOf(columnValues({ table, join, ref }, spec(pop, { epciRule: 'sum', dropPartial: true })));
    expect(dropped.epci).toBe(0);
    const bad = coverageOf(
      columnValues({ table, join, ref }, spec(table.columns.indexOf('commune'), { epciRule: 'sum' })),
    );
    expect(bad).toMatchObject({ ok: false, error: { key: 'import.aggregate.notNumeric' } });
  });
});
