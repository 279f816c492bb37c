// Zones d'emploi and URSSAF industrial jobs by A38 sector × zone, on the real source files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCog } from '../../scripts/lib/cog.ts';
import { DATA_DIR } from '../../scripts/lib/inputs.ts';
import { buildEpciBase, readTiGeneration } from '../../scripts/lib/territories.ts';
import { buildZonesEmploi, communeZones } from '../../scripts/lib/zones-emploi.ts';
import type { TerritoriesFile, TiRecord } from '../../src/data/types.ts';
import { comparisonTable } from '../../src/domain/compare.ts';
import { buildExportTable } from '../../src/domain/export/table.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import {
  INDICATOR_BY_ID,
  type IndicatorContext,
  type NumericIndicator,
  valueFor,
} from '../../src/domain/indicators.ts';
import type { SprintRule } from '../../src/domain/sprint.ts';
import {
  shownZones,
  tiZoneComparison,
  topSectors,
  ZE_YEARS,
  type ZonesEmploiFile,
  zePeriod,
} from '../../src/domain/zones-emploi.ts';
import { translator } from '../../src/i18n/index.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GEN = join(ROOT, 'public', 'generated');
const A38 = 'indicators/emploi/urssaf_a38_ze2020_2019_2024.csv';
const sourcesDecl = JSON.parse(readFileSync(join(ROOT, 'geo', 'sources.json'), 'utf8')).sources;

let file: ZonesEmploiFile;
let indicators: IndicatorsFile;
let territories: TerritoriesFile;
beforeAll(() => {
  if (!existsSync(join(GEN, 'zones-emploi.json')))
    expect(
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-data.ts')], { cwd: ROOT }).status,
    ).toBe(0);
  file = JSON.parse(readFileSync(join(GEN, 'zones-emploi.json'), 'utf8'));
  indicators = JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8'));
  territories = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));
});
const zone = (code: string) => file.zones.find((z) => z.code === code)!;
const sector = (code: string) => file.sectors.findIndex((s) => s.code === code);

describe('URSSAF jobs by zone d’emploi (real file)', () => {
  it('matches the documented France totals of industry (a5 = BE)', () => {
    expect(file.years).toEqual([2019, 2022, 2023, 2024]);
    expect(file.france.industry[0]).toBe(3_090_263);
    expect(file.france.industry[3]).toBe(3_179_726);
    // All sectors: close to the 18.74 M / 19.99 M private jobs documented for the EPCI file.
    expect(file.france.total[0] / 1e6).toBeCloseTo(18.75, 2);
    expect(file.france.total[3] / 1e6).toBeCloseTo(20.0, 1);
    expect(file.sectors).toHaveLength(16);
    expect(file.zones).toHaveLength(306);
    expect(file.zones.filter((z) => z.industry[0] !== null)).toHaveLength(305);
    expect(zone('0601').industry).toEqual([null, null, null, null]); // Mayotte: not covered, not 0
  });

  it('gives the hand-checked figures of Saint-Nazaire (5219), Alençon (0051) and Bourg-en-Bresse (8405)', () => {
    const sn = zone('5219');
    expect(sn.name).toBe('Saint-Nazaire');
    expect(sn.industry[0]).toBe(19_901);
    expect(sn.industry[3]).toBe(22_326);
    expect(sn.sectors[sector('CL')]).toEqual([9_468, 9_853, 10_449, 11_330]);
    // Sums of the BE rows of the CSV, computed by hand (awk) for these zones.
    expect([zone('0051').industry[0], zone('0051').industry[3], zone('0051').total[3]]).toEqual([5_217, 5_040, 28_104]);
    expect([zone('8405').industry[0], zone('8405').industry[3], zone('8405').total[3]]).toEqual([
      17_021, 18_538, 74_513,
    ]);
    // An unpublished cell stays null (0052 Arles, pharmacy, 2022).
    expect(zone('0052').sectors[sector('CF')]).toEqual([1, null, null, null]);
  });

  it('ranks the zone’s sectors with change and location quotient vs France', () => {
    const [first] = topSectors(file, zone('5219'));
    expect(first.sector.code).toBe('CL');
    expect(first.change).toBe(1_862);
    const fr = file.france;
    const expected = 11_330 / zone('5219').total[3]! / (fr.sectors[sector('CL')][3] / fr.total[3]);
    expect(first.quotient).toBeCloseTo(expected, 10);
    expect(first.quotient).toBeGreaterThan(8);
  });
});

describe('territories → zones d’emploi by population', () => {
  it('puts the CARENE wholly in Saint-Nazaire, with its zone figures and France alongside', () => {
    expect(file.epci['244400644']).toEqual([{ zone: '5219', share: 1 }]);
    const [z] = shownZones(file, file.epci['244400644']);
    expect(z.main).toBe(true);
    expect(z.change).toBe(2_425);
    expect(z.changePct).toBeCloseTo(12.19, 2);
    expect(z.franceChangePct).toBeCloseTo(2.89, 2);
  });

  it('splits an EPCI straddling two zones by its communes’ population (CC Cœur de Chartreuse)', () => {
    // Recomputed here from the two source tables, independently of the pipeline.
    const ze = new Map(
      readFileSync(join(DATA_DIR, 'geo/communes_ze2020_cog2025.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';') as [string, string]),
    );
    const cog = loadCog();
    const pop = new Map(cog.communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.population!]));
    const members = cog.epci.find((e) => e.code === '200040111')!.membres;
    const by = new Map<string, number>();
    for (const m of members) by.set(ze.get(m.code)!, (by.get(ze.get(m.code)!) ?? 0) + pop.get(m.code)!);
    const total = [...by.values()].reduce((a, b) => a + b, 0);
    expect(file.epci['200040111']).toEqual([
      { zone: '8435', share: Math.round((by.get('8435')! / total) * 1e4) / 1e4 },
      { zone: '8407', share: Math.round((by.get('8407')! / total) * 1e4) / 1e4 },
    ]);
    expect(file.epci['200040111'][0].share).toBeCloseTo(0.6835, 4);
    // Both zones hold ≥ 10 %: both are shown, main first; Valréas (1.3 % of CC Ventoux Sud) is not.
    expect(shownZones(file, file.epci['200040111']).map((z) => [z.zone.name, z.main])).toEqual([
      ['Voiron', true],
      ['Chambéry', false],
    ]);
    expect(shownZones(file, file.epci['200035723']).map((z) => z.zone.code)).toEqual(['9305', '9306']);
  });

  it('maps every EPCI and every TI of both generations; TI use their own communes', () => {
    expect(Object.keys(file.epci)).toHaveLength(1255);
    expect(Object.keys(file.ti)).toHaveLength(183 + 149);
    for (const shares of [...Object.values(file.epci), ...Object.values(file.ti)]) {
      expect(shares.length).toBeGreaterThan(0);
      expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 2);
    }
    expect(file.ti['2023:ti-4401'][0]).toEqual({ zone: '4423', share: 0.617 });
  });

  it('resolves a commune absent from the table through its former communes, and reports the others', () => {
    const cog = loadCog();
    const current = cog.communes.filter((c) => c.type === 'commune-actuelle');
    const real = new Map(
      readFileSync(join(DATA_DIR, 'geo/communes_ze2020_cog2025.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';') as [string, string]),
    );
    // On the real table every commune of an EPCI has a zone (Orée d'Anjou 49126 → Cholet 5201).
    expect(real.get('49126')).toBe('5201');
    expect(real.get('12218')).toBe('7621');
    // A table without Orée d'Anjou, as it would be for a commune created after it: its former
    // communes (Bouzillé, Champtoceaux, Drain…) give the zone.
    const table = new Map(real);
    table.delete('49126');
    const former = cog.communes.filter((c) => c.chefLieu === '49126' && c.type !== 'commune-actuelle');
    for (const c of former) if (c.code !== '49126') table.set(c.code, '5201');
    const orée = current.filter((c) => c.code === '49126');
    expect(communeZones(table, orée, cog.communes)).toEqual({
      zoneOf: new Map([['49126', '5201']]),
      viaFormer: ['49126'],
      unresolved: [],
    });
    // Conques-en-Rouergue without a row and without former communes in the table: reported.
    table.delete('12218');
    const conques = current.filter((c) => c.code === '12218');
    expect(communeZones(table, conques, cog.communes).unresolved).toEqual(['12218']);
  });
});

describe('main-zone indicators, comparison and export', () => {
  const ctx = (level: 'epci' | 'ti', period: [number, number] = [2019, 2024]): IndicatorContext => ({
    level,
    generation: '2023',
    period,
    indicators,
    territories,
    sprint: { excluded: [] } as unknown as SprintRule,
  });
  const ind = (id: string) => INDICATOR_BY_ID.get(id) as NumericIndicator;

  it('colours an EPCI and a TI by their main zone’s industrial jobs', () => {
    expect(valueFor(ind('ze_emploi_industriel'), ctx('epci'), '244400644')).toBe(22_326);
    expect(valueFor(ind('ze_emploi_industriel_evol'), ctx('epci'), '244400644')).toBe(2_425);
    expect(valueFor(ind('ze_emploi_industriel_evol_pct'), ctx('epci'), '244400644')).toBeCloseTo(12.19, 2);
    expect(valueFor(ind('ze_emploi_industriel_evol_pct'), ctx('epci', [2019, 2022]), '244400644')).toBeCloseTo(
      ((20_820 - 19_901) / 19_901) * 100,
      6,
    );
    const key = '2023:ti-4401';
    expect(valueFor(ind('ze_emploi_industriel'), ctx('ti'), key)).toBe(zone('4423').industry[3]);
  });

  it('snaps a chosen period to the years of the source', () => {
    expect(zePeriod([2019, 2024])).toEqual([2019, 2024]);
    expect(zePeriod([2014, 2024])).toEqual([2019, 2024]);
    expect(zePeriod([2020, 2021])).toEqual([2019, 2022]);
    expect(zePeriod([2022, 2023])).toEqual([2022, 2023]);
    expect(zePeriod([2024, 2024])).toBeNull();
    expect(ind('ze_emploi_industriel_evol_pct').year({ period: [2015, 2021] })).toBe('2019–2022');
  });

  it('names the main zone, with its source, in exports and in the comparison', () => {
    const table = buildExportTable({
      ctx: ctx('epci'),
      indicator: 'ze_emploi_industriel_evol_pct',
      filters: [],
      match: null,
      t: translator('fr'),
      labels: { code: 'Code', name: 'Nom', dims: {}, yes: 'oui', no: 'non', zone: 'Zone d’emploi principale' },
    });
    const col = table.columns.findIndex((c) => c.key === 'ze_zone');
    expect(table.columns[col].sources).toEqual(['ze_communes', 'ze_zones']);
    const ind = table.columns.findIndex((c) => c.key === 'ze_emploi_industriel_evol_pct');
    expect(table.columns[ind].sources).toContain('emploi_a38_ze');
    const carene = table.rows.find((r) => r[0] === '244400644')!;
    expect(carene[col]).toBe('Saint-Nazaire (5219)');
    const cmp = comparisonTable([{ kind: 'epci', code: '244400644', name: 'CARENE' }], ctx('epci'), translator('fr'), {
      code: 'Code',
      name: 'Nom',
      kind: 'Type',
      kinds: { epci: 'EPCI', ti: 'TI', group: 'Groupe' },
      zone: 'Zone d’emploi principale',
    });
    const row = cmp.rows[0];
    expect(row[cmp.columns.findIndex((c) => c.key === 'ze_zone')]).toBe('Saint-Nazaire (5219)');
    expect(row[cmp.columns.findIndex((c) => c.key === 'ze_emploi_industriel')]).toBe(22_326);
  });
});

describe('national view: zones mostly covered by a TI vs the other zones', () => {
  it('splits the 305 covered zones by TI population and sums their industrial jobs', () => {
    for (const g of ['2023', '2018'] as const) {
      const rows = tiZoneComparison(file, g);
      expect(rows[0].zones + rows[1].zones).toBe(305);
      expect(rows[0].jobs2019 + rows[1].jobs2019).toBe(3_090_263);
      // Recomputed by hand from the zones.
      const ti = file.zones.filter((z) => z.industry[0] !== null && z.tiPopulation[g] / z.population > 0.5);
      const sum = (i: number) => ti.reduce((s, z) => s + z.industry[i]!, 0);
      expect(rows[0].zones).toBe(ti.length);
      expect(rows[0].change2022).toBeCloseTo(((sum(1) - sum(0)) / sum(0)) * 100, 10);
      expect(rows[0].change2024).toBeCloseTo(((sum(3) - sum(0)) / sum(0)) * 100, 10);
    }
    // Measured on the data of 2026-12: 180 zones mostly in a 2018–2022 TI, +0.3 % (2019→2022) and
    // +0.9 % (2019→2024), against +2.8 % and +5.0 % for the 125 other zones.
    const [ti, other] = tiZoneComparison(file, '2018');
    expect([ti.zones, other.zones]).toEqual([180, 125]);
    expect(ti.change2024).toBeCloseTo(0.92, 2);
    expect(other.change2024).toBeCloseTo(5.01, 2);
    expect(ZE_YEARS).toHaveLength(4);
  });
});

describe('refuses broken zone inputs with a precise message', () => {
  let dir: string;
  let base: ReturnType<typeof buildEpciBase>;
  let tis: TiRecord[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-ze-'));
    base = buildEpciBase(loadCog());
    tis = (['2023', '2018'] as const).flatMap(
      (g) =>
        readTiGeneration(sourcesDecl[`ti_${g}`].path, g, base, sourcesDecl[`ti_${g}`].expect) as unknown as TiRecord[],
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = (rel: string, content: string) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, content);
    const src = (id: string) =>
      sourcesDecl[id].path === rel ? { ...sourcesDecl[id], path: relative(DATA_DIR, path) } : sourcesDecl[id];
    return () => buildZonesEmploi(base, tis, loadCog().communes, src);
  };
  const text = readFileSync(join(DATA_DIR, A38), 'utf8');

  it('builds on the real files', () => {
    const built = build(A38, text)();
    expect(built.report.unresolved).toEqual([]);
    expect(built.file.france.industry[0]).toBe(3_090_263);
    // 2024, all sectors of each zone vs the sum of its communes' URSSAF totals (README: 302 of 305
    // within 2 % before resolving old commune codes; the pipeline resolves them).
    expect(built.report.crossCheck).toMatchObject({ checked: 305, within2: 304 });
    expect(built.report.crossCheck!.worstPct).toBeLessThan(3);
  });

  it('names an altered count (France total no longer the documented one)', () => {
    const altered = text.replace('5219;CL;C;BE;Matériels transport;9468;', '5219;CL;C;BE;Matériels transport;9469;');
    expect(build(A38, altered)).toThrow(/France industrial jobs 2019: expected 3090263, found 3090264/);
  });

  it('names an unknown sector, a wrong A5 group and a non-numeric cell with their row', () => {
    const lines = text.split('\n');
    const bad = (i: number, from: string, to: string) => {
      const copy = [...lines];
      copy[i] = copy[i].replace(from, to);
      return copy.join('\n');
    };
    expect(build(A38, bad(1, ';BZ;', ';ZZ;'))).toThrow(/row 2: unknown A38 sector "ZZ"/);
    expect(build(A38, bad(1, ';BE;', ';GU;'))).toThrow(/row 2: sector BZ is in A5 group BE, not "GU"/);
    expect(build(A38, bad(2, ';804;', ';8O4;'))).toThrow(/row 3: column eff_2019: "8O4" is not a job count/);
    expect(build(A38, bad(2, '0051;', '9999;'))).toThrow(/row 3: unknown zone "9999"/);
  });
});
