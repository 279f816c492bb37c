import { useMemo, useState } from 'react';
import { type CompareItem, comparisonTable } from '../domain/compare.ts';
import { toCsv } from '../domain/export/csv.ts';
import { sourceRows } from '../domain/export/table.ts';
import { formatNumber } from '../domain/format.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { downloadBlob } from './download.ts';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';

/** The basket bar (in the side panel) and the comparison dialog it opens. */
export function BasketBar() {
  const t = useT();
  const basket = useAtlas((s) => s.view.basket);
  const groups = useAtlas((s) => s.groups);
  const setView = useAtlas((s) => s.setView);
  const [open, setOpen] = useState(false);
  if (basket.length === 0 && groups.length === 0) return null;
  return (
    <div className="basket-bar" data-testid="basket-bar">
      <span>
        <strong>{t('compare.basket')}</strong> · {t('compare.count', { count: basket.length })}
      </span>
      <span>
        <button type="button" onClick={() => setOpen(true)} data-testid="compare-open">
          {t('compare.open')}
        </button>{' '}
        {basket.length > 0 && (
          <button type="button" className="link-button" onClick={() => setView({ basket: [] })}>
            {t('compare.clear')}
          </button>
        )}
      </span>
      {open && <CompareDialog onClose={() => setOpen(false)} />}
    </div>
  );
}

function CompareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const ref = useModal();
  const ctx = useAtlas(indicatorContext)!;
  const catalog = useAtlas((s) => s.catalog)!;
  const basket = useAtlas((s) => s.view.basket);
  const groups = useAtlas((s) => s.groups);
  const setGroups = useAtlas((s) => s.setGroups);
  const removeFromBasket = useAtlas((s) => s.removeFromBasket);
  const sources = useAtlas((s) => s.data!.manifest.sources);
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const [groupName, setGroupName] = useState('');

  const items: CompareItem[] = useMemo(
    () => [
      ...basket.flatMap((code): CompareItem[] => {
        const e = catalog.epci.get(code);
        if (e) return [{ kind: 'epci', code, name: e.name }];
        const ti = catalog.ti.get(code);
        return ti ? [{ kind: 'ti', code, name: ti.name, generation: ti.generation }] : [];
      }),
      ...groups.map((g): CompareItem => ({ kind: 'group', code: g.id, name: g.name, group: g })),
    ],
    [basket, groups, catalog],
  );
  // t changes with the language only, so the labels (and the table) are not rebuilt on every render.
  const labels = useMemo(
    () => ({
      code: t('compare.code'),
      name: t('compare.name'),
      kind: t('compare.kind'),
      kinds: { epci: t('compare.kinds.epci'), ti: t('compare.kinds.ti'), group: t('compare.kinds.group') },
      zone: t('ze.mainZone'),
    }),
    [t],
  );
  const table = useMemo(() => comparisonTable(items, ctx, t, labels), [items, ctx, t, labels]);
  const order = useMemo(() => {
    const idx = items.map((_, i) => i);
    if (!sort) return idx;
    const v = (i: number) => table.rows[i][sort.col];
    return idx.sort((a, b) => {
      const x = v(a),
        y = v(b);
      if (x === null) return 1;
      if (y === null) return -1;
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr')) * sort.dir
      );
    });
  }, [items, table, sort]);
  const colMax = table.columns.map((c, j) =>
    c.type === 'number' ? Math.max(0, ...table.rows.map((r) => Math.abs((r[j] as number) ?? 0))) : 0,
  );
  const epciInBasket = basket.filter((c) => catalog.epci.has(c));

  const exportCsv = () =>
    downloadBlob(
      new Blob([toCsv(table, { decimalComma: lang === 'fr' })], { type: 'text/csv;charset=utf-8' }),
      'comparaison-territoires.csv',
    );
  const exportXlsx = async () => {
    const { buildXlsxSheets, xlsxBlob } = await import('../domain/export/xlsx.ts');
    const sheets = buildXlsxSheets(table, {
      sheetNames: { data: t('compare.sheetData'), sources: t('compare.sheetSources') },
      sourceHeader: [
        t('compare.territory'),
        t('sources.title'),
        t('sources.producer'),
        t('sources.year'),
        t('sources.licence'),
        'URL',
      ],
      sources: sourceRows(table.columns, sources, t('sources.toConfirm')),
      notes: [
        [t('compare.exportDate'), new Date().toISOString().slice(0, 10)],
        [t('compare.permalink'), window.location.href],
      ],
    });
    downloadBlob(await xlsxBlob(sheets), 'comparaison-territoires.xlsx');
  };
  const createGroup = () => {
    const name = groupName.trim();
    if (!name || epciInBasket.length === 0) return;
    setGroups([...groups, { id: `g${Date.now().toString(36)}`, name, epcis: epciInBasket }]);
    setGroupName('');
  };

  return (
    <dialog
      ref={ref}
      className="dialog compare-dialog"
      aria-labelledby="compare-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="compare-title">{t('compare.title')}</h2>
      {items.length === 0 ? (
        <p>{t('compare.empty')}</p>
      ) : (
        <div className="compare-scroll">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                {table.columns.map((c, j) =>
                  j === 0 ? null : (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={sort?.col === j ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                    >
                      <button
                        type="button"
                        className="sort"
                        title={t('compare.sortBy', { label: c.label })}
                        onClick={() =>
                          setSort(
                            sort?.col === j
                              ? { col: j, dir: sort.dir === 1 ? -1 : 1 }
                              : { col: j, dir: c.type === 'number' ? -1 : 1 },
                          )
                        }
                      >
                        {c.label}
                        {sort?.col === j ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                      </button>
                    </th>
                  ),
                )}
                <th scope="col">
                  <span className="sr-only">{t('compare.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {order.map((i) => (
                <tr key={items[i].code}>
                  {table.rows[i].map((v, j) => {
                    if (j === 0) return null;
                    const col = table.columns[j];
                    if (col.type !== 'number')
                      return j === 1 ? (
                        <th scope="row" key={j}>
                          {String(v ?? '')}
                        </th>
                      ) : (
                        <td key={j}>{String(v ?? '')}</td>
                      );
                    const w = v === null || colMax[j] === 0 ? 0 : (Math.abs(v as number) / colMax[j]) * 100;
                    return (
                      <td key={j} className="num">
                        {formatNumber(v as number | null, { lang, decimals: col.decimals })}
                        <span className="bar" aria-hidden="true">
                          <span className={(v as number) < 0 ? 'neg' : ''} style={{ width: `${w}%` }} />
                        </span>
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('compare.remove')}
                      title={t('compare.remove')}
                      onClick={() =>
                        items[i].kind === 'group'
                          ? setGroups(groups.filter((g) => g.id !== items[i].code))
                          : removeFromBasket(items[i].code)
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="compare-actions">
        <button type="button" onClick={exportCsv} disabled={items.length === 0} data-testid="compare-csv">
          {t('compare.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={items.length === 0}>
          {t('compare.exportXlsx')}
        </button>
      </div>
      <section className="groups">
        <h3>{t('compare.groups')}</h3>
        <p className="hint">{t('compare.groupsNote')}</p>
        {epciInBasket.length === 0 ? (
          <p className="hint">{t('compare.groupNeedsEpci')}</p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              createGroup();
            }}
            className="group-form"
          >
            <label>
              {t('compare.groupName')}{' '}
              <input
                value={groupName}
                onChange={(e) => setGroupName(e.target.value)}
                maxLength={120}
                data-testid="group-name"
              />
            </label>
            <button type="submit" disabled={!groupName.trim()}>
              {t('compare.createGroup')} ({epciInBasket.length})
            </button>
          </form>
        )}
        <ul className="plain">
          {groups.map((g) => (
            <li key={g.id}>
              {g.name} <span className="muted">({t('compare.groupMembers', { count: g.epcis.length })})</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setGroups(groups.filter((x) => x.id !== g.id))}
              >
                {t('compare.deleteGroup')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <form method="dialog">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}

/** "Add to comparison" (and, for an EPCI, "add its neighbours") buttons for a profile. */
export function BasketButtons({ code, neighbours }: { code: string; neighbours?: string[] }) {
  const t = useT();
  const inBasket = useAtlas((s) => s.view.basket.includes(code));
  const add = useAtlas((s) => s.addToBasket);
  const remove = useAtlas((s) => s.removeFromBasket);
  const notify = useAtlas((s) => s.notify);
  const tryAdd = (codes: string[]) => {
    const refused = add(codes);
    if (refused > 0) notify(t('compare.full', { count: refused }));
  };
  return (
    <div className="basket-buttons no-print">
      {inBasket ? (
        <button type="button" onClick={() => remove(code)}>
          {t('compare.remove')}
        </button>
      ) : (
        <button type="button" onClick={() => tryAdd([code])} data-testid="basket-add">
          {t('compare.add')}
        </button>
      )}
      {neighbours && neighbours.length > 0 && (
        <button type="button" onClick={() => tryAdd([code, ...neighbours])} data-testid="basket-neighbours">
          {t('compare.addNeighbours', { count: neighbours.length })}
        </button>
      )}
    </div>
  );
}
