// The EPT of the Métropole du Grand Paris as territories of their own: searchable, with a profile
// and the values of the sources that give an EPT row. They are territories of the Métropole,
// not EPCI: they are not drawn on the EPCI map and not ranked among EPCI.
import type { BBox, EptRecord, TiRecord } from '../../src/data/types.ts';
import { departementShares, type EpciBase, MGP } from './territories.ts';

type Base = {
  ept: Map<string, { code: string; nom: string; membres: { code: string }[] }>;
  communes: {
    current: Map<string, { departement: string; region: string }>;
    pop2022: Map<string, number>;
  };
  epci: Map<string, EpciBase>;
};

export function buildEptRecords(base: Base, tis: readonly Omit<TiRecord, 'bbox'>[], metropoleBBox: BBox): EptRecord[] {
  return [...base.ept.values()]
    .map((t) => {
      const codes = t.membres.map((m) => m.code);
      const deps = [...new Set(codes.map((c) => base.communes.current.get(c)!.departement))].sort();
      const regs = [...new Set(codes.map((c) => base.communes.current.get(c)!.region))].sort();
      const shares = departementShares(
        codes,
        (c) => base.communes.current.get(c)!.departement,
        (c) => base.communes.pop2022.get(c) ?? 0,
      );
      const seat = Object.entries(shares).sort((a, b) => b[1] - a[1])[0][0];
      const inTi = (g: '2023' | '2018') =>
        tis.filter((x) => x.generation === g && x.members.some((m) => m.code === t.code)).map((x) => x.id);
      return {
        code: t.code,
        // The COG names the EPT without its kind ("Plaine Commune"): say it, as the sources do.
        name: /^EPT\b/.test(t.nom) ? t.nom : `EPT ${t.nom}`,
        nature: 'EPT' as const,
        metropole: MGP,
        // 2022 vintage, summed from the communes like the EPCI (ept.json carries a newer one).
        population: codes.reduce((sum, c) => sum + (base.communes.pop2022.get(c) ?? 0), 0),
        communes: codes.length,
        departements: deps,
        regions: regs,
        depSiege: seat,
        ti: { '2023': inTi('2023'), '2018': inTi('2018') },
        bbox: metropoleBBox,
        depShares: shares,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
