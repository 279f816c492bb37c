// Vector tiles (Mapbox Vector Tile, one folder per map source): the map's polygons arrive tiled,
// so MapLibre's worker only decodes and draws them. Tiling the GeoJSON in the browser (geojson-vt
// index, clipping, re-encoding every tile) was most of the worker's work before the first map.
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  TILE_BOUNDS,
  TILE_MAX_ZOOM,
  TILE_NATIONAL_MAX_ZOOM,
  TILED_SOURCES,
  type TiledSource,
  tilePath,
} from '../../src/data/tiles.ts';
import type { BBox } from '../../src/data/types.ts';
import { check } from './errors.ts';

/**
 * Grid steps across a 512-px tile. The national view's topology has a grid of about 0.01° (half a
 * pixel at zoom 5.3): 1,024 steps hold it at zooms ≤ 5 in fewer bytes than MVT's usual 4,096,
 * which the full detail (≈ 40 m) needs from zoom 6 on.
 */
const EXTENT = { national: 1024, detail: 4096 };
/** Geometry past the tile's edge, in pixels: enough for the widest line drawn. */
const BUFFER_PX = 16;
/** Simplification in grid steps: the topologies are already generalised for their zooms. */
const TOLERANCE = 1;

interface TileLevels {
  /** The national view's geometry, for zooms up to TILE_NATIONAL_MAX_ZOOM. */
  national: FeatureCollection;
  /** The full-detail geometry, for the zooms above it up to TILE_MAX_ZOOM (overzoomed beyond). */
  detail: FeatureCollection;
}

/** Tile column and row of a longitude / latitude at zoom z (Web Mercator). */
function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** The columns and rows of the tiles that TILE_BOUNDS touches at zoom z: the map requests these. */
export function tileRange(z: number): { x0: number; x1: number; y0: number; y1: number } {
  const [west, south, east, north] = TILE_BOUNDS;
  const [x0, y0] = tileXY(west, north, z);
  const [x1, y1] = tileXY(east, south, z);
  return { x0, x1, y0, y1 };
}

/**
 * Writes every tile of TILE_BOUNDS from zoom 0 to TILE_MAX_ZOOM under `out` (tilePath), one layer
 * named after its source. Tiles with nothing in them are written empty: the map requests every
 * tile inside the source's bounds, and a 404 would show as an error in the browser's console.
 * Returns the number of files and their total bytes; `hash` gets every tile's path and bytes.
 */
function writeTiles(out: string, layer: TiledSource, levels: TileLevels, hash: Hash): { files: number; bytes: number } {
  let files = 0,
    bytes = 0;
  const index = (fc: FeatureCollection, maxZoom: number, extent: number) =>
    new GeoJSONVT(fc, { maxZoom, indexMaxZoom: 0, extent, buffer: (BUFFER_PX * extent) / 512, tolerance: TOLERANCE });
  const national = index(levels.national, TILE_NATIONAL_MAX_ZOOM, EXTENT.national);
  const detail = index(levels.detail, TILE_MAX_ZOOM, EXTENT.detail);
  for (let z = 0; z <= TILE_MAX_ZOOM; z++) {
    const [source, extent] = z <= TILE_NATIONAL_MAX_ZOOM ? [national, EXTENT.national] : [detail, EXTENT.detail];
    const { x0, x1, y0, y1 } = tileRange(z);
    for (let x = x0; x <= x1; x++) {
      mkdirSync(join(out, tilePath(layer, z, x, 0), '..'), { recursive: true });
      for (let y = y0; y <= y1; y++) {
        const tile = source.getTile(z, x, y);
        const pbf = tile ? fromGeojsonVt({ [layer]: tile }, { version: 2, extent }) : new Uint8Array(0);
        const path = tilePath(layer, z, x, y);
        writeFileSync(join(out, path), pbf);
        hash.update(`${path}:`).update(pbf);
        files++;
        bytes += pbf.byteLength;
      }
    }
  }
  return { files, bytes };
}

/**
 * Tiles of every polygon source from the national and full-detail topologies (same objects, same
 * insets for the DROM), under `out` (the generated folder). Returns the totals for the manifest.
 */
export function writeMapTiles(
  out: string,
  national: Topology,
  detail: Topology,
): { files: number; bytes: number; sha256: string } {
  const fc = (t: Topology, name: string) => {
    const collection = feature(t, t.objects[name] as GeometryCollection) as FeatureCollection;
    // Only what the map reads: the id (code or TI key) and whether a TI covers its EPCI partly.
    for (const f of collection.features)
      f.properties = name.startsWith('ti')
        ? { key: f.properties?.key, partial: f.properties?.partial }
        : { code: f.properties?.code };
    return collection;
  };
  const box = detail.bbox as BBox;
  const [west, south, east, north] = TILE_BOUNDS;
  check(
    box[0] >= west && box[1] >= south && box[2] <= east && box[3] <= north,
    'src/data/tiles.ts',
    `TILE_BOUNDS [${TILE_BOUNDS}] must hold the geometry's box [${box}]`,
  );
  const hash = createHash('sha256');
  let files = 0,
    bytes = 0;
  for (const name of TILED_SOURCES) {
    const written = writeTiles(out, name, { national: fc(national, name), detail: fc(detail, name) }, hash);
    files += written.files;
    bytes += written.bytes;
  }
  return { files, bytes, sha256: hash.digest('hex') };
}
