// Step 1: the key column and its kind (and TI generation), then the join report.

import type { Generation } from '../../data/types.ts';
import { KEY_KINDS, type KeyKind } from '../../domain/import/index.ts';
import { useLang, useT } from '../useT.ts';
import { fmtMsg } from './format.ts';
import { JoinReportView } from './JoinReport.tsx';
import type { ImportFlow, ImportFlowState } from './useImportFlow.ts';

export function JoinStep({ state, flow }: { state: Extract<ImportFlowState, { step: 'join' }>; flow: ImportFlow }) {
  const t = useT();
  const lang = useLang();
  const { detection, key, join, pending, confirmed } = state;
  const { report } = state.parsed;
  const rejoin = flow.rejoin;
  const rate = detection.candidates.find((c) => c.column === key.column && c.kind === key.kind);
  const tiKind = key.kind === 'ti-id' || key.kind === 'ti-name';

  return (
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
      {join && <JoinReportView join={join} confirmed={confirmed} setConfirmed={flow.confirm} />}
    </section>
  );
}
