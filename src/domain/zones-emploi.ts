// Industrial employment of zones d'emploi (URSSAF private salaried jobs by NAF A38 sector and
// zone d'emploi 2020). A zone d'emploi is the labour market around a territory: it never nests in
// EPCI, so its figures describe the zone, never the EPCI, and are never spread over EPCI.
// Shapes of public/generated/zones-emploi.json and the pure computations on it.
import type { Generation } from '../data/types.ts';

export const ZE_YEARS = [2019, 2022, 2023, 2024] as const;
export type ZeYear = (typeof ZE_YEARS)[number];
/** A zone holding at least this share of a territory's population is shown next to its main zone. */
const ZE_MIN_SHARE = 0.1;
/** URSSAF's A5 code of industry (extractive, manufacturing, energy, water/waste). */
export const INDUSTRY_A5 = 'BE';

interface ZeSector {
  code: string;
  label: string;
}

export interface ZeZone {
  code: string;
  name: string;
  /** Municipal population of the zone's communes (COG 2026). */
  population: number;
  /** Population of the zone living in a TI of each generation (whole or partial members). */
  tiPopulation: Record<Generation, number>;
  /** Private salaried jobs, all sectors (sum of published cells), per ZE_YEARS; null = zone not covered. */
  total: (number | null)[];
  /** Industrial jobs (sum of published industrial cells), per ZE_YEARS; null = zone not covered. */
  industry: (number | null)[];
  /** Jobs per industrial sector (aligned with ZonesEmploiFile.sectors) per year; null = not published. */
  sectors: (number | null)[][];
}

export interface ZoneShare {
  zone: string;
  /** Share of the territory's population living in the zone (0–1). */
  share: number;
}

export interface ZonesEmploiFile {
  years: number[];
  /** Industrial A38 sectors (a5 = BE), in the source's order. */
  sectors: ZeSector[];
  zones: ZeZone[];
  /** Zones of each EPCI (SIREN) and TI (key "2023:ti-0101"), main zone first. */
  epci: Record<string, ZoneShare[]>;
  ti: Record<string, ZoneShare[]>;
  france: { total: number[]; industry: number[]; sectors: number[][] };
}

export interface ZoneFigures {
  zone: ZeZone;
  share: number;
  main: boolean;
  /** Industrial jobs per ZE_YEARS. */
  industry: (number | null)[];
  change: number | null;
  changePct: number | null;
  /** Share of industry in the zone's private jobs, last year, %. */
  industryShare: number | null;
  franceChangePct: number;
  franceIndustryShare: number;
}

const last = ZE_YEARS.length - 1;
const pct = (a: number | null, b: number | null) => (a === null || b === null || a === 0 ? null : ((b - a) / a) * 100);

/** Zones shown for a territory: its main zone and every other zone with ≥ 10 % of its population. */
export function shownZones(file: ZonesEmploiFile, shares: ZoneShare[] | undefined): ZoneFigures[] {
  const byCode = new Map(file.zones.map((z) => [z.code, z]));
  const fr = file.france;
  return (shares ?? [])
    .filter((s, i) => i === 0 || s.share >= ZE_MIN_SHARE)
    .flatMap((s, i) => {
      const zone = byCode.get(s.zone);
      if (!zone) return [];
      const first = zone.industry[0],
        end = zone.industry[last];
      const total = zone.total[last];
      return [
        {
          zone,
          share: s.share,
          main: i === 0,
          industry: zone.industry,
          change: first === null || end === null ? null : end - first,
          changePct: pct(first, end),
          industryShare: end === null || !total ? null : (end / total) * 100,
          franceChangePct: pct(fr.industry[0], fr.industry[last])!,
          franceIndustryShare: (fr.industry[last] / fr.total[last]) * 100,
        },
      ];
    });
}

export interface SectorFigures {
  sector: ZeSector;
  jobs: number | null;
  first: number | null;
  change: number | null;
  changePct: number | null;
  /** Location quotient vs France, last year: (sector / all jobs of the zone) / (same for France). */
  quotient: number | null;
}

/** The zone's largest industrial sectors in the last year, with change since 2019 and specialisation. */
export function topSectors(file: ZonesEmploiFile, zone: ZeZone, n = 5): SectorFigures[] {
  const total = zone.total[last];
  const fr = file.france;
  return file.sectors
    .map((sector, k) => {
      const jobs = zone.sectors[k][last],
        first = zone.sectors[k][0];
      const frShare = fr.sectors[k][last] / fr.total[last];
      return {
        sector,
        jobs,
        first,
        change: jobs === null || first === null ? null : jobs - first,
        changePct: pct(first, jobs),
        quotient: jobs === null || !total || !frShare ? null : jobs / total / frShare,
      };
    })
    .filter((s) => s.jobs !== null && s.jobs > 0)
    .sort((a, b) => b.jobs! - a.jobs!)
    .slice(0, n);
}

export interface GroupChange {
  group: 'ti' | 'other';
  zones: number;
  /** Industrial jobs in 2019 and the change in % to 2022 and to 2024. */
  jobs2019: number;
  change2022: number;
  change2024: number;
}

/**
 * The Cour des comptes' question: industrial jobs in zones mostly covered by a TI (more than half
 * of the zone's population lives in a TI of the generation) against the other zones. Sums over the
 * zones of each group; zones without URSSAF data (Mayotte) are left out.
 */
export function tiZoneComparison(file: ZonesEmploiFile, generation: Generation): GroupChange[] {
  const i2022 = ZE_YEARS.indexOf(2022);
  const groups = { ti: [0, 0, 0, 0], other: [0, 0, 0, 0] };
  for (const z of file.zones) {
    if (z.industry.some((v) => v === null) || z.population === 0) continue;
    const g = z.tiPopulation[generation] / z.population > 0.5 ? groups.ti : groups.other;
    g[0]++;
    g[1] += z.industry[0]!;
    g[2] += z.industry[i2022]!;
    g[3] += z.industry[last]!;
  }
  return (['ti', 'other'] as const).map((group) => {
    const [zones, a, b, c] = groups[group];
    return { group, zones, jobs2019: a, change2022: pct(a, b)!, change2024: pct(a, c)! };
  });
}

/**
 * The zone years used for a chosen period (the source has 2019, 2022, 2023, 2024): the start snaps
 * down to an available year (2019 at the earliest), the end up (2024 at the latest).
 */
export function zePeriod(period: readonly [number, number]): [ZeYear, ZeYear] | null {
  const start = [...ZE_YEARS].reverse().find((y) => y <= period[0]) ?? ZE_YEARS[0];
  const end = ZE_YEARS.find((y) => y >= period[1]) ?? ZE_YEARS[last];
  return end > start ? [start, end] : null;
}

/** Export / comparison column naming the main zone d'emploi of each territory. */
export const MAIN_ZONE_KEY = 'ze_zone';
export const MAIN_ZONE_SOURCES = ['ze_communes', 'ze_zones'];
export const mainZoneText = (names: Record<string, string> | undefined, code: string | null | undefined) =>
  code ? `${names?.[code] ?? code} (${code})` : null;
