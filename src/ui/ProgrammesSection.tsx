import { GENERATION_LABEL, type TiRecord } from '../data/types.ts';
import { epciSprintState, excludedIn, sprintState } from '../domain/sprint.ts';
import { SPRINT_RULE } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { useLang, useT } from './useT.ts';

/** ZIBaC and Sprint Innovation states with the reason and the source. */
export function ProgrammesSection({ epcis, ti }: { epcis: string[]; ti?: TiRecord }) {
  const t = useT();
  const lang = useLang();
  const data = useAtlas((s) => s.data)!;
  const catalog = useAtlas((s) => s.catalog)!;
  const zones = data.indicators.zibac.filter((z) => z.epcis.some((c) => epcis.includes(c)));
  const depName = (d: string) => `${catalog.departements.get(d)?.name ?? d} (${d})`;
  // Sprint: a TI of 2023–2027 directly; an EPCI through its 2023–2027 TI(s).
  const tis2023 = ti
    ? ti.generation === '2023'
      ? [ti]
      : []
    : [...new Set(epcis.flatMap((c) => catalog.epci.get(c)?.ti['2023'] ?? []))].map(
        (id) => catalog.ti.get(`2023:${id}`)!,
      );
  const state =
    ti && ti.generation === '2023'
      ? sprintState(ti.departements, SPRINT_RULE)
      : epciSprintState(tis2023.map((x) => sprintState(x.departements, SPRINT_RULE)));
  return (
    <section className="programmes" data-testid="programmes">
      <h3>{t('zibac.title')}</h3>
      {zones.length === 0 ? (
        <p>{t('zibac.none')}</p>
      ) : (
        <ul className="plain zones">
          {zones.map((z) => (
            <li key={z.id}>
              <strong>{z.name}</strong> — {z.project} ({z.date})
              <br />
              <span className="muted small">
                {t('zibac.quality')} : {z.perimeterQuality} · {t('zibac.confidence')} : {z.confidence}
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
          {tis2023.map((x) => {
            const ex = excludedIn(x.departements, SPRINT_RULE);
            return (
              <span key={x.key} className="small">
                <br />
                {x.name} ({GENERATION_LABEL['2023']}) :{' '}
                {ex.length ? t('sprint.why', { list: ex.map(depName).join(', ') }) : t('sprint.whyNone')}
              </span>
            );
          })}
        </p>
      )}
      <details className="small">
        <summary>{t('sprint.rule')}</summary>
        <p>{SPRINT_RULE.interpretation[lang]}</p>
        <p className="muted">{SPRINT_RULE.citation}</p>
      </details>
    </section>
  );
}
