// `npm run data`: reads ../shared/data (or $ATLAS_DATA_DIR) in place, validates it, and writes the
// app's generated artefacts to public/generated (or $ATLAS_OUT_DIR). Deterministic; skips work when
// nothing it reads has changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import sprintRule from '../geo/sprint-innovation.json';
import { departementOf, packCommunes } from '../src/data/communes.ts';
import type {
  CommuneRecord,
  EpciRecord,
  InsetFrame,
  Manifest,
  SourceInfo,
  TerritoriesFile,
  TiRecord,
} from '../src/data/types.ts';
import { firstViewFileName } from '../src/domain/first-view.ts';
import { buildFirstView } from '../src/domain/first-view-build.ts';
import { INDICATORS } from '../src/domain/indicators.ts';
import type { SprintRule } from '../src/domain/sprint.ts';
import { DEFAULT_VIEW } from '../src/domain/view.ts';
import { loadCog } from './lib/cog.ts';
import { geometryBBox, insetTransform, transformGeometry } from './lib/drom.ts';
import { buildEptRecords } from './lib/ept.ts';
import { check, DataError } from './lib/errors.ts';
import { buildTopology, nationalTopology, type PolyFeature, partialPiece } from './lib/geometry.ts';
import { buildIndicators } from './lib/indicators.ts';
import { inputHash } from './lib/input-hash.ts';
import { DATA_DIR, dataPath, fileSize, readGeoJson, SIREN, sha256 } from './lib/inputs.ts';
import { buildEpciBase, MGP, readTiGeneration } from './lib/territories.ts';
import { writeMapTiles } from './lib/tiles.ts';
import { attachZoneFields, buildZonesEmploi } from './lib/zones-emploi.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(process.env.ATLAS_OUT_DIR ?? join(ROOT, 'public', 'generated'));
const FORCE = process.argv.includes('--force');

interface SourceDecl {
  path: string;
  title: string;
  year: string;
  producer: string;
  licence: string;
  url: string;
  optional?: boolean;
  licenceToConfirm?: boolean;
  use?: string;
  expect?: Record<string, number>;
}
const sourcesDecl: Record<string, SourceDecl> = JSON.parse(
  readFileSync(join(ROOT, 'geo', 'sources.json'), 'utf8'),
).sources;
const insetDecl: { fit: number; insets: InsetFrame[] } = JSON.parse(
  readFileSync(join(ROOT, 'geo', 'drom-insets.json'), 'utf8'),
);

const src = (id: string) => {
  const s = sourcesDecl[id];
  if (!s) throw new Error(`geo/sources.json has no source "${id}"`);
  return s;
};

const OUTPUT_FILES = [
  'atlas.topo.json',
  'atlas-national.topo.json',
  'atlas-national-rest.json',
  'first-view.json',
  'first-view', // one file per indicator (first-view.ts)
  'tiles', // one folder per map source (scripts/lib/tiles.ts)
  'territories.json',
  'communes.json',
  'ti-labels.json',
  'indicators.json',
  'friches.json',
  'zones-emploi.json',
  'manifest.json',
];

function main() {
  const started = Date.now();
  const cog = loadCog();
  const hash = inputHash(ROOT, DATA_DIR, sourcesDecl, cog.version);
  const manifestPath = join(OUT, 'manifest.json');
  if (!FORCE && existsSync(manifestPath) && OUTPUT_FILES.every((f) => existsSync(join(OUT, f)))) {
    const previous: Manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (previous.inputHash === hash) {
      console.log(`data: up to date (${relative(process.cwd(), OUT) || '.'}, inputs unchanged)`);
      return;
    }
  }
  console.log(`data: reading ${DATA_DIR}`);

  const base = buildEpciBase(cog);

  // --- Geometry: EPCI, départements, régions ------------------------------------------------
  const epciFile = src('geo_epci').path;
  const epciGeo = readGeoJson<{ code: string; nom: string; nature: string; dep_siege: string; area_m2: number }>(
    epciFile,
    src('geo_epci').expect?.features,
  );
  const depFile = src('geo_dep').path;
  const depGeo = readGeoJson<{ code: string; area_m2: number }>(depFile, src('geo_dep').expect?.features);
  const regFile = src('geo_reg').path;
  const regGeo = readGeoJson<{ code: string; area_m2: number }>(regFile, src('geo_reg').expect?.features);

  const seen = new Set<string>();
  epciGeo.forEach((f, i) => {
    const p = f.properties;
    check(p && SIREN.test(String(p.code)), epciFile, `feature ${i + 1}: malformed EPCI code "${p?.code}"`);
    check(typeof p.code === 'string', epciFile, `feature ${i + 1}: code must be a string`);
    check(!seen.has(p.code), epciFile, `feature ${i + 1}: duplicate EPCI code ${p.code}`);
    seen.add(p.code);
    check(base.epci.has(p.code), epciFile, `feature ${i + 1}: EPCI ${p.code} is not in the 2026 COG`);
  });
  for (const code of base.epci.keys())
    check(seen.has(code), epciFile, `no geometry for EPCI ${code} (${base.epci.get(code)!.name})`);
  const depCodes = new Set(cog.departements.map((d) => d.code));
  depGeo.forEach((f, i) =>
    check(
      depCodes.has(f.properties?.code),
      depFile,
      `feature ${i + 1}: unknown département code "${f.properties?.code}"`,
    ),
  );
  const regCodes = new Set(cog.regions.map((r) => r.code));
  regGeo.forEach((f, i) =>
    check(regCodes.has(f.properties?.code), regFile, `feature ${i + 1}: unknown région code "${f.properties?.code}"`),
  );

  // DROM insets: one transform per overseas département, from its real extent.
  const transforms = new Map<string, ReturnType<typeof insetTransform>>();
  for (const frame of insetDecl.insets) {
    const dep = depGeo.find((f) => f.properties.code === frame.dep);
    check(dep, depFile, `no geometry for DROM département ${frame.dep} (${frame.name})`);
    transforms.set(frame.dep, insetTransform(geometryBBox([dep.geometry]), frame, insetDecl.fit));
  }
  const regionInset = new Map(insetDecl.insets.map((f) => [f.region, f.dep]));
  const epciInset = new Map<string, string>();
  const moved = <P>(f: Feature<Polygon | MultiPolygon, P>, dep: string | undefined) => {
    const t = dep ? transforms.get(dep) : undefined;
    return t ? { ...f, geometry: transformGeometry(f.geometry, t) } : f;
  };
  const epciFeatures: PolyFeature[] = epciGeo.map((f) => {
    const dep = transforms.has(f.properties.dep_siege) ? f.properties.dep_siege : undefined;
    if (dep) epciInset.set(f.properties.code, dep);
    return moved(
      { type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry as Polygon | MultiPolygon },
      dep,
    );
  });
  const depFeatures: PolyFeature[] = depGeo.map((f) =>
    moved(
      { type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry as Polygon | MultiPolygon },
      f.properties.code,
    ),
  );
  const regFeatures: PolyFeature[] = regGeo.map((f) =>
    moved(
      { type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry as Polygon | MultiPolygon },
      regionInset.get(f.properties.code),
    ),
  );

  // --- Territoires d'industrie ----------------------------------------------------------------
  const tis: Omit<TiRecord, 'bbox'>[] = [];
  const parts: Feature<Polygon | MultiPolygon, { ti: string }>[] = [];
  const partialWithoutOutline: { ti: string; epci: string }[] = [];
  const epciById = new Map(epciFeatures.map((f) => [f.properties.code, f]));
  for (const [gen, csvId, polyId, idProp] of [
    ['2023', 'ti_2023', 'ti_2023_polygons', 'id_territoire'],
    ['2018', 'ti_2018', 'ti_2018_polygons', 'id_ti'],
  ] as const) {
    const list = readTiGeneration(src(csvId).path, gen, base, src(csvId).expect as { groups: number; rows: number });
    tis.push(...list);
    const partial = list.filter((t) => t.partialEpcis.length > 0);
    if (partial.length === 0) continue;
    const polyFile = src(polyId).path;
    const outlines = new Map(
      readGeoJson<Record<string, string>>(polyFile, undefined, false).map((f) => [f.properties[idProp], f]),
    );
    for (const ti of partial) {
      const outline = outlines.get(ti.id);
      check(outline, polyFile, `no outline for ${ti.id} (${ti.name}), needed for its partial members`);
      const polygons = polygonsOf(outline.geometry);
      for (const host of ti.partialEpcis) {
        const piece =
          polygons &&
          partialPiece({ type: 'Feature', properties: {}, geometry: polygons }, epciById.get(host)!, ti.key);
        if (piece) parts.push(piece);
        else {
          // ANCT gives no usable outline here (points only): show the whole host EPCI as "partly in".
          partialWithoutOutline.push({ ti: ti.key, epci: host });
          console.warn(
            `data: note: ${ti.id} ${gen} (${ti.name}) has no polygon outline for its members in EPCI ${host}; drawn as a partial EPCI`,
          );
        }
      }
    }
  }

  const tiWithBox = tis as TiRecord[];
  const built = buildTopology(
    { epci: epciFeatures, dep: depFeatures, reg: regFeatures, parts, partialWithoutOutline },
    tiWithBox,
    0.8,
  );
  for (const ti of tiWithBox) ti.bbox = built.tiBBox.get(ti.key)!;

  const geoByCode = new Map(epciGeo.map((f) => [f.properties.code, f.properties]));
  const epci: EpciRecord[] = [...base.epci.values()]
    .map((e) => {
      const g = geoByCode.get(e.code)!;
      const inset = epciInset.get(e.code);
      return {
        ...e,
        depSiege: g.dep_siege,
        areaKm2: Math.round(g.area_m2 / 1e4) / 100,
        ti: {
          '2023': tis.filter((t) => t.generation === '2023' && t.epcis.includes(e.code)).map((t) => t.id),
          '2018': tis.filter((t) => t.generation === '2018' && t.epcis.includes(e.code)).map((t) => t.id),
        },
        bbox: built.epciBBox.get(e.code)!,
        neighbours: built.epciNeighbours.get(e.code) ?? [],
        ...(inset ? { inset } : {}),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const territories: TerritoriesFile = {
    epci,
    ept: buildEptRecords(base, tis, built.epciBBox.get(MGP)!),
    ti: {
      '2023': tiWithBox.filter((t) => t.generation === '2023'),
      '2018': tiWithBox.filter((t) => t.generation === '2018'),
    },
    departements: cog.departements.map((d) => ({ code: d.code, name: d.nom, region: d.region! })),
    regions: cog.regions.map((r) => ({ code: r.code, name: r.nom })),
    insets: insetDecl.insets,
    populationYear: '2022',
    communePopulationYear: '2023',
  };

  const communes: CommuneRecord[] = [...base.communes.current.values()]
    .map((c) => ({
      code: c.code,
      name: c.nom,
      postcodes: c.codesPostaux ?? [],
      epci: base.communeEpci.get(c.code) ?? null,
      // Search shows the commune's newest legal population (2023 vintage, said next to it).
      population: c.population ?? 0,
      departement: c.departement,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  // The packed commune file derives the département from the INSEE code: check that it holds.
  for (const c of communes)
    check(
      departementOf(c.code) === c.departement,
      '@etalab/decoupage-administratif communes.json',
      `commune ${c.code} is in département ${c.departement}, not ${departementOf(c.code)}`,
    );

  // --- Indicators -----------------------------------------------------------------------------
  const present = (id: string) => {
    const s = src(id);
    if (existsSync(dataPath(s.path))) return true;
    check(s.optional, s.path, `required input "${id}" not found (looked in ${DATA_DIR})`);
    console.warn(
      `data: note: optional input "${id}" (${s.path}) is absent; values that depend on it are not available`,
    );
    return false;
  };
  const indicators = buildIndicators({ base, epci, tis: tiWithBox, src, transforms, present });
  const zonesEmploi = buildZonesEmploi(base, tiWithBox, cog.communes, src);
  attachZoneFields(indicators.file, zonesEmploi.file);
  const zeReport = zonesEmploi.report;
  console.log(
    `data: zones d'emploi: ${zeReport.viaFormer.length} communes resolved through their former communes, ${zeReport.unresolved.length} unresolved${zeReport.unresolved.length ? ` (${zeReport.unresolved.join(', ')})` : ''}`,
  );
  const cc = zeReport.crossCheck;
  if (cc)
    console.log(
      `data: zones d'emploi 2024: ${cc.within2} of ${cc.checked} zones within 2 % of their communes' URSSAF totals (worst ${cc.worstPct} %, zone ${cc.worstZone})`,
    );

  // --- Write (to a temp folder, then swap, so a failed run never leaves a half-written set) ----
  const tmp = `${OUT}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const outputs: Manifest['outputs'] = {};
  const write = (name: string, value: unknown) => {
    const text = JSON.stringify(value);
    writeFileSync(join(tmp, name), text);
    outputs[name] = { bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
  };
  write('atlas.topo.json', built.topology);
  const national = nationalTopology(built.topology);
  write('atlas-national.topo.json', national.first);
  write('atlas-national-rest.json', national.rest);
  const tiles = writeMapTiles(
    tmp,
    { ...national.first, objects: { ...national.first.objects, ...national.rest.objects } },
    built.topology,
  );
  outputs.tiles = tiles;
  write('first-view.json', buildFirstView(indicators.file, territories, sprintRule as SprintRule));
  // A link that names only its indicator draws its first map from its own file (first-view.ts).
  mkdirSync(join(tmp, 'first-view'));
  for (const ind of INDICATORS) {
    const view = { ...DEFAULT_VIEW, indicator: ind.id };
    const file = buildFirstView(indicators.file, territories, sprintRule as SprintRule, view);
    if (file) write(firstViewFileName(ind.id), file);
  }
  write('territories.json', territories);
  write('communes.json', packCommunes(communes));
  write('ti-labels.json', { type: 'FeatureCollection', features: built.tiLabels });
  write('indicators.json', indicators.file);
  write('friches.json', indicators.friches);
  write('zones-emploi.json', zonesEmploi.file);

  const sources: SourceInfo[] = Object.entries(sourcesDecl).map(([id, s]) => {
    const isNpm = s.path.startsWith('npm:');
    const present = isNpm || existsSync(dataPath(s.path));
    return {
      id,
      title: s.title,
      year: s.year,
      producer: s.producer,
      licence: s.licence,
      url: s.url,
      ...(s.licenceToConfirm ? { licenceToConfirm: true } : {}),
      ...(s.use ? { note: s.use } : {}),
      path: isNpm ? `${s.path}@${cog.version}` : s.path,
      present,
      ...(present && !isNpm ? { sha256: sha256(s.path), bytes: fileSize(s.path) } : {}),
    };
  });
  const manifest: Manifest = {
    generatedAt: 'deterministic',
    inputHash: hash,
    sources,
    counts: {
      epci: epci.length,
      departements: depGeo.length,
      regions: regGeo.length,
      ti2023: territories.ti['2023'].length,
      ti2018: territories.ti['2018'].length,
      communes: communes.length,
      ...indicators.counts,
      zones_emploi: zonesEmploi.file.zones.length,
    },
    coverage: {
      ...indicators.coverage,
      zones_emploi: {
        matched: zeReport.zones,
        total: zonesEmploi.file.zones.length,
        note: `URSSAF does not cover Mayotte; ${zeReport.unresolved.length} EPCI communes without a zone${cc ? `; 2024: ${cc.within2} of ${cc.checked} zones within 2 % of their communes' totals` : ''}`,
      },
    },
    gaps: indicators.gaps,
    breaks: indicators.breaks,
    outputs,
  };
  write('manifest.json', manifest);
  rmSync(OUT, { recursive: true, force: true });
  renameSync(tmp, OUT);
  const total = Object.values(outputs).reduce((s, o) => s + o.bytes, 0);
  console.log(
    `data: wrote ${Object.keys(outputs).length} files (${(total / 1e6).toFixed(1)} MB) to ${relative(process.cwd(), OUT)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `data: ${epci.length} EPCI, ${territories.ti['2023'].length} TI 2023–2027, ${territories.ti['2018'].length} TI 2018–2022, ${communes.length} communes`,
  );
}

/** Polygons of an outline, also when ANCT mixed them with points in a GeometryCollection. */
function polygonsOf(g: Geometry | null): MultiPolygon | null {
  if (!g) return null;
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (g.type === 'MultiPolygon') return g;
  if (g.type === 'GeometryCollection') {
    const polys = g.geometries.flatMap((x) => polygonsOf(x)?.coordinates ?? []);
    return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
  }
  return null;
}

try {
  main();
} catch (e) {
  if (e instanceof DataError) {
    console.error(`data: ERROR in ${e.message}`);
    console.error(`data: nothing was written; fix the input in ${DATA_DIR} and run again.`);
  } else console.error(`data: unexpected failure: ${(e as Error).stack ?? e}`);
  process.exit(1);
}
