import { GENERATION_LABEL, type TiRecord } from '../data/types.ts';
import type { ZibacZone } from '../domain/fields.ts';
import { formatNumber } from '../domain/format.ts';
import { epciSprintState, excludedShare, sprintState } from '../domain/sprint.ts';
import { SPRINT_RULE } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

/** ZIBaC and Sprint Innovation states with the reason and the source. */
export function ProgrammesSection({ epcis, ti }: { epcis: string[]; ti?: TiRecord }) {
  const t = useT();
  const lang = useLang();
  const data = useAtlas((s) => s.data)!;
  const catalog = useAtlas((s) => s.catalog)!;
  // A TI names the member(s) hosting each zone (a whole member EPCI, or a commune member named
  // in the zone); an EPCI or EPT lists the zones it hosts.
  const hostsOf = (z: ZibacZone) =>
    ti ? ti.members.filter((m) => (m.kind === 'epci' ? z.epcis.includes(m.code) : z.communes.includes(m.code))) : [];
  const zones = data.indicators.zibac.filter((z) =>
    ti ? hostsOf(z).length > 0 : z.epcis.some((c) => epcis.includes(c)),
  );
  const depName = (d: string) => `${catalog.departements.get(d)?.name ?? d} (${d})`;
  // Sprint: a TI of 2023–2027 directly; an EPCI through its 2023–2027 TI(s).
  const tis2023 = ti
    ? ti.generation === '2023'
      ? [ti]
      : []
    : [...new Set(epcis.flatMap((c) => (catalog.epci.get(c) ?? catalog.ept.get(c))?.ti['2023'] ?? []))].map(
        (id) => catalog.ti.get(`2023:${id}`)!,
      );
  // The territory's own population shares: the TI's, or the EPCI's (one EPCI per profile).
  const own = ti ?? catalog.epci.get(epcis[0]) ?? catalog.ept.get(epcis[0]);
  const state = !own
    ? 'outside-ti'
    : ti
      ? sprintState(ti.depShares, SPRINT_RULE)
      : epciSprintState(own.depShares, tis2023.length > 0, SPRINT_RULE);
  const shares = own ? Object.entries(own.depShares) : [];
  return (
    <section className="programmes" data-testid="programmes">
      <h3>{t('zibac.title')}</h3>
      {zones.length === 0 ? (
        <p>{t('zibac.none')}</p>
      ) : (
        <ul className="plain zones">
          {zones.map((z) => (
            <li key={z.id}>
              <strong>{z.name}</strong> — {z.project} ({z.date[lang]})
              {ti && (
                <>
                  <br />
                  <span data-testid="zibac-hosts">
                    {t('zibac.hostedBy', {
                      list: hostsOf(z)
                        .map((m) => m.name)
                        .join(', '),
                    })}
                  </span>
                </>
              )}
              <br />
              <span className="muted small">
                {t('zibac.quality')} : {z.perimeterQuality[lang]} · {t('zibac.confidence')} : {z.confidence[lang]}
                {z.notes[lang] && (
                  <>
                    <br />
                    {z.notes[lang]}
                  </>
                )}
              </span>
              <br />
              {z.sources.map((u, i) => (
                <a key={i} href={u} target="_blank" rel="noopener noreferrer" className="small">
                  [{i + 1}]
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('zibac.known', { count: data.indicators.zibac.length })}</p>
      <h3>{t('sprint.title')}</h3>
      {ti && ti.generation === '2018' ? (
        <p>{t('sprint.onlyGen')}</p>
      ) : (
        <p data-testid="sprint-state">
          <strong className={`sprint-${state}`}>{t(`sprint.${state}`)}</strong>
          {own && state !== 'outside-ti' && (
            <span className="small" data-testid="sprint-shares">
              <br />
              {t('sprint.shares', {
                list: shares
                  .map(([d, x]) => `${depName(d)} ${formatNumber(x * 100, { lang, decimals: 1 })} %`)
                  .join(', '),
                excluded: formatNumber(excludedShare(own.depShares, SPRINT_RULE) * 100, { lang, decimals: 1 }),
              })}
            </span>
          )}
          {!ti &&
            tis2023.map((x) => (
              <span key={x.key} className="small">
                <br />
                {x.name} ({GENERATION_LABEL['2023']}) : {t(`sprint.${sprintState(x.depShares, SPRINT_RULE)}`)}
              </span>
            ))}
        </p>
      )}
      <details className="small">
        <summary>{t('sprint.rule')}</summary>
        <p>{SPRINT_RULE.thresholdText[lang]}</p>
        <p>{SPRINT_RULE.interpretation[lang]}</p>
        <p className="muted">{SPRINT_RULE.citation}</p>
      </details>
    </section>
  );
}
