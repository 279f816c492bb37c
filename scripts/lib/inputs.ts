import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';
import { check, DataError } from './errors.ts';

export const DATA_DIR = resolve(
  process.env.ATLAS_DATA_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data'),
);

export function dataPath(rel: string): string {
  return join(DATA_DIR, rel);
}

function readText(rel: string): string {
  const file = dataPath(rel);
  if (!existsSync(file))
    throw new DataError(rel, `file not found (looked in ${DATA_DIR}; set ATLAS_DATA_DIR to change)`);
  const buf = readFileSync(file);
  if (buf.length === 0) throw new DataError(rel, 'file is empty');
  if (buf.includes(0)) throw new DataError(rel, 'file contains NUL bytes: binary or corrupted, not text');
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) throw new DataError(rel, 'file is not valid UTF-8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function sha256(rel: string): string {
  return createHash('sha256')
    .update(readFileSync(dataPath(rel)))
    .digest('hex');
}

export function fileSize(rel: string): number {
  return statSync(dataPath(rel)).size;
}

export type Row = Record<string, string>;

/** Parses a CSV with a header; every row must have the header's width and the required columns. */
export function readCsv(rel: string, required: string[], delimiter = ','): Row[] {
  const text = readText(rel);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const err = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (err) throw new DataError(rel, `CSV parse error: ${err.message}`, (err.row ?? 0) + 1);
  const [header, ...rows] = parsed.data;
  check(header && header.length > 0, rel, 'no header row');
  // Some exports end every line with the delimiter: drop that trailing empty column.
  const trailing = header[header.length - 1] === '';
  const cols = trailing ? header.slice(0, -1) : header;
  for (const c of required) check(cols.includes(c), rel, `missing column "${c}" (found: ${cols.join(', ')})`, 1);
  check(rows.length > 0, rel, 'header only, no data rows');
  return rows.map((cells, i) => {
    check(
      cells.length === header.length,
      rel,
      `expected ${header.length} fields, found ${cells.length} (truncated or corrupted line?)`,
      i + 2,
    );
    const row: Row = {};
    cols.forEach((c, j) => (row[c] = cells[j].trim()));
    return row;
  });
}

export function readGeoJson<P>(rel: string, expectedCount?: number, requirePolygons = true): Feature<Geometry, P>[] {
  const text = readText(rel);
  let fc: FeatureCollection<Geometry, P>;
  try {
    fc = JSON.parse(text);
  } catch (e) {
    throw new DataError(rel, `invalid JSON (truncated or corrupted?): ${(e as Error).message}`);
  }
  check(fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features), rel, 'not a GeoJSON FeatureCollection');
  if (expectedCount !== undefined)
    check(fc.features.length === expectedCount, rel, `expected ${expectedCount} features, found ${fc.features.length}`);
  if (requirePolygons)
    fc.features.forEach((f, i) => {
      check(
        f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
        rel,
        `feature ${i + 1} has no polygon geometry`,
      );
    });
  return fc.features;
}

export const SIREN = /^\d{9}$/;
