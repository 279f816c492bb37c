import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  findLongLine,
  type ImportResult,
  MAX_COLUMNS,
  parseCsvText,
  parseImport,
  toNumberOrNull,
} from '../../src/domain/import/index.ts';
import { fmtMsg } from '../../src/ui/import/format.ts';
import { fixture, utf8 } from '../fixtures/import/helpers.ts';

const parse = (name: string) => parseImport(name, fixture(name));
function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r;
}

describe('good CSV fixtures', () => {
  it('UTF-8, ";" and decimal comma', async () => {
    const r = ok(await parse('good-utf8-semicolon.csv'));
    expect(r.report).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      headerRow: 1,
      skippedRows: [],
      warnings: [],
    });
    expect(r.table.columns).toEqual(['code_insee', 'commune', 'population', 'emplois_industrie', 'part_industrie']);
    expect(r.table.rows.map((row) => row[0])).toEqual(['01053', '01283', '01004', '44109', '44184', '2A004']);
    expect(r.table.rowNumbers).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.table.rows.map((row) => toNumberOrNull(row[2]))).toEqual([42372, 22480, 15934, 327734, 74568, 76320]);
    expect(r.table.rows.map((row) => toNumberOrNull(row[3]))).toEqual([4210, 6035, 2150, null, null, 1234.5]);
    expect(r.table.rows.map((row) => toNumberOrNull(row[4]))).toEqual([18.4, 41.7, 22.1, 9.8, 35.2, 4.1]);
    const byName = Object.fromEntries(r.report.columns.map((c) => [c.name, c]));
    expect(byName.code_insee).toMatchObject({ isNumeric: false, identifierLike: true });
    expect(byName.emplois_industrie).toMatchObject({ isNumeric: true, numeric: 4, missing: 2, numericShare: 1 });
  });

  it('UTF-8 BOM, "," with quoted decimal commas', async () => {
    const r = ok(await parse('utf8-bom-comma.csv'));
    expect(r.report).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(r.table.columns[0]).toBe('siren');
    expect(r.table.rows[1]).toEqual([
      '244400644',
      "CA de la Région Nazairienne et de l'Estuaire (CARENE)",
      '58210',
      '31,5',
    ]);
    expect(r.table.rows.map((row) => toNumberOrNull(row[2]))).toEqual([412530, 58210, 61204, 25870]);
  });

  it('Windows-1252 with accents, percent values', async () => {
    const r = ok(await parse('windows-1252-accents.csv'));
    expect(r.report.encoding).toBe('windows-1252');
    expect(r.report.warnings).toEqual([{ key: 'import.decode.windows1252', params: {} }]);
    expect(r.table.columns).toEqual(['Code commune', 'Libellé', 'Département', 'Évolution emploi (%)']);
    expect(r.table.rows.map((row) => row[1])).toEqual(['Châteaubriant', 'Saint-Étienne', 'Évian-les-Bains', 'Rezé']);
    expect(r.report.columns[3]).toMatchObject({ isNumeric: true, percent: true });
    expect(r.table.rows.map((row) => toNumberOrNull(row[3]))).toEqual([-2.5, -1.2, 3, 0.8]);
  });

  it('tab-separated', async () => {
    const r = ok(await parse('tab-separated.tsv'));
    expect(r.report.delimiter).toBe('\t');
    expect(r.table.rows[2]).toEqual(['ti-8424', "Vallée du Gier, de l'Ondaine et de Loire Sud", '9', '3 100']);
  });

  it('UTF-16 LE text export (Excel "Unicode text")', async () => {
    const r = ok(await parse('utf16le-bom.txt'));
    expect(r.report).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(r.table.rows).toEqual([
      ['244400404', '1,5'],
      ['244400644', '2,5'],
    ]);
  });

  it('title rows before the header are skipped and reported', async () => {
    const r = ok(await parse('title-rows.csv'));
    expect(r.report.headerRow).toBe(4);
    expect(r.report.warnings).toEqual([{ key: 'import.table.titleRowsSkipped', params: { count: 2, row: 4 } }]);
    expect(r.table.columns).toEqual(['CODGEO', 'LIBGEO', 'EMP_IND']);
    expect(r.table.rowNumbers).toEqual([5, 6]);
  });

  it('explicit header row', async () => {
    const r = ok(await parseImport('t.csv', utf8('a;b\nc;d\n1;2\n'), { headerRow: 2 }));
    expect(r.table).toEqual({ columns: ['c', 'd'], rows: [['1', '2']], rowNumbers: [3] });
  });
});

describe('malformed CSV fixtures: precise messages', () => {
  it('mixed delimiters: rows listed, others kept', async () => {
    const r = ok(await parse('mixed-delimiters.csv'));
    expect(r.report.warnings).toEqual([
      { key: 'import.csv.mixedDelimiter', params: { row: 4, delimiter: ';', found: ',' } },
      { key: 'import.csv.mixedDelimiter', params: { row: 6, delimiter: ';', found: ',' } },
    ]);
    expect(r.report.skippedRows).toEqual([4, 6]);
    expect(r.table.rowNumbers).toEqual([2, 3, 5, 7, 8]);
  });

  it('ragged row (unquoted decimal comma in a "," file)', async () => {
    const r = ok(await parse('ragged-rows.csv'));
    expect(r.report.warnings).toEqual([
      { key: 'import.csv.raggedRow', params: { row: 3, found: 4, expected: 3, delimiter: ',' } },
    ]);
    expect(fmtMsg(r.report.warnings[0], 'fr')).toBe(
      'Ligne 3 : 4 colonnes au lieu de 3 (séparateur « , » détecté). Ligne ignorée.',
    );
    expect(r.table.rowNumbers).toEqual([2, 4, 5]);
  });

  it('mostly ragged → rejected, first rows listed', async () => {
    const r = await parseImport('x.csv', utf8('a;b;c\n1;2;3\n1;2\n1;2\n1;2;3;4\n'));
    expect(r).toEqual({
      ok: false,
      error: { key: 'import.csv.tooManyBadRows', params: { bad: 3, total: 4, expected: 3, delimiter: ';', row: 3 } },
      warnings: [
        { key: 'import.csv.raggedRow', params: { row: 3, found: 2, expected: 3, delimiter: ';' } },
        { key: 'import.csv.raggedRow', params: { row: 4, found: 2, expected: 3, delimiter: ';' } },
        { key: 'import.csv.raggedRow', params: { row: 5, found: 4, expected: 3, delimiter: ';' } },
      ],
    });
  });

  it('more than 10 bad rows: 10 listed then a count', async () => {
    const lines = ['a;b;c', ...Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `${i};x;y;z` : `${i};x;y`))];
    const r = ok(await parseImport('x.csv', utf8(lines.join('\n'))));
    const keys = r.report.warnings.map((w) => w.key);
    expect(keys.filter((k) => k === 'import.csv.raggedRow')).toHaveLength(10);
    expect(r.report.warnings.at(-1)).toEqual({ key: 'import.csv.moreRowsSkipped', params: { count: 5 } });
    expect(r.report.skippedRows).toHaveLength(15);
  });

  it('trailing separators are not ragged', async () => {
    const r = ok(await parseImport('x.csv', utf8('a;b;c;\n1;2;3\n4;5;6;;\n')));
    expect(r.report.warnings).toEqual([]);
    expect(r.table).toEqual({
      columns: ['a', 'b', 'c'],
      rows: [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      rowNumbers: [2, 3],
    });
  });

  it('empty file / blank lines', async () => {
    expect(await parse('empty.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'empty.csv' } },
      warnings: [],
    });
    expect(await parse('blank-lines.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'blank-lines.csv' } },
      warnings: [],
    });
  });

  it('only separators, no value', async () => {
    expect(await parseImport('vide.csv', utf8(';;;\n;;\n'))).toMatchObject({
      ok: false,
      error: { key: 'import.table.noRows', params: { name: 'vide.csv' } },
    });
  });

  it('header only', async () => {
    expect(await parse('header-only.csv')).toEqual({
      ok: false,
      error: { key: 'import.table.noDataRows', params: { row: 1 } },
      warnings: [],
    });
  });

  it('no header row', async () => {
    expect(await parse('no-header.csv')).toEqual({
      ok: false,
      error: { key: 'import.table.missingHeader', params: { row: 1, sample: '01053' } },
      warnings: [],
    });
  });

  it('duplicate and empty header names are renamed and reported', async () => {
    const r = ok(await parse('duplicate-headers.csv'));
    expect(r.table.columns).toEqual(['code_insee', 'valeur', '[C]', 'valeur (2)']);
    expect(r.report.warnings).toEqual([
      { key: 'import.table.emptyHeader', params: { column: 'C', renamed: '[C]' } },
      { key: 'import.table.duplicateHeader', params: { name: 'valeur', columns: 'B, D', renamed: 'valeur (2)' } },
    ]);
  });

  it('formula-looking cells stay text and are reported', async () => {
    const r = ok(await parse('formula-cells.csv'));
    expect(r.report.warnings).toEqual([
      { key: 'import.table.formulaLikeCells', params: { count: 4, row: 2, column: 'commentaire', sample: '=1+1' } },
    ]);
    expect(r.table.rows[0]).toEqual(['44109', '=1+1', '+33 2 40 41 90 00', '-12,5']);
    expect(r.table.rows[1][1]).toBe('@SUM(A1:A3)');
    expect(r.table.rows[2][1]).toBe('=HYPERLINK("http://example.invalid";"clic")');
    expect(r.table.rows.map((row) => toNumberOrNull(row[3]))).toEqual([-12.5, 3, 4, null]);
  });

  it('binary data renamed .csv', async () => {
    expect(await parse('binary-png.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.binary', params: { name: 'binary-png.csv', format: 'PNG' } },
      warnings: [],
    });
  });

  it('unclosed quote', async () => {
    expect(await parse('unclosed-quote.csv')).toEqual({
      ok: false,
      error: { key: 'import.csv.unclosedQuote', params: { row: 3 } },
      warnings: [],
    });
  });

  it('wrong encoding and double UTF-8 are parsed with a warning', async () => {
    const a = ok(await parse('wrong-encoding-cp850.csv'));
    expect(a.report.warnings[1]).toEqual({
      key: 'import.decode.suspectEncoding',
      params: { row: 3, sample: 'Amb‚rieu-en-Bug', encoding: 'Windows-1252' },
    });
    const b = ok(await parse('mojibake-double-utf8.csv'));
    expect(b.report.warnings).toEqual([
      { key: 'import.decode.mojibake', params: { row: 3, sample: 'ChÃ¢teaubriant' } },
    ]);
  });

  it('very long line (generated, > 1 MB)', async () => {
    const text = `code_insee;commentaire\n44109;court\n44184;${'x'.repeat(1024 * 1024 + 10)}\n44162;court\n`;
    expect(findLongLine(text)).toEqual({ row: 3, length: 6 + 1024 * 1024 + 10 });
    expect(await parseImport('long.csv', utf8(text))).toEqual({
      ok: false,
      error: { key: 'import.csv.lineTooLong', params: { row: 3, maxMb: 1 } },
      warnings: [],
    });
    // Old Mac line endings (CR only) are lines too.
    expect(findLongLine(`a\r${'y'.repeat(1024 * 1024 + 1)}\rb`)).toEqual({ row: 2, length: 1024 * 1024 + 1 });
  });

  it('too many columns', async () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(';');
    const row = Array.from({ length: MAX_COLUMNS + 1 }, () => '1').join(';');
    expect(await parseImport('wide.csv', utf8(`${header}\n${row}\n`))).toEqual({
      ok: false,
      error: { key: 'import.table.tooManyColumns', params: { count: MAX_COLUMNS + 1, max: MAX_COLUMNS } },
      warnings: [],
    });
  });

  it('no delimiter: one column with a warning', async () => {
    const r = ok(await parseImport('codes.csv', utf8('code_insee\n44109\n44184\n')));
    expect(r.report.warnings).toEqual([{ key: 'import.csv.singleColumn', params: {} }]);
    expect(r.table.rows).toEqual([['44109'], ['44184']]);
  });
});

describe('CSV details', () => {
  it('detects the delimiter by consistency, not by frequency', () => {
    // Many commas (decimal) but ";" is the consistent one.
    expect(detectDelimiter('code;a;b\n01001;1,5;2,25\n01002;3,5;4\n01004;5;6,75\n').delimiter).toBe(';');
    expect(detectDelimiter('code,a\n01001,"1,5"\n01002,"3,5"\n').delimiter).toBe(',');
    expect(detectDelimiter('code|a|b\n1|2|3\n').delimiter).toBe('|');
    expect(detectDelimiter('code\ta\n1\t2,5\n').delimiter).toBe('\t');
    expect(detectDelimiter('juste un texte\nsans séparateur\n').delimiter).toBeNull();
    // A title line does not fool it.
    expect(detectDelimiter('Source : Insee, 2024\ncode;valeur\n44109;1\n44184;2\n').delimiter).toBe(';');
  });

  it('a forced delimiter wins', async () => {
    const r = ok(await parseImport('x.csv', utf8('a;b,c\n1;2,3\n'), { delimiter: ',' }));
    expect(r.table.columns).toEqual(['a;b', 'c']);
  });

  it('quoted fields with line breaks count as one row; row numbers follow records', async () => {
    const r = ok(await parseImport('x.csv', utf8('code;note\n44109;"ligne 1\nligne 2"\n44184;ok\n')));
    expect(r.table.rows).toEqual([
      ['44109', 'ligne 1\nligne 2'],
      ['44184', 'ok'],
    ]);
    expect(r.table.rowNumbers).toEqual([2, 3]);
  });

  it('CR-only and CRLF line endings', async () => {
    expect(ok(await parseImport('mac.csv', utf8('a;b\r1;2\r3;4\r'))).table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(ok(await parseImport('win.csv', utf8('a;b\r\n1;2\r\n3;4\r\n'))).table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('empty rows are dropped but keep the numbering', async () => {
    const r = ok(await parseImport('x.csv', utf8('a;b\n1;2\n\n;\n3;4\n')));
    expect(r.table.rowNumbers).toEqual([2, 5]);
    expect(r.report.emptyRows).toBe(2);
  });

  it('partly numeric column warning', async () => {
    const lines = ['code;v', ...Array.from({ length: 9 }, (_, i) => `4410${i};${i},5`), '44109;erreur'];
    const r = ok(await parseImport('x.csv', utf8(lines.join('\n'))));
    expect(r.report.warnings).toEqual([
      { key: 'import.table.partlyNumeric', params: { column: 'v', percent: 90, invalid: 1, sample: 'erreur' } },
    ]);
  });

  it('progress: chunked parsing reports increasing ratios ending at 1', () => {
    const lines = ['code;v', ...Array.from({ length: 5000 }, (_, i) => `${10000 + i};${i},5`)];
    const ratios: number[] = [];
    const r = parseCsvText(lines.join('\n'), { chunkSize: 4096, onProgress: (x) => ratios.push(x) });
    expect(r.ok).toBe(true);
    expect(ratios.length).toBeGreaterThan(10);
    expect(ratios.at(-1)).toBe(1);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeGreaterThanOrEqual(ratios[i - 1]);
  });

  it('unclosed quote is located across chunks', () => {
    const lines = ['code;v', ...Array.from({ length: 2000 }, (_, i) => `${10000 + i};${i}`), '44109;"oops', '44184;1'];
    const r = parseCsvText(lines.join('\n'), { chunkSize: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ key: 'import.csv.unclosedQuote', params: { row: 2002 } });
  });
});
