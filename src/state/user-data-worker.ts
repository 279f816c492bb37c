// Module worker of one import session (one open « Importer » dialog). It parses the file with the
// import core's worker logic (`handleImportMessage`, the same code as src/domain/import/worker.ts),
// then KEEPS the table: key detection, join, aggregation previews and the final table are computed
// here, and only small results go back to the page. A 20 MB file is ~2.5 million cells: copying it
// to the page and joining it there would block the main thread for seconds.
// The reference (communes, EPCI, TI) is fetched from the app's own origin and built here too.
import { type CommunesFile, unpackCommunes } from '../data/communes.ts';
import type { Generation, TerritoriesFile } from '../data/types.ts';
import {
  buildJoinReference,
  detectJoinKey,
  handleImportMessage,
  type ImportMessage,
  type ImportTable,
  type JoinReference,
  type JoinReport,
  joinTable,
  type KeyDetection,
  type KeyKind,
  type ParseReport,
} from '../domain/import/index.ts';
import { buildUserTable, type ColumnSpec, columnValues, isCountLike } from '../domain/user-data/build.ts';
import { type CoverageView, coverageOf, type JoinView, summarizeJoin } from '../domain/user-data/join-view.ts';
import type { UserTable } from '../domain/user-data/types.ts';

export type SessionRequest =
  | { type: 'init'; communesUrl: string; territoriesUrl: string }
  | { type: 'warm'; generation: Generation }
  | { type: 'parse'; id: number; name: string; bytes: ArrayBuffer; sheet?: string }
  | { type: 'detect'; id: number }
  | { type: 'join'; id: number; keyColumn: number; keyKind: KeyKind; generation: Generation }
  | { type: 'preview'; id: number; spec: ColumnSpec }
  | { type: 'build'; id: number; tableId: string; name: string; importedAt: string; specs: ColumnSpec[] };

export type SessionResponse =
  | { type: 'progress'; id: number; ratio: number }
  | {
      type: 'parsed';
      id: number;
      report: ParseReport;
      preview: { rows: ImportTable['rows']; rowNumbers: number[] };
      rows: number;
      countLike: boolean[];
    }
  | { type: 'parseError'; id: number; error: ImportMessage; warnings: ImportMessage[] }
  | { type: 'detected'; id: number; detection: KeyDetection; join: JoinView | null }
  | { type: 'joined'; id: number; join: JoinView }
  | { type: 'previewed'; id: number; coverage: CoverageView }
  | { type: 'built'; id: number; table: UserTable }
  | { type: 'buildError'; id: number; column: string; error: ImportMessage }
  | { type: 'failed'; id: number; message: string };

/** Every response but progress answers exactly one request. */
export type SessionAnswer = Exclude<SessionResponse, { type: 'progress' }>;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SessionRequest>) => void) | null;
  postMessage: (m: SessionResponse) => void;
};
const post = (m: SessionResponse) => scope.postMessage(m);

let urls: { communesUrl: string; territoriesUrl: string } | null = null;
let sources: Promise<{ communes: ReturnType<typeof unpackCommunes>; territories: TerritoriesFile }> | null = null;
const refs = new Map<Generation, Promise<JoinReference>>();
let session: { table: ImportTable; report: ParseReport; join: JoinReport | null; ref: JoinReference | null } | null =
  null;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.split('/').pop()}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

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

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function handle(m: SessionRequest): Promise<void> {
  switch (m.type) {
    case 'init':
      urls = { communesUrl: m.communesUrl, territoriesUrl: m.territoriesUrl };
      return;
    case 'warm':
      void reference(m.generation).catch(() => undefined);
      return;
    case 'parse': {
      session = null;
      await handleImportMessage({ type: 'parse', name: m.name, bytes: m.bytes, sheet: m.sheet }, (r) => {
        if (r.type === 'progress') post({ type: 'progress', id: m.id, ratio: r.ratio });
        else if (r.type === 'error')
          post({ type: 'parseError', id: m.id, error: { key: r.key, params: r.params }, warnings: r.warnings });
        else {
          session = { table: r.table, report: r.report, join: null, ref: null };
          const countLike = r.report.columns.map((c) => c.isNumeric && isCountLike(r.table, c));
          post({
            type: 'parsed',
            id: m.id,
            report: r.report,
            rows: r.table.rows.length,
            countLike,
            preview: { rows: r.table.rows.slice(0, 5), rowNumbers: r.table.rowNumbers.slice(0, 5) },
          });
        }
      });
      return;
    }
    case 'detect': {
      if (!session) return post({ type: 'failed', id: m.id, message: 'no table' });
      const ref = await reference('2023');
      const detection = detectJoinKey(session.table, ref);
      let join: JoinView | null = null;
      const best = detection.best ?? detection.candidates[0];
      if (best) {
        session.join = joinTable(session.table, best.column, best.kind, ref);
        session.ref = ref;
        join = summarizeJoin(session.join, ref.generation);
      }
      return post({ type: 'detected', id: m.id, detection, join });
    }
    case 'join': {
      if (!session) return post({ type: 'failed', id: m.id, message: 'no table' });
      const ref = await reference(m.generation);
      session.join = joinTable(session.table, m.keyColumn, m.keyKind, ref);
      session.ref = ref;
      return post({ type: 'joined', id: m.id, join: summarizeJoin(session.join, ref.generation) });
    }
    case 'preview': {
      if (!session?.join || !session.ref) return post({ type: 'failed', id: m.id, message: 'no join' });
      const coverage = coverageOf(columnValues({ table: session.table, join: session.join, ref: session.ref }, m.spec));
      return post({ type: 'previewed', id: m.id, coverage });
    }
    case 'build': {
      if (!session?.join || !session.ref) return post({ type: 'failed', id: m.id, message: 'no join' });
      const r = buildUserTable({
        table: session.table,
        join: session.join,
        ref: session.ref,
        id: m.tableId,
        name: m.name,
        fileName: session.report.fileName,
        sheet: session.report.sheet,
        importedAt: m.importedAt,
        columns: m.specs,
      });
      if (r.ok) return post({ type: 'built', id: m.id, table: r.table });
      return post({ type: 'buildError', id: m.id, column: r.column, error: r.error as ImportMessage });
    }
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  handle(m).catch((err: unknown) => {
    if ('id' in m) post({ type: 'failed', id: m.id, message: message(err) });
  });
};
