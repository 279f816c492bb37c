// TI keys: a TI is named by its generation and its ANCT id, "2023:ti-4401". This is the
// one place that reads or writes that form.
import { GENERATIONS, type Generation } from '../data/types.ts';

export interface TiKey {
  generation: Generation;
  /** ANCT identifier within the generation, e.g. "ti-4401". */
  id: string;
}

const TI_KEY_RE = /^(\d{4}):(ti-\d{4})$/;

/** `parseTiKey('2023:ti-4401')` → `{ generation: '2023', id: 'ti-4401' }`; null for anything else. */
export function parseTiKey(key: string): TiKey | null {
  const m = TI_KEY_RE.exec(key);
  if (!m || !(GENERATIONS as readonly string[]).includes(m[1])) return null;
  return { generation: m[1] as Generation, id: m[2] };
}

export function formatTiKey(generation: Generation, id: string): string {
  return `${generation}:${id}`;
}
