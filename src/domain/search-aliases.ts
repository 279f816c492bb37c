// Place names a territory is known by besides its official name: an EPCI is looked up by its
// centre, the most populous member commune (the seat in practice: COG data carry no seat), so
// « Saint-Nazaire » finds the CARENE; a TI by the centre of its most populous member EPCI.
// The official names and their usual short forms (acronyms, « Grand … ») are indexed by
// src/domain/search.ts; this adds the towns they are centred on.
import type { CommuneRecord, EpciRecord, Generation, TiRecord } from '../data/types.ts';

/** Aliases by EPCI SIREN and by TI key ("2023:ti-4401"). */
export function placeAliases(
  communes: readonly CommuneRecord[],
  epci: readonly EpciRecord[],
  ti: Record<Generation, readonly TiRecord[]>,
): Map<string, string[]> {
  const centre = new Map<string, CommuneRecord>();
  for (const c of communes) {
    if (!c.epci) continue;
    const best = centre.get(c.epci);
    if (!best || c.population > best.population) centre.set(c.epci, c);
  }
  const out = new Map<string, string[]>();
  const epciPop = new Map(epci.map((e) => [e.code, e.population]));
  for (const e of epci) {
    const c = centre.get(e.code);
    if (c) out.set(e.code, [c.name]);
  }
  for (const list of Object.values(ti))
    for (const t of list) {
      const main = [...t.epcis]
        .filter((c) => !t.partialEpcis.includes(c))
        .sort((a, b) => (epciPop.get(b) ?? 0) - (epciPop.get(a) ?? 0))[0];
      const c = main ? centre.get(main) : undefined;
      if (c) out.set(t.key, [c.name]);
    }
  return out;
}
