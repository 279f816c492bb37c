// Property-based fuzzing: whatever the bytes, the pipeline returns a value (never throws or rejects)
// and a successful table is well-formed.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  detectJoinKey,
  type ImportResult,
  type JoinReference,
  joinTable,
  KEY_KINDS,
  parseImport,
} from '../../src/domain/import/index.ts';
import { fixture, realReference } from '../fixtures/import/helpers.ts';

let ref: JoinReference;
beforeAll(() => {
  ref = realReference().ref;
});

function wellFormed(r: ImportResult): void {
  if (!r.ok) {
    expect(typeof r.error.key).toBe('string');
    expect(r.error.key.startsWith('import.')).toBe(true);
    return;
  }
  const { columns, rows, rowNumbers } = r.table;
  expect(columns.length).toBeGreaterThan(0);
  expect(new Set(columns).size).toBe(columns.length);
  expect(columns.every((c) => c.trim() !== '')).toBe(true);
  expect(rowNumbers).toHaveLength(rows.length);
  for (const row of rows) expect(row).toHaveLength(columns.length);
  for (let i = 1; i < rowNumbers.length; i++) expect(rowNumbers[i]).toBeGreaterThan(rowNumbers[i - 1]);
  expect(r.report.columns).toHaveLength(columns.length);
}

// Characters that exercise the CSV structure.
const csvChar = fc.constantFrom(
  ';',
  ',',
  '\t',
  '|',
  '"',
  '\n',
  '\r',
  '\r\n',
  ' ',
  'a',
  'é',
  '1',
  '0',
  ',5',
  '%',
  '-',
  '=',
  '\u00A0',
  '2A',
  'NA',
  '',
);
const csvText = fc.array(csvChar, { maxLength: 300 }).map((parts) => parts.join(''));

describe('fuzzing the whole parse pipeline', () => {
  it('random bytes as .csv', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        wellFormed(await parseImport('fuzz.csv', bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes as .xlsx, and random corruptions of a real workbook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1000 }), async (bytes) => {
        wellFormed(await parseImport('fuzz.xlsx', bytes));
      }),
      { numRuns: 150 },
    );
    const base = fixture('two-sheets.xlsx');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.nat(255)), { minLength: 1, maxLength: 20 }),
        async (edits) => {
          const bytes = base.slice();
          for (const [i, b] of edits) bytes[i] = b;
          wellFormed(await parseImport('fuzz.xlsx', bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random unicode strings (UTF-8 and UTF-16 with BOM)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (s) => {
        wellFormed(await parseImport('fuzz.csv', new TextEncoder().encode(s)));
        const u16 = new Uint8Array(2 + s.length * 2);
        u16[0] = 0xff;
        u16[1] = 0xfe;
        for (let i = 0; i < s.length; i++) {
          u16[2 + 2 * i] = s.charCodeAt(i) & 0xff;
          u16[3 + 2 * i] = s.charCodeAt(i) >> 8;
        }
        wellFormed(await parseImport('fuzz.txt', u16));
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV-shaped text, then key detection and join on any successful table', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.constantFrom(undefined, ';', ','), async (text, delimiter) => {
        const r = await parseImport('fuzz.csv', new TextEncoder().encode(text), { delimiter, chunkSize: 64 });
        wellFormed(r);
        if (!r.ok) return;
        const d = detectJoinKey(r.table, ref);
        expect(d.candidates.every((c) => c.matchRate > 0 && c.matchRate <= 1)).toBe(true);
        for (const kind of KEY_KINDS) {
          const j = joinTable(r.table, 0, kind, ref, { maxSuggestionQueries: 5 });
          expect(j.matched.length + j.unmatched.length).toBe(r.table.rows.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
