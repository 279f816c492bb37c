// The workspace file of the user's tables: (de)serialisation, versions and merging.
import { describe, expect, it } from 'vitest';
import { ID_RE } from '../../src/domain/url-format.ts';
import { columnIds, newTableId, slugId } from '../../src/domain/user-data/ids.ts';
import { userIndicatorsFrom } from '../../src/domain/user-data/indicators.ts';
import { WORKSPACE_KIND, WORKSPACE_VERSION } from '../../src/domain/user-data/types.ts';
import { mergeTables, parseWorkspace, serializeWorkspace } from '../../src/domain/user-data/workspace.ts';
import { sampleTable as sample } from '../fixtures/import/helpers.ts';

describe('workspace (de)serialisation', () => {
  it('round-trips tables exactly', () => {
    const tables = [sample()];
    const text = serializeWorkspace(tables, new Date('2026-03-04T00:00:00Z'));
    const back = parseWorkspace(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.tables).toEqual(tables);
    expect(back.savedAt).toBe('2026-03-04T00:00:00.000Z');
    expect(back.dropped).toBe(0);
    expect(JSON.parse(text)).toMatchObject({ kind: WORKSPACE_KIND, version: WORKSPACE_VERSION });
  });

  it('refuses newer, missing or bad versions, foreign JSON and broken text', () => {
    const base = JSON.parse(serializeWorkspace([sample()]));
    expect(parseWorkspace(JSON.stringify({ ...base, version: WORKSPACE_VERSION + 1 }))).toEqual({
      ok: false,
      error: 'newer-version',
      version: WORKSPACE_VERSION + 1,
    });
    expect(parseWorkspace(JSON.stringify({ ...base, version: 0 }))).toMatchObject({
      ok: false,
      error: 'unsupported-version',
    });
    expect(parseWorkspace(JSON.stringify({ ...base, version: undefined }))).toMatchObject({
      ok: false,
      error: 'unsupported-version',
    });
    expect(parseWorkspace(JSON.stringify({ ...base, version: '1' }))).toMatchObject({
      ok: false,
      error: 'unsupported-version',
    });
    expect(parseWorkspace('{"tables": []}')).toEqual({ ok: false, error: 'not-workspace' });
    expect(parseWorkspace('[1,2]')).toEqual({ ok: false, error: 'not-workspace' });
    expect(parseWorkspace('{oops')).toEqual({ ok: false, error: 'invalid-json' });
  });

  it('drops malformed tables and values instead of failing, never turns a bad value into 0', () => {
    const base = JSON.parse(serializeWorkspace([sample()]));
    const bad = structuredClone(base.tables[0]);
    bad.id = 'has.dot'; // would break the u.<table>.<column> id
    const weird = structuredClone(base.tables[0]);
    weird.id = 'tother';
    weird.columns[0].epci = { '244400644': 'x', '200071751': null, '<img>': 3, '244400404': 12 };
    weird.columns[0].direction = 'sideways';
    const r = parseWorkspace(JSON.stringify({ ...base, tables: [base.tables[0], bad, weird, base.tables[0], 'nope'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tables.map((t) => t.id)).toEqual(['tabc12', 'tother']);
    expect(r.dropped).toBe(3);
    expect(r.tables[1].columns[0].epci).toEqual({ '244400404': 12 });
    expect(r.tables[1].columns[0].direction).toBe('neutral');
  });

  it('merges an imported workspace: same id replaces, others are added', () => {
    const a = sample();
    const b = { ...sample(), id: 'tzzz99', name: 'Autre' };
    const a2 = { ...sample(), name: 'Renommé' };
    const m = mergeTables([a], [a2, b]);
    expect(m.added).toBe(1);
    expect(m.replaced).toBe(1);
    expect(m.tables.map((t) => [t.id, t.name])).toEqual([
      ['tabc12', 'Renommé'],
      ['tzzz99', 'Autre'],
    ]);
  });

  it('ids follow the URL codec rule', () => {
    expect(slugId('Évolution emploi (%) 2019–2024')).toBe('evolution_emploi_2019_2024');
    expect(columnIds(['part', 'Part', '', '%'])).toEqual(['part', 'part_2', 'col3', 'col4']);
    let i = 0;
    const seq = [0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5];
    const id = newTableId(['t00000'], () => seq[i++ % seq.length]);
    expect(id).toBe('tiiiii');
    for (const ind of userIndicatorsFrom([sample()])) expect(ID_RE.test(ind.id)).toBe(true);
  });
});
