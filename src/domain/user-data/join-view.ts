// What the import dialog shows of a join and of a column's coverage.
import type { Generation } from '../../data/types.ts';
import type { JoinReport, KeyKind, TerritoryLevel } from '../import/index.ts';
import type { Collected, columnValues } from './build.ts';

/** What the import dialog shows of a column's aggregation: counts of territories with a value. */
export interface CoverageView {
  ok: boolean;
  /** null when the table has no EPCI values (TI key). */
  epci: number | null;
  ti2023: number;
  ti2018: number;
  partial: number;
  error?: { key: string; params: Record<string, string | number> };
}

export function coverageOf(r: ReturnType<typeof columnValues>): CoverageView {
  if (!r.ok) return { ok: false, epci: null, ti2023: 0, ti2018: 0, partial: 0, error: r.error };
  const n = (c: Collected) => Object.keys(c.values).length;
  return {
    ok: true,
    epci: r.epci ? n(r.epci) : null,
    ti2023: n(r.ti['2023']),
    ti2018: n(r.ti['2018']),
    partial: (r.epci?.partial ?? 0) + r.ti['2023'].partial + r.ti['2018'].partial,
  };
}

/**
 * The join report as the dialog shows it: figures and messages, and the first `limit` rows of each
 * list (unmatched, matched by name, repaired codes), so that a 35,000-row join stays a small message.
 */
export interface JoinView {
  keyColumn: number;
  keyColumnName: string;
  keyKind: KeyKind;
  level: TerritoryLevel;
  generation: Generation;
  departementColumn: number | null;
  stats: JoinReport['stats'];
  messages: JoinReport['messages'];
  unmatched: JoinReport['unmatched'];
  byName: JoinReport['matched'];
  repaired: JoinReport['matched'];
}

export function summarizeJoin(join: JoinReport, generation: Generation, limit = 50): JoinView {
  const byName: JoinReport['matched'] = [];
  const repaired: JoinReport['matched'] = [];
  for (const m of join.matched) {
    if (m.needsConfirmation && byName.length < limit) byName.push(m);
    if (m.repairedFrom !== undefined && repaired.length < limit) repaired.push(m);
  }
  return {
    keyColumn: join.keyColumn,
    keyColumnName: join.keyColumnName,
    keyKind: join.keyKind,
    level: join.level,
    generation,
    departementColumn: join.departementColumn,
    stats: join.stats,
    messages: join.messages,
    unmatched: join.unmatched
      .slice(0, limit)
      .map((u) => ({ ...u, candidates: u.candidates?.slice(0, 50), suggestions: u.suggestions?.slice(0, 3) })),
    byName,
    repaired,
  };
}
