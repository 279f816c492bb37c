import { describe, expect, it } from 'vitest';
import { guessYear } from '../../src/domain/import/year.ts';

const now = new Date('2026-06-01');

describe('year of an imported column', () => {
  it('takes the year of a data column without asking', () => {
    expect(guessYear('Population 2021', now)).toEqual({ year: '2021', ask: null });
    expect(guessYear('emplois_2019', now)).toEqual({ year: '2019', ask: null });
    expect(guessYear('Surface (ha)', now)).toEqual({ year: '', ask: null });
  });

  it('asks before taking a target, a horizon or a year to come', () => {
    expect(guessYear('Objectif 2030', now)).toEqual({ year: '', ask: '2030' });
    expect(guessYear('Cible emplois 2025', now)).toEqual({ year: '', ask: '2025' });
    expect(guessYear('Prévision 2024', now)).toEqual({ year: '', ask: '2024' });
    expect(guessYear('Emplois 2031', now)).toEqual({ year: '', ask: '2031' });
    expect(guessYear('Trajectoire ZAN d’ici 2050', now)).toEqual({ year: '', ask: '2050' });
  });
});
