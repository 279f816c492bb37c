import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  detectJoinKey,
  type ImportTable,
  type JoinReference,
  joinTable,
  normalizeName,
  parseImport,
  resolveKey,
} from '../../src/domain/import/index.ts';
import { importEn } from '../../src/i18n/import.en.ts';
import { importFr } from '../../src/i18n/import.fr.ts';
import { loadLanguage } from '../../src/i18n/index.ts';
import { fmtMsg } from '../../src/ui/import/format.ts';

import { fixture, realReference } from '../fixtures/import/helpers.ts';

let ref: JoinReference;
beforeAll(() => {
  ref = realReference().ref;
});

async function table(name: string): Promise<ImportTable> {
  const r = await parseImport(name, fixture(name));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.table;
}

const mk = (columns: string[], rows: (string | number | null)[][]): ImportTable => ({
  columns,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

describe('normalizeName', () => {
  it('accent, case, hyphen, article and "St" insensitive', () => {
    expect(normalizeName("L'Abergement-Clémenciat")).toBe('l abergement clemenciat');
    expect(normalizeName("Abergement-Clémenciat (L')")).toBe('l abergement clemenciat');
    expect(normalizeName('ST-ÉTIENNE')).toBe(normalizeName('Saint-Étienne'));
    expect(normalizeName('Ste-Foy')).toBe('sainte foy');
    expect(normalizeName("Communauté d'agglomération du Bassin de Bourg-en-Bresse")).toBe(
      normalizeName('CA du Bassin de Bourg-en-Bresse'),
    );
    expect(normalizeName('Plastics Vallée - Oyonnax')).toBe(normalizeName('Plastics Vallée – Oyonnax'));
  });
});

describe('resolveKey', () => {
  it('commune INSEE codes, Corsica, lost leading zeros (département-consistent only)', () => {
    expect(resolveKey('01053', 'commune-insee', ref)).toMatchObject({
      status: 'matched',
      code: '01053',
      needsConfirmation: false,
    });
    expect(resolveKey('2a004', 'commune-insee', ref)).toMatchObject({
      status: 'matched',
      code: '2A004',
      name: 'Ajaccio',
    });
    expect(resolveKey(1053, 'commune-insee', ref)).toMatchObject({
      status: 'matched',
      code: '01053',
      repairedFrom: '1053',
    });
    expect(resolveKey('1053.0', 'commune-insee', ref)).toMatchObject({ status: 'matched', code: '01053' });
    expect(resolveKey('1053', 'commune-insee', ref, '01')).toMatchObject({ status: 'matched', code: '01053' });
    expect(resolveKey('1053', 'commune-insee', ref, '44')).toEqual({ status: 'unknown' });
    expect(resolveKey('99999', 'commune-insee', ref)).toEqual({ status: 'unknown' });
    expect(resolveKey('123', 'commune-insee', ref)).toEqual({ status: 'unknown' });
    expect(resolveKey(null, 'commune-insee', ref)).toEqual({ status: 'empty' });
  });

  it('EPCI SIREN (spaces, numbers)', () => {
    expect(resolveKey('244 400 404', 'epci-siren', ref)).toMatchObject({
      status: 'matched',
      code: '244400404',
      name: 'Nantes Métropole',
    });
    expect(resolveKey(200071751, 'epci-siren', ref)).toMatchObject({ status: 'matched', code: '200071751' });
    expect(resolveKey('200000000', 'epci-siren', ref)).toEqual({ status: 'unknown' });
  });

  it('TI ids and keys', () => {
    expect(resolveKey('ti-4401', 'ti-id', ref)).toMatchObject({
      status: 'matched',
      code: '2023:ti-4401',
      name: 'Alsace Centrale',
    });
    expect(resolveKey('TI8413', 'ti-id', ref)).toMatchObject({ status: 'matched', code: '2023:ti-8413' });
    expect(resolveKey('2018:ti-8408', 'ti-id', ref)).toMatchObject({ status: 'matched', code: '2018:ti-8408' });
    expect(resolveKey('ti-9999', 'ti-id', ref)).toEqual({ status: 'unknown' });
  });

  it('names: variants need confirmation; homonyms are ambiguous with candidates; département narrows', () => {
    expect(resolveKey('nantes metropole', 'epci-name', ref)).toMatchObject({
      status: 'matched',
      code: '244400404',
      needsConfirmation: true,
    });
    expect(resolveKey("Communauté d'agglomération du Bassin de Bourg-en-Bresse", 'epci-name', ref)).toMatchObject({
      status: 'matched',
      code: '200071751',
    });
    expect(resolveKey('Plastics Vallée - Oyonnax', 'ti-name', ref)).toMatchObject({
      status: 'matched',
      code: '2023:ti-8413',
    });
    const amb = resolveKey('Saint-Martin', 'commune-name', ref);
    expect(amb.status).toBe('ambiguous');
    if (amb.status === 'ambiguous')
      expect(amb.candidates.map((c) => c.code).sort()).toEqual(['32389', '54480', '65392', '67426', '97801']);
    expect(resolveKey('Saint-Martin', 'commune-name', ref, '32')).toMatchObject({ status: 'matched', code: '32389' });
    expect(resolveKey('Saint-Martin (67)', 'commune-name', ref)).toMatchObject({ status: 'matched', code: '67426' });
  });
});

describe('detectJoinKey', () => {
  it.each([
    ['good-utf8-semicolon.csv', 'code_insee', 'commune-insee'],
    ['utf8-bom-comma.csv', 'siren', 'epci-siren'],
    ['windows-1252-accents.csv', 'Code commune', 'commune-insee'],
    ['tab-separated.tsv', 'id_ti', 'ti-id'],
    ['title-rows.csv', 'CODGEO', 'commune-insee'],
    ['commune-names.csv', 'commune', 'commune-name'],
    ['two-sheets.xlsx', 'code_insee', 'commune-insee'],
  ])('%s → %s (%s)', async (file, column, kind) => {
    const d = detectJoinKey(await table(file), ref);
    expect(d.best).toMatchObject({ columnName: column, kind });
    expect(d.messages[0].key).toBe('import.join.keyDetected');
  });

  it('returns every candidate with its match rate (preview)', async () => {
    const d = detectJoinKey(await table('good-utf8-semicolon.csv'), ref);
    expect(d.candidates.find((c) => c.columnName === 'code_insee' && c.kind === 'commune-insee')).toMatchObject({
      matchRate: 1,
      matched: 6,
      total: 6,
    });
    expect(d.candidates.find((c) => c.columnName === 'commune' && c.kind === 'commune-name')).toMatchObject({
      matchRate: 1,
    });
    expect(fmtMsg(d.messages[0], 'fr')).toBe(
      'Colonne « code_insee » reconnue comme code INSEE de commune (100 % des valeurs reconnues).',
    );
  });

  it('lost leading zeros with a département column', async () => {
    const t = await table('lost-leading-zero.csv');
    const d = detectJoinKey(t, ref);
    expect(d.best).toMatchObject({ columnName: 'code_insee', kind: 'commune-insee', repaired: 3, matchRate: 0.8 });
    expect(d.departementColumn).toBe(1);
  });

  it('a table without territory column', () => {
    const d = detectJoinKey(
      mk(
        ['a', 'b'],
        [
          ['zzz', '1,5'],
          ['qqq', '2'],
        ],
      ),
      ref,
    );
    expect(d.best).toBeNull();
    expect(d.messages).toEqual([{ key: 'import.join.noKeyColumn', params: {} }]);
  });
});

describe('joinTable', () => {
  it('duplicate keys: both rows listed, none joined', async () => {
    const j = joinTable(await table('duplicate-keys.csv'), 0, 'commune-insee', ref);
    expect(j.stats).toMatchObject({ rows: 5, matched: 3, unmatched: 2, byReason: { duplicate: 2 } });
    expect(j.duplicates).toEqual([{ code: '44109', name: 'Nantes', rows: [3, 6], rowIndexes: [1, 4] }]);
    expect(j.unmatched).toEqual([
      { rowIndex: 1, row: 3, input: '44109', reason: 'duplicate', code: '44109', duplicateRows: [3, 6] },
      { rowIndex: 4, row: 6, input: '44109', reason: 'duplicate', code: '44109', duplicateRows: [3, 6] },
    ]);
    expect(j.codeByRow).toEqual(['44184', null, '44162', '44143', null]);
    expect(j.messages).toContainEqual({
      key: 'import.join.duplicate',
      params: { code: '44109', name: 'Nantes', rows: '3, 6' },
    });
  });

  it('codes that lost the leading zero are repaired and reported; inconsistent ones are unknown', async () => {
    const j = joinTable(await table('lost-leading-zero.csv'), 0, 'commune-insee', ref);
    expect(j.matched.map((m) => [m.row, m.code, m.repairedFrom])).toEqual([
      [2, '01053', '1053'],
      [3, '01283', '1283'],
      [4, '01004', '1004'],
      [5, '44109', undefined],
    ]);
    expect(j.unmatched).toEqual([{ rowIndex: 4, row: 6, input: '1234', reason: 'unknown-code' }]);
    expect(j.messages).toEqual([
      { key: 'import.join.summary', params: { matched: 4, total: 5, unmatched: 1 } },
      { key: 'import.join.leadingZeroRepaired', params: { count: 3, example: '1053', repaired: '01053' } },
      { key: 'import.join.unknownCode', params: { row: 6, value: '1234' } },
    ]);
  });

  it('names: confirmation, ambiguity with candidates, suggestions, empty key', async () => {
    const j = joinTable(await table('commune-names.csv'), 0, 'commune-name', ref);
    expect(j.matched.map((m) => [m.row, m.code, m.needsConfirmation])).toEqual([
      [2, '44109', true],
      [3, '44162', true],
      [4, '01001', true],
      [7, '44184', true],
      [8, '44036', true],
    ]);
    const byRow = Object.fromEntries(j.unmatched.map((u) => [u.row, u]));
    expect(byRow[5].reason).toBe('ambiguous-name');
    expect(byRow[5].candidates?.map((c) => `${c.code} ${c.name}`).sort()).toEqual([
      '32389 Saint-Martin',
      '54480 Saint-Martin',
      '65392 Saint-Martin',
      '67426 Saint-Martin',
      '97801 Saint-Martin',
    ]);
    expect(byRow[6]).toMatchObject({ reason: 'unknown-name', input: 'Nante' });
    expect(byRow[6].suggestions?.[0]).toMatchObject({ code: '44109', name: 'Nantes', distance: 1 });
    expect(byRow[9]).toEqual({ rowIndex: 7, row: 9, input: '', reason: 'empty-key' });
    expect(j.stats).toMatchObject({
      matched: 5,
      unmatched: 3,
      needsConfirmation: 5,
      byReason: { 'ambiguous-name': 1, 'unknown-name': 1, 'empty-key': 1 },
    });
    expect(j.messages).toContainEqual({
      key: 'import.join.ambiguousName',
      params: { row: 5, value: 'Saint-Martin', count: 5 },
    });
    expect(j.messages).toContainEqual({ key: 'import.join.emptyKey', params: { row: 9, column: 'commune' } });
    const suggest = j.messages.find((m) => m.key === 'import.join.unknownNameSuggest')!;
    expect(suggest.params.row).toBe(6);
    expect(String(suggest.params.suggestions).startsWith('Nantes')).toBe(true);
    expect(fmtMsg({ key: 'import.join.needsConfirmation', params: { count: 5 } }, 'fr')).toBe(
      '5 lignes rattachées par le nom : vérifiez-les avant de confirmer.',
    );
  });

  it('EPCI names with suggestions from word containment', () => {
    const t = mk(
      ['epci', 'v'],
      [
        ['Communauté de communes Sundgau', 1],
        ['Pontchâteau', 2],
      ],
    );
    const j = joinTable(t, 0, 'epci-name', ref);
    expect(j.matched.map((m) => m.code)).toEqual(['200066041']);
    expect(j.unmatched[0].suggestions?.map((s) => s.code)).toContain('200000438');
  });

  it('a département column narrows homonyms', () => {
    const t = mk(
      ['commune', 'dep', 'v'],
      [
        ['Saint-Martin', '54', 1],
        ['Saint-Martin', 65, 2],
      ],
    );
    const j = joinTable(t, 0, 'commune-name', ref);
    expect(j.departementColumn).toBe(1);
    expect(j.matched.map((m) => m.code)).toEqual(['54480', '65392']);
  });

  it('TI identifiers', async () => {
    const j = joinTable(await table('tab-separated.tsv'), 0, 'ti-id', ref);
    expect(j.matched.map((m) => m.code)).toEqual(['2023:ti-5214', '2023:ti-8413', '2023:ti-8424', '2023:ti-8402']);
    expect(j.level).toBe('ti');
  });
});

describe('messages', () => {
  const flatten = (o: object, prefix = 'import'): Record<string, string> =>
    Object.fromEntries(
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${prefix}.${k}`, v]] : Object.entries(flatten(v, `${prefix}.${k}`)),
      ),
    );
  beforeAll(() => loadLanguage('en'));
  const FR = flatten(importFr);
  const EN = flatten(importEn);

  it('FR and EN catalogues have the same keys and placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    expect(Object.keys(EN).sort()).toEqual(Object.keys(FR).sort());
    for (const key of Object.keys(FR)) expect(placeholders(EN[key]), key).toEqual(placeholders(FR[key]));
  });

  it('every message key the import core uses is in the catalogues', () => {
    const dir = new URL('../../src/', import.meta.url);
    const files = readdirSync(new URL('domain/import/', dir)).map((f) => new URL(`domain/import/${f}`, dir));
    files.push(new URL('domain/user-data/build.ts', dir), new URL('ui/import/format.ts', dir));
    const used = new Set(
      files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(import\.[\w.-]+)'/g)].map((m) => m[1])),
    );
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(key in FR || `${key}_other` in FR, key).toBe(true);
  });

  it('formats with params; tabs are named', () => {
    const m = { key: 'import.csv.raggedRow' as const, params: { row: 14, found: 7, expected: 5, delimiter: ';' } };
    expect(fmtMsg(m, 'fr')).toBe('Ligne 14 : 7 colonnes au lieu de 5 (séparateur « ; » détecté). Ligne ignorée.');
    expect(fmtMsg(m, 'en')).toBe('Row 14: 7 columns instead of 5 (delimiter “;” detected). Row skipped.');
    expect(fmtMsg({ ...m, params: { ...m.params, delimiter: '\t' } }, 'fr')).toContain('séparateur « tabulation »');
    expect(fmtMsg({ key: 'import.file.tooLarge', params: { name: 'a.csv', sizeMb: 80.5, maxMb: 50 } }, 'fr')).toBe(
      'Le fichier « a.csv » pèse 80,5 Mo : la limite est de 50 Mo. Retirez des colonnes ou des lignes inutiles, ou découpez-le.',
    );
    expect(fmtMsg({ key: 'import.join.summary', params: { matched: 12345, total: 12400, unmatched: 55 } }, 'fr')).toBe(
      '12\u202f345 lignes sur 12\u202f400 rattachées à un territoire ; 55 non rattachées.',
    );
  });

  it('plural forms from count', () => {
    const m = (count: number) => ({ key: 'import.join.needsConfirmation', params: { count } });
    expect(fmtMsg(m(1), 'fr')).toBe('1 ligne rattachée par le nom : vérifiez-la avant de confirmer.');
    expect(fmtMsg(m(1), 'en')).toBe('1 row joined by name: check it before confirming.');
    expect(fmtMsg(m(2500), 'en')).toBe('2,500 rows joined by name: check them before confirming.');
  });
});
