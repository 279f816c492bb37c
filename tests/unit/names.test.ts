// Name normalisation, what search compares: accents, punctuation, « St » / « Ste », other scripts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CommunesFile, unpackCommunes } from '../../src/data/communes.ts';
import type { TerritoriesFile } from '../../src/data/types.ts';
import { normalize } from '../../src/domain/names.ts';

const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(new URL(`../../public/generated/${file}`, import.meta.url), 'utf8')) as T;

const communes = unpackCommunes(readJson<CommunesFile>('communes.json'));
const territories = readJson<TerritoriesFile>('territories.json');

describe('normalize', () => {
  it('lower-cases, strips accents and collapses punctuation', () => {
    expect(normalize('Saint-Nazaire')).toBe('saint nazaire');
    expect(normalize("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normalize('Châteauroux – Buzançais – Argenton')).toBe('chateauroux buzancais argenton');
    expect(normalize('Pays de Dreux – Portes Euréliennes d’Île-de-France')).toBe(
      'pays de dreux portes eureliennes d ile de france',
    );
    expect(normalize('  Évry..Courcouronnes   ')).toBe('evry courcouronnes');
    expect(normalize('Œuilly')).toBe('oeuilly');
    expect(normalize('Cergy - Ouest 95')).toBe('cergy ouest 95');
    expect(normalize('')).toBe('');
  });

  it('expands st/ste as whole words only', () => {
    expect(normalize('St-Nazaire')).toBe('saint nazaire');
    expect(normalize('st nazaire')).toBe('saint nazaire');
    expect(normalize('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
    expect(normalize('CC du Pays de Pontchâteau St-Gildas-des-Bois')).toBe(
      'cc du pays de pontchateau saint gildas des bois',
    );
    expect(normalize('Stains')).toBe('stains');
    expect(normalize('Nord Est 77')).toBe('nord est 77');
    expect(normalize('Ouest')).toBe('ouest');
  });

  it('handles scripts and letters outside French names', () => {
    expect(normalize('Łódź')).toBe('lodz');
    expect(normalize('Ærøskøbing')).toBe('aeroskobing');
    expect(normalize('Ελλάδα')).toBe('ελλαδα');
    expect(normalize('Saint‑Denis 🙂')).toBe('saint denis');
  });

  it('is idempotent on every real name', () => {
    const names = [
      ...communes.map((c) => c.name),
      ...territories.epci.map((e) => e.name),
      ...territories.ti['2023'].map((t) => t.name),
      ...territories.ti['2018'].map((t) => t.name),
    ];
    const bad = names.filter((name) => {
      const n = normalize(name);
      return !/^[a-z0-9]+( [a-z0-9]+)*$/.test(n) || normalize(n) !== n;
    });
    expect(bad).toEqual([]);
  });
});
