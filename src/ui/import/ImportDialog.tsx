// « Importer »: the user's CSV / XLSX file is read in a Web Worker (never uploaded), joined to
// communes / EPCI / TI with a preview and a join report, then chosen numeric columns become
// indicators (« vos données ») aggregated to EPCI and TI. The steps are driven by useImportFlow.
// Text from the file is only ever rendered as React text (never as HTML).

import { useId } from 'react';
import { useUserData } from '../../state/user-data-sync.ts';
import { useModal } from '../useModal.ts';
import { useT } from '../useT.ts';
import { ChooseFileStep, ErrorStep, ReadingStep } from './FileStep.tsx';
import { ParsedStep } from './ParsedStep.tsx';
import { useImportFlow } from './useImportFlow.ts';
import '../export.css';
import '../import.css';

export function ImportDialog({ initialFile }: { initialFile: File | null }) {
  const t = useT();
  const ref = useModal();
  const flow = useImportFlow(initialFile);
  const { state } = flow;
  const titleId = useId();
  const close = () => useUserData.getState().closeDialog();
  const onFile = (f: File) => void flow.start(f);

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
      {state.step === 'choose' && <ChooseFileStep onFile={onFile} />}
      {state.step === 'reading' && <ReadingStep name={state.name} ratio={state.ratio} onCancel={flow.cancel} />}
      {state.step === 'error' && (
        <ErrorStep state={state} onFile={onFile} onSheet={(f, sheet, sheets) => void flow.start(f, sheet, sheets)} />
      )}
      {(state.step === 'preparing' || state.step === 'refFailed' || state.step === 'join') && (
        <ParsedStep state={state} flow={flow} onDone={close} />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('panel.close')}
        </button>
      </div>
    </dialog>
  );
}
