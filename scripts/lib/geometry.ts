import area from '@turf/area';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { mergeArcs, neighbors, quantize, feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';

type Props = Record<string, string>;

import type { BBox, Generation, TiRecord } from '../../src/data/types.ts';
import { geometryBBox } from './drom.ts';

type Poly = Polygon | MultiPolygon;

/** Final grid: 3e5 steps across France + insets ≈ 40 m, finer than the source's own generalisation. */
const QUANTIZATION = 3e5;
/**
 * The national view's topology (zoom ≤ 6, France fills the first view at zoom ≈ 5.3): a point goes
 * when its Visvalingam triangle is under about 5 square pixels at zoom 5.3 (a triangle 5 px wide
 * and 2 px high; in square degrees at 46° N), on a grid of 1,500 steps (≈ 0.01°, about half a
 * pixel at zoom 5.3). Measured: 69 KiB gzip for the first frame's objects instead of 123 KiB.
 */
const NATIONAL_MIN_WEIGHT = 1.2e-3;
const NATIONAL_QUANTIZATION = 1.5e3;
/** Objects of the national topology that the first frame draws; the others come right after it. */
const FIRST_FRAME_OBJECTS = ['epci', 'ti2023'];
export type PolyFeature = Feature<Poly, { code: string }>;

export interface TopologyInput {
  epci: PolyFeature[];
  dep: PolyFeature[];
  reg: PolyFeature[];
  /** Pieces of partial TIs: the ANCT outline clipped to the EPCI it partly covers. */
  parts: Feature<Poly, { ti: string }>[];
  /** Partial members with no usable ANCT outline: the host EPCI is drawn as "partly in the TI". */
  partialWithoutOutline: { ti: string; epci: string }[];
}

/** Clips a TI's ANCT outline to the EPCI it only partly covers; drops slivers from generalisation. */
export function partialPiece(
  outline: Feature<Poly>,
  host: PolyFeature,
  tiKey: string,
): Feature<Poly, { ti: string }> | null {
  const clipped = intersect(featureCollection([outline, host]) as FeatureCollection<Poly>);
  if (!clipped) return null;
  const polys: Position[][][] =
    clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
  const sized = polys.map((p) => ({ p, a: area({ type: 'Polygon', coordinates: p }) }));
  const total = sized.reduce((s, x) => s + x.a, 0);
  const kept = sized.filter((x) => x.a > 0.02 * total && x.a > 200_000).map((x) => x.p);
  if (kept.length === 0) return null;
  return { type: 'Feature', properties: { ti: tiKey }, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

export interface BuiltTopology {
  topology: Topology;
  /** EPCI code → codes of the EPCI sharing at least one arc (a border) with it. */
  epciNeighbours: Map<string, string[]>;
  epciBBox: Map<string, BBox>;
  tiBBox: Map<string, BBox>;
  tiLabels: Feature<Point, { key: string; name: string; generation: Generation }>[];
}

/**
 * One topology for every layer, so that shared borders are one arc: EPCI, départements and
 * régions borders coincide, and a TI made of whole EPCI is the merge of their arcs.
 */
export function buildTopology(input: TopologyInput, tis: TiRecord[], keepShare: number): BuiltTopology {
  const fc = <T>(features: T[]) => ({ type: 'FeatureCollection', features }) as FeatureCollection;
  // Pre-quantize finely so identical borders snap to one arc, simplify, then quantize to the final grid.
  const raw = topology(
    { epci: fc(input.epci), dep: fc(input.dep), reg: fc(input.reg), parts: fc(input.parts) },
    1e7,
  ) as unknown as Topology<Objects<Props>>;
  const pre = presimplify(raw);
  const topo = quantize(simplify(pre, quantile(pre, keepShare)), QUANTIZATION) as Topology<Objects<Props>>;

  const objects = topo.objects as Record<string, GeometryCollection<Props>>;
  const epciGeom = new Map(objects.epci.geometries.map((g) => [(g.properties as Props).code, g]));
  const partsByTi = new Map<string, GeometryObject[]>();
  for (const g of objects.parts.geometries) {
    const k = (g.properties as Props).ti;
    partsByTi.set(k, [...(partsByTi.get(k) ?? []), g]);
  }
  const epciList = objects.epci.geometries;
  const adjacency = neighbors(epciList as unknown as GeometryObject[]);
  const epciNeighbours = new Map(
    epciList.map((g, i) => [
      (g.properties as Props).code,
      adjacency[i].map((j) => (epciList[j].properties as Props).code).sort(),
    ]),
  );
  // Keep only the code/ti keys as properties; names live in territories.json.
  for (const name of ['epci', 'dep', 'reg'])
    for (const g of objects[name].geometries) g.properties = { code: (g.properties as Props).code };

  const tiLabels: BuiltTopology['tiLabels'] = [];
  const tiBBox = new Map<string, BBox>();
  for (const gen of ['2023', '2018'] as Generation[]) {
    const geometries: GeometryObject[] = [];
    for (const ti of tis.filter((t) => t.generation === gen)) {
      const whole = ti.epcis.filter((c) => !ti.partialEpcis.includes(c)).map((c) => epciGeom.get(c)!);
      const pieces = [...whole, ...(partsByTi.get(ti.key) ?? [])] as (GeometryObject & {
        type: 'Polygon' | 'MultiPolygon';
      })[];
      const drawn: GeometryObject[] = [];
      if (pieces.length > 0) {
        const merged = mergeArcs(topo, pieces) as GeometryObject;
        merged.properties = { key: ti.key, id: ti.id, partial: 0 };
        drawn.push(merged);
      }
      for (const p of input.partialWithoutOutline.filter((x) => x.ti === ti.key)) {
        const host = epciGeom.get(p.epci)!;
        drawn.push({ ...host, properties: { key: ti.key, id: ti.id, partial: 1 } } as GeometryObject);
      }
      geometries.push(...drawn);
      const shapes = drawn.map((d) => (topoFeature(topo, d) as Feature<Poly>).geometry);
      tiBBox.set(ti.key, roundBox(geometryBBox(shapes)));
      tiLabels.push({
        type: 'Feature',
        properties: { key: ti.key, name: ti.name, generation: gen },
        geometry: { type: 'Point', coordinates: labelPoint(shapes[0]) },
      });
    }
    objects[`ti${gen}`] = { type: 'GeometryCollection', geometries } as GeometryCollection<Record<string, string>>;
  }
  delete objects.parts;

  const epciBBox = new Map<string, BBox>();
  for (const [code, g] of epciGeom)
    epciBBox.set(code, roundBox(geometryBBox([(topoFeature(topo, g) as Feature<Poly>).geometry])));
  return { topology: topo, epciNeighbours, epciBBox, tiBBox, tiLabels };
}

/**
 * The topology sized for the national view, in two files: `first` holds the arcs and the objects
 * the first frame draws (EPCI, TI 2023–2027); `rest` the other objects (départements, régions, TI
 * 2018–2022) on the same arcs, merged into `first` by the app after the first frame.
 */
export function nationalTopology(full: Topology): { first: Topology; rest: { objects: Topology['objects'] } } {
  const copy = JSON.parse(JSON.stringify(full)) as Topology;
  const national = quantize(
    simplify(presimplify(copy as Topology<Objects<Props>>), NATIONAL_MIN_WEIGHT),
    NATIONAL_QUANTIZATION,
  );
  // The app finds a TI by its key; the id (a part of the key) stays in the full topology only.
  for (const name of ['ti2023', 'ti2018'])
    for (const g of (national.objects[name] as GeometryCollection<Props>).geometries) delete (g.properties as Props).id;
  const pick = (keep: boolean) =>
    Object.fromEntries(Object.entries(national.objects).filter(([k]) => FIRST_FRAME_OBJECTS.includes(k) === keep));
  return { first: { ...national, objects: pick(true) }, rest: { objects: pick(false) } };
}

/** Bounding boxes to 4 decimals (≈ 10 m): enough to frame a territory, half the bytes. */
function roundBox(b: BBox): BBox {
  return b.map((x) => Math.round(x * 1e4) / 1e4) as BBox;
}

/** Pole of inaccessibility of the largest polygon: a label point that is inside the shape. */
function labelPoint(g: Poly): Position {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = polys[0],
    bestArea = -1;
  for (const p of polys) {
    const a = area({ type: 'Polygon', coordinates: p });
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  const pt = polylabel(best, 0.001);
  return [Math.round(pt[0] * 1e5) / 1e5, Math.round(pt[1] * 1e5) / 1e5];
}
