// The whole-window drop zone (mounted once in App) that hosts the « Importer » and « Vos données »
// dialogs, and the « Importer » button of the header.

import { type DragEvent, useEffect, useState } from 'react';
import { translator } from '../../i18n/index.ts';
import { useAtlas } from '../../state/store.ts';
import { importWorkspaceText, useUserData } from '../../state/user-data-sync.ts';
import { UserDataPanel } from '../UserDataPanel.tsx';
import { useT } from '../useT.ts';
import { isWorkspaceFile } from './format.ts';
import { ImportDialog } from './ImportDialog.tsx';

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
