// CSV export: exact bytes (BOM, ';', CRLF, decimal comma, quoting, neutralisation) and the rows
// behind a view built from the real pipeline output.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sprintRule from '../../geo/sprint-innovation.json';
import type { TerritoriesFile } from '../../src/data/types.ts';
import { filterTerritories } from '../../src/domain/choropleth.ts';
import { csvNumber, csvText, toCsv } from '../../src/domain/export/csv.ts';
import { buildExportTable, type ExportTable, roundValue, sourceRows } from '../../src/domain/export/table.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import type { IndicatorContext } from '../../src/domain/indicators.ts';
import type { SprintRule } from '../../src/domain/sprint.ts';
import { loadLanguage, translator } from '../../src/i18n/index.ts';

await loadLanguage('en');

const table: ExportTable = {
  columns: [
    { key: 'code', label: 'SIREN', type: 'text', sources: [] },
    { key: 'name', label: 'Nom', type: 'text', sources: [] },
    { key: 'x', label: 'Évolution (%; 2019–2024)', type: 'number', decimals: 1, sources: [] },
  ],
  rows: [
    ['244400644', 'CA de la Région Nazairienne', 3.25],
    ['200000172', 'CC "Faucigny"; Glières', -1234.5],
    ['200000438', '=HYPERLINK("http://x")', null],
    ['200000545', 'ligne\nsuivante', 0],
    ['200000546', '+33 6 12', 1e-7],
    ['200000547', '-moins', 12],
    ['200000548', '@SUM(A1)', -0],
    ['200000549', '\tTab', 1234567.891],
  ],
};

describe('CSV builder', () => {
  it('writes the exact bytes: BOM, ";", CRLF, decimal comma, quoting, neutralised text', () => {
    const expected =
      '\uFEFFSIREN;Nom;"Évolution (%; 2019–2024)"\r\n' +
      '244400644;CA de la Région Nazairienne;3,25\r\n' +
      '200000172;"CC ""Faucigny""; Glières";-1234,5\r\n' +
      '200000438;"\'=HYPERLINK(""http://x"")";\r\n' +
      '200000545;"ligne\nsuivante";0\r\n' +
      "200000546;'+33 6 12;0,0000001\r\n" +
      "200000547;'-moins;12\r\n" +
      "200000548;'@SUM(A1);0\r\n" +
      "200000549;'\tTab;1234567,891\r\n";
    expect(toCsv(table, { decimalComma: true })).toBe(expected);
  });

  it('decimal point when the option is off; numbers are never quoted nor neutralised', () => {
    const csv = toCsv(table, { decimalComma: false });
    expect(csv.split('\r\n')[2]).toBe('200000172;"CC ""Faucigny""; Glières";-1234.5');
    expect(csv.endsWith('1234567.891\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // UTF-8 bytes of the BOM when encoded.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('formats numbers without grouping or exponent', () => {
    expect(csvNumber(-3.5, true)).toBe('-3,5');
    expect(csvNumber(1e21, false)).toBe('1000000000000000000000');
    expect(csvNumber(Number.NaN, true)).toBe('');
    expect(csvText('a;b')).toBe('"a;b"');
    expect(csvText('-')).toBe("'-");
    expect(csvText('plain')).toBe('plain');
  });

  it('rounds values to two decimals more than shown, without float noise', () => {
    expect(roundValue(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundValue(12.34567, 0)).toBe(12.35);
    expect(roundValue(-0.0001, 0)).toBe(0);
  });
});

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');
const haveData = existsSync(join(GEN, 'indicators.json'));

describe.runIf(haveData)('rows behind a view (real data)', () => {
  const ctx = (): IndicatorContext => ({
    level: 'epci',
    generation: '2023',
    period: [2019, 2024],
    indicators: JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8')) as IndicatorsFile,
    territories: JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8')) as TerritoriesFile,
    sprint: sprintRule as SprintRule,
  });
  const labels = {
    code: 'SIREN',
    name: 'Nom',
    dims: { region: 'Région', ti2023: 'Membre d’un TI 2023–2027' },
    yes: 'Oui',
    no: 'Non',
  };

  it('keeps the filtered rows, indicator then filter columns, labelled with unit and year', () => {
    const c = ctx();
    const filters = [
      { kind: 'range' as const, indicator: 'population', min: 50000, max: null },
      { kind: 'category' as const, dimension: 'ti2023', values: ['in'] },
    ];
    const fr = filterTerritories(filters, c);
    const t = buildExportTable({
      ctx: c,
      indicator: 'emploi_evol_pct',
      filters,
      match: fr.match,
      t: translator('fr'),
      labels,
    });
    expect(t.rows).toHaveLength(fr.count);
    expect(fr.count).toBeGreaterThan(10);
    expect(t.columns.map((x) => x.label)).toEqual([
      'SIREN',
      'Nom',
      'Évolution de l’emploi salarié privé (%) (2019–2024)',
      'Population municipale (hab., 2022)',
      'Membre d’un TI 2023–2027',
    ]);
    for (const r of t.rows) {
      expect(typeof r[0]).toBe('string');
      expect(r[3] as number).toBeGreaterThanOrEqual(50000);
      expect(r[4]).toBe('Oui');
    }
    // Negative changes exist and stay numbers.
    expect(t.rows.some((r) => typeof r[2] === 'number' && r[2] < 0)).toBe(true);
    const csv = toCsv(t, { decimalComma: true });
    expect(csv.split('\r\n').length - 2).toBe(fr.count);
    expect(csv).toMatch(/;-\d+,\d+;/);
    const manifest = JSON.parse(readFileSync(join(GEN, 'manifest.json'), 'utf8'));
    const src = sourceRows(t.columns, manifest.sources);
    expect(src.map((s) => s.column)).toContain('Population municipale (hab., 2022)');
    expect(src.every((s) => s.producer && s.licence)).toBe(true);
  });

  it('without indicator: population; categorical indicator: category labels', () => {
    const c = ctx();
    const plain = buildExportTable({ ctx: c, indicator: null, filters: [], match: null, t: translator('en'), labels });
    expect(plain.rows).toHaveLength(1255);
    expect(plain.columns[2].key).toBe('population');
    const cat = buildExportTable({ ctx: c, indicator: 'zibac', filters: [], match: null, t: translator('fr'), labels });
    expect(new Set(cat.rows.map((r) => r[2]))).toEqual(new Set(['Accueille une ZIBaC lauréate', 'Aucune zone connue']));
  });
});
