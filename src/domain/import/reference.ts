// Reference index of territories for the join: codes and normalised names of communes, EPCI and TI.
// Build it once per session (about 35,000 communes) and reuse it for detection, join and aggregation.
import type { CommuneRecord, EpciRecord, Generation, TiRecord } from '../../data/types.ts';
import { looseName, normalizeName } from '../names.ts';

export type KeyKind = 'epci-siren' | 'commune-insee' | 'ti-id' | 'epci-name' | 'commune-name' | 'ti-name';
export type TerritoryLevel = 'commune' | 'epci' | 'ti';

export const KEY_KINDS: readonly KeyKind[] = [
  'commune-insee',
  'epci-siren',
  'ti-id',
  'commune-name',
  'epci-name',
  'ti-name',
];

export function levelOfKind(kind: KeyKind): TerritoryLevel {
  if (kind === 'commune-insee' || kind === 'commune-name') return 'commune';
  if (kind === 'epci-siren' || kind === 'epci-name') return 'epci';
  return 'ti';
}

export function isNameKind(kind: KeyKind): boolean {
  return kind === 'commune-name' || kind === 'epci-name' || kind === 'ti-name';
}

export interface ReferenceEntry {
  code: string;
  name: string;
  /** Départements the territory touches (one for a commune). */
  departements: string[];
  population: number;
}

export interface NameIndex {
  exact: Map<string, string[]>;
  loose: Map<string, string[]>;
  /** Distinct exact keys grouped by length, for suggestions. */
  byLength: Map<number, string[]>;
}

export interface JoinReference {
  generation: Generation;
  communes: Map<string, ReferenceEntry & { epci: string | null }>;
  epci: Map<string, ReferenceEntry>;
  /** TI of every generation by key ("2023:ti-4401"). */
  ti: Map<string, ReferenceEntry & { generation: Generation; epcis: string[] }>;
  /** TI id ("ti-4401") → key, in the chosen generation. */
  tiIdToKey: Map<string, string>;
  departements: Set<string>;
  names: Record<TerritoryLevel, NameIndex>;
  /** Raw records, for membership maps. */
  source: { communes: readonly CommuneRecord[]; epci: readonly EpciRecord[]; ti: readonly TiRecord[] };
}

function emptyIndex(): NameIndex {
  return { exact: new Map(), loose: new Map(), byLength: new Map() };
}

function addName(index: NameIndex, name: string, code: string): void {
  const n = normalizeName(name);
  if (n === '') return;
  const list = index.exact.get(n);
  if (list) {
    if (!list.includes(code)) list.push(code);
  } else {
    index.exact.set(n, [code]);
    const byLen = index.byLength.get(n.length);
    if (byLen) byLen.push(n);
    else index.byLength.set(n.length, [n]);
  }
  const l = looseName(n);
  const ll = index.loose.get(l);
  if (ll) {
    if (!ll.includes(code)) ll.push(code);
  } else index.loose.set(l, [code]);
}

export interface ReferenceInput {
  communes: readonly CommuneRecord[];
  epci: readonly EpciRecord[];
  /** TI records of any generation(s). */
  ti: readonly TiRecord[];
  /** Generation used for bare TI ids and TI names (default '2023'). */
  generation?: Generation;
}

export function buildJoinReference(input: ReferenceInput): JoinReference {
  const generation = input.generation ?? '2023';
  const ref: JoinReference = {
    generation,
    communes: new Map(),
    epci: new Map(),
    ti: new Map(),
    tiIdToKey: new Map(),
    departements: new Set(),
    names: { commune: emptyIndex(), epci: emptyIndex(), ti: emptyIndex() },
    source: { communes: input.communes, epci: input.epci, ti: input.ti },
  };
  for (const c of input.communes) {
    ref.communes.set(c.code, {
      code: c.code,
      name: c.name,
      departements: [c.departement],
      population: c.population,
      epci: c.epci,
    });
    ref.departements.add(c.departement);
    addName(ref.names.commune, c.name, c.code);
  }
  for (const e of input.epci) {
    ref.epci.set(e.code, { code: e.code, name: e.name, departements: e.departements, population: e.population });
    addName(ref.names.epci, e.name, e.code);
  }
  for (const t of input.ti) {
    ref.ti.set(t.key, {
      code: t.key,
      name: t.name,
      departements: t.departements,
      population: t.population,
      generation: t.generation,
      epcis: t.epcis,
    });
    if (t.generation === generation) {
      ref.tiIdToKey.set(t.id, t.key);
      addName(ref.names.ti, t.name, t.key);
    }
  }
  return ref;
}

export function entryOf(ref: JoinReference, level: TerritoryLevel, code: string): ReferenceEntry | undefined {
  return level === 'commune' ? ref.communes.get(code) : level === 'epci' ? ref.epci.get(code) : ref.ti.get(code);
}
