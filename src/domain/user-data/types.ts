// The user's own tables ("vos données"): what is stored after an import (per-territory values and
// metadata, never the raw file). Pure: no DOM, no storage (src/state/user-data-sync.ts stores them).
import type { Generation } from '../../data/types.ts';
import type { AggregateRule, KeyKind, TerritoryLevel } from '../import/index.ts';
import type { Direction } from '../indicators.ts';

export const WORKSPACE_KIND = 'atlas-ti-workspace';
export const WORKSPACE_VERSION = 1;
/** Stored and exported workspaces larger than this are refused (a table weighs ~40 kB per column). */
export const MAX_WORKSPACE_CHARS = 20 * 1024 * 1024;
export const MAX_TABLES = 50;
export const MAX_COLUMNS_PER_TABLE = 60;

/** How a column's EPCI values were obtained: an aggregation of communes, or read directly (EPCI key). */
export type EpciRule = AggregateRule | 'direct';
/** How its TI values were obtained: aggregated (from communes or EPCI), read directly (TI key), or none. */
export type TiRule = AggregateRule | 'direct' | 'none';

/** Per generation: TI key ("2023:ti-4401") → value. */
export type TiValues = Record<Generation, Record<string, number>>;

export interface UserColumn {
  /** [A-Za-z0-9_-], unique in its table: the indicator id is `u.<table id>.<column id>`. */
  id: string;
  /** Header in the file. */
  header: string;
  label: string;
  unit: string;
  year: string;
  decimals: number;
  direction: Direction;
  /** 'change' → diverging palette centred on 0. */
  kind: 'stock' | 'change';
  /** null when the table has no EPCI values (TI-keyed table). */
  epciRule: EpciRule | null;
  /** Weight column header (weighted mean). */
  weight?: string;
  tiRule: TiRule;
  /** EPCI SIREN → value. Territories without a value are absent (never 0). */
  epci: Record<string, number>;
  ti: TiValues;
  /** Territories whose value covers only part of their members (kept, or left empty when `dropPartial`). */
  partial: { epci: number; ti2023: number; ti2018: number };
  dropPartial: boolean;
}

export interface UserTable {
  /** [A-Za-z0-9_-] (no dot). */
  id: string;
  /** Display name (renamable); default: the file name without extension. */
  name: string;
  fileName: string;
  /** ISO date-time of the import. */
  importedAt: string;
  sheet?: string;
  keyColumn: string;
  keyKind: KeyKind;
  level: TerritoryLevel;
  /** TI generation of a TI-keyed table. */
  generation?: Generation;
  rows: number;
  matched: number;
  unmatched: number;
  repaired: number;
  /** Rows matched by name (the user confirmed them). */
  byName: number;
  byReason: Partial<Record<string, number>>;
  columns: UserColumn[];
}

export interface Workspace {
  kind: typeof WORKSPACE_KIND;
  version: typeof WORKSPACE_VERSION;
  savedAt: string;
  tables: UserTable[];
}
