// « Tableau »: the rows behind the view as a sortable, keyboard-operable table; a row opens its
// territory's profile.
import { useId, useMemo, useState } from 'react';
import type { ExportCell, ExportTable } from '../domain/export/table.ts';
import { formatNumber } from '../domain/format.ts';
import type { Lang } from '../domain/view.ts';
import { useAtlas } from '../state/store.ts';
import { captionFor } from './caption.ts';
import { useExportTable } from './export-files.ts';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';
import { useViewMemo } from './useViewMemo.ts';
import './export.css';

type Sort = { col: number; dir: 'ascending' | 'descending' } | null;

function compareCells(a: ExportCell, b: ExportCell, lang: Lang): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), lang, { numeric: true, sensitivity: 'base' });
}

function DataTable({
  table,
  caption,
  onOpen,
}: {
  table: ExportTable;
  caption: string;
  /** Opens a row's profile (Enter or a click on the row); rows are then focusable. */
  onOpen?: (code: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [sort, setSort] = useState<Sort>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...table.rows].sort((x, y) => {
      const a = x[sort.col],
        b = y[sort.col];
      // Missing values stay at the bottom whatever the direction.
      if (a === null || b === null) return compareCells(a, b, lang);
      return sign * compareCells(a, b, lang);
    });
  }, [table, sort, lang]);
  const toggle = (col: number) =>
    setSort((s) =>
      s?.col === col
        ? { col, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { col, dir: table.columns[col].type === 'number' ? 'descending' : 'ascending' },
    );
  const cell = (v: ExportCell, i: number) => {
    const c = table.columns[i];
    if (v === null) return t('noData');
    return typeof v === 'number' ? formatNumber(v, { lang, decimals: c.decimals }) : v;
  };
  return (
    <div className="data-table-wrap">
      <table className="data-table" data-testid="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort?.col === i ? sort.dir : 'none'}
                className={c.type === 'number' ? 'num' : undefined}
              >
                <button type="button" onClick={() => toggle(i)} title={t('export.sortBy', { column: c.label })}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort?.col === i ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={String(r[0])}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? () => onOpen(String(r[0])) : undefined}
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onOpen(String(r[0]));
                      }
                    }
                  : undefined
              }
            >
              {r.map((v, i) =>
                i === 1 ? (
                  <th key={i} scope="row">
                    {cell(v, i)}
                  </th>
                ) : (
                  <td key={i} className={table.columns[i].type === 'number' ? 'num' : undefined}>
                    {cell(v, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TableDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useModal();
  const id = useId();
  const table = useExportTable();
  const caption = useViewMemo(captionFor);
  return (
    <dialog
      ref={ref}
      className="dialog table-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      data-testid="table-dialog"
    >
      <h2 id={`${id}-title`}>{t('export.tableTitle')}</h2>
      {caption && (
        <p className="hint">
          {caption.title} · {caption.subtitle}
        </p>
      )}
      {table && (
        <DataTable
          table={table}
          caption={t('export.tableCaption', { count: table.rows.length })}
          onOpen={(code) => {
            useAtlas.getState().select({ kind: code.includes(':') ? 'ti' : 'epci', code });
            onClose();
          }}
        />
      )}
      <form method="dialog" className="dialog-actions">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}
