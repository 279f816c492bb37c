// The join report: how many rows matched, which were repaired, which did not match and why, and
// the rows matched by name that the user must confirm.

import type { JoinView } from '../../domain/user-data/join-view.ts';
import { useLang, useT } from '../useT.ts';
import { fmtMsg } from './format.ts';

type T = ReturnType<typeof useT>;

function reasonDetail(u: JoinView['unmatched'][number], t: T): string {
  if (u.reason === 'unknown-name' && u.suggestions && u.suggestions.length > 0) {
    return t('userData.suggest', {
      list: u.suggestions.map((s) => `« ${s.name} » (${s.departements.join(', ')})`).join(', '),
    });
  }
  if (u.reason === 'ambiguous-name' && u.candidates) {
    return t('userData.homonyms', {
      count: u.candidates.length,
      list: u.candidates
        .slice(0, 6)
        .map((c) => `${c.name} (${c.departements.join(', ')}, ${c.code})`)
        .join(', '),
    });
  }
  if (u.reason === 'duplicate' && u.duplicateRows) return t('userData.dupRows', { rows: u.duplicateRows.join(', ') });
  return '';
}

export function JoinReportView({
  join,
  confirmed,
  setConfirmed,
}: {
  join: JoinView;
  confirmed: boolean;
  setConfirmed: (v: boolean) => void;
}) {
  const t = useT();
  const lang = useLang();
  const reasons = Object.entries(join.stats.byReason).filter(([, n]) => n > 0);
  const more = (shown: number, total: number) =>
    total > shown ? <p className="muted small">{t('userData.more', { count: total - shown })}</p> : null;
  return (
    <div className="join-report" data-testid="import-join-report">
      <h4>{t('userData.joinReport')}</h4>
      <p className={join.stats.matched === 0 ? 'import-error' : 'join-summary'} data-testid="import-join-summary">
        {fmtMsg(join.messages[0], lang)}
        {reasons.length > 0 && <> ({reasons.map(([r, n]) => `${t(`userData.reasons.${r}`)} : ${n}`).join(' ; ')})</>}
      </p>
      {join.repaired.length > 0 && (
        <details open>
          <summary>{t('userData.repaired', { count: join.stats.repaired })}</summary>
          <ul className="compact-list" data-testid="import-repaired">
            {join.repaired.map((m) => (
              <li key={m.rowIndex}>
                {t('userData.row')} {m.row} : « {m.repairedFrom} » → {m.code} ({m.name})
              </li>
            ))}
          </ul>
          {more(join.repaired.length, join.stats.repaired)}
        </details>
      )}
      {join.unmatched.length > 0 && (
        <details open={join.stats.unmatched <= 12}>
          <summary>{t('userData.unmatched', { count: join.stats.unmatched })}</summary>
          <div className="report-scroll">
            <table className="data-table" data-testid="import-unmatched">
              <thead>
                <tr>
                  <th scope="col">{t('userData.row')}</th>
                  <th scope="col">{t('userData.value')}</th>
                  <th scope="col">{t('userData.reason')}</th>
                  <th scope="col">{t('userData.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {join.unmatched.map((u) => (
                  <tr key={u.rowIndex}>
                    <td>{u.row}</td>
                    <td>{u.input || '∅'}</td>
                    <td>{t(`userData.reasons.${u.reason}`)}</td>
                    <td className="wrap">{reasonDetail(u, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(join.unmatched.length, join.stats.unmatched)}
        </details>
      )}
      {join.stats.needsConfirmation > 0 && (
        <div className="name-check">
          <details open>
            <summary>{t('userData.byName', { count: join.stats.needsConfirmation })}</summary>
            <div className="report-scroll">
              <table className="data-table" data-testid="import-by-name">
                <thead>
                  <tr>
                    <th scope="col">{t('userData.row')}</th>
                    <th scope="col">{t('userData.fileValue')}</th>
                    <th scope="col">{t('userData.matchedTo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {join.byName.map((m) => (
                    <tr key={m.rowIndex}>
                      <td>{m.row}</td>
                      <td>{m.input}</td>
                      <td>
                        {m.name} <span className="muted">({m.code})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {more(join.byName.length, join.stats.needsConfirmation)}
          </details>
          <label className="check confirm">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="import-confirm-names"
            />
            {t('userData.confirmNames')}
          </label>
        </div>
      )}
    </div>
  );
}
