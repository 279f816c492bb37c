// « Importer »: the user's CSV / XLSX file is read in a Web Worker (never uploaded), joined to
// communes / EPCI / TI with a preview and a join report, then chosen numeric columns become
// indicators (« vos données ») aggregated to EPCI and TI. The table itself stays in the worker
// (src/state/user-data-worker.ts): the page only receives reports, so a 20 MB file does not freeze it.
// Text from the file is only ever rendered as React text (never as HTML).

import { type DragEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Generation } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import {
  type AggregateRule,
  bytesToMb,
  checkSize,
  formatImportMessage,
  type ImportMessage,
  type ImportMessageKey,
  KEY_KINDS,
  type KeyDetection,
  type KeyKind,
  MAX_IMPORT_BYTES,
  type ParseReport,
} from '../domain/import/index.ts';
import { guessYear } from '../domain/import/year.ts';
import { type Direction, isAvailable } from '../domain/indicators.ts';
import {
  type ColumnSpec,
  type CoverageView,
  defaultSpecFrom,
  guessWeightColumn,
  type JoinView,
  MAX_COLUMNS_PER_TABLE,
  newTableId,
  type TiChoice,
  userIndicatorId,
} from '../domain/user-data.ts';
import { translator } from '../i18n/index.ts';
import { useAtlas } from '../state/store.ts';
import {
  addUserTable,
  createImportSession,
  type ImportSession,
  importWorkspaceText,
  useUserData,
} from '../state/user-data-sync.ts';
import type { SessionAnswer } from '../state/user-data-worker.ts';
import { UserDataPanel } from './UserDataPanel.tsx';
import { useLang, useT } from './useT.ts';
import './export.css';
import './import.css';

type Lang = 'fr' | 'en';
type T = ReturnType<typeof useT>;
const PREVIEW_COLS = 30;
const COMMUNE_RULES: AggregateRule[] = ['sum', 'mean', 'weighted-mean', 'min', 'max', 'count'];
const DIRECTIONS: Direction[] = ['neutral', 'higher-better', 'lower-better'];

interface Parsed {
  file: File;
  report: ParseReport;
  preview: { rows: (string | number | boolean | null)[][]; rowNumbers: number[] };
  rows: number;
  countLike: boolean[];
}

type ParseState =
  | { step: 'idle' }
  | { step: 'reading'; name: string; ratio: number }
  | {
      step: 'error';
      name: string;
      error: ImportMessage;
      warnings: ImportMessage[];
      retry?: { file: File; sheets: string[]; sheet?: string };
    }
  | ({ step: 'parsed' } & Parsed);

const fmtMsg = (
  m:
    | { key: ImportMessageKey; params: Record<string, string | number> }
    | { key: string; params: Record<string, string | number> },
  lang: Lang,
) => formatImportMessage(m as { key: ImportMessageKey; params: Record<string, string | number> }, lang);
const cellText = (v: unknown, lang: Lang): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? v.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 10 })
      : String(v);
const baseName = (name: string) => name.replace(/\.[A-Za-z0-9]{1,8}$/, '');
const isWorkspaceFile = (f: File) => /\.json$/i.test(f.name);
const fileSize = (bytes: number, lang: Lang) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), { lang })} ${lang === 'fr' ? 'Ko' : 'KB'}`
    : `${formatNumber(bytesToMb(bytes), { lang })} ${lang === 'fr' ? 'Mo' : 'MB'}`;
const internal = (detail: unknown): ImportMessage => ({
  key: 'import.internal',
  params: { detail: String(detail instanceof Error ? detail.message : detail).slice(0, 200) },
});

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
        void file
          .text()
          .then((text) => importWorkspaceText(text))
          .then((r) => {
            const tt = translator(useAtlas.getState().view.lang);
            useAtlas
              .getState()
              .notify(
                r.ok
                  ? tt('userData.wsImported', { added: r.added, replaced: r.replaced })
                  : tt(`userData.wsErrors.${r.error}`, { version: r.version ?? '?' }),
              );
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
    <button
      type="button"
      className="link-button"
      title={t('userData.openTitle')}
      onClick={() => useUserData.getState().openImport()}
      data-testid="open-import"
    >
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
  const sessionRef = useRef<ImportSession | null>(null);
  const parseId = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ParseState>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const close = () => useUserData.getState().closeDialog();

  const session = (): ImportSession => {
    if (!sessionRef.current) {
      sessionRef.current = createImportSession();
      // Build the list of territories while the user picks a file.
      void sessionRef.current.request({ type: 'warm', generation: '2023' });
    }
    return sessionRef.current;
  };
  const stop = () => {
    sessionRef.current?.terminate();
    sessionRef.current = null;
  };

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    try {
      session();
    } catch {
      // Reported when a file is read.
    }
    return stop;
  }, []);

  /** `sheets`: the workbook's sheets when re-reading another sheet (kept to choose again after an error). */
  const start = async (file: File, sheet?: string, sheets?: string[]) => {
    const my = ++parseId.current;
    // Size first, before reading anything.
    const tooLarge = checkSize(file.name, file.size);
    if (tooLarge) return setState({ step: 'error', name: file.name, error: tooLarge, warnings: [] });
    setState({ step: 'reading', name: file.name, ratio: 0 });
    let answer: SessionAnswer;
    try {
      const bytes = await file.arrayBuffer();
      let last = 0;
      answer = await session().request(
        { type: 'parse', name: file.name, bytes, sheet },
        {
          transfer: [bytes],
          onProgress: (ratio) => {
            // Repaint the bar at most every 2 %.
            if (parseId.current === my && (ratio - last >= 0.02 || ratio === 1)) {
              last = ratio;
              setState({ step: 'reading', name: file.name, ratio });
            }
          },
        },
      );
    } catch (e) {
      if (parseId.current === my) setState({ step: 'error', name: file.name, error: internal(e), warnings: [] });
      return;
    }
    if (parseId.current !== my) return;
    if (answer.type === 'parsed')
      setState({
        step: 'parsed',
        file,
        report: answer.report,
        preview: answer.preview,
        rows: answer.rows,
        countLike: answer.countLike,
      });
    else if (answer.type === 'parseError')
      setState({
        step: 'error',
        name: file.name,
        error: answer.error,
        warnings: answer.warnings,
        retry: sheets && sheets.length > 1 ? { file, sheets, sheet } : undefined,
      });
    else
      setState({
        step: 'error',
        name: file.name,
        error: internal(answer.type === 'failed' ? answer.message : answer.type),
        warnings: [],
      });
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
    <div
      className={`drop-target${dragging ? ' dragging' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        data-testid="import-file"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void start(f);
        }}
      />
      <button type="button" className="primary" onClick={() => inputRef.current?.click()}>
        {t('userData.pick')}
      </button>
      <span className="muted"> {t('userData.drop')}</span>
      <p className="hint">{t('userData.limit', { maxMb: bytesToMb(MAX_IMPORT_BYTES) })}</p>
    </div>
  );

  return (
    <dialog
      ref={ref}
      className="dialog import-dialog"
      aria-labelledby={titleId}
      onClose={close}
      onCancel={close}
      data-testid="import-dialog"
    >
      <h2 id={titleId}>{t('userData.title')}</h2>
      <p className="privacy-note">{t('userData.privacy')}</p>
      {state.step === 'idle' && picker}
      {state.step === 'reading' && (
        <div className="import-reading" role="status">
          <p>{t('userData.reading', { name: state.name })}</p>
          <progress
            max={1}
            value={state.ratio}
            data-testid="import-progress"
            aria-label={t('userData.reading', { name: state.name })}
          />
          <span className="muted small"> {Math.round(state.ratio * 100)} %</span>
          <div>
            <button
              type="button"
              onClick={() => {
                parseId.current++;
                stop();
                setState({ step: 'idle' });
              }}
            >
              {t('userData.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'error' && (
        <div className="import-error-box">
          <p className="import-error" role="alert" data-testid="import-error">
            <strong>{t('userData.failed')} :</strong> {fmtMsg(state.error, lang)}
          </p>
          {state.warnings.length > 0 && (
            <ul className="import-warnings">
              {state.warnings.map((w, i) => (
                <li key={i}>{fmtMsg(w, lang)}</li>
              ))}
            </ul>
          )}
          {state.retry &&
            (() => {
              const retry = state.retry;
              return (
                <label className="field inline">
                  <span>{t('userData.sheet')}</span>
                  <select
                    value={retry.sheet ?? ''}
                    onChange={(e) => void start(retry.file, e.target.value, retry.sheets)}
                    data-testid="import-sheet"
                  >
                    {retry.sheets.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })()}
          {picker}
        </div>
      )}
      {state.step === 'parsed' && (
        <ParsedStep
          key={`${state.file.name}|${state.report.sheet ?? ''}|${parseId.current}`}
          parsed={state}
          session={session()}
          onSheet={(sheet) => void start(state.file, sheet, state.report.sheets)}
          onAnother={() => setState({ step: 'idle' })}
          onDone={close}
        />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('panel.close')}
        </button>
      </div>
    </dialog>
  );
}

// ---------------------------------------------------------------------------------------------
// After parsing: report, key and join, columns

function ParsedStep({
  parsed,
  session,
  onSheet,
  onAnother,
  onDone,
}: {
  parsed: Parsed;
  session: ImportSession;
  onSheet: (sheet: string) => void;
  onAnother: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { report } = parsed;
  const [detected, setDetected] = useState<{ detection: KeyDetection; join: JoinView | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    session.request({ type: 'detect' }).then(
      (a) => {
        if (!live) return;
        if (a.type === 'detected') setDetected({ detection: a.detection, join: a.join });
        else setFailure(a.type === 'failed' ? a.message : a.type);
      },
      (e: unknown) => live && setFailure(String(e)),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const details = [
    t('userData.summary', { rows: formatNumber(parsed.rows, { lang }), columns: report.columns.length }),
    report.format.toUpperCase(),
    report.encoding && t('userData.encoding', { encoding: report.encoding }),
    report.delimiter &&
      t('userData.delimiter', {
        delimiter: report.delimiter === '\t' ? (lang === 'fr' ? 'tabulation' : 'tab') : report.delimiter,
      }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="import-parsed">
      <section className="import-section">
        <p className="file-line">
          <strong>{report.fileName}</strong>{' '}
          <span className="muted">
            ({fileSize(report.bytes, lang)}) — {details}
          </span>{' '}
          <button type="button" className="link-button" onClick={onAnother}>
            {t('userData.another')}
          </button>
        </p>
        {report.sheets && report.sheets.length > 1 && (
          <label className="field inline">
            <span>{t('userData.sheet')}</span>
            <select value={report.sheet} onChange={(e) => onSheet(e.target.value)} data-testid="import-sheet">
              {report.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <span className="hint">{t('userData.sheetHint')}</span>
          </label>
        )}
        {report.warnings.length > 0 && (
          <details className="import-warnings-box" open={report.warnings.length <= 4}>
            <summary>{t('userData.warnings', { count: report.warnings.length })}</summary>
            <ul className="import-warnings" data-testid="import-warnings">
              {report.warnings.map((w, i) => (
                <li key={i}>{fmtMsg(w, lang)}</li>
              ))}
            </ul>
          </details>
        )}
        <Preview report={report} preview={parsed.preview} />
      </section>
      {failure ? (
        <p className="import-error" role="alert">
          {t('userData.refFailed', { reason: failure })}
        </p>
      ) : !detected ? (
        <p role="status" className="muted">
          {t('userData.preparing')}
        </p>
      ) : (
        <JoinAndColumns
          parsed={parsed}
          session={session}
          detection={detected.detection}
          initialJoin={detected.join}
          onDone={onDone}
        />
      )}
    </div>
  );
}

function Preview({ report, preview }: { report: ParseReport; preview: Parsed['preview'] }) {
  const t = useT();
  const lang = useLang();
  const cols = report.columns.slice(0, PREVIEW_COLS);
  return (
    <details className="import-preview" open>
      <summary>{t('userData.preview')}</summary>
      <div className="preview-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('userData.row')}</th>
              {cols.map((c) => (
                <th scope="col" key={c.index}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                <td className="muted">{preview.rowNumbers[i]}</td>
                {cols.map((c) => (
                  <td key={c.index}>{cellText(r[c.index], lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function JoinAndColumns({
  parsed,
  session,
  detection,
  initialJoin,
  onDone,
}: {
  parsed: Parsed;
  session: ImportSession;
  detection: KeyDetection;
  initialJoin: JoinView | null;
  onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { report } = parsed;
  const first = detection.best ?? detection.candidates[0];
  const [key, setKey] = useState<{ column: number; kind: KeyKind; generation: Generation }>({
    column: first?.column ?? 0,
    kind: first?.kind ?? 'commune-insee',
    generation: '2023',
  });
  const [join, setJoin] = useState<JoinView | null>(initialJoin);
  const [pending, setPending] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const joinId = useRef(0);

  const rejoin = (next: typeof key) => {
    setKey(next);
    setConfirmed(false);
    setPending(true);
    const my = ++joinId.current;
    session.request({ type: 'join', keyColumn: next.column, keyKind: next.kind, generation: next.generation }).then(
      (a) => {
        if (joinId.current !== my) return;
        setPending(false);
        if (a.type === 'joined') setJoin(a.join);
      },
      () => joinId.current === my && setPending(false),
    );
  };
  // Nothing recognised: join on the default key anyway, so that the report says why.
  useEffect(() => {
    if (!initialJoin) rejoin(key);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const rate = detection.candidates.find((c) => c.column === key.column && c.kind === key.kind);
  const tiKind = key.kind === 'ti-id' || key.kind === 'ti-name';

  return (
    <>
      <section className="import-section" data-testid="import-join">
        <h3>{t('userData.step1')}</h3>
        <p className="detected" data-testid="import-detected">
          {detection.best ? fmtMsg(detection.messages[0], lang) : t('userData.noKey')}
        </p>
        <div className="form-grid">
          <label className="field">
            <span>{t('userData.keyColumn')}</span>
            <select
              value={key.column}
              data-testid="import-key-column"
              onChange={(e) => {
                const column = Number(e.target.value);
                rejoin({
                  ...key,
                  column,
                  kind: detection.candidates.find((c) => c.column === column)?.kind ?? key.kind,
                });
              }}
            >
              {report.columns.map((c) => (
                <option key={c.index} value={c.index}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('userData.keyKind')}</span>
            <select
              value={key.kind}
              onChange={(e) => rejoin({ ...key, kind: e.target.value as KeyKind })}
              data-testid="import-key-kind"
            >
              {KEY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {fmtMsg({ key: `import.join.kind.${k}`, params: {} }, lang)}
                </option>
              ))}
            </select>
          </label>
          {tiKind && (
            <label className="field">
              <span>{t('userData.tiGeneration')}</span>
              <select
                value={key.generation}
                onChange={(e) => rejoin({ ...key, generation: e.target.value as Generation })}
              >
                <option value="2023">2023–2027</option>
                <option value="2018">2018–2022</option>
              </select>
            </label>
          )}
          {rate && (
            <span className="muted small rate">
              {t('userData.matchRate', { percent: Math.round(rate.matchRate * 100) })}
            </span>
          )}
        </div>
        {pending && (
          <p role="status" className="muted small">
            …
          </p>
        )}
        {join && <JoinReportView join={join} confirmed={confirmed} setConfirmed={setConfirmed} />}
      </section>
      {join && (
        <ColumnsStep
          key={join.level}
          parsed={parsed}
          session={session}
          join={join}
          confirmed={confirmed}
          busy={pending}
          onDone={onDone}
        />
      )}
    </>
  );
}

function reasonDetail(u: JoinView['unmatched'][number], t: T): string {
  if (u.reason === 'unknown-name' && u.suggestions && u.suggestions.length > 0) {
    return t('userData.suggest', {
      list: u.suggestions.map((s) => `« ${s.name} » (${s.departements.join(', ')})`).join(', '),
    });
  }
  if (u.reason === 'ambiguous-name' && u.candidates) {
    return t('userData.homonyms', {
      count: u.candidates.length,
      list: u.candidates
        .slice(0, 6)
        .map((c) => `${c.name} (${c.departements.join(', ')}, ${c.code})`)
        .join(', '),
    });
  }
  if (u.reason === 'duplicate' && u.duplicateRows) return t('userData.dupRows', { rows: u.duplicateRows.join(', ') });
  return '';
}

function JoinReportView({
  join,
  confirmed,
  setConfirmed,
}: {
  join: JoinView;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
}) {
  const t = useT();
  const lang = useLang();
  const reasons = Object.entries(join.stats.byReason).filter(([, n]) => n > 0);
  const more = (shown: number, total: number) =>
    total > shown ? <p className="muted small">{t('userData.more', { count: total - shown })}</p> : null;
  return (
    <div className="join-report" data-testid="import-join-report">
      <h4>{t('userData.joinReport')}</h4>
      <p className={join.stats.matched === 0 ? 'import-error' : 'join-summary'} data-testid="import-join-summary">
        {fmtMsg(join.messages[0], lang)}
        {reasons.length > 0 && <> ({reasons.map(([r, n]) => `${t(`userData.reasons.${r}`)} : ${n}`).join(' ; ')})</>}
      </p>
      {join.repaired.length > 0 && (
        <details open>
          <summary>{t('userData.repaired', { count: join.stats.repaired })}</summary>
          <ul className="compact-list" data-testid="import-repaired">
            {join.repaired.map((m) => (
              <li key={m.rowIndex}>
                {t('userData.row')} {m.row} : « {m.repairedFrom} » → {m.code} ({m.name})
              </li>
            ))}
          </ul>
          {more(join.repaired.length, join.stats.repaired)}
        </details>
      )}
      {join.unmatched.length > 0 && (
        <details open={join.stats.unmatched <= 12}>
          <summary>{t('userData.unmatched', { count: join.stats.unmatched })}</summary>
          <div className="report-scroll">
            <table className="data-table" data-testid="import-unmatched">
              <thead>
                <tr>
                  <th scope="col">{t('userData.row')}</th>
                  <th scope="col">{t('userData.value')}</th>
                  <th scope="col">{t('userData.reason')}</th>
                  <th scope="col">{t('userData.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {join.unmatched.map((u) => (
                  <tr key={u.rowIndex}>
                    <td>{u.row}</td>
                    <td>{u.input || '∅'}</td>
                    <td>{t(`userData.reasons.${u.reason}`)}</td>
                    <td className="wrap">{reasonDetail(u, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(join.unmatched.length, join.stats.unmatched)}
        </details>
      )}
      {join.stats.needsConfirmation > 0 && (
        <div className="name-check">
          <details open>
            <summary>{t('userData.byName', { count: join.stats.needsConfirmation })}</summary>
            <div className="report-scroll">
              <table className="data-table" data-testid="import-by-name">
                <thead>
                  <tr>
                    <th scope="col">{t('userData.row')}</th>
                    <th scope="col">{t('userData.fileValue')}</th>
                    <th scope="col">{t('userData.matchedTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {join.byName.map((m) => (
                    <tr key={m.rowIndex}>
                      <td>{m.row}</td>
                      <td>{m.input}</td>
                      <td>
                        {m.name} <span className="muted">({m.code})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {more(join.byName.length, join.stats.needsConfirmation)}
          </details>
          <label className="check confirm">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="import-confirm-names"
            />
            {t('userData.confirmNames')}
          </label>
        </div>
      )}
    </div>
  );
}

/** The fields of a spec that change its values (not label, unit, year…). */
const valueKey = (s: ColumnSpec) => [s.column, s.epciRule, s.weightColumn ?? '', s.tiRule, s.dropPartial].join('|');

function ColumnsStep({
  parsed,
  session,
  join,
  confirmed,
  busy,
  onDone,
}: {
  parsed: Parsed;
  session: ImportSession;
  join: JoinView;
  confirmed: boolean;
  busy: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { report } = parsed;
  const level = join.level;
  const excluded = new Set([join.keyColumn, join.departementColumn ?? -1]);
  const numeric = report.columns.filter((c) => c.isNumeric && !excluded.has(c.index));
  const ignored = report.columns.filter((c) => !c.isNumeric && !excluded.has(c.index)).map((c) => c.name);
  const weightGuess = guessWeightColumn(report.columns);
  const [specs, setSpecs] = useState<Map<number, ColumnSpec>>(new Map());
  const [coverage, setCoverage] = useState<Map<string, CoverageView>>(new Map());
  const [name, setName] = useState(baseName(report.fileName));
  const [error, setError] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);

  // Coverage previews, computed in the worker, once per distinct value-changing spec.
  const keys = useMemo(() => [...specs.values()].map((s) => [valueKey(s), s] as const), [specs]);
  useEffect(() => {
    let live = true;
    for (const [k, spec] of keys) {
      if (coverage.has(k)) continue;
      session.request({ type: 'preview', spec }).then(
        (a) => {
          if (live && a.type === 'previewed') setCoverage((m) => new Map(m).set(k, a.coverage));
        },
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, session]);
  // A new join changes every preview.
  useEffect(() => setCoverage(new Map()), [join]);

  const toggle = (index: number, on: boolean) =>
    setSpecs((m) => {
      const next = new Map(m);
      if (!on) next.delete(index);
      else
        next.set(index, defaultSpecFrom(report.columns[index], parsed.countLike[index] ?? false, level, weightGuess));
      return next;
    });
  const patch = (index: number, p: Partial<ColumnSpec>) =>
    setSpecs((m) => {
      const cur = m.get(index);
      if (!cur) return m;
      return new Map(m).set(index, { ...cur, ...p });
    });

  const needsConfirm = join.stats.needsConfirmation > 0 && !confirmed;
  const blocker =
    join.stats.matched === 0
      ? t('userData.needsKey')
      : specs.size === 0
        ? t('userData.needsColumn')
        : specs.size > MAX_COLUMNS_PER_TABLE
          ? t('userData.tooManyColumns', { max: MAX_COLUMNS_PER_TABLE })
          : needsConfirm
            ? t('userData.needsConfirm')
            : null;

  const submit = async () => {
    if (blocker || busy || building) return;
    setBuilding(true);
    setError(null);
    const existing = useUserData.getState().tables.map((x) => x.id);
    let a: SessionAnswer;
    try {
      a = await session.request({
        type: 'build',
        tableId: newTableId(existing),
        name: name || baseName(report.fileName),
        importedAt: new Date().toISOString(),
        specs: [...specs.values()].sort((x, y) => x.column - y.column),
      });
    } catch (e) {
      setBuilding(false);
      return setError(fmtMsg(internal(e), lang));
    }
    setBuilding(false);
    if (a.type === 'buildError')
      return setError(t('userData.columnError', { column: a.column, message: fmtMsg(a.error, lang) }));
    if (a.type !== 'built') return setError(fmtMsg(internal(a.type === 'failed' ? a.message : a.type), lang));
    const table = a.table;
    void addUserTable(table);
    const s = useAtlas.getState();
    // No notice bar here: it would shift the layout (and resize the map) while the map recolours;
    // the legend and the indicator list say what was added.
    // Show the first new indicator, at a level where it exists.
    const id = userIndicatorId(table, table.columns[0]);
    const ind = s.userIndicators.find((i) => i.id === id);
    const levelOk = ind ? isAvailable(ind, s.view.level) : true;
    s.setView({
      indicator: id,
      ...(levelOk ? {} : { level: s.view.level === 'epci' ? 'ti' : 'epci', selection: null }),
    });
    onDone();
  };

  return (
    <section className="import-section" data-testid="import-columns">
      <h3>{t('userData.step2')}</h3>
      {level === 'ti' && (
        <p className="hint">
          {t('userData.tiDirect', { gen: join.generation === '2023' ? '2023–2027' : '2018–2022' })}
        </p>
      )}
      {numeric.length === 0 && <p className="import-error">{t('userData.noNumeric')}</p>}
      <ul className="column-list">
        {numeric.map((p) => {
          const spec = specs.get(p.index);
          return (
            <li key={p.index} className={spec ? 'on' : undefined}>
              <label className="check column-name">
                <input
                  type="checkbox"
                  checked={!!spec}
                  onChange={(e) => toggle(p.index, e.target.checked)}
                  data-testid={`import-col-${p.index}`}
                />
                <strong>{p.name}</strong>
                {p.numericShare < 1 && (
                  <span className="muted small">
                    {' '}
                    — {t('userData.numericShare', { percent: Math.round(p.numericShare * 100) })}
                  </span>
                )}
              </label>
              {spec && (
                <ColumnEditor
                  spec={spec}
                  level={level}
                  report={report}
                  keyColumn={join.keyColumn}
                  coverage={coverage.get(valueKey(spec)) ?? null}
                  patch={(x) => patch(p.index, x)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {ignored.length > 0 && (
        <p className="hint">
          {t('userData.ignored', { list: ignored.slice(0, 20).join(', ') + (ignored.length > 20 ? '…' : '') })}
        </p>
      )}
      <div className="form-grid submit-row">
        <label className="field">
          <span>{t('userData.tableName')}</span>
          <input
            type="text"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            data-testid="import-name"
          />
        </label>
      </div>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
      <div className="submit-actions">
        <button
          type="button"
          className="primary"
          disabled={blocker !== null || busy || building}
          onClick={() => void submit()}
          data-testid="import-submit"
        >
          {t('userData.submit')}
        </button>
        {blocker && <span className="hint"> {blocker}</span>}
      </div>
    </section>
  );
}

function ColumnEditor({
  spec,
  level,
  report,
  keyColumn,
  coverage,
  patch,
}: {
  spec: ColumnSpec;
  level: JoinView['level'];
  report: ParseReport;
  keyColumn: number;
  coverage: CoverageView | null;
  patch: (p: Partial<ColumnSpec>) => void;
}) {
  const t = useT();
  const lang = useLang();
  const weights = report.columns.filter((c) => c.isNumeric && c.index !== spec.column && c.index !== keyColumn);
  const tiChoices: TiChoice[] = level === 'commune' ? ['same', 'none'] : ['sum', 'none'];
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, { lang }));
  return (
    <div className="column-editor">
      <div className="form-grid">
        <label className="field grow">
          <span>{t('userData.label')}</span>
          <input
            type="text"
            value={spec.label}
            maxLength={200}
            onChange={(e) => patch({ label: e.target.value })}
            data-testid="import-label"
          />
        </label>
        <label className="field short">
          <span>{t('userData.unit')}</span>
          <input
            type="text"
            value={spec.unit}
            maxLength={60}
            onChange={(e) => patch({ unit: e.target.value })}
            data-testid="import-unit"
          />
        </label>
        <label className="field short">
          <span>{t('userData.year')}</span>
          <input
            type="text"
            value={spec.year}
            maxLength={40}
            onChange={(e) => patch({ year: e.target.value })}
            data-testid="import-year"
          />
        </label>
        <YearQuestion
          name={report.columns.find((c) => c.index === spec.column)?.name ?? spec.label}
          year={spec.year}
          onConfirm={(year) => patch({ year })}
        />
      </div>
      <div className="form-grid">
        {level === 'commune' && (
          <label className="field">
            <span>{t('userData.epciRule')}</span>
            <select
              value={spec.epciRule}
              onChange={(e) => {
                const rule = e.target.value as AggregateRule;
                patch({
                  epciRule: rule,
                  weightColumn: rule === 'weighted-mean' ? (spec.weightColumn ?? weights[0]?.index) : undefined,
                  dropPartial: rule === 'sum' || rule === 'count',
                });
              }}
              data-testid="import-epci-rule"
            >
              {COMMUNE_RULES.map((r) => (
                <option key={r} value={r} disabled={r === 'weighted-mean' && weights.length === 0}>
                  {t(`userData.rules.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {level === 'commune' && spec.epciRule === 'weighted-mean' && (
          <label className="field">
            <span>{t('userData.weight')}</span>
            <select value={spec.weightColumn ?? ''} onChange={(e) => patch({ weightColumn: Number(e.target.value) })}>
              {weights.map((w) => (
                <option key={w.index} value={w.index}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {level !== 'ti' && (
          <label className="field">
            <span>{t('userData.tiRule')}</span>
            <select
              value={spec.tiRule}
              onChange={(e) => patch({ tiRule: e.target.value as TiChoice })}
              data-testid="import-ti-rule"
            >
              {tiChoices.map((r) => (
                <option key={r} value={r}>
                  {t(`userData.tiRules.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t('userData.direction')}</span>
          <select value={spec.direction} onChange={(e) => patch({ direction: e.target.value as Direction })}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`userData.directions.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={spec.kind === 'change'}
          onChange={(e) => patch({ kind: e.target.checked ? 'change' : 'stock' })}
        />{' '}
        {t('userData.kindChange')}
      </label>
      {level === 'commune' || (level === 'epci' && spec.tiRule === 'sum') ? (
        <label className="check">
          <input
            type="checkbox"
            checked={spec.dropPartial}
            onChange={(e) => patch({ dropPartial: e.target.checked })}
            data-testid="import-drop-partial"
          />{' '}
          {t('userData.dropPartial')}
        </label>
      ) : null}
      {coverage === null ? (
        <p className="coverage muted">…</p>
      ) : coverage.ok ? (
        <p className="coverage" data-testid="import-coverage">
          {t('userData.coverage', { epci: n(coverage.epci), ti2023: n(coverage.ti2023), ti2018: n(coverage.ti2018) })}
          {coverage.partial > 0 && (
            <>
              {' '}
              · {t('userData.partial', { count: coverage.partial })}
              {spec.dropPartial ? ` (${t('userData.partialDropped')})` : ''}
            </>
          )}
        </p>
      ) : (
        <p className="import-error">{coverage.error ? fmtMsg(coverage.error, lang) : ''}</p>
      )}
    </div>
  );
}

/** A year in the column name that may be a target (« Objectif 2030 »): used only if confirmed. */
function YearQuestion({ name, year, onConfirm }: { name: string; year: string; onConfirm: (y: string) => void }) {
  const t = useT();
  const { ask } = guessYear(name);
  if (!ask || year !== '') return null;
  return (
    <p className="hint year-question" data-testid="import-year-question">
      {t('userData.yearAsk', { year: ask })}{' '}
      <button type="button" onClick={() => onConfirm(ask)}>
        {t('userData.yearConfirm', { year: ask })}
      </button>
    </p>
  );
}
