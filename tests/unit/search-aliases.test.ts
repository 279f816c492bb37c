import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CommunesFile, unpackCommunes } from '../../src/data/communes.ts';
import type { TerritoriesFile } from '../../src/data/types.ts';
import { buildSearchIndex, search } from '../../src/domain/search.ts';
import { placeAliases } from '../../src/domain/search-aliases.ts';

const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../public/generated/${file}`, import.meta.url), 'utf8')) as T;
const communes = unpackCommunes(readJson<CommunesFile>('communes.json'));
const territories = readJson<TerritoriesFile>('territories.json');
const aliases = placeAliases(communes, territories.epci, territories.ti);
const index = buildSearchIndex({ communes, epci: territories.epci, ti: territories.ti, aliases });

describe('search by the town a territory is centred on', () => {
  it('finds the CARENE and the TI of Saint-Nazaire from the town name', () => {
    expect(aliases.get('244400644')).toEqual(['Saint-Nazaire']);
    const results = search(index, 'Saint-Nazaire', 10);
    expect(results[0]).toMatchObject({ kind: 'commune', name: 'Saint-Nazaire' });
    const codes = results.map((r) => r.code);
    expect(codes).toContain('244400644');
    expect(results.some((r) => r.kind === 'ti' && r.name.includes('Saint-Nazaire'))).toBe(true);
  });

  it('gives every EPCI with communes one centre, its most populous member', () => {
    for (const e of territories.epci) {
      const members = communes.filter((c) => c.epci === e.code);
      if (members.length === 0) continue;
      const top = members.reduce((a, b) => (b.population > a.population ? b : a));
      expect(aliases.get(e.code)).toEqual([top.name]);
    }
  });

  it('lists the EPCI centred on a town among the first results', () => {
    for (const town of ['Dunkerque', 'Chambéry', 'Saint-Brieuc']) {
      const results = search(index, town, 8);
      expect(results.slice(0, 6).some((r) => r.kind === 'epci')).toBe(true);
    }
  });
});
