import type {
  DepartementShares,
  EpciNature,
  EpciRecord,
  Generation,
  TiMember,
  TiRecord,
} from '../../src/data/types.ts';
import type { Cog } from './cog.ts';
import { communeIndex } from './cog.ts';
import { check, DataError } from './errors.ts';
import { readCsv, SIREN } from './inputs.ts';

export const MGP = '200054781'; // Métropole du Grand Paris: holds the EPT

export type EpciBase = Omit<EpciRecord, 'bbox' | 'ti' | 'depSiege' | 'areaKm2' | 'inset' | 'neighbours'>;

/** Share of the population living in each département, from 2022 commune populations. */
export function departementShares(
  communes: readonly string[],
  depOf: (code: string) => string,
  pop: (code: string) => number,
): DepartementShares {
  const byDep = new Map<string, number>();
  let total = 0;
  for (const c of communes) {
    const p = pop(c);
    byDep.set(depOf(c), (byDep.get(depOf(c)) ?? 0) + p);
    total += p;
  }
  const out: DepartementShares = {};
  for (const [d, p] of [...byDep].sort(([a], [b]) => a.localeCompare(b)))
    out[d] = total > 0 ? Math.round((p / total) * 1e4) / 1e4 : 0;
  return out;
}

export function buildEpciBase(cog: Cog) {
  const communes = communeIndex(cog);
  const communeEpci = new Map<string, string>();
  const epci = new Map<string, EpciBase>();
  for (const e of cog.epci) {
    const deps = new Set<string>(),
      regs = new Set<string>();
    for (const m of e.membres) {
      const c = communes.current.get(m.code);
      if (!c)
        throw new DataError(
          '@etalab/decoupage-administratif epci.json',
          `EPCI ${e.code} lists unknown commune ${m.code}`,
        );
      communeEpci.set(m.code, e.code);
      deps.add(c.departement);
      regs.add(c.region);
    }
    epci.set(e.code, {
      code: e.code,
      name: e.nom,
      nature: e.type as EpciNature,
      population: e.populationMunicipale,
      communes: e.membres.length,
      departements: [...deps].sort(),
      regions: [...regs].sort(),
      depShares: departementShares(
        e.membres.map((m) => m.code),
        (c) => communes.current.get(c)!.departement,
        (c) => communes.pop2022.get(c) ?? 0,
      ),
      ...(e.code === MGP ? { ept: cog.ept.map((t) => ({ code: t.code, name: t.nom })) } : {}),
    });
  }
  const ept = new Map(cog.ept.map((t) => [t.code, t]));
  for (const t of cog.ept)
    for (const m of t.membres)
      check(
        communeEpci.get(m.code) === MGP,
        '@etalab/decoupage-administratif ept.json',
        `EPT ${t.code} member ${m.code} is not in the Métropole du Grand Paris`,
      );
  const byEpci = new Map<string, string[]>();
  for (const [c, e] of communeEpci) byEpci.set(e, [...(byEpci.get(e) ?? []), c]);
  return { epci, ept, communes, communeEpci, epciCommunes: (code: string) => byEpci.get(code) ?? [] };
}

type Base = ReturnType<typeof buildEpciBase>;

export interface TiExpectations {
  groups: number;
  rows: number;
}

/** Reads one generation's member table and resolves every member to an EPCI. */
export function readTiGeneration(
  rel: string,
  generation: Generation,
  base: Base,
  expect: TiExpectations,
): Omit<TiRecord, 'bbox'>[] {
  const rows = readCsv(rel, ['id_ti', 'lib_ti', 'code_groupement', 'lib_groupement', 'type_code']);
  check(rows.length === expect.rows, rel, `expected ${expect.rows} member rows, found ${rows.length}`);
  const byId = new Map<string, Omit<TiRecord, 'bbox'>>();
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const line = i + 2;
    check(/^ti-\d{4}$/.test(r.id_ti), rel, `malformed TI id "${r.id_ti}"`, line);
    check(r.lib_ti !== '', rel, 'empty TI name', line);
    check(SIREN.test(r.code_groupement), rel, `malformed SIREN "${r.code_groupement}" (9 digits expected)`, line);
    const dupKey = `${r.id_ti}|${r.code_groupement}`;
    check(!seen.has(dupKey), rel, `duplicate member ${r.code_groupement} in ${r.id_ti}`, line);
    seen.add(dupKey);
    let member: TiMember;
    if (r.type_code === 'EPCI_SIREN') {
      if (base.epci.has(r.code_groupement))
        member = {
          code: r.code_groupement,
          name: base.epci.get(r.code_groupement)!.name,
          kind: 'epci',
          epci: r.code_groupement,
        };
      else if (base.ept.has(r.code_groupement))
        member = { code: r.code_groupement, name: base.ept.get(r.code_groupement)!.nom, kind: 'ept', epci: MGP };
      else
        throw new DataError(
          rel,
          `SIREN ${r.code_groupement} (${r.lib_groupement}) is neither an EPCI nor an EPT of the 2026 COG`,
          line,
        );
    } else if (r.type_code === 'COM_SIREN') {
      const insee = base.communes.bySiren.get(r.code_groupement);
      if (!insee)
        throw new DataError(
          rel,
          `commune SIREN ${r.code_groupement} (${r.lib_groupement}) not found in the 2026 COG`,
          line,
        );
      const host = base.communeEpci.get(insee);
      if (!host) throw new DataError(rel, `commune ${insee} (${r.lib_groupement}) belongs to no EPCI`, line);
      member = { code: insee, name: base.communes.current.get(insee)!.nom, kind: 'commune', epci: host };
    } else throw new DataError(rel, `unknown type_code "${r.type_code}" (EPCI_SIREN or COM_SIREN expected)`, line);

    let ti = byId.get(r.id_ti);
    if (!ti) {
      ti = {
        generation,
        id: r.id_ti,
        key: `${generation}:${r.id_ti}`,
        name: r.lib_ti,
        members: [],
        epcis: [],
        partialEpcis: [],
        departements: [],
        regions: [],
        population: 0,
        depShares: {},
      };
      byId.set(r.id_ti, ti);
    }
    check(ti.name === r.lib_ti, rel, `TI ${r.id_ti} has two names: "${ti.name}" and "${r.lib_ti}"`, line);
    ti.members.push(member);
  });
  check(byId.size === expect.groups, rel, `expected ${expect.groups} TI, found ${byId.size}`);

  for (const ti of byId.values()) {
    const whole = new Set(ti.members.filter((m) => m.kind === 'epci').map((m) => m.code));
    const partial = new Set(ti.members.filter((m) => m.kind !== 'epci' && !whole.has(m.epci)).map((m) => m.epci));
    ti.epcis = [...whole, ...partial].sort();
    ti.partialEpcis = [...partial].sort();
    const deps = new Set<string>(),
      regs = new Set<string>();
    let pop = 0;
    const memberCommunes: string[] = [];
    for (const m of ti.members) {
      if (m.kind === 'epci') {
        const e = base.epci.get(m.code)!;
        e.departements.forEach((d) => deps.add(d));
        e.regions.forEach((d) => regs.add(d));
        pop += e.population;
        memberCommunes.push(...base.epciCommunes(m.code));
      } else {
        const communes = m.kind === 'commune' ? [m.code] : base.ept.get(m.code)!.membres.map((c) => c.code);
        for (const code of communes) {
          const c = base.communes.current.get(code)!;
          deps.add(c.departement);
          regs.add(c.region);
          pop += base.communes.pop2022.get(code) ?? 0;
          memberCommunes.push(code);
        }
      }
    }
    ti.departements = [...deps].sort();
    ti.regions = [...regs].sort();
    ti.population = pop;
    ti.depShares = departementShares(
      [...new Set(memberCommunes)],
      (c) => base.communes.current.get(c)!.departement,
      (c) => base.communes.pop2022.get(c) ?? 0,
    );
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
