// The user's own tables ("vos données"): what is stored after an import (per-territory values and
// metadata, never the raw file), its versioned (de)serialisation, and the indicators built from it.
// Pure: no DOM, no storage (src/state/user-data-sync.ts stores and loads the workspace).

import type { Generation } from '../data/types.ts';
import type { Level } from '../state/view.ts';
import {
  type AggregateCell,
  type AggregateRule,
  aggregateCommuneTable,
  aggregateEpciToTi,
  type ColumnProfile,
  type ImportTable,
  type JoinReference,
  type JoinReport,
  type KeyKind,
  type TerritoryLevel,
  toNumberOrNull,
  valuesByCode,
} from './import/index.ts';
import { guessYear } from './import/year.ts';
import {
  type Aggregation,
  codesOf,
  type Direction,
  type IndicatorContext,
  type NumericIndicator,
  type Tr,
} from './indicators.ts';

export const WORKSPACE_KIND = 'atlas-ti-workspace';
export const WORKSPACE_VERSION = 1;
/** Stored and exported workspaces larger than this are refused (a table weighs ~40 kB per column). */
export const MAX_WORKSPACE_CHARS = 20 * 1024 * 1024;
export const MAX_TABLES = 50;
export const MAX_COLUMNS_PER_TABLE = 60;
const GENERATIONS: readonly Generation[] = ['2023', '2018'];

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

// ---------------------------------------------------------------------------------------------
// Ids

const ID_PART = /^[A-Za-z0-9_-]{1,40}$/;

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

export function isUserIndicatorId(id: string | null | undefined): boolean {
  return typeof id === 'string' && id.startsWith('u.');
}

// ---------------------------------------------------------------------------------------------
// (De)serialisation

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

// ---------------------------------------------------------------------------------------------
// Indicators

const KIND_LABEL: Record<KeyKind, Tr> = {
  'commune-insee': { fr: 'code INSEE de commune', en: 'commune INSEE code' },
  'epci-siren': { fr: 'SIREN d’EPCI', en: 'EPCI SIREN' },
  'ti-id': { fr: 'identifiant de TI', en: 'TI identifier' },
  'commune-name': { fr: 'nom de commune', en: 'commune name' },
  'epci-name': { fr: 'nom d’EPCI', en: 'EPCI name' },
  'ti-name': { fr: 'nom de TI', en: 'TI name' },
};

export const RULE_LABEL: Record<AggregateRule, Tr> = {
  sum: { fr: 'somme', en: 'sum' },
  mean: { fr: 'moyenne', en: 'mean' },
  'weighted-mean': { fr: 'moyenne pondérée', en: 'weighted mean' },
  min: { fr: 'minimum', en: 'minimum' },
  max: { fr: 'maximum', en: 'maximum' },
  count: { fr: 'nombre de valeurs', en: 'count of values' },
};

function formatDate(iso: string, lang: 'fr' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** « Vos données : fichier.csv, importé le 3 mars 2026 » */
export function userSourceLine(table: Pick<UserTable, 'fileName' | 'importedAt' | 'sheet'>): Tr {
  const file = table.sheet ? `${table.fileName} (${table.sheet})` : table.fileName;
  return {
    fr: `Vos données : ${file}, importé le ${formatDate(table.importedAt, 'fr')}`,
    en: `Your data: ${file}, imported on ${formatDate(table.importedAt, 'en')}`,
  };
}

function aggregationOf(col: UserColumn, table: UserTable): Aggregation {
  if (col.tiRule === 'none') {
    return {
      rule: 'none',
      why: { fr: 'Non agrégeable aux TI (choix fait à l’import).', en: 'Not aggregable to TI (chosen at import).' },
    };
  }
  if (col.tiRule === 'direct')
    return { rule: 'rule', text: { fr: 'valeurs du fichier (clé TI)', en: 'values from the file (TI key)' } };
  if (col.tiRule === 'sum' && table.level === 'epci') return { rule: 'sum' };
  const r = RULE_LABEL[col.tiRule];
  const from =
    table.level === 'commune' ? { fr: 'des communes', en: 'of communes' } : { fr: 'des EPCI', en: 'of EPCI' };
  return { rule: 'rule', text: { fr: `${r.fr} ${from.fr}`, en: `${r.en} ${from.en}` } };
}

function definitionOf(col: UserColumn, table: UserTable): Tr {
  const k = KIND_LABEL[table.keyKind];
  const epci = col.epciRule === null || col.epciRule === 'direct' ? null : RULE_LABEL[col.epciRule];
  const w = col.weight
    ? { fr: ` (pondération : « ${col.weight} »)`, en: ` (weight: “${col.weight}”)` }
    : { fr: '', en: '' };
  return {
    fr: `Colonne « ${col.header} » du fichier « ${table.fileName} », rattachée par la colonne « ${table.keyColumn} » (${k.fr})${epci ? ` ; EPCI : ${epci.fr} des communes${w.fr}` : ''}.`,
    en: `Column “${col.header}” of the file “${table.fileName}”, joined on the column “${table.keyColumn}” (${k.en})${epci ? `; EPCI: ${epci.en} of communes${w.en}` : ''}.`,
  };
}

function caveatOf(col: UserColumn, table: UserTable): Tr | undefined {
  const fr: string[] = [],
    en: string[] = [];
  const partial = col.partial.epci + col.partial.ti2023 + col.partial.ti2018;
  if (partial > 0) {
    const parts = [
      col.partial.epci && `${col.partial.epci} EPCI`,
      col.partial.ti2023 && `${col.partial.ti2023} TI 2023–2027`,
      col.partial.ti2018 && `${col.partial.ti2018} TI 2018–2022`,
    ]
      .filter(Boolean)
      .join(', ');
    if (col.dropPartial) {
      fr.push(`Territoires couverts en partie par le fichier laissés vides : ${parts}.`);
      en.push(`Territories only partly covered by the file left empty: ${parts}.`);
    } else {
      fr.push(`Valeurs partielles (une partie des membres seulement) : ${parts}.`);
      en.push(`Partial values (only some members): ${parts}.`);
    }
  }
  if (table.unmatched > 0) {
    fr.push(`${table.unmatched} ligne(s) du fichier non rattachée(s).`);
    en.push(`${table.unmatched} row(s) of the file not joined.`);
  }
  if (table.byName > 0) {
    fr.push(`${table.byName} ligne(s) rattachée(s) par le nom.`);
    en.push(`${table.byName} row(s) joined by name.`);
  }
  return fr.length ? { fr: fr.join(' '), en: en.join(' ') } : undefined;
}

/** Values aligned with `codes`: null where the territory has no value (never 0). */
function aligned(codes: readonly string[], values: Record<string, number>): (number | null)[] {
  return codes.map((c) => (Object.hasOwn(values, c) ? values[c] : null));
}

function levelsOf(col: UserColumn): Level[] {
  const levels: Level[] = [];
  if (col.epciRule !== null) levels.push('epci');
  if (col.tiRule !== 'none') levels.push('ti');
  return levels;
}

/** A user indicator: a NumericIndicator whose values come from the stored table. */
export type UserIndicator = NumericIndicator & { user: true; userSource: Tr; tableId: string; columnId: string };

/**
 * Indicators of every column of every table, with `values(ctx)` aligned with `codesOf(ctx)`:
 * EPCI values at EPCI level, the generation's TI values at TI level; null where there is no value.
 */
export function userIndicatorsFrom(tables: readonly UserTable[]): UserIndicator[] {
  const out: UserIndicator[] = [];
  for (const table of tables) {
    const source = userSourceLine(table);
    for (const col of table.columns) {
      // Memoised per codes array (the artefact arrays are stable for the session).
      const cache = new WeakMap<readonly string[], (number | null)[]>();
      const values = (ctx: IndicatorContext): (number | null)[] => {
        const codes = codesOf(ctx);
        let v = cache.get(codes);
        if (!v) {
          v = aligned(codes, ctx.level === 'ti' ? (col.ti[ctx.generation] ?? {}) : col.epci);
          cache.set(codes, v);
        }
        return v;
      };
      const suffix = { fr: ' (vos données)', en: ' (your data)' };
      const ind: UserIndicator = {
        id: userIndicatorId(table, col),
        type: 'numeric',
        theme: 'user',
        user: true,
        tableId: table.id,
        columnId: col.id,
        label: { fr: col.label + suffix.fr, en: col.label + suffix.en },
        short: { fr: col.label, en: col.label },
        definition: definitionOf(col, table),
        sources: [],
        userSource: source,
        year: () => col.year || '—',
        levels: levelsOf(col),
        aggregation: aggregationOf(col, table),
        caveat: caveatOf(col, table),
        unit: { fr: col.unit, en: col.unit },
        decimals: col.decimals,
        direction: col.direction,
        kind: col.kind,
        compute: () => null,
        values,
      };
      out.push(ind);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building a stored table from an import

/** TI aggregation chosen in the import dialog: 'same' = the EPCI rule recomputed from communes. */
export type TiChoice = 'same' | 'sum' | 'none';

export interface ColumnSpec {
  /** Column index in the imported table. */
  column: number;
  label: string;
  unit: string;
  year: string;
  direction: Direction;
  kind: 'stock' | 'change';
  /** Commune key only: rule from communes to EPCI (and to TI with tiRule 'same'). */
  epciRule: AggregateRule;
  /** Commune key + 'weighted-mean' only. */
  weightColumn?: number;
  tiRule: TiChoice;
  /** Leave territories only partly covered empty instead of showing a partial value. */
  dropPartial: boolean;
  /** Default: guessed from the values. */
  decimals?: number;
}

export interface BuildInput {
  table: ImportTable;
  join: JoinReport;
  /** Reference of the import (its `generation` is the one of TI keys and names). */
  ref: JoinReference;
  id: string;
  name: string;
  fileName: string;
  sheet?: string;
  importedAt: string;
  columns: ColumnSpec[];
}

export type BuildResult =
  | { ok: true; table: UserTable }
  | { ok: false; column: string; error: { key: string; params: Record<string, string | number> } };

/** Non-negative integers only (and no % sign): a count, which may honestly be summed. */
export function isCountLike(table: ImportTable, profile: ColumnProfile): boolean {
  if (profile.percent) return false;
  let any = false;
  for (const row of table.rows) {
    const v = toNumberOrNull(row[profile.index] ?? null);
    if (v === null) continue;
    if (!Number.isInteger(v) || v < 0) return false;
    any = true;
  }
  return any;
}

/** Guessed column defaults: counts are summed, other values averaged (weighted by population when there is one). */
export function defaultSpecFrom(
  profile: ColumnProfile,
  countLike: boolean,
  level: TerritoryLevel,
  weightColumn: number | undefined,
): ColumnSpec {
  const { year } = guessYear(profile.name);
  const epciRule: AggregateRule = countLike
    ? 'sum'
    : weightColumn !== undefined && weightColumn !== profile.index
      ? 'weighted-mean'
      : 'mean';
  return {
    column: profile.index,
    label: profile.name,
    unit: profile.percent ? '%' : '',
    year,
    direction: 'neutral',
    kind: 'stock',
    epciRule,
    weightColumn: epciRule === 'weighted-mean' ? weightColumn : undefined,
    tiRule: level === 'commune' ? 'same' : level === 'epci' ? (countLike ? 'sum' : 'none') : 'none',
    dropPartial: level === 'commune' && epciRule === 'sum',
  };
}

export function defaultSpec(
  table: ImportTable,
  profile: ColumnProfile,
  level: TerritoryLevel,
  weightColumn: number | undefined,
): ColumnSpec {
  return defaultSpecFrom(profile, isCountLike(table, profile), level, weightColumn);
}

/** A count-like population column, used as the default weight of weighted means. */
export function guessWeightColumn(profiles: readonly ColumnProfile[]): number | undefined {
  return profiles.find(
    (p) => p.isNumeric && /\b(pop|population|pmun|ptot|habitants?)\b/i.test(p.name.replace(/[_\d]+/g, ' ')),
  )?.index;
}

/** Decimals to show: 0 for integers, else 1 (or 2 for small values). */
export function guessDecimals(values: Iterable<number>): number {
  let allInt = true,
    maxAbs = 0,
    any = false;
  for (const v of values) {
    any = true;
    if (!Number.isInteger(v)) allInt = false;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  if (!any || allInt) return 0;
  return maxAbs < 10 ? 2 : 1;
}

/** TI keys whose EPCI→TI sum is not exact: TI taking only part of an EPCI (commune or EPT members). */
function partialTis(ref: JoinReference, generation: Generation): Set<string> {
  return new Set(
    ref.source.ti.filter((t) => t.generation === generation && t.partialEpcis.length > 0).map((t) => t.key),
  );
}

interface Collected {
  values: Record<string, number>;
  partial: number;
}

function collect(
  cells: readonly AggregateCell[],
  dropPartial: boolean,
  alsoPartial: ReadonlySet<string> = new Set(),
): Collected {
  const values: Record<string, number> = {};
  let partial = 0;
  for (const c of cells) {
    if (c.value === null || !Number.isFinite(c.value) || c.withValue === 0) continue;
    const isPartial = c.missing > 0 || (c.missingWeight ?? 0) > 0 || alsoPartial.has(c.code);
    if (isPartial) {
      partial++;
      if (dropPartial) continue;
    }
    values[c.code] = c.value;
  }
  return { values, partial };
}

/** Per-territory values of one column (the preview of the import dialog uses it too). */
export function columnValues(
  input: Pick<BuildInput, 'table' | 'join' | 'ref'>,
  spec: ColumnSpec,
):
  | { ok: true; epci: Collected | null; ti: Record<Generation, Collected>; epciRule: EpciRule | null; tiRule: TiRule }
  | { ok: false; error: { key: string; params: Record<string, string | number> } } {
  const { table, join, ref } = input;
  const refOf = (g: Generation): JoinReference => (ref.generation === g ? ref : { ...ref, generation: g });
  const emptyTi = (): Record<Generation, Collected> => ({
    '2023': { values: {}, partial: 0 },
    '2018': { values: {}, partial: 0 },
  });

  if (join.level === 'commune') {
    const weightColumn = spec.epciRule === 'weighted-mean' ? spec.weightColumn : undefined;
    const e = aggregateCommuneTable(table, join, ref, {
      valueColumn: spec.column,
      rule: spec.epciRule,
      weightColumn,
      to: 'epci',
    });
    if (!e.ok) return { ok: false, error: e.error };
    const ti = emptyTi();
    if (spec.tiRule !== 'none') {
      for (const g of GENERATIONS) {
        const r = aggregateCommuneTable(table, join, refOf(g), {
          valueColumn: spec.column,
          rule: spec.epciRule,
          weightColumn,
          to: 'ti',
        });
        if (!r.ok) return { ok: false, error: r.error };
        // Grand Paris EPT members cannot be resolved to communes: those TI are incomplete.
        ti[g] = collect(r.cells, spec.dropPartial, new Set(r.unresolved.map((u) => u.ti)));
      }
    }
    return {
      ok: true,
      epci: collect(e.cells, spec.dropPartial),
      ti,
      epciRule: spec.epciRule,
      tiRule: spec.tiRule === 'none' ? 'none' : spec.epciRule,
    };
  }

  const byCode = valuesByCode(table, join, spec.column);
  if ([...byCode.values()].every((v) => v === null)) {
    return {
      ok: false,
      error: {
        key: 'import.aggregate.notNumeric',
        params: { column: table.columns[spec.column] ?? String(spec.column) },
      },
    };
  }
  if (join.level === 'epci') {
    const epci: Record<string, number> = {};
    for (const [code, v] of byCode) if (v !== null && Number.isFinite(v)) epci[code] = v;
    const ti = emptyTi();
    if (spec.tiRule === 'sum') {
      for (const g of GENERATIONS) {
        const r = aggregateEpciToTi(byCode, refOf(g), 'sum');
        ti[g] = collect(r.cells, spec.dropPartial, partialTis(ref, g));
      }
    }
    return {
      ok: true,
      epci: { values: epci, partial: 0 },
      ti,
      epciRule: 'direct',
      tiRule: spec.tiRule === 'sum' ? 'sum' : 'none',
    };
  }

  // TI key: values of the matched TI, by generation (keys carry it: "2023:ti-4401").
  const ti = emptyTi();
  for (const [key, v] of byCode) {
    if (v === null || !Number.isFinite(v)) continue;
    const g = key.slice(0, 4) as Generation;
    if (g === '2023' || g === '2018') ti[g].values[key] = v;
  }
  return { ok: true, epci: null, ti, epciRule: null, tiRule: 'direct' };
}

/** The stored table: per-territory values of the chosen columns and the join's figures. */
export function buildUserTable(input: BuildInput): BuildResult {
  const { table, join } = input;
  const ids = columnIds(input.columns.map((c) => table.columns[c.column] ?? `col${c.column + 1}`));
  const columns: UserColumn[] = [];
  for (let i = 0; i < input.columns.length; i++) {
    const spec = input.columns[i];
    const header = table.columns[spec.column] ?? String(spec.column);
    const r = columnValues(input, spec);
    if (!r.ok) return { ok: false, column: header, error: r.error };
    const all = [
      ...Object.values(r.epci?.values ?? {}),
      ...Object.values(r.ti['2023'].values),
      ...Object.values(r.ti['2018'].values),
    ];
    const col: UserColumn = {
      id: ids[i],
      header,
      label: spec.label.trim() || header,
      unit: spec.unit.trim(),
      year: spec.year.trim(),
      decimals: spec.decimals ?? guessDecimals(all),
      direction: spec.direction,
      kind: spec.kind,
      epciRule: r.epciRule,
      tiRule: r.tiRule,
      epci: r.epci?.values ?? {},
      ti: { '2023': r.ti['2023'].values, '2018': r.ti['2018'].values },
      partial: { epci: r.epci?.partial ?? 0, ti2023: r.ti['2023'].partial, ti2018: r.ti['2018'].partial },
      dropPartial: spec.dropPartial,
    };
    if (r.epciRule === 'weighted-mean' && spec.weightColumn !== undefined)
      col.weight = table.columns[spec.weightColumn];
    columns.push(col);
  }
  const out: UserTable = {
    id: input.id,
    name: input.name.trim() || input.fileName,
    fileName: input.fileName,
    importedAt: input.importedAt,
    keyColumn: join.keyColumnName,
    keyKind: join.keyKind,
    level: join.level,
    rows: join.stats.rows,
    matched: join.stats.matched,
    unmatched: join.stats.unmatched,
    repaired: join.stats.repaired,
    byName: join.stats.needsConfirmation,
    byReason: Object.fromEntries(Object.entries(join.stats.byReason).filter(([, n]) => n > 0)),
    columns,
  };
  if (input.sheet) out.sheet = input.sheet;
  if (join.level === 'ti') out.generation = input.ref.generation;
  return { ok: true, table: out };
}

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

/** Rough size of the stored workspace, for the storage check and the panel. */
export function workspaceSize(tables: readonly UserTable[]): number {
  return serializeWorkspace(tables, new Date(0)).length;
}
