// Ids of stored tables, their columns and the indicators made from them.
import type { UserColumn, UserTable } from './types.ts';

export const ID_PART = /^[A-Za-z0-9_-]{1,40}$/;

/** Column id from its header: ASCII letters, digits, "_" (accents dropped), at most 32 chars. */
export function slugId(text: string, fallback = 'col'): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  return s || fallback;
}

/** Unique ids for the given headers ("part", "part_2"…). */
export function columnIds(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((h, i) => {
    const base = slugId(h, `col${i + 1}`);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

/** A short random table id ("t4k2x9"), unique among `existing`. `random` is injectable for tests. */
export function newTableId(existing: Iterable<string>, random: () => number = Math.random): string {
  const taken = new Set(existing);
  for (;;) {
    let id = 't';
    for (let i = 0; i < 5; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36) % 36];
    if (!taken.has(id)) return id;
  }
}

export function userIndicatorId(table: Pick<UserTable, 'id'>, column: Pick<UserColumn, 'id'>): string {
  return `u.${table.id}.${column.id}`;
}
