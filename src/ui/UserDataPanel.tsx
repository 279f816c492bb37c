// « Vos données »: the imported tables of this browser, with rename / delete, "show on the map",
// and the workspace as a JSON file (export, and import on another browser or after clearing data).

import { useId, useRef, useState } from 'react';
import { isAvailable } from '../domain/indicators.ts';
import { userIndicatorId } from '../domain/user-data/ids.ts';
import type { UserTable } from '../domain/user-data/types.ts';
import { useAtlas } from '../state/store.ts';
import {
  deleteUserTable,
  exportWorkspaceText,
  importWorkspaceText,
  renameUserColumn,
  renameUserTable,
  useUserData,
} from '../state/user-data-sync.ts';
import { fmtMsg } from './import/format.ts';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';
import './export.css';
import './import.css';

function formatDate(iso: string, lang: 'fr' | 'en'): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Link under the indicator picker: opens « Vos données » (or the import when there is nothing yet). */

/** Focus for a field that appears on demand (the rename field), without `autoFocus`. */
const focusOnMount = (el: HTMLInputElement | null) => {
  el?.focus();
};
export function UserDataLink() {
  const t = useT();
  const count = useUserData((s) => s.tables.length);
  return (
    <p className="user-data-link">
      {count > 0 ? (
        <button
          type="button"
          className="link-button small"
          onClick={() => useUserData.getState().openPanel()}
          data-testid="open-user-data"
        >
          {t('userData.manageLink', { count })}
        </button>
      ) : (
        <button type="button" className="link-button small" onClick={() => useUserData.getState().openImport()}>
          {t('userData.openTitle')}
        </button>
      )}
    </p>
  );
}

/** Inline rename: a button, then a text field with « Enregistrer ». */
function Rename({ value, onSave, label }: { value: string; onSave: (v: string) => void; label: string }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  if (!editing) {
    return (
      <button
        type="button"
        className="link-button small"
        onClick={() => {
          setText(value);
          setEditing(true);
        }}
        aria-label={`${t('userData.rename')} : ${label}`}
      >
        {t('userData.rename')}
      </button>
    );
  }
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
        setEditing(false);
      }}
    >
      <input
        type="text"
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('userData.rename')}
        ref={focusOnMount}
      />
      <button type="submit">{t('userData.save')}</button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('userData.cancel')}
      </button>
    </form>
  );
}

function TableCard({ table }: { table: UserTable }) {
  const t = useT();
  const lang = useLang();
  const [confirming, setConfirming] = useState(false);
  const current = useAtlas((s) => s.view.indicator);
  const show = (id: string) => {
    const s = useAtlas.getState();
    const ind = s.userIndicators.find((i) => i.id === id);
    const ok = !ind || isAvailable(ind, s.view.level);
    s.setView({ indicator: id, ...(ok ? {} : { level: s.view.level === 'epci' ? 'ti' : 'epci', selection: null }) });
    useUserData.getState().closeDialog();
  };
  const kind = fmtMsg({ key: `import.join.kind.${table.keyKind}`, params: {} }, lang);
  return (
    <li className="user-table" data-testid="user-table">
      <div className="user-table-head">
        <h3>{table.name}</h3>
        <Rename value={table.name} label={table.name} onSave={(v) => void renameUserTable(table.id, v)} />
        {!confirming ? (
          <button type="button" className="link-button small danger" onClick={() => setConfirming(true)}>
            {t('userData.delete')}
          </button>
        ) : (
          <span className="confirm-delete" role="alert">
            {t('userData.confirmDelete', { name: table.name, count: table.columns.length })}{' '}
            <button
              type="button"
              className="danger-button"
              onClick={() => void deleteUserTable(table.id)}
              data-testid="confirm-delete"
            >
              {t('userData.delete')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('userData.cancel')}
            </button>
          </span>
        )}
      </div>
      <p className="muted small">
        {table.fileName}
        {table.sheet ? ` (${table.sheet})` : ''} ·{' '}
        {t('userData.importedOn', { date: formatDate(table.importedAt, lang) })}
        <br />
        {t('userData.facts', { matched: table.matched, rows: table.rows, key: table.keyColumn, kind })}
      </p>
      <ul className="user-columns">
        {table.columns.map((c) => {
          const id = userIndicatorId(table, c);
          const levels = [c.epciRule !== null && 'EPCI', c.tiRule !== 'none' && 'TI'].filter(Boolean).join(', ');
          return (
            <li key={c.id}>
              <span className="col-label">{c.label}</span>
              <span className="muted small"> {[c.unit, c.year, levels].filter(Boolean).join(' · ')}</span>{' '}
              <span className="col-actions">
                <button type="button" className="link-button small" disabled={current === id} onClick={() => show(id)}>
                  {t('userData.show')}
                </button>
                <Rename value={c.label} label={c.label} onSave={(v) => void renameUserColumn(table.id, c.id, v)} />
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function UserDataPanel() {
  const t = useT();
  const ref = useModal();
  const fileRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const tables = useUserData((s) => s.tables);
  const backend = useUserData((s) => s.backend);
  const saveError = useUserData((s) => s.saveError);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const close = () => useUserData.getState().closeDialog();

  const importWs = async (file: File) => {
    if (file.size > 20 * 1024 * 1024) return setStatus({ text: t('userData.wsErrors.too-large'), error: true });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStatus({ text: t('userData.wsErrors.invalid-json'), error: true });
    }
    const r = await importWorkspaceText(text);
    if (!r.ok)
      return setStatus({ text: t(`userData.wsErrors.${r.error}`, { version: r.version ?? '?' }), error: true });
    setStatus({
      text: [
        t('userData.wsImported', { added: r.added, replaced: r.replaced }),
        r.dropped > 0 ? t('userData.wsDropped', { count: r.dropped }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      error: false,
    });
  };

  return (
    <dialog
      ref={ref}
      className="dialog user-data-dialog"
      aria-labelledby={titleId}
      onClose={close}
      onCancel={close}
      data-testid="user-data-panel"
    >
      <h2 id={titleId}>{t('userData.panelTitle')}</h2>
      <p className={backend === 'memory' ? 'warn' : 'hint'}>
        {t(`userData.storage.${backend}`)} {t('userData.linkNote')}
      </p>
      {saveError && (
        <p className="import-error" role="alert">
          {saveError}
        </p>
      )}
      {tables.length === 0 ? (
        <p className="muted">{t('userData.panelEmpty')}</p>
      ) : (
        <ul className="user-tables">
          {tables.map((tb) => (
            <TableCard key={tb.id} table={tb} />
          ))}
        </ul>
      )}
      <div className="user-data-actions">
        <button type="button" className="primary" onClick={() => useUserData.getState().openImport()}>
          {t('userData.importMore')}
        </button>
        <button
          type="button"
          disabled={tables.length === 0}
          data-testid="export-workspace"
          onClick={() =>
            download(exportWorkspaceText(), `atlas-ti-vos-donnees-${new Date().toISOString().slice(0, 10)}.json`)
          }
        >
          {t('userData.exportWs')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('userData.importWs')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          aria-label={t('userData.importWs')}
          className="visually-hidden"
          tabIndex={-1}
          data-testid="import-workspace"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importWs(f);
          }}
        />
      </div>
      {status && (
        <p className={status.error ? 'import-error' : 'import-ok'} role="status" data-testid="workspace-status">
          {status.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('panel.close')}
        </button>
      </div>
    </dialog>
  );
}
