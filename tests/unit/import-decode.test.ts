import { describe, expect, it } from 'vitest';
import {
  checkSize,
  decodeBytes,
  decodeWindows1252,
  MAX_IMPORT_BYTES,
  parseImport,
} from '../../src/domain/import/index.ts';
import { fixture, utf8 } from '../fixtures/import/helpers.ts';

const cat = (...parts: (Uint8Array | number[])[]) => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
};

describe('decodeBytes: encodings', () => {
  it('reads UTF-8 without BOM', () => {
    const r = decodeBytes(utf8('commune\nÉvian-les-Bains\n'));
    expect(r).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      bom: false,
      text: 'commune\nÉvian-les-Bains\n',
      warnings: [],
    });
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(fixture('utf8-bom-comma.csv'));
    expect(r.ok && r.bom && r.encoding).toBe('utf-8');
    expect(r.ok && r.text.startsWith('siren,')).toBe(true);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = decodeBytes(fixture('utf16le-bom.txt'));
    expect(le).toMatchObject({ ok: true, encoding: 'utf-16le', bom: true });
    expect(le.ok && le.text.split('\r\n')[1]).toBe('244400404\t1,5');
    const text = 'code\tnom\r\n44109\tNantes\r\n';
    const be = new Uint8Array(2 + text.length * 2);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      be[2 + 2 * i] = text.charCodeAt(i) >> 8;
      be[3 + 2 * i] = text.charCodeAt(i) & 0xff;
    }
    expect(decodeBytes(be)).toMatchObject({ ok: true, encoding: 'utf-16be', text });
  });

  it('recognises UTF-16 LE without BOM instead of calling it binary', () => {
    const r = decodeBytes(new Uint8Array(Buffer.from('siren;valeur\n244400404;1\n', 'utf16le')));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-16le', text: 'siren;valeur\n244400404;1\n' });
  });

  it('falls back to Windows-1252 for invalid UTF-8 (French Excel), with a warning', () => {
    const r = decodeBytes(fixture('windows-1252-accents.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('Châteaubriant');
    expect(r.text).toContain('Libellé;Département;Évolution emploi (%)');
    expect(r.warnings).toEqual([{ key: 'import.decode.windows1252', params: {} }]);
  });

  it('maps bytes 0x80–0x9F to Windows-1252 characters (€ ’ œ …), whatever the runtime ICU', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x92, 0x9c, 0x85, 0x41]))).toBe('€’œ…A');
    const r = decodeBytes(
      new Uint8Array([...Buffer.from('nom;prix\nc', 'latin1'), 0x9c, ...Buffer.from('ur;10 ', 'latin1'), 0x80, 0x0a]),
    );
    expect(r.ok && r.text).toBe('nom;prix\ncœur;10 €\n');
    expect(r.ok && r.warnings.map((w) => w.key)).toEqual(['import.decode.windows1252']);
  });

  it('flags a wrong code page (DOS CP850 "é" read as "‚") with the row', () => {
    const r = decodeBytes(fixture('wrong-encoding-cp850.csv'));
    expect(r.ok && r.warnings).toEqual([
      { key: 'import.decode.windows1252', params: {} },
      { key: 'import.decode.suspectEncoding', params: { row: 3, sample: 'Amb‚rieu-en-Bug', encoding: 'Windows-1252' } },
    ]);
  });

  it('flags UTF-8 converted twice (mojibake) with the row', () => {
    const r = decodeBytes(fixture('mojibake-double-utf8.csv'));
    expect(r.ok && r.warnings).toEqual([
      { key: 'import.decode.mojibake', params: { row: 3, sample: 'ChÃ¢teaubriant' } },
    ]);
  });
});

describe('decodeBytes: errors', () => {
  it('empty file, BOM only, blank lines only', () => {
    expect(decodeBytes(fixture('empty.csv'), 'empty.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'empty.csv' } },
    });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]), 'bom.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'bom.csv' } },
    });
    expect(decodeBytes(fixture('blank-lines.csv'), 'blank-lines.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.empty', params: { name: 'blank-lines.csv' } },
    });
  });

  it('PNG renamed .csv', () => {
    expect(decodeBytes(fixture('binary-png.csv'), 'binary-png.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.binary', params: { name: 'binary-png.csv', format: 'PNG' } },
    });
  });

  it('PDF, GZIP, plain ZIP, legacy XLS, NUL bytes', () => {
    const err = (bytes: Uint8Array) => {
      const r = decodeBytes(bytes, 'f.csv');
      return r.ok ? null : r.error;
    };
    expect(err(utf8('%PDF-1.7\n%âãÏÓ\n'))).toEqual({
      key: 'import.file.binary',
      params: { name: 'f.csv', format: 'PDF' },
    });
    expect(err(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).toEqual({
      key: 'import.file.binary',
      params: { name: 'f.csv', format: 'GZIP' },
    });
    expect(err(cat([0x50, 0x4b, 0x03, 0x04], utf8('....data.txt')))).toEqual({
      key: 'import.file.binary',
      params: { name: 'f.csv', format: 'ZIP' },
    });
    expect(err(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      key: 'import.file.xlsUnsupported',
      params: { name: 'f.csv' },
    });
    expect(err(cat(utf8('code;valeur\n44109;1'), [0, 0, 7, 0], utf8('\n')))).toEqual({
      key: 'import.file.binary',
      params: { name: 'f.csv', format: 'binary' },
    });
  });

  it('an XLSX workbook renamed .csv', () => {
    expect(decodeBytes(fixture('two-sheets.xlsx'), 'donnees.csv')).toEqual({
      ok: false,
      error: { key: 'import.file.xlsxNamedCsv', params: { name: 'donnees.csv' } },
    });
  });

  it('size limit: 50 MB, checked before reading and on the bytes', async () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(checkSize('gros.csv', MAX_IMPORT_BYTES)).toBeNull();
    expect(checkSize('gros.csv', 80 * 1024 * 1024)).toEqual({
      key: 'import.file.tooLarge',
      params: { name: 'gros.csv', sizeMb: 80, maxMb: 50 },
    });
    const r = await parseImport('gros.csv', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(r).toEqual({
      ok: false,
      error: { key: 'import.file.tooLarge', params: { name: 'gros.csv', sizeMb: 50, maxMb: 50 } },
      warnings: [],
    });
  });
});
