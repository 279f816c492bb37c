// Words around exported maps (title, subtitle, legend, sources, date) and the screen-reader summary.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sprintRule from '../../geo/sprint-innovation.json';
import type { Manifest, TerritoriesFile } from '../../src/data/types.ts';
import { buildChoropleth, filterTerritories } from '../../src/domain/choropleth.ts';
import { buildCaption, mapSummary } from '../../src/domain/export/caption.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import { INDICATOR_BY_ID, type IndicatorContext } from '../../src/domain/indicators.ts';
import type { SprintRule } from '../../src/domain/sprint.ts';
import { loadLanguage, translator } from '../../src/i18n/index.ts';

// The English dictionary is loaded on first use in the app.
beforeAll(() => loadLanguage('en'));

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');

describe.runIf(existsSync(join(GEN, 'manifest.json')))('caption and summary (real data)', () => {
  const read = <T>(f: string) => JSON.parse(readFileSync(join(GEN, f), 'utf8')) as T;
  const ctx: IndicatorContext = {
    level: 'epci',
    generation: '2023',
    period: [2019, 2024],
    indicators: read<IndicatorsFile>('indicators.json'),
    territories: read<TerritoriesFile>('territories.json'),
    sprint: sprintRule as SprintRule,
  };
  const manifest = read<Manifest>('manifest.json');
  const settings = { method: 'quantile' as const, classes: 5, breaks: [], scheme: 'auto' };

  it('French caption: title, subtitle with the filter count, legend with no-data entry, sources, date', () => {
    const ch = buildChoropleth(INDICATOR_BY_ID.get('emploi_evol_pct')!, ctx, settings, 'fr');
    const fr = filterTerritories([{ kind: 'range', indicator: 'population', min: 50000, max: null }], ctx);
    const c = buildCaption({
      choropleth: ch,
      ctx,
      lang: 'fr',
      sources: manifest.sources,
      showTi: true,
      filtered: { count: fr.count, total: 1255 },
      tiTint: '#cab2d6',
      date: new Date(2025, 10, 24),
      t: translator('fr') as never,
    });
    expect(c.title).toBe('Évolution de l’emploi salarié privé (%)');
    expect(c.subtitle).toBe(`EPCI · % · 2019–2024 · ${fr.count} EPCI sur 1\u202f255 correspondent aux filtres`);
    expect(c.legendTitle).toBe('Évolution emploi (%)');
    expect(c.legend).toHaveLength(6);
    expect(c.legend[5]).toMatchObject({ label: 'Données manquantes', hatch: true });
    expect(c.source).toMatch(/^Source\u00a0: Urssaf/);
    expect(c.source).toContain('Fond de carte\u00a0: IGN');
    expect(c.date).toBe("Carte exportée le 24 novembre 2025 — Atlas des Territoires d'industrie");
    const text = mapSummary({
      choropleth: ch,
      ctx,
      lang: 'fr',
      total: 1255,
      filtered: { count: fr.count },
      t: translator('fr') as never,
    });
    expect(text).toMatch(
      /^Carte des 1\u202f255 EPCI colorés selon « Évolution de l’emploi salarié privé \(%\) » \(2019–2024\) ; \d+ correspondent aux filtres/,
    );
    expect(text).toContain('classe la plus haute : ');
    expect(text.endsWith('.')).toBe(true);
  });

  it('reference map (no indicator) in English: app title and the TI tint in the legend', () => {
    const c = buildCaption({
      choropleth: null,
      ctx,
      lang: 'en',
      sources: manifest.sources,
      showTi: true,
      filtered: null,
      tiTint: '#cab2d6',
      date: new Date(2025, 0, 2),
      t: translator('en') as never,
    });
    expect(c.title).toBe('Atlas of Territoires d’industrie');
    expect(c.legend).toEqual([{ label: 'Member of an industry territory 2023–2027', color: '#cab2d6' }]);
    expect(c.source).toMatch(/^Source: INSEE/);
    expect(c.date).toContain('2 January 2025');
    const cat = buildChoropleth(INDICATOR_BY_ID.get('zibac')!, ctx, settings, 'en');
    expect(
      mapSummary({ choropleth: cat, ctx, lang: 'en', total: 1255, filtered: null, t: translator('en') as never }),
    ).toMatch(/most frequent category: No known zone \(1,2\d\d\)/);
  });
});
