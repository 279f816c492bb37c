// The workspace file: versioned (de)serialisation of the stored tables, and merging on import.
import type { KeyKind, TerritoryLevel } from '../import/index.ts';
import type { Direction } from '../indicators.ts';
import { ID_PART } from './ids.ts';
import {
  type EpciRule,
  MAX_COLUMNS_PER_TABLE,
  MAX_TABLES,
  MAX_WORKSPACE_CHARS,
  type TiRule,
  type UserColumn,
  type UserTable,
  WORKSPACE_KIND,
  WORKSPACE_VERSION,
  type Workspace,
} from './types.ts';

export function serializeWorkspace(tables: readonly UserTable[], now: Date = new Date()): string {
  const ws: Workspace = {
    kind: WORKSPACE_KIND,
    version: WORKSPACE_VERSION,
    savedAt: now.toISOString(),
    tables: [...tables],
  };
  return JSON.stringify(ws);
}

export type WorkspaceError = 'invalid-json' | 'not-workspace' | 'newer-version' | 'unsupported-version' | 'too-large';

export type WorkspaceParse =
  | { ok: true; tables: UserTable[]; savedAt: string | null; dropped: number }
  | { ok: false; error: WorkspaceError; version?: number };

const CODE = /^[A-Za-z0-9:_-]{1,40}$/;
const DIRECTIONS: readonly Direction[] = ['higher-better', 'lower-better', 'neutral'];
const KEY_KINDS_ALL: readonly KeyKind[] = [
  'commune-insee',
  'epci-siren',
  'ti-id',
  'commune-name',
  'epci-name',
  'ti-name',
];
const LEVELS: readonly TerritoryLevel[] = ['commune', 'epci', 'ti'];
const AGG: readonly string[] = ['sum', 'mean', 'min', 'max', 'count', 'weighted-mean'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 300): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const int = (v: unknown): number => {
  const n = num(v);
  return n === null ? 0 : Math.max(0, Math.round(n));
};

function readValues(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const n = num(x);
    if (CODE.test(k) && n !== null) out[k] = n;
  }
  return out;
}

function readColumn(v: unknown): UserColumn | null {
  if (!isObj(v)) return null;
  const id = str(v.id, 40);
  const header = str(v.header);
  if (!id || !ID_PART.test(id) || header === null) return null;
  const epciRule =
    v.epciRule === null
      ? null
      : v.epciRule === 'direct' || AGG.includes(v.epciRule as string)
        ? (v.epciRule as EpciRule)
        : null;
  const tiRule: TiRule =
    v.tiRule === 'direct' || v.tiRule === 'none' || AGG.includes(v.tiRule as string) ? (v.tiRule as TiRule) : 'none';
  const ti = isObj(v.ti) ? v.ti : {};
  const partial = isObj(v.partial) ? v.partial : {};
  const col: UserColumn = {
    id,
    header,
    label: str(v.label) || header,
    unit: str(v.unit, 60) ?? '',
    year: str(v.year, 40) ?? '',
    decimals: Math.min(6, int(v.decimals)),
    direction: DIRECTIONS.includes(v.direction as Direction) ? (v.direction as Direction) : 'neutral',
    kind: v.kind === 'change' ? 'change' : 'stock',
    epciRule,
    tiRule,
    epci: readValues(v.epci),
    ti: { '2023': readValues(ti['2023']), '2018': readValues(ti['2018']) },
    partial: { epci: int(partial.epci), ti2023: int(partial.ti2023), ti2018: int(partial.ti2018) },
    dropPartial: v.dropPartial === true,
  };
  const weight = str(v.weight);
  if (weight) col.weight = weight;
  return col;
}

function readTable(v: unknown): UserTable | null {
  if (!isObj(v)) return null;
  const id = str(v.id, 40);
  if (!id || !ID_PART.test(id) || !Array.isArray(v.columns)) return null;
  const keyKind = KEY_KINDS_ALL.includes(v.keyKind as KeyKind) ? (v.keyKind as KeyKind) : null;
  const level = LEVELS.includes(v.level as TerritoryLevel) ? (v.level as TerritoryLevel) : null;
  if (!keyKind || !level) return null;
  const columns: UserColumn[] = [];
  const seen = new Set<string>();
  for (const c of v.columns.slice(0, MAX_COLUMNS_PER_TABLE)) {
    const col = readColumn(c);
    if (col && !seen.has(col.id)) {
      seen.add(col.id);
      columns.push(col);
    }
  }
  if (columns.length === 0) return null;
  const byReason: Partial<Record<string, number>> = {};
  if (isObj(v.byReason))
    for (const [k, x] of Object.entries(v.byReason)) if (/^[a-z-]{1,30}$/.test(k)) byReason[k] = int(x);
  const fileName = str(v.fileName) ?? '';
  const t: UserTable = {
    id,
    name: str(v.name) || fileName || id,
    fileName,
    importedAt: str(v.importedAt, 40) ?? '',
    keyColumn: str(v.keyColumn) ?? '',
    keyKind,
    level,
    rows: int(v.rows),
    matched: int(v.matched),
    unmatched: int(v.unmatched),
    repaired: int(v.repaired),
    byName: int(v.byName),
    byReason,
    columns,
  };
  const sheet = str(v.sheet);
  if (sheet) t.sheet = sheet;
  if (v.generation === '2023' || v.generation === '2018') t.generation = v.generation;
  return t;
}

/**
 * Reads a workspace (text of a stored or exported file, or an already parsed object). Every field
 * is checked; malformed tables are dropped (counted in `dropped`) rather than failing the whole file.
 */
export function parseWorkspace(input: string | unknown): WorkspaceParse {
  let data: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_WORKSPACE_CHARS) return { ok: false, error: 'too-large' };
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, error: 'invalid-json' };
    }
  }
  if (!isObj(data) || data.kind !== WORKSPACE_KIND || !Array.isArray(data.tables))
    return { ok: false, error: 'not-workspace' };
  const version = num(data.version);
  if (version === null || !Number.isInteger(version) || version < 1)
    return { ok: false, error: 'unsupported-version', version: version ?? undefined };
  if (version > WORKSPACE_VERSION) return { ok: false, error: 'newer-version', version };
  // Future versions add a migration step here (version n → n + 1) before reading.
  const tables: UserTable[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const raw of data.tables.slice(0, MAX_TABLES)) {
    const t = readTable(raw);
    if (!t || ids.has(t.id)) {
      dropped++;
      continue;
    }
    ids.add(t.id);
    tables.push(t);
  }
  dropped += Math.max(0, data.tables.length - MAX_TABLES);
  return { ok: true, tables, savedAt: str(data.savedAt, 40), dropped };
}

/** Adds `incoming` tables to `current`: a table with the same id replaces the stored one. */
export function mergeTables(
  current: readonly UserTable[],
  incoming: readonly UserTable[],
): { tables: UserTable[]; added: number; replaced: number } {
  const byId = new Map(current.map((t) => [t.id, t]));
  let added = 0,
    replaced = 0;
  for (const t of incoming) {
    if (byId.has(t.id)) replaced++;
    else added++;
    byId.set(t.id, t);
  }
  return { tables: [...byId.values()].slice(0, MAX_TABLES), added, replaced };
}
