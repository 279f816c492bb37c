// The data pipeline on the real source data, and its refusal of broken inputs.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, TerritoriesFile } from '../../src/data/types.ts';
import type { IndicatorsFile } from '../../src/domain/fields.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DATA = resolve(process.env.ATLAS_DATA_DIR ?? join(ROOT, '..', 'shared', 'data'));
const GEN = join(ROOT, 'public', 'generated');
const run = (env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-data.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

let territories: TerritoriesFile;
let manifest: Manifest;
let indicators: IndicatorsFile;
let topo: { objects: Record<string, { geometries: { properties: Record<string, string | number> }[] }> };

beforeAll(() => {
  if (!existsSync(join(GEN, 'manifest.json'))) expect(run({}).status).toBe(0);
  territories = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));
  manifest = JSON.parse(readFileSync(join(GEN, 'manifest.json'), 'utf8'));
  indicators = JSON.parse(readFileSync(join(GEN, 'indicators.json'), 'utf8'));
  topo = JSON.parse(readFileSync(join(GEN, 'atlas.topo.json'), 'utf8'));
});

describe('pipeline output on the real data', () => {
  it('has the 1,255 EPCI with geometry, 183 and 149 TI', () => {
    expect(territories.epci).toHaveLength(1255);
    expect(topo.objects.epci.geometries).toHaveLength(1255);
    expect(territories.ti['2023']).toHaveLength(183);
    expect(territories.ti['2018']).toHaveLength(149);
    expect(new Set(topo.objects.ti2023.geometries.map((g) => g.properties.key)).size).toBe(183);
    expect(new Set(topo.objects.ti2018.geometries.map((g) => g.properties.key)).size).toBe(149);
    expect(manifest.counts).toMatchObject({ epci: 1255, ti2023: 183, ti2018: 149, departements: 101, regions: 18 });
  });

  it('keeps codes as strings (SIREN, INSEE, Corsica)', () => {
    for (const e of territories.epci) expect(e.code).toMatch(/^\d{9}$/);
    expect(territories.departements.map((d) => d.code)).toEqual(expect.arrayContaining(['2A', '2B', '01', '976']));
  });

  it('puts every TI member in the output, each resolved to an EPCI', () => {
    const epci = new Set(territories.epci.map((e) => e.code));
    const rows = (f: string) =>
      readFileSync(join(DATA, 'ti', f), 'utf8')
        .trim()
        .split('\n').length - 1;
    for (const [gen, file] of [
      ['2023', 'ti_2023_2027_groupements.csv'],
      ['2018', 'ti_2018_2022_groupements.csv'],
    ] as const) {
      const members = territories.ti[gen].flatMap((t) => t.members);
      expect(members).toHaveLength(rows(file));
      for (const m of members) expect(epci.has(m.epci)).toBe(true);
    }
  });

  it('places the CARENE in Saint-Nazaire Loire Estuaire (2023) and Saint-Nazaire - Cordemais (2018)', () => {
    const carene = territories.epci.find((e) => e.code === '244400644')!;
    const name = (gen: '2023' | '2018', id: string) => territories.ti[gen].find((t) => t.id === id)!.name;
    expect(carene.ti['2023'].map((id) => name('2023', id))).toEqual(['Saint-Nazaire Loire Estuaire']);
    expect(carene.ti['2018'].map((id) => name('2018', id))).toEqual(['Saint-Nazaire - Cordemais']);
    expect(carene.departements).toEqual(['44']);
  });

  it('handles the EPT Grand-Orly Seine Bièvre as a partial member of the Métropole du Grand Paris', () => {
    const tis = territories.ti['2023'].filter((t) => t.members.some((m) => m.code === '200058014'));
    expect(tis.length).toBeGreaterThan(0);
    for (const ti of tis) {
      const m = ti.members.find((x) => x.code === '200058014')!;
      expect(m.kind).toBe('ept');
      expect(m.epci).toBe('200054781');
      expect(ti.partialEpcis).toContain('200054781');
    }
    // It is drawn from the ANCT outline clipped to the Métropole, not as the whole Métropole.
    const drawn = topo.objects.ti2023.geometries.filter((g) => g.properties.key === tis[0].key);
    expect(drawn.some((g) => g.properties.partial === 0)).toBe(true);
  });

  it('draws TI with commune members (Creuse Industrie) and marks outline-less ones as partial', () => {
    const creuse = territories.ti['2023'].find((t) => t.name === 'Creuse Industrie')!;
    expect(creuse.members.filter((m) => m.kind === 'commune')).toHaveLength(11);
    expect(creuse.partialEpcis.length).toBeGreaterThan(0);
    const carros = topo.objects.ti2018.geometries.filter((g) => g.properties.key === '2018:ti-9303');
    expect(carros.map((g) => g.properties.partial)).toEqual([1]);
  });

  it('finds neighbours from shared borders: same as shared edges in the source GeoJSON', () => {
    // Independent check on the source geometry: two EPCI are neighbours when they share an edge.
    const src = JSON.parse(readFileSync(join(DATA, 'geo/epci-2025-wgs84.geojson'), 'utf8')) as {
      features: {
        properties: { code: string };
        geometry: { type: string; coordinates: number[][][] | number[][][][] };
      }[];
    };
    const edges = (g: { type: string; coordinates: number[][][] | number[][][][] }) => {
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
      const out = new Set<string>();
      for (const ring of polys.flat())
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1].join(','),
            b = ring[i].join(',');
          if (a !== b) out.add(a < b ? `${a}|${b}` : `${b}|${a}`);
        }
      return out;
    };
    const all = src.features.map((f) => ({ code: f.properties.code, edges: edges(f.geometry) }));
    for (const code of ['244400644', '200072734', '200054781', '244900015']) {
      const mine = all.find((x) => x.code === code)!.edges;
      const expected = all
        .filter((x) => x.code !== code && [...x.edges].some((e) => mine.has(e)))
        .map((x) => x.code)
        .sort();
      const got = territories.epci.find((e) => e.code === code)!.neighbours;
      expect(got, `neighbours of ${code}`).toEqual(expected);
    }
    const carene = territories.epci.find((e) => e.code === '244400644')!;
    expect(carene.neighbours).toEqual(expect.arrayContaining(['200072734', '244400610']));
    // Islands without a bridge to another EPCI border have no neighbour.
    expect(territories.epci.find((e) => e.name.includes('Ile de Ré'))!.neighbours).toEqual([]);
  });

  it('moves DROM EPCI into insets and flags them', () => {
    const drom = territories.epci.filter((e) => e.inset);
    expect(drom).toHaveLength(23);
    for (const e of drom) {
      const frame = territories.insets.find((f) => f.dep === e.inset)!;
      expect(e.bbox[0]).toBeGreaterThanOrEqual(frame.box[0]);
      expect(e.bbox[2]).toBeLessThanOrEqual(frame.box[2]);
    }
  });

  it('records sources, checksums and join coverage in the manifest', () => {
    const friches = manifest.sources.find((s) => s.id === 'friches')!;
    expect(friches.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.coverage.emploi_epci.matched).toBe(1250);
    expect(manifest.gaps.map((g) => g.id)).toContain('emploi_industriel');
    expect(indicators.epci.codes).toHaveLength(1255);
  });
});

describe('pipeline runs', () => {
  it('are deterministic, and skip work when nothing changed', () => {
    const a = join(tmpdir(), `atlas-det-a-${process.pid}`),
      b = join(tmpdir(), `atlas-det-b-${process.pid}`);
    try {
      expect(run({ ATLAS_OUT_DIR: a }, ['--force']).status).toBe(0);
      expect(run({ ATLAS_OUT_DIR: b }, ['--force']).status).toBe(0);
      const outputs = (d: string) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')).outputs;
      expect(outputs(a)).toEqual(outputs(b));
      const again = run({ ATLAS_OUT_DIR: a });
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/up to date/);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
    // Two full pipeline runs: slow on a loaded 2-core machine.
  }, 180_000);
});

describe('pipeline on broken inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the data folder made of links, with one file replaced. */
  function dataWith(rel: string, content: string | null): string {
    const root = mkdtempSync(join(dir, 'case-'));
    const link = (sub: string) => {
      for (const e of readdirSync(join(DATA, sub), { withFileTypes: true })) {
        const p = join(sub, e.name);
        if (e.isDirectory()) {
          mkdirSync(join(root, p), { recursive: true });
          link(p);
        } else if (p !== rel) symlinkSync(join(DATA, p), join(root, p));
      }
    };
    link('');
    if (content !== null) writeFileSync(join(root, rel), content);
    return root;
  }

  const expectFailure = (rel: string, content: string | null, pattern: RegExp) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = run({ ATLAS_DATA_DIR: dataWith(rel, content), ATLAS_OUT_DIR: out }, ['--force']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(rel);
    expect(r.stderr).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
  };

  it('names a truncated GeoJSON', () => {
    const text = readFileSync(join(DATA, 'geo/epci-2025-wgs84.geojson'), 'utf8');
    expectFailure('geo/epci-2025-wgs84.geojson', text.slice(0, text.length / 2), /invalid JSON/);
  });

  it('names a truncated CSV and its row', () => {
    const text = readFileSync(join(DATA, 'ti/ti_2023_2027_groupements.csv'), 'utf8');
    const lines = text.split('\n');
    lines[120] = lines[120].split(',').slice(0, 3).join(',');
    expectFailure('ti/ti_2023_2027_groupements.csv', lines.join('\n'), /row 121/);
  });

  it('names a TI member that does not exist', () => {
    const text = readFileSync(join(DATA, 'ti/ti_2018_2022_groupements.csv'), 'utf8').replace('244400644', '244400999');
    expectFailure('ti/ti_2018_2022_groupements.csv', text, /244400999/);
  });

  it('names a binary (corrupted) file and a missing file', () => {
    expectFailure('programmes/zibac.csv', '\u0000\u0001PK\u0003\u0004', /binary|NUL/);
    expectFailure('geo/regions-2025-wgs84.geojson', null, /not found/);
  });
});
