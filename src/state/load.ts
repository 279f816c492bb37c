// Loads the generated artefacts from the app's own origin (never from elsewhere).

import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import { type CommunesFile, unpackCommunes } from '../data/communes.ts';
import type { CommuneRecord, Manifest, TerritoriesFile } from '../data/types.ts';
import type { FrichePoints, IndicatorsFile } from '../domain/fields.ts';
import type { FirstViewFile } from '../domain/first-view.ts';
import type { ViewState } from '../domain/view.ts';
import type { ZonesEmploiFile } from '../domain/zones-emploi.ts';

export interface AtlasData {
  /**
   * Simplified for the national view: neighbours, groups and exports (the map draws its tiles);
   * loadDetailTopology() has the full detail.
   */
  topology: Topology;
  territories: TerritoriesFile;
  indicators: IndicatorsFile;
  manifest: Manifest;
  tiLabels: FeatureCollection<Point, { key: string; name: string; generation: string }>;
}

export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

const base = () => `${import.meta.env.BASE_URL}generated/`;

async function getJson<T>(name: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(base() + name);
  } catch (e) {
    throw new LoadError(name, (e as Error).message);
  }
  if (!res.ok) throw new LoadError(name, `HTTP ${res.status}`);
  try {
    return (await res.json()) as T;
  } catch {
    throw new LoadError(name, 'invalid JSON');
  }
}

let topology: Promise<Topology> | null = null;
/** The national view's topology (EPCI and TI 2023–2027; the other objects join it in fetchAtlasData). */
function loadTopology(): Promise<Topology> {
  topology ??= getJson<Topology>('atlas-national.topo.json');
  topology.catch(() => (topology = null));
  return topology;
}

/** A first map drawn before the data: the view it paints and its colours (first-view.ts). */
export interface HeldFirstView {
  view: ViewState;
  file: Promise<FirstViewFile>;
}

let releaseData: (() => void) | null = null;
let dataGate: Promise<void> = Promise.resolve();
let firstView: HeldFirstView | null = null;
/**
 * Requests the first-view file of `source` (firstViewSource()) and holds the full data back until
 * releaseAtlasData(): a first map drawn from that file (a bare address, a link naming only its
 * indicator) comes first, so that the data's bytes (territories, indicators…) do not compete with it.
 */
export function holdForFirstView(source: { file: string; view: ViewState }): void {
  if (releaseData) return;
  dataGate = new Promise<void>((resolve) => (releaseData = resolve));
  const file = getJson<FirstViewFile>(source.file);
  file.catch(() => undefined); // the map that reads it releases the data on failure
  firstView = { view: source.view, file };
}
/** The first view the full data waits for, while it waits; null once the data may load. */
export const heldFirstView = (): HeldFirstView | null => (releaseData ? firstView : null);
export function releaseAtlasData(): void {
  releaseData?.();
  releaseData = null;
}

/** Resolves when the full data may load (at once, or after a first map drawn from a first-view file). */
export const atlasDataReleased = (): Promise<void> => dataGate;

let atlasData: Promise<AtlasData> | null = null;
/**
 * Everything the app shows, requested once (src/ui/map-boot.ts starts it before React; index.html
 * preloads the files of a link that needs them). A failed load is requested again on the next call.
 */
export function loadAtlasData(): Promise<AtlasData> {
  atlasData ??= dataGate.then(fetchAtlasData);
  atlasData.catch(() => (atlasData = null));
  return atlasData;
}

async function fetchAtlasData(): Promise<AtlasData> {
  const [topology, rest, territories, indicators, manifest, tiLabels] = await Promise.all([
    loadTopology(),
    getJson<Pick<Topology, 'objects'>>('atlas-national-rest.json'),
    getJson<TerritoriesFile>('territories.json'),
    getJson<IndicatorsFile>('indicators.json'),
    getJson<Manifest>('manifest.json'),
    getJson<AtlasData['tiLabels']>('ti-labels.json'),
  ]);
  // The same object the map may already draw from: départements, régions and TI 2018–2022 join it.
  Object.assign(topology.objects, rest.objects);
  return { topology, territories, indicators, manifest, tiLabels };
}

let detail: Promise<Topology> | null = null;
/** The full-detail topology (SVG export; the map has its own tiles): loaded on first use. */
export function loadDetailTopology(): Promise<Topology> {
  detail ??= getJson<Topology>('atlas.topo.json');
  detail.catch(() => (detail = null));
  return detail;
}

let communes: Promise<CommuneRecord[]> | null = null;
/** The commune list is big: loaded on first use (search). */
export function loadCommunes(): Promise<CommuneRecord[]> {
  communes ??= getJson<CommunesFile>('communes.json').then(unpackCommunes);
  return communes;
}

let friches: Promise<FrichePoints> | null = null;
export function loadFriches(): Promise<FrichePoints> {
  friches ??= getJson<FrichePoints>('friches.json');
  return friches;
}

let zonesEmploi: Promise<ZonesEmploiFile> | null = null;
/** Zones d'emploi (industrial jobs by sector): loaded when a profile or the national view needs it. */
export function loadZonesEmploi(): Promise<ZonesEmploiFile> {
  zonesEmploi ??= getJson<ZonesEmploiFile>('zones-emploi.json');
  zonesEmploi.catch(() => {
    zonesEmploi = null; // let a later profile retry
  });
  return zonesEmploi;
}
