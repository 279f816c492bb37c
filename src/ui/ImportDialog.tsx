// « Importer »: the user's CSV / XLSX file is read in a Web Worker (never uploaded), joined to
// communes / EPCI / TI with a preview and a join report, then chosen numeric columns become
// indicators (« vos données ») aggregated to EPCI and TI. Text from the file is only ever rendered
// as React text (never as HTML).
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Generation } from '../data/types.ts';
import {
  KEY_KINDS, MAX_IMPORT_BYTES, bytesToMb, checkSize, detectJoinKey, formatImportMessage, joinTable,
  type AggregateRule, type ImportMessage, type ImportMessageKey, type ImportTable, type JoinReference, type JoinReport, type KeyDetection, type KeyKind,
  type ParseReport, type WorkerResponse,
} from '../domain/import/index.ts';
import { isAvailable, type Direction } from '../domain/indicators.ts';
import {
  MAX_COLUMNS_PER_TABLE, buildUserTable, columnValues, defaultSpec, guessWeightColumn, newTableId, userIndicatorId,
  type ColumnSpec, type TiChoice,
} from '../domain/user-data.ts';
import { useAtlas } from '../state/store.ts';
import { addUserTable, importWorkspaceText, joinReference, useUserData } from '../state/user-data-sync.ts';
import { formatNumber } from '../domain/format.ts';
import { translator } from '../i18n/index.ts';
import { UserDataPanel } from './UserDataPanel.tsx';
import { useLang, useT } from './useT.ts';
import './export.css';
import './import.css';

type Lang = 'fr' | 'en';
const LISTED = 50;
const PREVIEW_ROWS = 5;
const PREVIEW_COLS = 30;
const COMMUNE_RULES: AggregateRule[] = ['sum', 'mean', 'weighted-mean', 'min', 'max', 'count'];
const DIRECTIONS: Direction[] = ['neutral', 'higher-better', 'lower-better'];

type ParseState =
  | { step: 'idle' }
  | { step: 'reading'; name: string; ratio: number }
  | { step: 'error'; name: string; error: ImportMessage; warnings: ImportMessage[] }
  | { step: 'parsed'; file: File; table: ImportTable; report: ParseReport };

const fmtMsg = (m: { key: ImportMessageKey; params: Record<string, string | number> }, lang: Lang) => formatImportMessage(m, lang);
const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const baseName = (name: string) => name.replace(/\.[A-Za-z0-9]{1,8}$/, '');
const isWorkspaceFile = (f: File) => /\.json$/i.test(f.name);

// ---------------------------------------------------------------------------------------------
// Host: the dialogs and the whole-window drop zone (mounted once in App)

/** Shows « Importer » / « Vos données » dialogs and accepts files dropped anywhere on the window. */
export function ImportDropZone() {
  const t = useT();
  const dialog = useUserData((s) => s.dialog);
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent | globalThis.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: globalThis.DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      if (!useUserData.getState().dialog) setOver(true);
    };
    const leave = (e: globalThis.DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: globalThis.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allow dropping (and never let the browser open the file)
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: globalThis.DragEvent) => {
      depth = 0;
      setOver(false);
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      if (isWorkspaceFile(file)) {
        useUserData.getState().openPanel();
        void file.text().then((text) => importWorkspaceText(text)).then((r) => {
          const tt = translator(useAtlas.getState().view.lang);
          useAtlas.getState().notify(r.ok ? tt('userData.wsImported', { added: r.added, replaced: r.replaced }) : tt(`userData.wsErrors.${r.error}`, { version: r.version ?? '?' }));
        });
      } else useUserData.getState().openImport(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      {over && !dialog && (
        <div className="drop-overlay" aria-hidden="true">
          <div>{t('userData.dropOverlay')}</div>
        </div>
      )}
      {dialog?.kind === 'import' && <ImportDialog key={dialog.nonce} initialFile={dialog.file} />}
      {dialog?.kind === 'panel' && <UserDataPanel />}
    </>
  );
}

/** « Importer » button of the header. */
export function ImportButton() {
  const t = useT();
  return (
    <button type="button" className="link-button" title={t('userData.openTitle')} onClick={() => useUserData.getState().openImport()} data-testid="open-import">
      {t('userData.open')}
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// Dialog

export function ImportDialog({ initialFile }: { initialFile: File | null }) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const workerRef = useRef<Worker | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ParseState>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const close = () => useUserData.getState().closeDialog();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => workerRef.current?.terminate();
  }, []);

  const stop = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
  };

  const start = async (file: File, sheet?: string) => {
    stop();
    // Size first, before reading anything.
    const tooLarge = checkSize(file.name, file.size);
    if (tooLarge) return setState({ step: 'error', name: file.name, error: tooLarge, warnings: [] });
    setState({ step: 'reading', name: file.name, ratio: 0 });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      return setState({ step: 'error', name: file.name, error: { key: 'import.internal', params: { detail: String(e).slice(0, 200) } }, warnings: [] });
    }
    let worker: Worker;
    try {
      worker = new Worker(new URL('../domain/import/worker.ts', import.meta.url), { type: 'module' });
    } catch (e) {
      return setState({ step: 'error', name: file.name, error: { key: 'import.internal', params: { detail: String(e).slice(0, 200) } }, warnings: [] });
    }
    workerRef.current = worker;
    let lastRatio = 0;
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      if (workerRef.current !== worker) return;
      const m = e.data;
      if (m.type === 'progress') {
        // Repaint the bar at most every 2 %.
        if (m.ratio - lastRatio >= 0.02 || m.ratio === 1) {
          lastRatio = m.ratio;
          setState({ step: 'reading', name: file.name, ratio: m.ratio });
        }
        return;
      }
      stop();
      if (m.type === 'done') setState({ step: 'parsed', file, table: m.table, report: m.report });
      else setState({ step: 'error', name: file.name, error: { key: m.key, params: m.params }, warnings: m.warnings });
    };
    worker.onerror = (e) => {
      if (workerRef.current !== worker) return;
      stop();
      setState({ step: 'error', name: file.name, error: { key: 'import.internal', params: { detail: e.message || 'worker' } }, warnings: [] });
    };
    worker.postMessage({ type: 'parse', name: file.name, bytes, sheet }, [bytes]);
  };

  useEffect(() => {
    if (initialFile) void start(initialFile);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialFile]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    const f = e.dataTransfer.files?.[0];
    if (f) void start(f);
  };

  const picker = (
    <div className={`drop-target${dragging ? ' dragging' : ''}`} data-testid="import-drop"
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <input ref={inputRef} type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden" data-testid="import-file" tabIndex={-1}
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void start(f); }} />
      <button type="button" className="primary" onClick={() => inputRef.current?.click()}>{t('userData.pick')}</button>
      <span className="muted"> {t('userData.drop')}</span>
      <p className="hint">{t('userData.limit', { maxMb: bytesToMb(MAX_IMPORT_BYTES) })}</p>
    </div>
  );

  return (
    <dialog ref={ref} className="dialog import-dialog" aria-labelledby={titleId} onClose={close} onCancel={close} data-testid="import-dialog">
      <h2 id={titleId}>{t('userData.title')}</h2>
      <p className="privacy-note">🔒 {t('userData.privacy')}</p>
      {state.step === 'idle' && picker}
      {state.step === 'reading' && (
        <div className="import-reading" role="status">
          <p>{t('userData.reading', { name: state.name })}</p>
          <progress max={1} value={state.ratio} data-testid="import-progress" aria-label={t('userData.reading', { name: state.name })} />
          <span className="muted small"> {Math.round(state.ratio * 100)} %</span>
          <div><button type="button" onClick={() => { stop(); setState({ step: 'idle' }); }}>{t('userData.cancel')}</button></div>
        </div>
      )}
      {state.step === 'error' && (
        <div className="import-error-box">
          <p className="import-error" role="alert" data-testid="import-error"><strong>{t('userData.failed')} :</strong> {fmtMsg(state.error, lang)}</p>
          {state.warnings.length > 0 && (
            <ul className="import-warnings">{state.warnings.map((w, i) => <li key={i}>{fmtMsg(w, lang)}</li>)}</ul>
          )}
          {picker}
        </div>
      )}
      {state.step === 'parsed' && (
        <ParsedStep key={`${state.file.name}|${state.report.sheet ?? ''}|${state.report.bytes}`} table={state.table} report={state.report}
          onSheet={(sheet) => void start(state.file, sheet)} onAnother={() => setState({ step: 'idle' })} onDone={close} />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>{t('panel.close')}</button>
      </div>
    </dialog>
  );
}

// ---------------------------------------------------------------------------------------------
// After parsing: report, key and join, columns

function ParsedStep({ table, report, onSheet, onAnother, onDone }: {
  table: ImportTable; report: ParseReport; onSheet: (sheet: string) => void; onAnother: () => void; onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [generation, setGeneration] = useState<Generation>('2023');
  const [refs, setRefs] = useState<Partial<Record<Generation, JoinReference>>>({});
  const [refError, setRefError] = useState<string | null>(null);
  // While another generation's reference loads, the previous one stays on screen (state is kept).
  const ref = refs[generation] ?? refs['2023'] ?? refs['2018'] ?? null;
  useEffect(() => {
    if (refs[generation]) return;
    let live = true;
    joinReference(generation).then((r) => live && setRefs((m) => ({ ...m, [generation]: r })), (e: unknown) => live && setRefError(String(e)));
    return () => {
      live = false;
    };
  }, [generation, refs]);

  const details = [
    t('userData.summary', { rows: formatNumber(table.rows.length, { lang }), columns: table.columns.length }),
    report.format.toUpperCase(),
    report.encoding && t('userData.encoding', { encoding: report.encoding }),
    report.delimiter && t('userData.delimiter', { delimiter: report.delimiter === '\t' ? 'tab' : report.delimiter }),
  ].filter(Boolean).join(' · ');

  return (
    <div className="import-parsed">
      <section className="import-section">
        <p className="file-line"><strong>{report.fileName}</strong> <span className="muted">({formatNumber(bytesToMb(report.bytes), { lang })} Mo) — {details}</span>{' '}
          <button type="button" className="link-button" onClick={onAnother}>{t('userData.another')}</button>
        </p>
        {report.sheets && report.sheets.length > 1 && (
          <label className="field inline">
            <span>{t('userData.sheet')}</span>
            <select value={report.sheet} onChange={(e) => onSheet(e.target.value)} data-testid="import-sheet">
              {report.sheets.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
            <span className="hint">{t('userData.sheetHint')}</span>
          </label>
        )}
        {report.warnings.length > 0 && (
          <details className="import-warnings-box" open={report.warnings.length <= 4}>
            <summary>{t('userData.warnings', { count: report.warnings.length })}</summary>
            <ul className="import-warnings" data-testid="import-warnings">{report.warnings.map((w, i) => <li key={i}>{fmtMsg(w, lang)}</li>)}</ul>
          </details>
        )}
        <Preview table={table} />
      </section>
      {refError ? <p className="import-error" role="alert">{t('userData.refFailed', { reason: refError })}</p>
        : !ref ? <p role="status" className="muted">{t('userData.preparing')}</p>
          : <JoinAndColumns table={table} report={report} ref0={ref} generation={generation} setGeneration={setGeneration} onDone={onDone} />}
    </div>
  );
}

function Preview({ table }: { table: ImportTable }) {
  const t = useT();
  const cols = table.columns.slice(0, PREVIEW_COLS);
  return (
    <details className="import-preview" open>
      <summary>{t('userData.preview')}</summary>
      <div className="preview-wrap">
        <table className="data-table">
          <thead><tr><th scope="col">{t('userData.row')}</th>{cols.map((c, i) => <th scope="col" key={i}><span className="th-text">{c}</span></th>)}</tr></thead>
          <tbody>
            {table.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
              <tr key={i}><td className="muted">{table.rowNumbers[i]}</td>{cols.map((_, j) => <td key={j}>{cellText(r[j])}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function bestKindFor(det: KeyDetection, column: number, fallback: KeyKind): KeyKind {
  return det.candidates.find((c) => c.column === column)?.kind ?? fallback;
}

function JoinAndColumns({ table, report, ref0, generation, setGeneration, onDone }: {
  table: ImportTable; report: ParseReport; ref0: JoinReference; generation: Generation; setGeneration: (g: Generation) => void; onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  // Detection runs once per table (on the 2023 reference: codes do not depend on the generation).
  const [det] = useState<KeyDetection>(() => detectJoinKey(table, ref0));
  const [keyColumn, setKeyColumn] = useState<number>(det.best?.column ?? det.candidates[0]?.column ?? 0);
  const [keyKind, setKeyKind] = useState<KeyKind>(det.best?.kind ?? det.candidates[0]?.kind ?? 'commune-insee');
  const [confirmed, setConfirmed] = useState(false);
  const join = useMemo<JoinReport>(() => joinTable(table, keyColumn, keyKind, ref0, { departementColumn: det.departementColumn === keyColumn ? null : undefined }), [table, keyColumn, keyKind, ref0, det]);
  const rate = det.candidates.find((c) => c.column === keyColumn && c.kind === keyKind);

  useEffect(() => setConfirmed(false), [join]);
  const tiKind = keyKind === 'ti-id' || keyKind === 'ti-name';

  return (
    <>
      <section className="import-section" data-testid="import-join">
        <h3>{t('userData.step1')}</h3>
        <p className="detected" data-testid="import-detected">
          {det.best ? fmtMsg(det.messages[0], lang) : t('userData.noKey')}
        </p>
        <div className="form-grid">
          <label className="field">
            <span>{t('userData.keyColumn')}</span>
            <select value={keyColumn} data-testid="import-key-column" onChange={(e) => {
              const c = Number(e.target.value);
              setKeyColumn(c);
              setKeyKind(bestKindFor(det, c, keyKind));
            }}>
              {table.columns.map((c, i) => <option key={i} value={i}>{c}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('userData.keyKind')}</span>
            <select value={keyKind} onChange={(e) => setKeyKind(e.target.value as KeyKind)} data-testid="import-key-kind">
              {KEY_KINDS.map((k) => <option key={k} value={k}>{formatImportMessage({ key: `import.join.kind.${k}` as ImportMessageKey, params: {} }, lang)}</option>)}
            </select>
          </label>
          {tiKind && (
            <label className="field">
              <span>{t('userData.tiGeneration')}</span>
              <select value={generation} onChange={(e) => setGeneration(e.target.value as Generation)}>
                <option value="2023">2023–2027</option>
                <option value="2018">2018–2022</option>
              </select>
            </label>
          )}
          {rate && <span className="muted small rate">{t('userData.matchRate', { percent: Math.round(rate.matchRate * 100) })}</span>}
        </div>
        <JoinReportView join={join} confirmed={confirmed} setConfirmed={setConfirmed} />
      </section>
      <ColumnsStep table={table} report={report} join={join} ref0={ref0} confirmed={confirmed} onDone={onDone} />
    </>
  );
}

function reasonDetail(u: JoinReport['unmatched'][number], t: ReturnType<typeof useT>): string {
  if (u.reason === 'unknown-name' && u.suggestions && u.suggestions.length > 0) {
    return t('userData.suggest', { list: u.suggestions.map((s) => `« ${s.name} » (${s.departements.join(', ')})`).join(', ') });
  }
  if (u.reason === 'ambiguous-name' && u.candidates) {
    return t('userData.homonyms', { count: u.candidates.length, list: u.candidates.slice(0, 6).map((c) => `${c.name} (${c.departements.join(', ')}, ${c.code})`).join(', ') });
  }
  if (u.reason === 'duplicate' && u.duplicateRows) return t('userData.dupRows', { rows: u.duplicateRows.join(', ') });
  return '';
}

function JoinReportView({ join, confirmed, setConfirmed }: { join: JoinReport; confirmed: boolean; setConfirmed: (v: boolean) => void }) {
  const t = useT();
  const lang = useLang();
  const byName = useMemo(() => join.matched.filter((m) => m.needsConfirmation), [join]);
  const repaired = useMemo(() => join.matched.filter((m) => m.repairedFrom !== undefined), [join]);
  const reasons = Object.entries(join.stats.byReason).filter(([, n]) => n > 0);
  return (
    <div className="join-report" data-testid="import-join-report">
      <h4>{t('userData.joinReport')}</h4>
      <p className={join.stats.matched === 0 ? 'import-error' : 'join-summary'} data-testid="import-join-summary">
        {fmtMsg(join.messages[0], lang)}
        {reasons.length > 0 && <> ({reasons.map(([r, n]) => `${t(`userData.reasons.${r}`)} : ${n}`).join(' ; ')})</>}
      </p>
      {repaired.length > 0 && (
        <details>
          <summary>{t('userData.repaired', { count: repaired.length })}</summary>
          <ul className="compact-list">
            {repaired.slice(0, LISTED).map((m) => <li key={m.rowIndex}>{t('userData.row')} {m.row} : « {m.repairedFrom} » → {m.code} ({m.name})</li>)}
            {repaired.length > LISTED && <li className="muted">{t('userData.more', { count: repaired.length - LISTED })}</li>}
          </ul>
        </details>
      )}
      {join.unmatched.length > 0 && (
        <details open={join.unmatched.length <= 12}>
          <summary>{t('userData.unmatched', { count: join.unmatched.length })}</summary>
          <div className="report-scroll">
            <table className="data-table" data-testid="import-unmatched">
              <thead><tr><th scope="col">{t('userData.row')}</th><th scope="col">{t('userData.value')}</th><th scope="col">{t('userData.reason')}</th><th scope="col">{t('userData.detail')}</th></tr></thead>
              <tbody>
                {join.unmatched.slice(0, LISTED).map((u) => (
                  <tr key={u.rowIndex}><td>{u.row}</td><td>{u.input || '∅'}</td><td>{t(`userData.reasons.${u.reason}`)}</td><td>{reasonDetail(u, t)}</td></tr>
                ))}
              </tbody>
            </table>
            {join.unmatched.length > LISTED && <p className="muted small">{t('userData.more', { count: join.unmatched.length - LISTED })}</p>}
          </div>
        </details>
      )}
      {byName.length > 0 && (
        <div className="name-check">
          <details open>
            <summary>{t('userData.byName', { count: byName.length })}</summary>
            <div className="report-scroll">
              <table className="data-table" data-testid="import-by-name">
                <thead><tr><th scope="col">{t('userData.row')}</th><th scope="col">{t('userData.fileValue')}</th><th scope="col">{t('userData.matchedTo')}</th></tr></thead>
                <tbody>
                  {byName.slice(0, LISTED).map((m) => <tr key={m.rowIndex}><td>{m.row}</td><td>{m.input}</td><td>{m.name} <span className="muted">({m.code})</span></td></tr>)}
                </tbody>
              </table>
              {byName.length > LISTED && <p className="muted small">{t('userData.more', { count: byName.length - LISTED })}</p>}
            </div>
          </details>
          <label className="check confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="import-confirm-names" />
            {t('userData.confirmNames')}
          </label>
        </div>
      )}
    </div>
  );
}

function ColumnsStep({ table, report, join, ref0, confirmed, onDone }: {
  table: ImportTable; report: ParseReport; join: JoinReport; ref0: JoinReference; confirmed: boolean; onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const level = join.level;
  const excluded = new Set([join.keyColumn, join.departementColumn ?? -1]);
  const numeric = report.columns.filter((c) => c.isNumeric && !excluded.has(c.index));
  const ignored = report.columns.filter((c) => !c.isNumeric && !excluded.has(c.index)).map((c) => c.name);
  const weightGuess = guessWeightColumn(report.columns);
  const [specs, setSpecs] = useState<Map<number, ColumnSpec>>(new Map());
  const [name, setName] = useState(baseName(report.fileName));
  const [error, setError] = useState<string | null>(null);
  // The rules depend on the key's level: start again when it changes.
  useEffect(() => setSpecs(new Map()), [level]);

  const toggle = (index: number, on: boolean) => setSpecs((m) => {
    const next = new Map(m);
    if (!on) next.delete(index);
    else next.set(index, defaultSpec(table, report.columns[index], level, weightGuess));
    return next;
  });
  const patch = (index: number, p: Partial<ColumnSpec>) => setSpecs((m) => {
    const cur = m.get(index);
    if (!cur) return m;
    const next = new Map(m);
    next.set(index, { ...cur, ...p });
    return next;
  });

  const needsConfirm = join.stats.needsConfirmation > 0 && !confirmed;
  const blocker = join.stats.matched === 0 ? t('userData.needsKey')
    : specs.size === 0 ? t('userData.needsColumn')
      : specs.size > MAX_COLUMNS_PER_TABLE ? t('userData.tooManyColumns', { max: MAX_COLUMNS_PER_TABLE })
        : needsConfirm ? t('userData.needsConfirm') : null;

  const submit = () => {
    if (blocker) return;
    const existing = useUserData.getState().tables.map((x) => x.id);
    const r = buildUserTable({
      table, join, ref: ref0, id: newTableId(existing), name: name || baseName(report.fileName), fileName: report.fileName, sheet: report.sheet,
      importedAt: new Date().toISOString(), columns: [...specs.values()].sort((a, b) => a.column - b.column),
    });
    if (!r.ok) {
      setError(t('userData.columnError', { column: r.column, message: fmtMsg(r.error as ImportMessage, lang) }));
      return;
    }
    void addUserTable(r.table);
    const s = useAtlas.getState();
    s.notify(t('userData.added', { name: r.table.name, count: r.table.columns.length }));
    // Show the first new indicator at a level where it exists.
    const first = r.table.columns[0];
    const id = userIndicatorId(r.table, first);
    const ind = s.userIndicators.find((i) => i.id === id);
    const levelOk = ind ? isAvailable(ind, s.view.level) : true;
    s.setView({ indicator: id, ...(levelOk ? {} : { level: s.view.level === 'epci' ? 'ti' : 'epci', selection: null }) });
    onDone();
  };

  return (
    <section className="import-section" data-testid="import-columns">
      <h3>{t('userData.step2')}</h3>
      {level === 'ti' && <p className="hint">{t('userData.tiDirect', { gen: ref0.generation === '2023' ? '2023–2027' : '2018–2022' })}</p>}
      {numeric.length === 0 && <p className="import-error">{t('userData.noNumeric')}</p>}
      <ul className="column-list">
        {numeric.map((p) => {
          const spec = specs.get(p.index);
          return (
            <li key={p.index} className={spec ? 'on' : undefined}>
              <label className="check column-name">
                <input type="checkbox" checked={!!spec} onChange={(e) => toggle(p.index, e.target.checked)} data-testid={`import-col-${p.index}`} />
                <strong>{p.name}</strong>
                {p.numericShare < 1 && <span className="muted small"> — {t('userData.numericShare', { percent: Math.round(p.numericShare * 100) })}</span>}
              </label>
              {spec && <ColumnEditor spec={spec} level={level} report={report} patch={(x) => patch(p.index, x)} join={join} table={table} ref0={ref0} />}
            </li>
          );
        })}
      </ul>
      {ignored.length > 0 && <p className="hint">{t('userData.ignored', { list: ignored.slice(0, 20).join(', ') + (ignored.length > 20 ? '…' : '') })}</p>}
      <div className="form-grid submit-row">
        <label className="field">
          <span>{t('userData.tableName')}</span>
          <input type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="import-name" />
        </label>
      </div>
      {error && <p className="import-error" role="alert">{error}</p>}
      <div className="submit-actions">
        <button type="button" className="primary" disabled={blocker !== null} onClick={submit} data-testid="import-submit">{t('userData.submit')}</button>
        {blocker && <span className="hint"> {blocker}</span>}
      </div>
    </section>
  );
}

function ColumnEditor({ spec, level, report, patch, join, table, ref0 }: {
  spec: ColumnSpec; level: JoinReport['level']; report: ParseReport; patch: (p: Partial<ColumnSpec>) => void; join: JoinReport; table: ImportTable; ref0: JoinReference;
}) {
  const t = useT();
  const lang = useLang();
  const preview = useMemo(() => columnValues({ table, join, ref: ref0 }, spec), [table, join, ref0, spec]);
  const weights = report.columns.filter((c) => c.isNumeric && c.index !== spec.column && c.index !== join.keyColumn);
  const tiChoices: TiChoice[] = level === 'commune' ? ['same', 'none'] : ['sum', 'none'];
  const n = (v: Record<string, number> | undefined) => formatNumber(v ? Object.keys(v).length : 0, { lang });
  const partial = preview.ok ? (preview.epci?.partial ?? 0) + preview.ti['2023'].partial + preview.ti['2018'].partial : 0;
  return (
    <div className="column-editor">
      <div className="form-grid">
        <label className="field grow"><span>{t('userData.label')}</span>
          <input type="text" value={spec.label} maxLength={200} onChange={(e) => patch({ label: e.target.value })} /></label>
        <label className="field short"><span>{t('userData.unit')}</span>
          <input type="text" value={spec.unit} maxLength={60} onChange={(e) => patch({ unit: e.target.value })} /></label>
        <label className="field short"><span>{t('userData.year')}</span>
          <input type="text" value={spec.year} maxLength={40} onChange={(e) => patch({ year: e.target.value })} /></label>
      </div>
      <div className="form-grid">
        {level === 'commune' && (
          <label className="field"><span>{t('userData.epciRule')}</span>
            <select value={spec.epciRule} onChange={(e) => {
              const rule = e.target.value as AggregateRule;
              patch({ epciRule: rule, weightColumn: rule === 'weighted-mean' ? spec.weightColumn ?? weights[0]?.index : undefined, dropPartial: rule === 'sum' || rule === 'count' });
            }} data-testid="import-epci-rule">
              {COMMUNE_RULES.map((r) => <option key={r} value={r} disabled={r === 'weighted-mean' && weights.length === 0}>{t(`userData.rules.${r}`)}</option>)}
            </select></label>
        )}
        {level === 'commune' && spec.epciRule === 'weighted-mean' && (
          <label className="field"><span>{t('userData.weight')}</span>
            <select value={spec.weightColumn ?? ''} onChange={(e) => patch({ weightColumn: Number(e.target.value) })}>
              {weights.map((w) => <option key={w.index} value={w.index}>{w.name}</option>)}
            </select></label>
        )}
        {level !== 'ti' && (
          <label className="field"><span>{t('userData.tiRule')}</span>
            <select value={spec.tiRule} onChange={(e) => patch({ tiRule: e.target.value as TiChoice })} data-testid="import-ti-rule">
              {tiChoices.map((r) => <option key={r} value={r}>{t(`userData.tiRules.${r}`)}</option>)}
            </select></label>
        )}
        <label className="field"><span>{t('userData.direction')}</span>
          <select value={spec.direction} onChange={(e) => patch({ direction: e.target.value as Direction })}>
            {DIRECTIONS.map((d) => <option key={d} value={d}>{t(`userData.directions.${d}`)}</option>)}
          </select></label>
      </div>
      <label className="check"><input type="checkbox" checked={spec.kind === 'change'} onChange={(e) => patch({ kind: e.target.checked ? 'change' : 'stock' })} /> {t('userData.kindChange')}</label>
      {level === 'commune' || (level === 'epci' && spec.tiRule === 'sum') ? (
        <label className="check"><input type="checkbox" checked={spec.dropPartial} onChange={(e) => patch({ dropPartial: e.target.checked })} data-testid="import-drop-partial" /> {t('userData.dropPartial')}</label>
      ) : null}
      {preview.ok ? (
        <p className="coverage" data-testid="import-coverage">
          {t('userData.coverage', { epci: preview.epci ? n(preview.epci.values) : '—', ti2023: n(preview.ti['2023'].values), ti2018: n(preview.ti['2018'].values) })}
          {partial > 0 && <> · {t('userData.partial', { count: partial })}{spec.dropPartial ? ` (${t('userData.partialDropped')})` : ''}</>}
        </p>
      ) : <p className="import-error">{fmtMsg(preview.error as ImportMessage, lang)}</p>}
    </div>
  );
}
