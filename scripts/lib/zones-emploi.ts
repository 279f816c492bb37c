// Zones d'emploi 2020 and URSSAF private salaried jobs by A38 sector × zone d'emploi: reads and
// validates the three files, maps every EPCI and TI to its zones by population, and writes the
// main zone's industrial jobs as raw fields (zone figures, never spread over EPCI).
import { existsSync } from 'node:fs';
import type { Generation, TiRecord } from '../../src/data/types.ts';
import type { IndicatorsFile, RawField } from '../../src/domain/fields.ts';
import {
  INDUSTRY_A5,
  ZE_YEARS,
  type ZeZone,
  type ZoneShare,
  type ZonesEmploiFile,
} from '../../src/domain/zones-emploi.ts';
import type { CogCommune } from './cog.ts';
import { check, DataError } from './errors.ts';
import { dataPath, readCsv } from './inputs.ts';
import type { buildEpciBase } from './territories.ts';

type Base = ReturnType<typeof buildEpciBase>;
interface Decl {
  path: string;
  expect?: Record<string, number>;
}

const ZE_CODE = /^\d{4}$/;
/** NAF A38 sectors of the URSSAF file (agriculture excluded) with their A5 group. */
const A38_A5: Record<string, string> = {
  BZ: 'BE',
  CA: 'BE',
  CB: 'BE',
  CC: 'BE',
  CD: 'BE',
  CE: 'BE',
  CF: 'BE',
  CG: 'BE',
  CH: 'BE',
  CI: 'BE',
  CJ: 'BE',
  CK: 'BE',
  CL: 'BE',
  CM: 'BE',
  DZ: 'BE',
  EZ: 'BE',
  FZ: 'FZ',
  GZ: 'GU',
  HZ: 'GU',
  IZ: 'GU',
  JA: 'GU',
  JB: 'GU',
  JC: 'GU',
  KZ: 'GU',
  LZ: 'GU',
  MA: 'GU',
  MB: 'GU',
  MC: 'GU',
  NZ: 'GU',
  OZ: 'OQ',
  PZ: 'OQ',
  QA: 'OQ',
  QB: 'OQ',
  RZ: 'GU',
  SZ: 'GU',
};

/**
 * Zone of every current commune: from the table, or, for a commune created after it (absent from
 * it), from its former communes when they all lie in one zone. Others are reported unresolved.
 */
export function communeZones(
  table: Map<string, string>,
  current: Iterable<CogCommune>,
  all: CogCommune[],
): { zoneOf: Map<string, string>; viaFormer: string[]; unresolved: string[] } {
  const former = new Map<string, Set<string>>();
  const add = (commune: string, old: string) => {
    if (!former.has(commune)) former.set(commune, new Set());
    former.get(commune)!.add(old);
  };
  for (const c of all) if (c.type !== 'commune-actuelle' && c.chefLieu) add(c.chefLieu, c.code);
  const zoneOf = new Map<string, string>();
  const viaFormer: string[] = [],
    unresolved: string[] = [];
  for (const c of current) {
    const direct = table.get(c.code);
    if (direct) {
      zoneOf.set(c.code, direct);
      continue;
    }
    for (const old of c.anciensCodes ?? []) add(c.code, old);
    const zones = new Set([...(former.get(c.code) ?? [])].map((o) => table.get(o)).filter((z) => z !== undefined));
    if (zones.size === 1) {
      zoneOf.set(c.code, [...zones][0]);
      viaFormer.push(c.code);
    } else unresolved.push(c.code);
  }
  return { zoneOf, viaFormer, unresolved };
}

function sharesOf(communes: Iterable<string>, zoneOf: Map<string, string>, pop: (c: string) => number): ZoneShare[] {
  const byZone = new Map<string, number>();
  let total = 0;
  for (const c of communes) {
    const z = zoneOf.get(c);
    if (!z) continue;
    byZone.set(z, (byZone.get(z) ?? 0) + pop(c));
    total += pop(c);
  }
  return [...byZone]
    .map(([zone, p]) => ({ zone, share: total ? Math.round((p / total) * 1e4) / 1e4 : 0 }))
    .sort((a, b) => b.share - a.share || a.zone.localeCompare(b.zone));
}

/** Current communes of a TI: whole EPCI, EPT and single-commune members. */
function tiCommunes(ti: TiRecord, base: Base, epciCommunes: Map<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const m of ti.members) {
    if (m.kind === 'commune') out.add(m.code);
    else if (m.kind === 'ept') for (const c of base.ept.get(m.code)!.membres) out.add(c.code);
    else for (const c of epciCommunes.get(m.code) ?? []) out.add(c);
  }
  return out;
}

export function buildZonesEmploi(
  base: Base,
  tis: TiRecord[],
  allCommunes: CogCommune[],
  src: (id: string) => Decl,
): {
  file: ZonesEmploiFile;
  report: { viaFormer: string[]; unresolved: string[]; zones: number; crossCheck: ReturnType<typeof crossCheck> };
} {
  // Zone names.
  const namesDecl = src('ze_zones');
  const names = new Map<string, string>();
  readCsv(namesDecl.path, ['code_ze2020', 'libelle_ze2020'], ';').forEach((r, i) => {
    check(ZE_CODE.test(r.code_ze2020), namesDecl.path, `malformed zone code "${r.code_ze2020}"`, i + 2);
    check(!names.has(r.code_ze2020), namesDecl.path, `duplicate zone ${r.code_ze2020}`, i + 2);
    check(r.libelle_ze2020 !== '', namesDecl.path, `zone ${r.code_ze2020} has no name`, i + 2);
    names.set(r.code_ze2020, r.libelle_ze2020);
  });
  if (namesDecl.expect?.zones)
    check(
      names.size === namesDecl.expect.zones,
      namesDecl.path,
      `expected ${namesDecl.expect.zones} zones, found ${names.size}`,
    );

  // Communes → zone.
  const mapDecl = src('ze_communes');
  const table = new Map<string, string>();
  const rows = readCsv(mapDecl.path, ['code_commune', 'code_ze2020'], ';');
  if (mapDecl.expect?.rows)
    check(
      rows.length === mapDecl.expect.rows,
      mapDecl.path,
      `expected ${mapDecl.expect.rows} rows, found ${rows.length}`,
    );
  rows.forEach((r, i) => {
    check(
      /^(\d{5}|2[AB]\d{3})$/.test(r.code_commune),
      mapDecl.path,
      `malformed commune code "${r.code_commune}"`,
      i + 2,
    );
    check(names.has(r.code_ze2020), mapDecl.path, `unknown zone "${r.code_ze2020}"`, i + 2);
    check(!table.has(r.code_commune), mapDecl.path, `duplicate commune ${r.code_commune}`, i + 2);
    table.set(r.code_commune, r.code_ze2020);
  });
  // Only communes of an EPCI matter (the overseas collectivities outside EPCI have no zone).
  const inEpci = [...base.communeEpci.keys()].map((c) => base.communes.current.get(c)!);
  const { zoneOf, viaFormer, unresolved } = communeZones(table, inEpci, allCommunes);
  const pop = (c: string) => base.communes.current.get(c)?.population ?? 0;

  // URSSAF jobs by sector × zone.
  const jobsDecl = src('emploi_a38_ze');
  const cols = ZE_YEARS.map((y) => `eff_${y}`);
  const jobRows = readCsv(jobsDecl.path, ['code_ze2020', 'a38', 'a21', 'a5', 'libelle_a38', ...cols], ';');
  if (jobsDecl.expect?.rows)
    check(
      jobRows.length === jobsDecl.expect.rows,
      jobsDecl.path,
      `expected ${jobsDecl.expect.rows} rows, found ${jobRows.length}`,
    );
  const sectors: { code: string; label: string }[] = [];
  const cells = new Map<string, (number | null)[]>(); // "zone|a38" → jobs per year
  const seen = new Set<string>();
  jobRows.forEach((r, i) => {
    const row = i + 2;
    check(names.has(r.code_ze2020), jobsDecl.path, `unknown zone "${r.code_ze2020}"`, row);
    const a5 = A38_A5[r.a38];
    check(a5, jobsDecl.path, `unknown A38 sector "${r.a38}"`, row);
    check(r.a5 === a5, jobsDecl.path, `sector ${r.a38} is in A5 group ${a5}, not "${r.a5}"`, row);
    check(r.a21 === r.a38[0], jobsDecl.path, `sector ${r.a38} is in A21 section ${r.a38[0]}, not "${r.a21}"`, row);
    const key = `${r.code_ze2020}|${r.a38}`;
    check(!seen.has(key), jobsDecl.path, `duplicate row for zone ${r.code_ze2020}, sector ${r.a38}`, row);
    seen.add(key);
    if (a5 === INDUSTRY_A5 && !sectors.some((s) => s.code === r.a38))
      sectors.push({ code: r.a38, label: r.libelle_a38 });
    cells.set(
      key,
      cols.map((c) => {
        if (r[c] === '') return null; // not published
        check(/^\d+$/.test(r[c]), jobsDecl.path, `column ${c}: "${r[c]}" is not a job count`, row);
        return Number(r[c]);
      }),
    );
  });
  sectors.sort((a, b) => a.code.localeCompare(b.code));
  const covered = new Set(jobRows.map((r) => r.code_ze2020));
  if (jobsDecl.expect?.zones)
    check(
      covered.size === jobsDecl.expect.zones,
      jobsDecl.path,
      `expected ${jobsDecl.expect.zones} zones, found ${covered.size}`,
    );

  const sum = (zone: string, codes: string[]) =>
    ZE_YEARS.map((_, y) => codes.reduce((s, a) => s + (cells.get(`${zone}|${a}`)?.[y] ?? 0), 0));
  const industrial = Object.keys(A38_A5).filter((a) => A38_A5[a] === INDUSTRY_A5);
  const epciCommunes = new Map<string, string[]>();
  for (const [c, e] of base.communeEpci) {
    if (!epciCommunes.has(e)) epciCommunes.set(e, []);
    epciCommunes.get(e)!.push(c);
  }
  const zonePop = new Map<string, number>();
  const tiPop = { '2023': new Map<string, number>(), '2018': new Map<string, number>() };
  for (const [c, z] of zoneOf) zonePop.set(z, (zonePop.get(z) ?? 0) + pop(c));
  const tiShares: Record<string, ZoneShare[]> = {};
  for (const g of ['2023', '2018'] as Generation[]) {
    const inTi = new Set<string>();
    for (const ti of tis.filter((t) => t.generation === g)) {
      const communes = tiCommunes(ti, base, epciCommunes);
      tiShares[ti.key] = sharesOf(communes, zoneOf, pop);
      for (const c of communes) inTi.add(c);
    }
    for (const c of inTi) {
      const z = zoneOf.get(c);
      if (z) tiPop[g].set(z, (tiPop[g].get(z) ?? 0) + pop(c));
    }
  }
  const zones: ZeZone[] = [...names]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({
      code,
      name,
      population: zonePop.get(code) ?? 0,
      tiPopulation: { '2023': tiPop['2023'].get(code) ?? 0, '2018': tiPop['2018'].get(code) ?? 0 },
      total: covered.has(code) ? sum(code, Object.keys(A38_A5)) : ZE_YEARS.map(() => null),
      industry: covered.has(code) ? sum(code, industrial) : ZE_YEARS.map(() => null),
      sectors: sectors.map((s) => cells.get(`${code}|${s.code}`) ?? ZE_YEARS.map(() => null)),
    }));
  const france = {
    total: ZE_YEARS.map((_, y) => zones.reduce((s, z) => s + (z.total[y] ?? 0), 0)),
    industry: ZE_YEARS.map((_, y) => zones.reduce((s, z) => s + (z.industry[y] ?? 0), 0)),
    sectors: sectors.map((_, k) => ZE_YEARS.map((_, y) => zones.reduce((s, z) => s + (z.sectors[k][y] ?? 0), 0))),
  };
  // The documented France totals (shared/data README) guard against a truncated or altered file.
  for (const [i, y] of ZE_YEARS.entries()) {
    const want = jobsDecl.expect?.[`industry_${y}`];
    if (want !== undefined)
      check(
        france.industry[i] === want,
        jobsDecl.path,
        `France industrial jobs ${y}: expected ${want}, found ${france.industry[i]}`,
      );
  }

  const epci: Record<string, ZoneShare[]> = {};
  for (const code of base.epci.keys()) {
    epci[code] = sharesOf(epciCommunes.get(code) ?? [], zoneOf, pop);
    if (epci[code].length === 0) throw new DataError(mapDecl.path, `EPCI ${code} has no commune with a zone`);
  }
  return {
    file: { years: [...ZE_YEARS], sectors, zones, epci, ti: tiShares, france },
    report: {
      viaFormer,
      unresolved,
      zones: covered.size,
      crossCheck: crossCheck(zones, zoneOf, base, src('emploi_communes').path),
    },
  };
}

/**
 * Cross-check of 2024 (documented in shared/data README): all sectors of a zone against the sum of
 * the URSSAF commune totals over its communes. Reported, not enforced (two compilations differ).
 */
function crossCheck(zones: ZeZone[], zoneOf: Map<string, string>, base: Base, communeJobs: string) {
  // The communes file is declared in geo/sources.json (emploi_communes, optional).
  if (!existsSync(dataPath(communeJobs))) return null;
  const byZone = new Map<string, number>();
  for (const r of readCsv(communeJobs, ['code_commune', 'eff_2024'])) {
    const c = base.communes.resolve(r.code_commune);
    const z = c ? zoneOf.get(c) : undefined;
    if (z && r.eff_2024 !== '') byZone.set(z, (byZone.get(z) ?? 0) + Number(r.eff_2024));
  }
  let within2 = 0,
    checked = 0,
    worst = { zone: '', gap: 0 };
  for (const z of zones) {
    const a = z.total[ZE_YEARS.length - 1],
      b = byZone.get(z.code);
    if (a === null || !b) continue;
    checked++;
    const gap = Math.abs(a - b) / b;
    if (gap <= 0.02) within2++;
    if (gap > worst.gap) worst = { zone: z.code, gap };
  }
  return { checked, within2, worstZone: worst.zone, worstPct: Math.round(worst.gap * 1000) / 10 };
}

/** Main-zone industrial jobs as raw fields of EPCI and TI, and the main zone's code and name. */
export function attachZoneFields(indicators: IndicatorsFile, zones: ZonesEmploiFile): void {
  const byCode = new Map(zones.zones.map((z) => [z.code, z]));
  const mainOf = (shares: ZoneShare[] | undefined) => shares?.[0]?.zone ?? null;
  const fill = (table: IndicatorsFile['epci'], main: (string | null)[]) => {
    for (const [y, year] of ZE_YEARS.entries())
      table.values[`ze_ind_${year}` as RawField] = main.map((z) => (z ? (byCode.get(z)?.industry[y] ?? null) : null));
  };
  const epciMain = indicators.epci.codes.map((c) => mainOf(zones.epci[c]));
  fill(indicators.epci, epciMain);
  const tiMain = {} as Record<Generation, (string | null)[]>;
  for (const g of ['2023', '2018'] as Generation[]) {
    tiMain[g] = indicators.ti[g].codes.map((k) => mainOf(zones.ti[k]));
    fill(indicators.ti[g], tiMain[g]);
  }
  indicators.ze = { epci: epciMain, ti: tiMain, names: Object.fromEntries(zones.zones.map((z) => [z.code, z.name])) };
}
