// Every figure true and sourced (issue 11): pipeline output and domain rules on the real data.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Text, textOf } from '../../src/domain/text.ts';
import { translator } from '../../src/i18n/index.ts';

const frText = (x: Text | undefined) => (x ? textOf(translator('fr'), x) : undefined);

import sources from '../../geo/sources.json';
import sprintRule from '../../geo/sprint-innovation.json';
import { inputHash } from '../../scripts/lib/input-hash.ts';
import { isBreak } from '../../scripts/lib/series-breaks.ts';
import { searchableEpci } from '../../src/data/catalog.ts';
import type { Manifest, TerritoriesFile } from '../../src/data/types.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';
import {
  type CategoricalIndicator,
  INDICATOR_BY_ID,
  INDICATORS,
  type IndicatorContext,
  type NumericIndicator,
  numericValues,
} from '../../src/domain/indicators.ts';
import { epciMissing, memberValues, partValue } from '../../src/domain/parts.ts';
import { profileRows } from '../../src/domain/profile.ts';
import { search } from '../../src/domain/search/query.ts';
import { buildSearchIndex } from '../../src/domain/search/search-index.ts';
import { excludedShare, type SprintRule, sprintState } from '../../src/domain/sprint.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GEN = join(ROOT, 'public', 'generated');
const DATA = resolve(process.env.ATLAS_DATA_DIR ?? join(ROOT, '..', 'shared', 'data'));
const MGP = '200054781';
const BOUCLE_NORD = '200057990';
const rule = sprintRule as SprintRule;
let t: TerritoriesFile;
let ind: IndicatorsFile;
let manifest: Manifest;
let ctx: IndicatorContext;
const num = (id: string) => INDICATOR_BY_ID.get(id) as NumericIndicator;
const epciIndex = (code: string) => ind.epci.codes.indexOf(code);

beforeAll(() => {
  t = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));
  ind = JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8'));
  manifest = JSON.parse(readFileSync(join(GEN, 'manifest.json'), 'utf8'));
  ctx = { level: 'epci', generation: '2023', period: [2019, 2024], indicators: ind, territories: t, sprint: rule };
});

describe('EPT of the Métropole du Grand Paris', () => {
  it('are territories of their own, with the source’s EPT row, never the Métropole’s value', () => {
    expect(t.ept).toHaveLength(11);
    const share = partValue(ctx, num('part_industrie'), BOUCLE_NORD, 'ept');
    expect(share.value).toBe(12.58);
    expect(numericValues(num('part_industrie'), ctx)[epciIndex(MGP)]).toBe(5.32);
    // Jobs and population are the EPT's own (sum of its communes), far below the Métropole's.
    const jobs = partValue(ctx, num('emploi'), BOUCLE_NORD, 'ept').value!;
    expect(jobs).toBeGreaterThan(100_000);
    expect(jobs).toBeLessThan(300_000);
    expect(t.ept.find((e) => e.code === BOUCLE_NORD)!.population).toBe(460202);
  });

  it('show « n.d. » with the source that has no EPT row (housing), not the Métropole’s value', () => {
    for (const id of ['vacance', 'prix_maisons', 'logements_autorises']) {
      const v = partValue(ctx, num(id), BOUCLE_NORD, 'ept');
      expect(v.value).toBeNull();
      expect(v.missing).toEqual({ kind: 'no-row', source: 'logement' });
    }
  });

  it('give every TI member table the member’s own value, and TI aggregates built from them', () => {
    for (const gen of ['2023', '2018'] as const)
      for (const ti of t.ti[gen].filter((x) => x.members.some((m) => m.kind === 'ept'))) {
        const c = { ...ctx, generation: gen };
        const rows = memberValues(c, ti, num('part_industrie'));
        for (const r of rows.filter((x) => x.kind === 'ept')) {
          const i = ind.parts.codes.indexOf(r.code);
          expect(r.value).toBe(ind.parts.values.indus_pct_2022[i]);
          expect(r.value).not.toBe(5.32);
        }
        const jobs = memberValues(c, ti, num('emploi'));
        const k = ind.ti[gen].codes.indexOf(ti.key);
        const sum = jobs.reduce((s, r) => s + (r.value ?? Number.NaN), 0);
        expect(ind.ti[gen].values.emp_2024[k]).toBeCloseTo(sum, 0);
        expect(sum).toBeLessThan(1_500_000); // the Métropole alone has 3.7 million
        const pop = memberValues(c, ti, num('population')).reduce((s, r) => s + (r.value ?? 0), 0);
        expect(ti.population).toBe(pop);
      }
  });

  it('are found by search and say they are EPT', () => {
    const index = buildSearchIndex({ communes: [], epci: searchableEpci(t), ti: t.ti });
    for (const e of t.ept) {
      // The EPT is among the results for its name (a TI of the same name may come first)…
      const rs = search(index, e.name.replace(/^EPT /, ''));
      expect(rs.some((r) => r.kind === 'epci' && r.code === e.code && r.nature === 'EPT')).toBe(true);
      // …and first for "EPT <name>" or its SIREN.
      expect(search(index, e.name)[0].code).toBe(e.code);
      expect(search(index, e.code)[0].code).toBe(e.code);
    }
  });

  it('no longer carry the false note about the Métropole', () => {
    expect(frText(num('part_industrie').caveat)).not.toMatch(/n’a pas de valeur/);
    expect(manifest.coverage.eco_epci.note).toMatch(/EPT/);
  });
});

describe('series breaks', () => {
  it('states the rule: zero after a non-zero share, or after counts averaging 7 or more', () => {
    expect(isBreak([10.7, 9.9, 11.4, 0], 3, 'share')).toBe(true);
    expect(isBreak([0, 0, 0], 2, 'share')).toBe(false);
    expect(isBreak([177, 211, 104, 0], 3, 'count')).toBe(true);
    expect(isBreak([2, 0, 0, 0], 3, 'count')).toBe(false);
    expect(isBreak([3, 1, 2, 0], 3, 'count')).toBe(false);
  });

  it('leaves no vacancy or authorised-dwelling value at a broken 0, lists them, never ranks them', () => {
    const vac = manifest.breaks.filter((b) => b.rawField === 'vac2ans_pct_2024');
    expect(vac).toHaveLength(34);
    expect(manifest.breaks.some((b) => b.rawField === 'logaut_2024')).toBe(true);
    for (const b of manifest.breaks) {
      const i = epciIndex(b.code);
      expect(ind.epci.values[b.rawField as 'vac2ans_pct_2024'][i]).toBeNull();
      const row = profileRows(ctx, b.code).find((r) => r.indicator.id === 'vacance');
      if (b.rawField === 'vac2ans_pct_2024') {
        expect(row?.value).toBeNull();
        expect(row?.all).toBeNull();
        expect(epciMissing(ctx, manifest, num('vacance'), b.code)).toEqual({ kind: 'break', year: 2024 });
      }
    }
    expect(ind.epci.values.vac2ans_pct_2024.filter((v) => v === 0)).toHaveLength(0);
  });
});

describe('Sprint Innovation by population share', () => {
  const state = (shares: Record<string, number>) => sprintState(shares, rule);
  const epci = (code: string) => t.epci.find((e) => e.code === code)!;
  const ti = (id: string) => t.ti['2023'].find((x) => x.id === id)!;

  it('has a stated threshold, and shares summing to 1', () => {
    expect(rule.threshold).toBe(0.05);
    for (const x of [...t.epci, ...t.ti['2023']]) {
      const sum = Object.values(x.depShares).reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo(1, 3);
    }
  });

  it('gives real EPCI and TI each state', () => {
    expect(state(epci('200000172').depShares)).toBe('eligible'); // Faucigny-Glières, 74
    expect(state(epci('200018166').depShares)).toBe('not-eligible'); // Le Grésivaudan, 38
    expect(state(epci('200040111').depShares)).toBe('partial'); // Cœur de Chartreuse, 38/73
    expect(state(ti('ti-0101').depShares)).toBe('eligible');
    expect(state(ti('ti-1105').depShares)).toBe('not-eligible');
    expect(state(ti('ti-1101').depShares)).toBe('partial');
    // 1.6 % of Cergy Ouest 95 lives in the Yvelines: eligible, not "partly excluded".
    expect(excludedShare(ti('ti-1102').depShares, rule)).toBeCloseTo(0.0158, 4);
    expect(state(ti('ti-1102').depShares)).toBe('eligible');
  });

  it('never labels partial an EPCI wholly inside or outside the excluded départements', () => {
    const sprint = INDICATORS.find((i) => i.id === 'sprint') as CategoricalIndicator;
    const labels = sprint.classify(ctx);
    const excluded = new Set(rule.excluded.map((e) => e.dep));
    t.epci.forEach((e, i) => {
      if (labels[i] !== 'partial') return;
      const hit = e.departements.filter((d) => excluded.has(d)).length;
      expect(hit > 0 && hit < e.departements.length).toBe(true);
    });
  });

  it('says « non applicable » for 2018–2022 TI, not missing data', () => {
    const sprint = INDICATORS.find((i) => i.id === 'sprint') as CategoricalIndicator;
    const labels = sprint.classify({ ...ctx, level: 'ti', generation: '2018' });
    expect(new Set(labels)).toEqual(new Set(['not-applicable']));
    expect(frText(sprint.categories.find((c) => c.value === 'not-applicable')?.label)).toBe(
      'Non applicable (programme 2023–2027)',
    );
  });
});

describe('Cartofriches', () => {
  it('gives no rank, percentile or « 1er » for any friches indicator, at any level', () => {
    const friches = INDICATORS.filter((i) => i.sources.includes('friches'));
    expect(friches.length).toBeGreaterThan(0);
    for (const i of friches) expect(frText(i.notRanked)).toMatch(/Cerema/);
    for (const [level, code] of [
      ['epci', '200067106'],
      ['ti', t.ti['2023'][0].key],
    ] as const) {
      const rows = profileRows({ ...ctx, level }, code).filter((r) => r.indicator.sources.includes('friches'));
      expect(rows.length).toBe(friches.length);
      for (const r of rows) expect([r.all, r.region, r.ti]).toEqual([null, null, null]);
    }
  });
});

describe('years', () => {
  it('uses one population vintage (2022) for EPCI, EPT and TI, and names the commune one', () => {
    expect(t.populationYear).toBe('2022');
    expect(t.communePopulationYear).toBe('2023');
    const byCode = new Map(t.epci.map((e) => [e.code, e]));
    // A TI made of whole EPCI only has exactly the sum of their 2022 populations.
    for (const ti of t.ti['2023'].filter((x) => x.partialEpcis.length === 0))
      expect(ti.population).toBe(ti.epcis.reduce((s, c) => s + byCode.get(c)!.population, 0));
  });
});

describe('manifest and input hash', () => {
  it('declares every file the pipeline reads, with its sha256', () => {
    const declared = Object.values(sources.sources).map((s) => s.path);
    expect(declared).toContain('indicators/emploi/urssaf_effectifs_salaries_prives_total_communes_2014_2024.csv');
    for (const s of manifest.sources.filter((x) => !x.path.startsWith('npm:')))
      expect(s.sha256, s.id).toMatch(/^[0-9a-f]{64}$/);
    // No hard-coded data path left in the pipeline: every file is read through geo/sources.json.
    const code = readdirSync(join(ROOT, 'scripts', 'lib'))
      .map((f) => readFileSync(join(ROOT, 'scripts', 'lib', f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/['"`](indicators|geo|ti|programmes)\/[^'"`]+\.(csv|geojson)['"`]/);
  });

  it('changes when any declared input file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-hash-'));
    try {
      const files = Object.values(sources.sources)
        .map((s) => s.path)
        .filter((p) => !p.startsWith('npm:'));
      for (const p of files) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        symlinkSync(join(DATA, p), join(dir, p));
      }
      const base = inputHash(ROOT, dir, sources.sources, 'v');
      for (const p of files) {
        rmSync(join(dir, p));
        copyFileSync(join(DATA, p), join(dir, p));
        writeFileSync(join(dir, p), '\n', { flag: 'a' });
        expect(inputHash(ROOT, dir, sources.sources, 'v'), p).not.toBe(base);
        rmSync(join(dir, p));
        symlinkSync(join(DATA, p), join(dir, p));
      }
      expect(inputHash(ROOT, dir, sources.sources, 'v')).toBe(base);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rebuilds when the URSSAF communes file changes (pipeline run on a temp copy)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-rebuild-'));
    const data = join(dir, 'data'),
      out = join(dir, 'out');
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-data.ts')], {
        cwd: ROOT,
        env: { ...process.env, ATLAS_DATA_DIR: data, ATLAS_OUT_DIR: out },
        encoding: 'utf8',
      });
    try {
      const link = (rel: string) => {
        for (const e of readdirSync(join(DATA, rel))) {
          const p = join(rel, e);
          if (statSync(join(DATA, p)).isDirectory()) {
            mkdirSync(join(data, p), { recursive: true });
            link(p);
          } else symlinkSync(join(DATA, p), join(data, p));
        }
      };
      mkdirSync(data, { recursive: true });
      link('');
      // A previous output made from these very inputs (same input hash): the pipeline skips.
      mkdirSync(join(out, 'first-view'), { recursive: true });
      mkdirSync(join(out, 'tiles'), { recursive: true });
      const cog = JSON.parse(
        readFileSync(join(ROOT, 'node_modules/@etalab/decoupage-administratif/package.json'), 'utf8'),
      );
      for (const f of [
        'zones-emploi.json',
        'atlas.topo.json',
        'atlas-national.topo.json',
        'atlas-national-rest.json',
        'first-view.json',
        'territories.json',
        'communes.json',
        'ti-labels.json',
        'indicators.json',
        'friches.json',
      ])
        writeFileSync(join(out, f), '{}');
      writeFileSync(
        join(out, 'manifest.json'),
        JSON.stringify({ inputHash: inputHash(ROOT, data, sources.sources, cog.version) }),
      );
      expect(run().stdout).toMatch(/up to date/);
      // Change the communes file (here: cut it short): the pipeline must rebuild, read it, and refuse it.
      const rel = sources.sources.emploi_communes.path;
      rmSync(join(data, rel));
      writeFileSync(join(data, rel), readFileSync(join(DATA, rel), 'utf8').slice(0, 5000));
      const again = run();
      expect(again.stdout).not.toMatch(/up to date/);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('urssaf_effectifs_salaries_prives_total_communes_2014_2024.csv');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('ZIBaC', () => {
  it('gives every source note in French and English, and no English left in the French text', () => {
    for (const z of ind.zibac)
      for (const k of ['date', 'perimeterQuality', 'confidence', 'notes'] as const) {
        expect(typeof z[k].fr).toBe('string');
        if (z[k].en) expect(z[k].fr).not.toBe('');
        expect(z[k].fr).not.toMatch(/\b(high|low|medium|laureate|announced|not stated|named only)\b/);
      }
  });

  it('counts a zone for a TI only through the member that hosts it', () => {
    for (const gen of ['2023', '2018'] as const) {
      const tab = ind.ti[gen];
      t.ti[gen].forEach((ti, i) => {
        const hosted = ind.zibac.filter((z) =>
          ti.members.some((m) => (m.kind === 'epci' ? z.epcis.includes(m.code) : z.communes.includes(m.code))),
        );
        expect(tab.values.zibac_zones[i], ti.key).toBe(hosted.length);
      });
    }
  });
});

describe('exported views explain themselves', () => {
  it('carry filters in words, the key for dimmed and « hors TI », the caveat and licences to confirm', async () => {
    const { buildCaption } = await import('../../src/domain/export/caption.ts');
    const { buildChoropleth } = await import('../../src/domain/choropleth.ts');
    const { translator } = await import('../../src/i18n/index.ts');
    const c = { ...ctx, level: 'ti' as const };
    const ch = buildChoropleth(
      INDICATOR_BY_ID.get('friches')!,
      c,
      { method: 'quantile', classes: 5, breaks: [], scheme: 'auto' } as never,
      'fr',
    );
    const cap = buildCaption({
      choropleth: ch,
      ctx: c,
      lang: 'fr',
      sources: [...manifest.sources, { ...manifest.sources.find((s) => s.id === 'friches')!, licenceToConfirm: true }],
      showTi: true,
      filtered: { count: 12, total: 183 },
      filters: [{ kind: 'category', dimension: 'region', values: ['53'] }],
      tiTint: '#000',
      date: new Date(2026, 11, 2),
      t: translator('fr') as never,
    });
    const text = cap.context.join('\n');
    expect(text).toMatch(/Région\u00a0: Bretagne/);
    expect(text).toMatch(/estompés/);
    expect(text).toMatch(/hors Territoire d’industrie/);
    expect(text).toMatch(/Cerema/);
    expect(text).toMatch(/Non classé/);
  });
});
