// Indicator registry on the real generated data: aggregation rules, Sprint rule, ZIBaC mapping.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../src/domain/text.ts';
import { loadLanguage, translator } from '../../src/i18n/index.ts';

await loadLanguage('en');
const fr = translator('fr');
const en = translator('en');

import sprintRule from '../../geo/sprint-innovation.json';
import type { TerritoriesFile } from '../../src/data/types.ts';
import { buildChoropleth, categoryColumn, filterTerritories } from '../../src/domain/choropleth.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import {
  type CategoricalIndicator,
  INDICATOR_BY_ID,
  INDICATORS,
  type IndicatorContext,
  type NumericIndicator,
  numericValues,
  valueFor,
} from '../../src/domain/indicators.ts';
import { perimeterChange } from '../../src/domain/profile.ts';
import { epciSprintState, type SprintRule, sprintState } from '../../src/domain/sprint.ts';

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');
let ctx: IndicatorContext;
const num = (id: string) => INDICATOR_BY_ID.get(id) as NumericIndicator;
const at = (c: IndicatorContext, level: 'epci' | 'ti', generation: '2023' | '2018' = '2023') => ({
  ...c,
  level,
  generation,
});

beforeAll(() => {
  const territories: TerritoriesFile = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));
  const indicators: IndicatorsFile = JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8'));
  ctx = {
    level: 'epci',
    generation: '2023',
    period: [2019, 2024],
    indicators,
    territories,
    sprint: sprintRule as SprintRule,
  };
});

describe('registry', () => {
  it('declares every indicator once with labels, source, year, aggregation', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of INDICATORS) {
      for (const text of [i.label, i.definition, i.short, i.caveat, i.notRanked, i.type === 'numeric' && i.unit])
        if (text)
          for (const t of [fr, en]) {
            expect(textOf(t, text), JSON.stringify(text)).not.toMatch(/^ind\.|\{\{/);
            expect(textOf(t, text).length).toBeGreaterThan(0);
          }
      if (i.type === 'categorical')
        for (const c of i.categories) expect(textOf(en, c.label)).not.toBe(textOf(fr, c.label));
      expect(textOf(en, i.label)).not.toBe(textOf(fr, i.label));
      expect(i.sources.length).toBeGreaterThan(0);
      expect(i.year({ period: [2019, 2024] })).toMatch(/\d{4}/);
      expect(i.aggregation.rule).toBeTruthy();
    }
  });
});

describe('TI aggregation rules', () => {
  it("a TI's job change is the change of its summed members, not the mean of member changes", () => {
    const ti = ctx.territories.ti['2023'].find((t) => t.name === 'Saint-Nazaire Loire Estuaire')!;
    expect(ti.partialEpcis).toEqual([]);
    const epciCtx = at(ctx, 'epci');
    const sum = (y: number) =>
      ti.epcis.reduce(
        (s, c) => s + ctx.indicators.epci.values[`emp_${y}` as 'emp_2019'][ctx.indicators.epci.codes.indexOf(c)]!,
        0,
      );
    const expected = ((sum(2024) - sum(2019)) / sum(2019)) * 100;
    const got = valueFor(num('emploi_evol_pct'), at(ctx, 'ti'), ti.key)!;
    expect(got).toBeCloseTo(expected, 6);
    const meanOfChanges =
      ti.epcis.map((c) => valueFor(num('emploi_evol_pct'), epciCtx, c)!).reduce((a, b) => a + b, 0) / ti.epcis.length;
    expect(Math.abs(got - meanOfChanges)).toBeGreaterThan(0.01);
  });

  it('sums counts over whole members and uses commune data for partial members', () => {
    const ti = ctx.territories.ti['2023'].find((t) => t.name === 'Creuse Industrie')!;
    const whole = ti.epcis.filter((c) => !ti.partialEpcis.includes(c));
    const wholeFriches = whole.reduce((s, c) => s + valueFor(num('friches'), at(ctx, 'epci'), c)!, 0);
    const tiFriches = valueFor(num('friches'), at(ctx, 'ti'), ti.key)!;
    expect(tiFriches).toBeGreaterThanOrEqual(wholeFriches);
    // Population of a TI with commune members is the sum of whole EPCI + those communes.
    expect(valueFor(num('population'), at(ctx, 'ti'), ti.key)).toBe(ti.population);
  });

  it('shows "not aggregable" indicators as no data at TI level, never as 0', () => {
    for (const id of ['part_industrie', 'vacance', 'prix_maisons']) {
      expect(num(id).levels).not.toContain('ti');
      expect(numericValues(num(id), at(ctx, 'ti')).every((v) => v === null)).toBe(true);
    }
  });

  it('keeps missing values missing: Mayotte has no URSSAF jobs', () => {
    const mayotte = ctx.territories.epci.filter((e) => e.inset === '976').map((e) => e.code);
    for (const c of mayotte) expect(valueFor(num('emploi'), at(ctx, 'epci'), c)).toBeNull();
    const classes = buildChoropleth(
      num('emploi'),
      at(ctx, 'epci'),
      { method: 'quantile', classes: 5, breaks: [], scheme: 'auto' },
      'fr',
    );
    expect(classes.noData).toBe(5);
    expect(classes.legend.reduce((s, l) => s + l.count, 0) + classes.noData).toBe(1255);
  });
});

describe('Sprint Innovation rule', () => {
  const rule: SprintRule = {
    citation: 'test',
    statedCount: 2,
    threshold: 0.05,
    thresholdText: { fr: '', en: '' },
    interpretation: { fr: '', en: '' },
    excluded: [
      { dep: '44', as: 'x' },
      { dep: '69', as: 'y' },
    ],
  };
  it('gives three states from population shares, with the stated threshold', () => {
    expect(sprintState({ '23': 0.6, '19': 0.4 }, rule)).toBe('eligible');
    expect(sprintState({ '44': 1 }, rule)).toBe('not-eligible');
    expect(sprintState({ '44': 0.5, '69': 0.5 }, rule)).toBe('not-eligible');
    expect(sprintState({ '44': 0.3, '85': 0.7 }, rule)).toBe('partial');
    expect(sprintState({ '44': 0.016, '85': 0.984 }, rule)).toBe('eligible');
    expect(sprintState({ '44': 0.97, '85': 0.03 }, rule)).toBe('not-eligible');
  });
  it('gives an EPCI in a TI the state of its own population, outside-ti otherwise', () => {
    expect(epciSprintState({ '44': 1 }, false, rule)).toBe('outside-ti');
    expect(epciSprintState({ '85': 1 }, true, rule)).toBe('eligible');
    expect(epciSprintState({ '44': 0.5, '85': 0.5 }, true, rule)).toBe('partial');
  });
  it('encodes the 22 départements of the literal reading, and says it lists more than ten', () => {
    expect(sprintRule.excluded).toHaveLength(22);
    expect(sprintRule.statedCount).toBe(10);
    expect(sprintRule.citation).toMatch(/Fabrique de l'industrie/);
  });
  it('on the real data: Saint-Nazaire Loire Estuaire (44) is not eligible; a TI across 44 and another département follows its population share', () => {
    const states = (INDICATOR_BY_ID.get('sprint') as CategoricalIndicator).classify(at(ctx, 'ti'));
    const tis = ctx.territories.ti['2023'];
    const sn = tis.findIndex((t) => t.name === 'Saint-Nazaire Loire Estuaire');
    expect(states[sn]).toBe('not-eligible');
    // Ancenis Châteaubriant: 97 % of its population in Loire-Atlantique → not eligible, not "partly".
    const across = tis.findIndex((t) => t.departements.includes('44') && t.departements.length > 1);
    expect(tis[across].depShares['44']).toBeGreaterThan(0.95);
    expect(states[across]).toBe('not-eligible');
    expect(states.filter((s) => s === 'eligible').length).toBeGreaterThan(100);
  });
});

describe('ZIBaC mapping', () => {
  it('marks the EPCI hosting the 10 known zones, with CARENE and CC Estuaire et Sillon for Loire Estuaire', () => {
    expect(ctx.indicators.zibac).toHaveLength(10);
    const col = categoryColumn('zibac', at(ctx, 'epci'))!;
    const yes = ctx.indicators.epci.codes.filter((_, i) => col[i] === 'yes');
    expect(yes).toEqual(expect.arrayContaining(['244400644', '200072734', '245900428']));
    const hosts = new Set(ctx.indicators.zibac.flatMap((z) => z.epcis));
    expect(yes.length).toBe(hosts.size);
    for (const z of ctx.indicators.zibac) expect(z.sources.length).toBeGreaterThan(0);
  });
});

describe('filters on the real data', () => {
  it('combines a category and a range with AND', () => {
    const c = at(ctx, 'epci');
    const sprint = filterTerritories([{ kind: 'category', dimension: 'sprint', values: ['eligible'] }], c).count;
    const both = filterTerritories(
      [
        { kind: 'category', dimension: 'sprint', values: ['eligible'] },
        { kind: 'range', indicator: 'population', min: 50000, max: null },
      ],
      c,
    ).count;
    expect(both).toBeLessThan(sprint);
    expect(both).toBeGreaterThan(0);
  });
});

describe('perimeter change between generations', () => {
  it('finds the 2018 predecessor of Saint-Nazaire Loire Estuaire', () => {
    const ti = ctx.territories.ti['2023'].find((t) => t.name === 'Saint-Nazaire Loire Estuaire')!;
    const ch = perimeterChange(ctx.territories, ti);
    const names = ch.related.map((k) => ctx.territories.ti['2018'].find((t) => `2018:${t.id}` === k)!.name);
    expect(names).toContain('Saint-Nazaire - Cordemais');
  });
});
