import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TerritoriesFile } from '../../src/data/types.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import { aggregateGroup, parseGroups, serializeGroups } from '../../src/domain/groups.ts';

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');
const indicators: IndicatorsFile = JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8'));
const territories: TerritoriesFile = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));

describe('custom groups', () => {
  it('aggregate like a TI: a group equal to a whole-EPCI TI has the TI raw fields', () => {
    const ti = territories.ti['2023'].find((t) => t.name === 'Saint-Nazaire Loire Estuaire')!;
    const agg = aggregateGroup(ti.epcis, indicators.epci);
    const tiIndex = indicators.ti['2023'].codes.indexOf(ti.key);
    for (const f of ['pop', 'fr_total', 'emp_2019', 'emp_2024', 'frr_communes'] as const)
      expect(agg[f]).toBeCloseTo(indicators.ti['2023'].values[f][tiIndex]!, 2);
    expect(agg.indus_pct_2022).toBeNull();
  });

  it('keeps no data as no data (a Mayotte member has no jobs)', () => {
    const mayotte = territories.epci.find((e) => e.inset === '976')!.code;
    expect(aggregateGroup(['244400644', mayotte], indicators.epci).emp_2024).toBeNull();
  });

  it('round-trips through the versioned storage format and drops what it cannot read', () => {
    const known = new Set(['244400644', '200072734']);
    const groups = [{ id: 'g1', name: 'Estuaire', epcis: ['244400644', '200072734'] }];
    expect(parseGroups(serializeGroups(groups), known).groups).toEqual(groups);
    expect(parseGroups('{not json', known)).toEqual({ groups: [], problems: ['unreadable'] });
    expect(parseGroups(JSON.stringify({ version: 99, groups }), known).problems).toEqual(['unknown-version']);
    const withUnknown = parseGroups(
      JSON.stringify({ version: 1, groups: [{ id: 'g', name: 'x', epcis: ['244400644', '999999999'] }] }),
      known,
    );
    expect(withUnknown.groups[0].epcis).toEqual(['244400644']);
    expect(withUnknown.problems).toEqual(['unknown-codes:x']);
  });
});
