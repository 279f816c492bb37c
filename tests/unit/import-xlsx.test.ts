import { describe, expect, it } from 'vitest';
import { type ImportResult, listSheets, parseImport } from '../../src/domain/import/index.ts';
import { fixture, utf8 } from '../fixtures/import/helpers.ts';

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r;
}

describe('XLSX', () => {
  it('lists the sheets', async () => {
    expect(await listSheets(fixture('two-sheets.xlsx'))).toEqual({ ok: true, sheets: ['Lisez-moi', 'Données'] });
  });

  it('reads the first sheet holding a table by default (skips a "read me" sheet)', async () => {
    const r = ok(await parseImport('two-sheets.xlsx', fixture('two-sheets.xlsx')));
    expect(r.report).toMatchObject({
      format: 'xlsx',
      sheets: ['Lisez-moi', 'Données'],
      sheet: 'Données',
      headerRow: 1,
    });
    expect(r.report.warnings).toEqual([{ key: 'import.xlsx.otherSheets', params: { count: 2, sheet: 'Données' } }]);
    expect(r.table.columns).toEqual(['code_insee', 'commune', 'population', 'part_industrie', 'mise_a_jour', 'tri']);
    expect(r.table.rows).toEqual([
      [1053, 'Bourg-en-Bresse', 42372, 0.184, '2024-01-01', true],
      ['01283', 'Oyonnax', 22480, 0.417, '2024-01-01', false],
      [44109, 'Nantes', 327734, 0.098, '2024-06-30', true],
      ['2A004', 'Ajaccio', 76320, null, null, null],
    ]);
    expect(r.table.rowNumbers).toEqual([2, 3, 4, 5]);
    const byName = Object.fromEntries(r.report.columns.map((c) => [c.name, c]));
    expect(byName.population.isNumeric).toBe(true);
    expect(byName.code_insee.isNumeric).toBe(false);
  });

  it('reads a chosen sheet by name or 1-based index', async () => {
    const byName = ok(await parseImport('two-sheets.xlsx', fixture('two-sheets.xlsx'), { sheet: 'Lisez-moi' }));
    expect(byName.report.sheet).toBe('Lisez-moi');
    expect(byName.table.columns).toEqual(['Données de test pour l’import']);
    const byIndex = ok(await parseImport('two-sheets.xlsx', fixture('two-sheets.xlsx'), { sheet: 2 }));
    expect(byIndex.report.sheet).toBe('Données');
  });

  it('unknown sheet → the available ones', async () => {
    expect(await parseImport('two-sheets.xlsx', fixture('two-sheets.xlsx'), { sheet: 'Feuil3' })).toEqual({
      ok: false,
      error: { key: 'import.xlsx.sheetNotFound', params: { sheet: 'Feuil3', available: '« Lisez-moi », « Données »' } },
      warnings: [],
    });
  });

  it('formula cells: cached values, never evaluated; formula-like text stays text', async () => {
    const r = ok(await parseImport('formulas.xlsx', fixture('formulas.xlsx')));
    expect(r.table.rows).toEqual([
      ['44109', '=1+1 (texte)', 20, 40],
      ['44184', '@SUM(A1)', 25, 45],
      // "=1+1" cached as 2; NOW() has no cached value: empty, not computed.
      ['44162', '+33 2 40 00 00 00', 2, null],
    ]);
    expect(r.report.warnings).toEqual([
      {
        key: 'import.table.formulaLikeCells',
        params: { count: 3, row: 2, column: 'commentaire', sample: '=1+1 (texte)' },
      },
    ]);
  });

  it('not a workbook, legacy formats', async () => {
    expect(await parseImport('faux.xlsx', utf8('code;valeur\n44109;1\n'))).toEqual({
      ok: false,
      error: { key: 'import.xlsx.invalid', params: { name: 'faux.xlsx', reason: 'FILE_NOT_SUPPORTED' } },
      warnings: [],
    });
    expect(await parseImport('vieux.xls', fixture('two-sheets.xlsx'))).toEqual({
      ok: false,
      error: { key: 'import.file.xlsUnsupported', params: { name: 'vieux.xls' } },
      warnings: [],
    });
    expect(await parseImport('calc.ods', fixture('two-sheets.xlsx'))).toEqual({
      ok: false,
      error: { key: 'import.file.odsUnsupported', params: { name: 'calc.ods' } },
      warnings: [],
    });
    expect(await parseImport('image.png', fixture('binary-png.csv'))).toEqual({
      ok: false,
      error: { key: 'import.file.unsupportedType', params: { name: 'image.png', ext: 'png' } },
      warnings: [],
    });
  });

  it('title rows, blank spacing column and blank rows: dropped, file row numbers kept', async () => {
    const { default: writeExcelFile } = await import('write-excel-file/node');
    const sheet = [
      [null, null, null],
      ['Titre', null, null],
      [null, null, null],
      [null, 'code', 'v'],
      [null, '44109', 3],
      [null, null, null],
      [null, '44184', 4],
    ];
    const bytes = new Uint8Array(await writeExcelFile(sheet as never).toBuffer());
    const r = ok(await parseImport('t.xlsx', bytes));
    expect(r.table).toEqual({
      columns: ['code', 'v'],
      rows: [
        ['44109', 3],
        ['44184', 4],
      ],
      rowNumbers: [5, 7],
    });
    expect(r.report).toMatchObject({ headerRow: 4, emptyRows: 1 });
    expect(r.report.warnings).toEqual([{ key: 'import.table.titleRowsSkipped', params: { count: 1, row: 4 } }]);
  });

  it('a workbook without extension is recognised by its content', async () => {
    const r = ok(await parseImport('export', fixture('two-sheets.xlsx')));
    expect(r.report.format).toBe('xlsx');
  });

  it('truncated workbook → invalid, no exception', async () => {
    const bytes = fixture('two-sheets.xlsx').slice(0, 600);
    const r = await parseImport('coupe.xlsx', bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe('import.xlsx.invalid');
  });
});
