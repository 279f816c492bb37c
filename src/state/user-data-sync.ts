// The user's imported tables ("vos données") in the browser: a small store of its own, persisted
// locally (IndexedDB, else localStorage when small enough, else memory only), versioned
// (src/domain/user-data/), and turned into indicators in the main store (`setUserIndicators`).
// Nothing here ever sends data anywhere: files are read locally and only per-territory values are kept.
import { type Remote, wrap } from 'comlink';
import { useEffect } from 'react';
import { indicatorById } from '../domain/indicators.ts';
import { userIndicatorId } from '../domain/user-data/ids.ts';
import { userIndicatorsFrom } from '../domain/user-data/indicators.ts';
import type { UserTable } from '../domain/user-data/types.ts';
import { mergeTables, parseWorkspace, serializeWorkspace, type WorkspaceError } from '../domain/user-data/workspace.ts';
import { translator } from '../i18n/index.ts';
import type { ImportWorkerApi } from './import-worker-api.ts';
import { type Backend, type UserDataState, useAtlas } from './store.ts';

const USER_DATA_DB = 'atlas-ti';
const USER_DATA_STORE = 'kv';
const USER_DATA_KEY = 'user-data';
const USER_DATA_LS_KEY = 'atlas-ti:user-data';
/** localStorage holds ~5 M UTF-16 chars per origin, shared with other features: stay well below. */
const MAX_LOCALSTORAGE_CHARS = 2_000_000;

export type { UserDataState } from './store.ts';

/**
 * The imported-tables slice of the one store (`useAtlas().userData`), with the zustand-like API
 * the import UI uses: `useUserData(selector)`, `.getState()`, `.setState(patch)`.
 */
export const useUserData = Object.assign(
  <T>(selector: (s: UserDataState) => T): T => useAtlas((s) => selector(s.userData)),
  {
    getState: (): UserDataState => useAtlas.getState().userData,
    setState: (patch: Partial<UserDataState>): void =>
      useAtlas.setState((s) => ({ userData: { ...s.userData, ...patch } })),
  },
);

// ---------------------------------------------------------------------------------------------
// Storage backends (every call guarded: private mode, sandboxed iframes, quotas)

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let dbPromise: Promise<IDBDatabase | null> | null = null;
function openDb(): Promise<IDBDatabase | null> {
  dbPromise ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(USER_DATA_DB, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(USER_DATA_STORE)) req.result.createObjectStore(USER_DATA_STORE);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return dbPromise;
}

function idbGet(db: IDBDatabase): Promise<string | null> {
  return new Promise((resolve, reject) => {
    try {
      const req = db.transaction(USER_DATA_STORE, 'readonly').objectStore(USER_DATA_STORE).get(USER_DATA_KEY);
      req.onsuccess = () => resolve(typeof req.result === 'string' ? req.result : null);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
    } catch (e) {
      reject(e);
    }
  });
}

function idbPut(db: IDBDatabase, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const tx = db.transaction(USER_DATA_STORE, 'readwrite');
      tx.objectStore(USER_DATA_STORE).put(text, USER_DATA_KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    } catch (e) {
      reject(e);
    }
  });
}

async function readStored(): Promise<{ text: string | null; backend: Backend }> {
  const db = await openDb();
  if (db) {
    try {
      const text = await idbGet(db);
      // A workspace saved earlier in localStorage (IndexedDB was unavailable then) is still read.
      if (text !== null) return { text, backend: 'indexeddb' };
      const legacy = localStore()?.getItem(USER_DATA_LS_KEY) ?? null;
      return { text: legacy, backend: 'indexeddb' };
    } catch {
      // Fall through to localStorage.
    }
  }
  try {
    const ls = localStore();
    if (ls) return { text: ls.getItem(USER_DATA_LS_KEY), backend: 'localstorage' };
  } catch {
    // Fall through to memory.
  }
  return { text: null, backend: 'memory' };
}

let saving: Promise<void> = Promise.resolve();

/** Saves the workspace; saves are chained so that the last state always wins. */
function persist(tables: UserTable[]): Promise<void> {
  const text = serializeWorkspace(tables);
  saving = saving.then(async () => {
    const t = translator(useAtlas.getState().view.lang);
    const db = await openDb();
    if (db) {
      try {
        await idbPut(db, text);
        try {
          localStore()?.removeItem(USER_DATA_LS_KEY);
        } catch {
          // Ignore: the IndexedDB copy is the one read first.
        }
        useUserData.setState({ backend: 'indexeddb', saveError: null });
        return;
      } catch (e) {
        useUserData.setState({
          saveError: t('userData.saveFailed', { reason: e instanceof Error ? e.message : String(e) }),
        });
      }
    }
    const ls = localStore();
    if (!ls) {
      useUserData.setState({ backend: 'memory', saveError: t('userData.storage.memory') });
      return;
    }
    if (text.length > MAX_LOCALSTORAGE_CHARS) {
      useUserData.setState({
        backend: 'memory',
        saveError: t('userData.tooBigForStorage', { size: Math.round(text.length / 1024) }),
      });
      return;
    }
    try {
      if (tables.length === 0) ls.removeItem(USER_DATA_LS_KEY);
      else ls.setItem(USER_DATA_LS_KEY, text);
      useUserData.setState({ backend: 'localstorage', saveError: null });
    } catch (e) {
      useUserData.setState({
        backend: 'memory',
        saveError: t('userData.saveFailed', { reason: e instanceof Error ? e.name : String(e) }),
      });
    }
  });
  return saving;
}

// ---------------------------------------------------------------------------------------------
// Actions

function apply(tables: UserTable[]): void {
  useUserData.setState({ tables });
  useAtlas.getState().setUserIndicators(userIndicatorsFrom(tables));
}

/** Clears the map indicator and range filters that point to indicators that no longer exist. */
function dropDangling(removedIds: Set<string>): void {
  const { view, setView } = useAtlas.getState();
  const patch: Partial<typeof view> = {};
  if (view.indicator && removedIds.has(view.indicator)) patch.indicator = null;
  const filters = view.filters.filter((f) => f.kind !== 'range' || !removedIds.has(f.indicator));
  if (filters.length !== view.filters.length) patch.filters = filters;
  if (Object.keys(patch).length > 0) setView(patch);
}

const idsOf = (t: UserTable) => t.columns.map((c) => userIndicatorId(t, c));

export function addUserTable(table: UserTable): Promise<void> {
  const { tables } = mergeTables(useUserData.getState().tables, [table]);
  apply(tables);
  return persist(tables);
}

export function renameUserTable(id: string, name: string): Promise<void> {
  const clean = name.trim().slice(0, 120);
  if (!clean) return Promise.resolve();
  const tables = useUserData.getState().tables.map((t) => (t.id === id ? { ...t, name: clean } : t));
  apply(tables);
  return persist(tables);
}

/** Renames one column's label (its indicator id stays the same, so links keep working). */
export function renameUserColumn(tableId: string, columnId: string, label: string): Promise<void> {
  const clean = label.trim().slice(0, 200);
  if (!clean) return Promise.resolve();
  const tables = useUserData
    .getState()
    .tables.map((t) =>
      t.id !== tableId ? t : { ...t, columns: t.columns.map((c) => (c.id === columnId ? { ...c, label: clean } : c)) },
    );
  apply(tables);
  return persist(tables);
}

export function deleteUserTable(id: string): Promise<void> {
  const all = useUserData.getState().tables;
  const gone = all.find((t) => t.id === id);
  const tables = all.filter((t) => t.id !== id);
  if (gone) dropDangling(new Set(idsOf(gone)));
  apply(tables);
  return persist(tables);
}

export type WorkspaceImport =
  | { ok: true; added: number; replaced: number; dropped: number }
  | { ok: false; error: WorkspaceError; version?: number };

/** Reads an exported workspace file's text and merges its tables into the stored ones. */
export async function importWorkspaceText(text: string): Promise<WorkspaceImport> {
  const r = parseWorkspace(text);
  if (!r.ok) return r;
  const m = mergeTables(useUserData.getState().tables, r.tables);
  apply(m.tables);
  await persist(m.tables);
  return { ok: true, added: m.added, replaced: m.replaced, dropped: r.dropped };
}

export function exportWorkspaceText(): string {
  return serializeWorkspace(useUserData.getState().tables);
}

// ---------------------------------------------------------------------------------------------
// Import session: a worker that parses the file and keeps the table (see import-worker-api.ts)

export interface ImportSession {
  /** Calls the worker; rejects when the worker fails to start or crashes, or the session is stopped. */
  run<T>(call: (api: Remote<ImportWorkerApi>) => Promise<T>): Promise<T>;
  terminate(): void;
}

/** Starts the import worker; it fetches the reference (communes, territories) from the app's origin. */
export function createImportSession(): ImportSession {
  const worker = new Worker(new URL('./user-data-worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<ImportWorkerApi>(worker);
  let fail: (e: Error) => void = () => undefined;
  // Comlink answers calls but does not see a worker that never started or crashed: race every call
  // against this promise so that the UI gets a clear message instead of waiting for ever.
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  worker.addEventListener('error', (e) => fail(new Error(e.message || 'import worker failed')));
  const base = new URL(`${import.meta.env.BASE_URL}generated/`, document.baseURI);
  void api.init(new URL('communes.json', base).href, new URL('territories.json', base).href);
  return {
    run: (call) => Promise.race([call(api), failed]),
    terminate() {
      fail(new Error('cancelled'));
      worker.terminate();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Hook

/** Tells the user when the link asks for an indicator (or a filter) that this browser does not have. */
function checkLinkIndicators(): void {
  const s = useAtlas.getState();
  const ctx = { extra: s.userIndicators };
  const t = translator(s.view.lang);
  const missing = new Set<string>();
  if (s.view.indicator && !indicatorById(ctx, s.view.indicator)) missing.add(s.view.indicator);
  for (const f of s.view.filters) if (f.kind === 'range' && !indicatorById(ctx, f.indicator)) missing.add(f.indicator);
  if (missing.size === 0) return;
  for (const id of missing)
    s.notify(t(id.startsWith('u.') ? 'userData.unknownIndicator' : 'userData.unknownBuiltin', { id }));
  dropDangling(missing);
}

/** Loads the stored tables once the atlas data is there, then checks the link's indicator. */
export function useUserDataSync(): void {
  const ready = useAtlas((s) => s.catalog !== null);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void (async () => {
      let text: string | null = null;
      let backend: Backend = 'memory';
      try {
        ({ text, backend } = await readStored());
      } catch {
        text = null;
      }
      if (cancelled) return;
      let tables: UserTable[] = [];
      let loadError: string | null = null;
      if (text) {
        const r = parseWorkspace(text);
        if (r.ok) tables = r.tables;
        else
          loadError = translator(useAtlas.getState().view.lang)(`userData.wsErrors.${r.error}`, {
            version: r.version ?? '?',
          });
      }
      useUserData.setState({ loaded: true, backend, saveError: loadError });
      apply(tables);
      checkLinkIndicators();
    })();
    return () => {
      cancelled = true;
    };
  }, [ready]);
}
