// Choosing a file (button or drop), reading it (progress, cancel) and a failed read (message,
// warnings, another sheet of the workbook).

import { type DragEvent, useRef, useState } from 'react';
import { bytesToMb, MAX_IMPORT_BYTES } from '../../domain/import/index.ts';
import { useLang, useT } from '../useT.ts';
import { fmtMsg } from './format.ts';
import type { ImportFlowState } from './useImportFlow.ts';

/** The file button and drop target. */
export function ChooseFileStep({ onFile }: { onFile: (file: File) => void }) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    const f = e.dataTransfer.files?.[0];
    if (f) onFile(f);
  };
  return (
    <section
      className={`drop-target${dragging ? ' dragging' : ''}`}
      aria-label={t('userData.drop')}
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
        aria-label={t('userData.pick')}
        className="visually-hidden"
        data-testid="import-file"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <button type="button" className="primary" onClick={() => inputRef.current?.click()}>
        {t('userData.pick')}
      </button>
      <span className="muted"> {t('userData.drop')}</span>
      <p className="hint">{t('userData.limit', { maxMb: bytesToMb(MAX_IMPORT_BYTES) })}</p>
    </section>
  );
}

export function ReadingStep({ name, ratio, onCancel }: { name: string; ratio: number; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="import-reading" role="status">
      <p>{t('userData.reading', { name })}</p>
      <progress max={1} value={ratio} data-testid="import-progress" aria-label={t('userData.reading', { name })} />
      <span className="muted small"> {Math.round(ratio * 100)} %</span>
      <div>
        <button type="button" onClick={onCancel}>
          {t('userData.cancel')}
        </button>
      </div>
    </div>
  );
}

export function ErrorStep({
  state,
  onFile,
  onSheet,
}: {
  state: Extract<ImportFlowState, { step: 'error' }>;
  onFile: (file: File) => void;
  onSheet: (file: File, sheet: string, sheets: string[]) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { retry } = state;
  return (
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
      {retry && (
        <label className="field inline">
          <span>{t('userData.sheet')}</span>
          <select
            value={retry.sheet ?? ''}
            onChange={(e) => onSheet(retry.file, e.target.value, retry.sheets)}
            data-testid="import-sheet"
          >
            {retry.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <ChooseFileStep onFile={onFile} />
    </div>
  );
}
