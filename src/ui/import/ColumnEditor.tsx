// One chosen column: label, unit, year, aggregation rules, direction and its coverage preview.

import { formatNumber } from '../../domain/format.ts';
import type { AggregateRule, ParseReport } from '../../domain/import/index.ts';
import { guessYear } from '../../domain/import/year.ts';
import type { Direction } from '../../domain/indicators.ts';
import type { ColumnSpec, TiChoice } from '../../domain/user-data/build.ts';
import type { CoverageView, JoinView } from '../../domain/user-data/join-view.ts';
import { useLang, useT } from '../useT.ts';
import { fmtMsg } from './format.ts';

const COMMUNE_RULES: AggregateRule[] = ['sum', 'mean', 'weighted-mean', 'min', 'max', 'count'];
const DIRECTIONS: Direction[] = ['neutral', 'higher-better', 'lower-better'];

export function ColumnEditor({
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
