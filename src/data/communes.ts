// communes.json is packed (about a third of the plain JSON): one row per commune, the EPCI as an
// index into a shared list, postcodes joined by spaces; the département is read from the code.
import type { CommuneRecord } from './types.ts';

export interface CommunesFile {
  epci: string[];
  /** [INSEE code, name, postcodes "44600 44000", EPCI index or -1, population] */
  rows: [string, string, string, number, number][];
}

export function departementOf(insee: string): string {
  return insee.startsWith('97') || insee.startsWith('98') ? insee.slice(0, 3) : insee.slice(0, 2);
}

export function packCommunes(list: CommuneRecord[]): CommunesFile {
  const epci = [...new Set(list.map((c) => c.epci).filter((e): e is string => e !== null))].sort();
  const index = new Map(epci.map((e, i) => [e, i]));
  return {
    epci,
    rows: list.map((c) => [
      c.code,
      c.name,
      c.postcodes.join(' '),
      c.epci === null ? -1 : index.get(c.epci)!,
      c.population,
    ]),
  };
}

export function unpackCommunes(file: CommunesFile): CommuneRecord[] {
  return file.rows.map(([code, name, postcodes, e, population]) => ({
    code,
    name,
    postcodes: postcodes ? postcodes.split(' ') : [],
    epci: e < 0 ? null : file.epci[e],
    population,
    departement: departementOf(code),
  }));
}
