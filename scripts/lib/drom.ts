import type { Geometry, Position } from 'geojson';
import type { BBox, InsetFrame } from '../../src/data/types.ts';

// Insets are placed in Web Mercator so that shapes keep their proportions on the map.
const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) / RAD;
const invMercY = (y: number) => (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;

export type Transform = (p: Position) => Position;

function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') fn(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => eachPosition(x, fn));
  else walk(g.coordinates);
}

export function geometryBBox(geoms: Geometry[]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geoms)
    eachPosition(g, ([x, y]) => {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    });
  return b;
}

/** Builds the move that fits `source` (real extent of a DROM) into its inset box, centred. */
export function insetTransform(source: BBox, frame: InsetFrame, fit: number): Transform {
  const [sx0, sy0, sx1, sy1] = [source[0], mercY(source[1]), source[2], mercY(source[3])];
  const [bx0, by0, bx1, by1] = [frame.box[0], mercY(frame.box[1]), frame.box[2], mercY(frame.box[3])];
  const k = fit * Math.min((bx1 - bx0) / (sx1 - sx0), (by1 - by0) / (sy1 - sy0));
  const scx = (sx0 + sx1) / 2,
    scy = (sy0 + sy1) / 2;
  const bcx = (bx0 + bx1) / 2,
    bcy = (by0 + by1) / 2;
  return ([x, y]) => [round5(bcx + (x - scx) * k), round5(invMercY(bcy + (mercY(y) - scy) * k))];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

export function transformGeometry<G extends Geometry>(g: G, t: Transform): G {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? t(c as Position) : (c as unknown[]).map(walk);
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => transformGeometry(x, t)) };
  return { ...g, coordinates: walk((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates) } as G;
}
