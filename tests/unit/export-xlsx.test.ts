// XLSX export: a valid zip with a data sheet (numbers as numbers, text neutralised) and a
// « Sources » sheet (sources, export date, permalink).
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from '../../src/domain/export/table.ts';
import { buildXlsxSheets, xlsxBlob, xlsxCell } from '../../src/domain/export/xlsx.ts';

const table: ExportTable = {
  columns: [
    { key: 'code', label: 'SIREN', type: 'text', sources: ['cog'] },
    { key: 'name', label: 'Nom', type: 'text', sources: [] },
    {
      key: 'emploi_evol',
      label: 'Évolution (emplois, 2019–2024)',
      type: 'number',
      decimals: 0,
      sources: ['emploi_epci'],
    },
  ],
  rows: [
    ['244400644', 'CA de la Région Nazairienne', -1250],
    ['200000172', '=1+1', 3.5],
    ['200000438', '@cmd', null],
  ],
};

const meta = {
  sheetNames: { data: 'Données', sources: 'Sources' },
  sourceHeader: ['Colonne', 'Source', 'Producteur', 'Millésime', 'Licence', 'Adresse'] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ],
  sources: [
    {
      column: 'SIREN',
      title: 'COG',
      producer: 'INSEE',
      year: 'COG 2026',
      licence: 'Licence Ouverte 2.0',
      url: 'https://example.org/cog',
    },
  ],
  notes: [
    ['Date d’export', '2025-11-24 10:00:00'],
    ['Lien vers la vue', 'https://atlas.example/?ind=emploi_evol'],
    ['Lignes', '3'],
  ] as [string, string][],
};

describe('XLSX builder', () => {
  it('cells: numbers stay numbers (negative too), text is neutralised', () => {
    expect(xlsxCell(-3.5)).toEqual({ value: -3.5, type: Number });
    expect(xlsxCell('-3,5')).toEqual({ value: "'-3,5", type: String });
    expect(xlsxCell('=SUM(A1)')).toEqual({ value: "'=SUM(A1)", type: String });
    expect(xlsxCell(null)).toBeNull();
  });

  it('writes a zip with two sheets that read back', async () => {
    const blob = await xlsxBlob(buildXlsxSheets(table, meta));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    const sheets = (await readXlsxFile(bytes.buffer as ArrayBuffer)) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['Données', 'Sources']);
    const data = sheets[0].data;
    expect(data[0]).toEqual(['SIREN', 'Nom', 'Évolution (emplois, 2019–2024)']);
    expect(data[1]).toEqual(['244400644', 'CA de la Région Nazairienne', -1250]);
    expect(data[2]).toEqual(['200000172', "'=1+1", 3.5]);
    expect(data[3].slice(0, 2)).toEqual(['200000438', "'@cmd"]);
    expect(data[3][2] ?? null).toBeNull();
    const src = sheets[1].data;
    expect(src[0]).toEqual(meta.sourceHeader);
    expect(src[1]).toEqual(['SIREN', 'COG', 'INSEE', 'COG 2026', 'Licence Ouverte 2.0', 'https://example.org/cog']);
    const flat = src.flat().map(String);
    expect(flat).toContain('https://atlas.example/?ind=emploi_evol');
    expect(flat).toContain('2025-11-24 10:00:00');
  });
});
