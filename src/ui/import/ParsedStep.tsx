// After parsing: the file line, sheet choice, reading warnings and preview, then (once the
// territories are ready) the key, join report and columns.

import { formatNumber } from '../../domain/format.ts';
import { useLang, useT } from '../useT.ts';
import { ColumnsStep } from './ColumnsStep.tsx';
import { fileSize, fmtMsg } from './format.ts';
import { JoinStep } from './JoinStep.tsx';
import { Preview } from './Preview.tsx';
import type { ImportFlow, ImportFlowState } from './useImportFlow.ts';

export function ParsedStep({
  state,
  flow,
  onDone,
}: {
  state: Extract<ImportFlowState, { step: 'preparing' | 'refFailed' | 'join' }>;
  flow: ImportFlow;
  onDone: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const { parsed } = state;
  const { report } = parsed;

  const details = [
    t('userData.summary', { rows: formatNumber(parsed.rows, { lang }), columns: report.columns.length }),
    report.format.toUpperCase(),
    report.encoding && t('userData.encoding', { encoding: report.encoding }),
    report.delimiter &&
      t('userData.delimiter', {
        delimiter: report.delimiter === '\t' ? t('import.delimiter.tab') : report.delimiter,
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
          <button type="button" className="link-button" onClick={flow.another}>
            {t('userData.another')}
          </button>
        </p>
        {report.sheets && report.sheets.length > 1 && (
          <label className="field inline">
            <span>{t('userData.sheet')}</span>
            <select
              value={report.sheet}
              onChange={(e) => void flow.start(parsed.file, e.target.value, report.sheets)}
              data-testid="import-sheet"
            >
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
      {state.step === 'refFailed' ? (
        <p className="import-error" role="alert">
          {t('userData.refFailed', { reason: state.reason })}
        </p>
      ) : state.step === 'preparing' ? (
        <p role="status" className="muted">
          {t('userData.preparing')}
        </p>
      ) : (
        <>
          <JoinStep state={state} flow={flow} />
          {state.join && (
            <ColumnsStep
              key={state.join.level}
              parsed={parsed}
              flow={flow}
              join={state.join}
              confirmed={state.confirmed}
              busy={state.pending}
              onDone={onDone}
            />
          )}
        </>
      )}
    </div>
  );
}
