// The map's vector tiles (scripts/lib/tiles.ts): every territory is drawn, with its code as a
// string (feature-state finds it by that code), and the map never asks for a tile that is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { tileRange } from '../../scripts/lib/tiles.ts';
import {
  TILE_MAX_ZOOM,
  TILE_NATIONAL_MAX_ZOOM,
  TILED_SOURCES,
  type TiledSource,
  tilePath,
} from '../../src/data/tiles.ts';
import type { TerritoriesFile } from '../../src/data/types.ts';

const GEN = join(resolve(import.meta.dirname, '..', '..'), 'public', 'generated');

/** The id property of every feature of a source at zoom z, over all its tiles. */
function idsAt(source: TiledSource, z: number): unknown[] {
  const ids: unknown[] = [];
  const { x0, x1, y0, y1 } = tileRange(z);
  for (let x = x0; x <= x1; x++)
    for (let y = y0; y <= y1; y++) {
      const layer = new VectorTile(new PbfReader(readFileSync(join(GEN, tilePath(source, z, x, y))))).layers[source];
      for (let i = 0; i < (layer?.length ?? 0); i++) {
        const p = layer!.feature(i).properties;
        ids.push(source.startsWith('ti') ? p.key : p.code);
      }
    }
  return ids;
}

describe.runIf(existsSync(join(GEN, 'tiles')))('map tiles', () => {
  const territories: TerritoriesFile = JSON.parse(readFileSync(join(GEN, 'territories.json'), 'utf8'));
  const topology: Topology = JSON.parse(readFileSync(join(GEN, 'atlas.topo.json'), 'utf8'));
  const idsOf = (source: TiledSource) =>
    (topology.objects[source] as GeometryCollection<Record<string, string>>).geometries.map(
      (g) => (g.properties as Record<string, string>)[source.startsWith('ti') ? 'key' : 'code'],
    );
  const expected = Object.fromEntries(TILED_SOURCES.map((s) => [s, [...new Set(idsOf(s))].sort()]));

  it('the topology the tiles are made of holds every EPCI and TI', () => {
    expect(expected.epci).toEqual(territories.epci.map((e) => e.code).sort());
    expect(expected.ti2023).toEqual(territories.ti['2023'].map((t) => t.key).sort());
    expect(expected.ti2018).toEqual(territories.ti['2018'].map((t) => t.key).sort());
  });

  // The first map (France at zoom ≈ 5.3) and the deepest zoom, drawn from the full detail.
  for (const z of [5, TILE_NATIONAL_MAX_ZOOM + 1, TILE_MAX_ZOOM])
    it(`holds every territory at zoom ${z}, by its code as a string`, () => {
      for (const source of TILED_SOURCES) {
        const ids = idsAt(source, z);
        expect(ids.every((id) => typeof id === 'string')).toBe(true);
        expect([...new Set(ids)].sort(), source).toEqual(expected[source]);
      }
    });

  it('has a file for every tile the map may request (no 404 in the console)', () => {
    const missing: string[] = [];
    for (const source of TILED_SOURCES)
      for (let z = 0; z <= TILE_MAX_ZOOM; z++) {
        const { x0, x1, y0, y1 } = tileRange(z);
        for (let x = x0; x <= x1; x++)
          for (let y = y0; y <= y1; y++)
            if (!existsSync(join(GEN, tilePath(source, z, x, y)))) missing.push(tilePath(source, z, x, y));
      }
    expect(missing).toEqual([]);
  });
});
