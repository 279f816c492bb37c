// Joins the indicator tables to EPCI and TI. Values are "raw fields" (counts, sums, shares);
// the app's registry (src/domain/indicators.ts) turns them into indicators. A field is null
// when the source has no value: never 0 by default.

import type { EpciRecord, Generation, SeriesBreak, TiRecord } from '../../src/data/types.ts';
import {
  FRICHE_STATUSES,
  FRICHE_TYPES_INDUSTRIAL,
  type FrichePoints,
  type IndicatorsFile,
  RAW_FIELDS,
  type RawField,
  type ZibacZone,
} from '../../src/domain/fields.ts';
import type { Transform } from './drom.ts';
import { check, DataError } from './errors.ts';
import { readCsv, SIREN } from './inputs.ts';
import { FRICHE_FIELDS, round, type Values, YEARS } from './raw-fields.ts';
import { findBreaks } from './series-breaks.ts';
import type { buildEpciBase } from './territories.ts';
import { buildPartsAndTi } from './ti-values.ts';
import { zibacTranslator } from './zibac-i18n.ts';

type Base = ReturnType<typeof buildEpciBase>;
type SourceDecl = { path: string; optional?: boolean };
interface Args {
  base: Base;
  epci: EpciRecord[];
  tis: TiRecord[];
  src: (id: string) => SourceDecl;
  transforms: Map<string, Transform>;
  /** Is this declared source present in the data folder? */
  present: (id: string) => boolean;
}

const num = (s: string, file: string, row: number, col: string): number | null => {
  if (s === '' || s === 'NA') return null;
  const v = Number(s);
  check(Number.isFinite(v), file, `column ${col}: "${s}" is not a number`, row);
  return v;
};

export function buildIndicators({ base, epci, tis, src, transforms, present }: Args) {
  const communeValues = new Map<string, Values>(); // current commune code → commune-level fields
  const epciValues = new Map<string, Values>(epci.map((e) => [e.code, { pop: e.population, area_km2: e.areaKm2 }]));
  const cv = (code: string) => {
    let v = communeValues.get(code);
    if (!v) communeValues.set(code, (v = { pop: base.communes.pop2022.get(code) ?? null }));
    return v;
  };
  const coverage: IndicatorsFile['coverage'] = {};
  const counts: Record<string, number> = {};

  // Friches (Cerema Cartofriches): counts are true zeros where an EPCI has no site.
  const frFile = src('friches').path;
  const frRows = readCsv(frFile, [
    'site_id',
    'site_nom',
    'site_type',
    'site_statut',
    'site_surface',
    'comm_insee',
    'lon',
    'lat',
  ]);
  const typeList: string[] = [];
  const points: FrichePoints = {
    columns: ['lon', 'lat', 'status', 'type', 'surface_m2', 'name', 'id', 'commune'],
    statuses: [...FRICHE_STATUSES],
    types: typeList,
    rows: [],
  };
  let unresolved = 0;
  for (const c of base.communes.current.keys()) for (const f of FRICHE_FIELDS) cv(c)[f] = 0;
  frRows.forEach((r, i) => {
    const row = i + 2;
    const status = FRICHE_STATUSES.indexOf(r.site_statut as (typeof FRICHE_STATUSES)[number]);
    check(status >= 0, frFile, `unknown site_statut "${r.site_statut}"`, row);
    const lon = num(r.lon, frFile, row, 'lon'),
      lat = num(r.lat, frFile, row, 'lat');
    const surface = num(r.site_surface, frFile, row, 'site_surface');
    let t = typeList.indexOf(r.site_type);
    if (t < 0) t = typeList.push(r.site_type) - 1;
    const commune = base.communes.resolve(r.comm_insee);
    if (!commune) {
      unresolved++;
      return;
    }
    const v = cv(commune);
    v.fr_total = (v.fr_total ?? 0) + 1;
    const statusField = (['fr_potentielle', 'fr_sans_projet', 'fr_avec_projet', 'fr_reconvertie'] as const)[status];
    v[statusField] = (v[statusField] ?? 0) + 1;
    if (FRICHE_TYPES_INDUSTRIAL.includes(r.site_type)) v.fr_industrielle = (v.fr_industrielle ?? 0) + 1;
    if (surface !== null) v.fr_surface_ha = (v.fr_surface_ha ?? 0) + surface / 1e4;
    if (lon !== null && lat !== null) {
      const dep = base.communes.current.get(commune)!.departement;
      const t2 = transforms.get(dep);
      const [x, y] = t2 ? t2([lon, lat]) : [lon, lat];
      points.rows.push([
        x,
        y,
        status,
        t,
        surface === null ? null : Math.round(surface),
        r.site_nom,
        r.site_id,
        commune,
      ]);
    }
  });
  counts.friches_sites = frRows.length;
  coverage.friches = {
    matched: frRows.length - unresolved,
    total: frRows.length,
    note: `${unresolved} sites with an unknown commune code`,
  };

  // URSSAF private jobs: EPCI file for EPCI, commune file for partial TI members.
  const empFile = src('emploi_epci').path;
  const empRows = readCsv(empFile, ['code_epci', 'annee', 'effectifs_salaries']);
  const empSeen = new Set<string>();
  const breaks: SeriesBreak[] = [];
  const empSeries = new Map<string, Map<number, number | null>>();
  empRows.forEach((r, i) => {
    if (r.code_epci === 'ZZZZZZZZZ') return; // communes outside any EPCI
    check(SIREN.test(r.code_epci), empFile, `malformed code_epci "${r.code_epci}"`, i + 2);
    const v = epciValues.get(r.code_epci);
    if (!v) throw new DataError(empFile, `unknown EPCI ${r.code_epci}`, i + 2);
    const year = Number(r.annee);
    check(YEARS.includes(year), empFile, `unexpected year "${r.annee}"`, i + 2);
    const x = num(r.effectifs_salaries, empFile, i + 2, 'effectifs_salaries');
    v[`emp_${year}` as RawField] = x;
    if (!empSeries.has(r.code_epci)) empSeries.set(r.code_epci, new Map());
    empSeries.get(r.code_epci)!.set(year, x);
    empSeen.add(r.code_epci);
  });
  for (const y of YEARS)
    for (const b of findBreaks('emploi_epci', 'effectifs_salaries', 'count', empSeries, y, `emp_${y}`)) {
      breaks.push(b);
      epciValues.get(b.code)![`emp_${y}` as RawField] = null;
    }
  coverage.emploi_epci = { matched: empSeen.size, total: epci.length, note: 'URSSAF does not cover Mayotte' };
  if (present('emploi_communes')) {
    const empComFile = src('emploi_communes').path;
    // A commune absent from the file had no private employer in any year: a true zero, except in
    // Mayotte, which URSSAF does not cover (left as no data).
    for (const [code, c] of base.communes.current)
      if (c.departement !== '976') for (const y of YEARS) cv(code)[`emp_${y}` as RawField] = 0;
    readCsv(empComFile, ['code_commune', ...YEARS.map((y) => `eff_${y}`)]).forEach((r, i) => {
      const c = base.communes.resolve(r.code_commune);
      if (!c) return;
      const v = cv(c);
      // Empty = no employer that year: a true zero at commune level.
      for (const y of YEARS)
        v[`emp_${y}` as RawField] =
          ((v[`emp_${y}` as RawField] as number | null) ?? 0) +
          (num(r[`eff_${y}`], empComFile, i + 2, `eff_${y}`) ?? 0);
    });
  }

  // Census 2022 share of jobs in industry (not aggregable: no counts in the source).
  // The source has a row for the Métropole du Grand Paris and one for each of its EPT (and Paris).
  const ecoFile = src('eco_epci').path;
  let ecoMatched = 0;
  const eptValues = new Map<string, Values>();
  readCsv(ecoFile, ['code', 'eco_sectindus_pct_22']).forEach((r, i) => {
    const x = num(r.eco_sectindus_pct_22, ecoFile, i + 2, 'eco_sectindus_pct_22');
    if (base.ept.has(r.code)) eptValues.set(r.code, { indus_pct_2022: x });
    const v = epciValues.get(r.code);
    if (!v) return; // Paris (75056), a territory of the Métropole but neither an EPCI nor an EPT
    v.indus_pct_2022 = x;
    if (x !== null) ecoMatched++;
  });
  coverage.eco_epci = {
    matched: ecoMatched,
    total: epci.length,
    note: `rows for the Métropole du Grand Paris and for ${eptValues.size} of its ${base.ept.size} EPT (used for the EPT)`,
  };

  // Housing context (EPCI only).
  // Housing context (EPCI only; the source has no EPT row). Values of 2024, after the series-break rule.
  const logFile = src('logement').path;
  const logCols = { logaut: 'count', vac2ans_pct: 'share', pxm2_mai: 'share' } as const;
  const logSeries = new Map(Object.keys(logCols).map((c) => [c, new Map<string, Map<number, number | null>>()]));
  readCsv(logFile, ['code', 'annee', ...Object.keys(logCols)]).forEach((r, i) => {
    if (!epciValues.has(r.code)) throw new DataError(logFile, `unknown EPCI ${r.code}`, i + 2);
    for (const c of Object.keys(logCols)) {
      const byCode = logSeries.get(c)!;
      if (!byCode.has(r.code)) byCode.set(r.code, new Map());
      byCode.get(r.code)!.set(Number(r.annee), num(r[c], logFile, i + 2, c));
    }
  });
  for (const [col, kind] of Object.entries(logCols)) {
    const found = findBreaks('logement', col, kind, logSeries.get(col)!, 2024, `${col}_2024`);
    breaks.push(...found);
    const broken = new Set(found.map((b) => b.code));
    for (const [code, byYear] of logSeries.get(col)!)
      epciValues.get(code)![`${col}_2024` as RawField] = broken.has(code) ? null : (byYear.get(2024) ?? null);
  }

  // France Ruralités Revitalisation (commune-level zoning → counts).
  const frrFile = src('frr').path;
  readCsv(frrFile, ['Code_insee', 'Classement FRR et FRR+ au 10 juillet 2025'], ';').forEach((r) => {
    const c = base.communes.resolve(r.Code_insee);
    if (!c) return;
    const v = cv(c);
    const cls = r['Classement FRR et FRR+ au 10 juillet 2025'];
    v.frr_communes = (v.frr_communes ?? 0) + (cls !== 'Non classée' && cls !== '' ? 1 : 0);
    v.frr_plus = (v.frr_plus ?? 0) + (cls === 'FRR+' ? 1 : 0);
    v.communes_n = (v.communes_n ?? 0) + 1;
  });

  // Commune-level fields summed to EPCI.
  const epciCommunes = new Map<string, string[]>();
  for (const [c, e] of base.communeEpci) epciCommunes.set(e, [...(epciCommunes.get(e) ?? []), c]);
  const sumCommunes = (codes: string[], field: RawField): number | null => {
    let s = 0;
    for (const c of codes) {
      const x = communeValues.get(c)?.[field];
      if (x === null || x === undefined) return null;
      s += x;
    }
    return s;
  };
  for (const [code, v] of epciValues)
    for (const f of [...FRICHE_FIELDS, 'frr_communes', 'frr_plus', 'communes_n'] as RawField[])
      v[f] = sumCommunes(epciCommunes.get(code) ?? [], f);

  // ZIBaC: EPCI hosting a known laureate zone.
  const zFile = src('zibac').path;
  const tr = zibacTranslator(zFile);
  const zones: ZibacZone[] = readCsv(zFile, [
    'zone_id',
    'zone_name',
    'project_name',
    'porteur',
    'laureate_wave_or_date',
    'epci_siren_resolved_2026',
    'perimeter_quality',
    'source_urls',
    'confidence',
    'notes',
  ]).map((r, i) => {
    const epcis = r.epci_siren_resolved_2026
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const c of epcis)
      if (!epciValues.has(c)) throw new DataError(zFile, `zone ${r.zone_id}: unknown EPCI ${c}`, i + 2);
    return {
      id: r.zone_id,
      name: r.zone_name,
      project: r.project_name,
      porteur: r.porteur,
      date: tr(r.zone_id, 'date', r.laureate_wave_or_date),
      epcis,
      communes: (r.insee_resolved_2026 ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      perimeterQuality: tr(r.zone_id, 'perimeter', r.perimeter_quality),
      confidence: tr(r.zone_id, 'confidence', r.confidence),
      sources: r.source_urls.split(/[;\s]+/).filter((u) => /^https?:\/\//.test(u)),
      notes: tr(r.zone_id, 'notes', r.notes),
    };
  });
  counts.zibac_zones = zones.length;
  for (const v of epciValues.values()) v.zibac_zones = 0;
  for (const z of zones) for (const c of z.epcis) epciValues.get(c)!.zibac_zones! += 1;

  const { parts, tiValues } = buildPartsAndTi({ base, tis, epciValues, eptValues, communeValues, zones, sumCommunes });
  const column = (rows: Values[], f: RawField) =>
    rows.map((v) => (v[f] === undefined || v[f] === null ? null : round(v[f]!)));
  const epciRows = epci.map((e) => epciValues.get(e.code)!);
  const file: IndicatorsFile = {
    fields: [...RAW_FIELDS],
    parts,
    epci: {
      codes: epci.map((e) => e.code),
      values: Object.fromEntries(RAW_FIELDS.map((f) => [f, column(epciRows, f)])) as IndicatorsFile['epci']['values'],
    },
    ti: Object.fromEntries(
      (['2023', '2018'] as Generation[]).map((g) => [
        g,
        {
          codes: tis.filter((t) => t.generation === g).map((t) => t.key),
          values: Object.fromEntries(RAW_FIELDS.map((f) => [f, column(tiValues[g], f)])),
        },
      ]),
    ) as IndicatorsFile['ti'],
    zibac: zones,
    coverage,
  };
  const gaps = [
    {
      id: 'emploi_industriel',
      title: "Effectifs salariés de l'industrie par EPCI et par année",
      officialSource:
        'Urssaf open data « etablissements-et-effectifs-salaries-au-niveau-commune-x-ape-last » (GS1 Industrie)',
    },
    {
      id: 'conso_espaces',
      title: "Consommation d'espaces naturels pour l'activité économique (2009–2024)",
      officialSource: 'Cerema, fichiers fonciers, conso2009_2024_resultats_com.csv',
    },
    {
      id: 'zae',
      title: "Zones d'activité économique (inventaires ZAE) et « sites clés en main »",
      officialSource: 'Inventaires locaux ; liste des 55 lauréats du 16/04/2024 (non publiée en format ouvert)',
    },
  ];
  counts.series_breaks = breaks.length;
  return { file, friches: points, counts, coverage, gaps, breaks };
}
