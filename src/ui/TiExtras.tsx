import { useMemo } from 'react';
import { GENERATION_LABEL, type TiRecord } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import { indicatorsOf, type NumericIndicator } from '../domain/indicators.ts';
import { memberValues } from '../domain/parts.ts';
import { perimeterChange } from '../domain/profile.ts';
import { textOf } from '../domain/text.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { MissingValue } from './MissingValue.tsx';
import { useLang, useT } from './useT.ts';

/** Non-aggregable indicators shown per member EPCI. */
export function MemberValues({ ti }: { ti: TiRecord }) {
  const t = useT();
  const lang = useLang();
  const base = useAtlas(indicatorContext)!;
  const select = useAtlas((s) => s.select);
  const ctx = useMemo(() => ({ ...base, generation: ti.generation }), [base, ti.generation]);
  // Key figures plus every non-aggregable indicator (those only make sense per member).
  const key = ['population', 'friches', 'emploi', 'emploi_evol_pct'];
  const inds = indicatorsOf(ctx).filter(
    (i): i is NumericIndicator => i.type === 'numeric' && (key.includes(i.id) || i.aggregation.rule === 'none'),
  );
  const cols = inds.map((i) => memberValues(ctx, ti, i));
  if (cols.length === 0) return null;
  return (
    <details className="member-values" open data-testid="member-values">
      <summary>{t('profile.byMember')}</summary>
      <p className="hint">
        {t('profile.notAggregableNote', {
          list: inds
            .filter((i) => i.aggregation.rule === 'none')
            .map((i) => textOf(t, i.short ?? i.label))
            .join(', '),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('profile.member')}</th>
            {inds.map((i) => (
              <th scope="col" key={i.id}>
                {textOf(t, i.label)} ({textOf(t, i.unit)}, {i.year(ctx)})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cols[0].map((row, r) => (
            <tr key={row.code}>
              <th scope="row">
                {row.kind === 'commune' ? (
                  row.name
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => select({ kind: 'epci', code: row.code })}
                  >
                    {row.name}
                  </button>
                )}
                {row.kind !== 'epci' && (
                  <span className="muted"> ({t(`panel.member${row.kind === 'ept' ? 'Ept' : 'Commune'}`)})</span>
                )}
              </th>
              {cols.map((c, k) => (
                <td className="num" key={k}>
                  {c[r].value === null ? (
                    <MissingValue missing={c[r].missing} />
                  ) : (
                    formatNumber(c[r].value, { lang, decimals: inds[k].decimals })
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** EPCI that joined, left or moved between the two generations. */
export function PerimeterChanges({ ti }: { ti: TiRecord }) {
  const t = useT();
  const data = useAtlas((s) => s.data)!;
  const catalog = useAtlas((s) => s.catalog)!;
  const select = useAtlas((s) => s.select);
  const ch = useMemo(() => perimeterChange(data.territories, ti), [data, ti]);
  const other = ti.generation === '2023' ? '2018' : '2023';
  const epciLink = (code: string) => (
    <button type="button" className="link-button" onClick={() => select({ kind: 'epci', code })}>
      {catalog.epci.get(code)?.name ?? code}
    </button>
  );
  const tiLink = (key: string) => (
    <button key={key} type="button" className="link-button" onClick={() => select({ kind: 'ti', code: key })}>
      {catalog.ti.get(key)?.name ?? key}
    </button>
  );
  const [older, newer] =
    ti.generation === '2023'
      ? [GENERATION_LABEL['2018'], GENERATION_LABEL['2023']]
      : [GENERATION_LABEL['2018'], GENERATION_LABEL['2023']];
  const none = ch.joined.length + ch.movedIn.length + ch.left.length === 0;
  return (
    <section className="perimeter" data-testid="perimeter-change">
      <h3>{t('profile.perimeter', { other: older, this: newer })}</h3>
      <p className="small">
        {t('profile.related', { gen: GENERATION_LABEL[other] })} :{' '}
        {ch.related.length ? (
          ch.related.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              {tiLink(k)}
            </span>
          ))
        ) : (
          <em>{t('profile.outside')}</em>
        )}
      </p>
      {none && <p className="small">{t('profile.noChange')}</p>}
      {ch.joined.length > 0 && (
        <p className="small">
          <strong>{ti.generation === '2023' ? t('profile.joined') : t('profile.left')}</strong> :{' '}
          {ch.joined.map((c, i) => (
            <span key={c}>
              {i > 0 && ', '}
              {epciLink(c)}
            </span>
          ))}
        </p>
      )}
      {ch.movedIn.length > 0 && (
        <p className="small">
          <strong>{t('profile.movedIn')}</strong> :{' '}
          {ch.movedIn.map((m, i) => (
            <span key={m.epci}>
              {i > 0 && ', '}
              {epciLink(m.epci)} ({m.from.map((k) => catalog.ti.get(k)?.name ?? k).join(', ')})
            </span>
          ))}
        </p>
      )}
      {ch.left.length > 0 && (
        <p className="small">
          <strong>{ti.generation === '2023' ? t('profile.left') : t('profile.joined')}</strong> :{' '}
          {ch.left.map((l, i) => (
            <span key={l.epci}>
              {i > 0 && ', '}
              {epciLink(l.epci)} →{' '}
              {l.to.length ? l.to.map((k) => catalog.ti.get(k)?.name ?? k).join(', ') : t('profile.outside')}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
