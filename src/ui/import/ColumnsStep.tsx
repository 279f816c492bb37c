// Step 2: the numeric columns that become indicators, the table name and the « Ajouter » button.

import { useEffect, useMemo, useRef, useState } from 'react';
import { isAvailable } from '../../domain/indicators.ts';
import { type ColumnSpec, defaultSpecFrom, guessWeightColumn } from '../../domain/user-data/build.ts';
import { newTableId, userIndicatorId } from '../../domain/user-data/ids.ts';
import type { CoverageView, JoinView } from '../../domain/user-data/join-view.ts';
import { MAX_COLUMNS_PER_TABLE } from '../../domain/user-data/types.ts';
import type { BuildAnswer } from '../../state/import-worker-api.ts';
import { useAtlas } from '../../state/store.ts';
import { addUserTable, useUserData } from '../../state/user-data-sync.ts';
import { useLang, useT } from '../useT.ts';
import { ColumnEditor } from './ColumnEditor.tsx';
import { baseName, fmtMsg, internal } from './format.ts';
import type { ImportFlow, Parsed } from './useImportFlow.ts';

/** The fields of a spec that change its values (not label, unit, year…). */
const valueKey = (s: ColumnSpec) => [s.column, s.epciRule, s.weightColumn ?? '', s.tiRule, s.dropPartial].join('|');

export function ColumnsStep({
  parsed,
  flow,
  join,
  confirmed,
  busy,
  onDone,
}: {
  parsed: Parsed;
  flow: ImportFlow;
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
  // A new join changes every preview.
  const [coverageJoin, setCoverageJoin] = useState(join);
  if (coverageJoin !== join) {
    setCoverageJoin(join);
    setCoverage(new Map());
  }
  // Read by the preview effect without re-running it (and dropping answers in flight) on each answer.
  const coverageRef = useRef(coverage);
  coverageRef.current = coverage;
  const [name, setName] = useState(baseName(report.fileName));
  const [error, setError] = useState<string | null>(null);
  const [building, setBuilding] = useState(false);

  // Coverage previews, computed in the worker, once per distinct value-changing spec.
  const keys = useMemo(() => [...specs.values()].map((s) => [valueKey(s), s] as const), [specs]);
  const { preview, build } = flow;
  useEffect(() => {
    for (const [k, spec] of keys) {
      if (coverageRef.current.has(k)) continue;
      void preview(spec).then((c) => {
        if (c) setCoverage((m) => new Map(m).set(k, c));
      });
    }
  }, [keys, preview]);

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
    let a: BuildAnswer | null;
    try {
      a = await build({
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
    if (!a) return;
    if (!a.ok) return setError(t('userData.columnError', { column: a.column, message: fmtMsg(a.error, lang) }));
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
