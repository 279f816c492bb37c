// The import worker's API (src/state/user-data-worker.ts exposes it with Comlink; the page wraps it
// in user-data-sync.ts). One import session: it parses the file, then KEEPS the table: key
// detection, join, aggregation previews and the final table are computed here, and only small
// results go back to the page. A 20 MB file is ~2.5 million cells: copying it to the page and
// joining it there would block the main thread for seconds.
// The reference (communes, EPCI, TI) is fetched from the app's own origin and built here too.
import { type CommunesFile, unpackCommunes } from '../data/communes.ts';
import type { Generation, TerritoriesFile } from '../data/types.ts';
import {
  buildJoinReference,
  detectJoinKey,
  type ImportMessage,
  type ImportTable,
  type JoinReference,
  type JoinReport,
  joinTable,
  type KeyDetection,
  type KeyKind,
  type ParseReport,
  parseImport,
} from '../domain/import/index.ts';
import { buildUserTable, type ColumnSpec, columnValues, isCountLike } from '../domain/user-data/build.ts';
import { type CoverageView, coverageOf, type JoinView, summarizeJoin } from '../domain/user-data/join-view.ts';
import type { UserTable } from '../domain/user-data/types.ts';

export type ParseAnswer =
  | {
      ok: true;
      report: ParseReport;
      preview: { rows: ImportTable['rows']; rowNumbers: number[] };
      rows: number;
      countLike: boolean[];
    }
  | { ok: false; error: ImportMessage; warnings: ImportMessage[] };

export type BuildAnswer = { ok: true; table: UserTable } | { ok: false; column: string; error: ImportMessage };

export interface BuildRequest {
  tableId: string;
  name: string;
  importedAt: string;
  specs: ColumnSpec[];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.split('/').pop()}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** A fresh session; every method but `init`/`warm` answers once (errors reject the call). */
export function createImportWorkerApi() {
  let urls: { communesUrl: string; territoriesUrl: string } | null = null;
  let sources: Promise<{ communes: ReturnType<typeof unpackCommunes>; territories: TerritoriesFile }> | null = null;
  const refs = new Map<Generation, Promise<JoinReference>>();
  let session: { table: ImportTable; report: ParseReport; join: JoinReport | null; ref: JoinReference | null } | null =
    null;

  function reference(generation: Generation): Promise<JoinReference> {
    let p = refs.get(generation);
    if (!p) {
      if (!urls) return Promise.reject(new Error('not initialised'));
      const u = urls;
      sources ??= Promise.all([getJson<CommunesFile>(u.communesUrl), getJson<TerritoriesFile>(u.territoriesUrl)]).then(
        ([communes, territories]) => ({ communes: unpackCommunes(communes), territories }),
      );
      p = sources.then(({ communes, territories: t }) =>
        buildJoinReference({ communes, epci: t.epci, ti: [...t.ti['2023'], ...t.ti['2018']], generation }),
      );
      p.catch(() => {
        refs.delete(generation);
        sources = null;
      });
      refs.set(generation, p);
    }
    return p;
  }

  const joined = () => {
    if (!session?.join || !session.ref) throw new Error('no join');
    return { table: session.table, join: session.join, ref: session.ref, report: session.report };
  };

  return {
    init(communesUrl: string, territoriesUrl: string): void {
      urls = { communesUrl, territoriesUrl };
    },
    /** Builds a generation's reference ahead of time (while the user picks a file). */
    warm(generation: Generation): void {
      void reference(generation).catch(() => undefined);
    },
    /** `onProgress` gets at most ~100 calls per file. */
    async parse(
      name: string,
      bytes: ArrayBuffer,
      sheet?: string,
      onProgress?: (ratio: number) => unknown,
    ): Promise<ParseAnswer> {
      session = null;
      let last = -1;
      // Through Comlink, `onProgress` is a proxy whose calls travel on their own port: wait for the
      // last one so that no progress report reaches the page after the answer.
      let delivered: unknown;
      const r = await parseImport(name, bytes, {
        sheet,
        onProgress: (ratio) => {
          if (ratio === 1 || ratio - last >= 0.01) {
            last = ratio;
            delivered = onProgress?.(ratio);
          }
        },
      });
      await delivered;
      if (!r.ok) return { ok: false, error: r.error, warnings: r.warnings };
      session = { table: r.table, report: r.report, join: null, ref: null };
      const table = r.table;
      return {
        ok: true,
        report: r.report,
        rows: table.rows.length,
        countLike: r.report.columns.map((c) => c.isNumeric && isCountLike(table, c)),
        preview: { rows: table.rows.slice(0, 5), rowNumbers: table.rowNumbers.slice(0, 5) },
      };
    },
    /** Detects the key column and joins on the best candidate (2023–2027 TI). */
    async detect(): Promise<{ detection: KeyDetection; join: JoinView | null }> {
      if (!session) throw new Error('no table');
      const s = session;
      const ref = await reference('2023');
      const detection = detectJoinKey(s.table, ref);
      let join: JoinView | null = null;
      const best = detection.best ?? detection.candidates[0];
      if (best) {
        s.join = joinTable(s.table, best.column, best.kind, ref);
        s.ref = ref;
        join = summarizeJoin(s.join, ref.generation);
      }
      return { detection, join };
    },
    async join(keyColumn: number, keyKind: KeyKind, generation: Generation): Promise<JoinView> {
      if (!session) throw new Error('no table');
      const s = session;
      const ref = await reference(generation);
      s.join = joinTable(s.table, keyColumn, keyKind, ref);
      s.ref = ref;
      return summarizeJoin(s.join, ref.generation);
    },
    /** Coverage of one column with the current join. */
    preview(spec: ColumnSpec): CoverageView {
      return coverageOf(columnValues(joined(), spec));
    },
    build(request: BuildRequest): BuildAnswer {
      const s = joined();
      const r = buildUserTable({
        table: s.table,
        join: s.join,
        ref: s.ref,
        id: request.tableId,
        name: request.name,
        fileName: s.report.fileName,
        sheet: s.report.sheet,
        importedAt: request.importedAt,
        columns: request.specs,
      });
      return r.ok ? { ok: true, table: r.table } : { ok: false, column: r.column, error: r.error as ImportMessage };
    },
  };
}

export type ImportWorkerApi = ReturnType<typeof createImportWorkerApi>;
