// The sentence shown after choosing a commune in the search box: its EPCI, its TI of each
// generation and its own legal population (with its year, which differs from the EPCI's).
import type { TFunction } from 'i18next';
import { type Catalog, tiKey } from '../data/catalog.ts';
import { type EpciRecord, GENERATION_LABEL, GENERATIONS, type Generation } from '../data/types.ts';
import { formatNumber } from '../domain/format.ts';
import type { SearchResult } from '../domain/search/search-index.ts';
import type { Lang } from '../domain/view.ts';

/** French preposition before an EPCI name: "de la CA …", "de l’Eurométropole …", "d’Orléans Métropole". */
function epciPhrase(t: TFunction, name: string): string {
  if (/^(CC|CA|CU|Communauté|Métropole)\b/.test(name)) return t('search.epciLa', { name });
  if (/^Eurométropole/.test(name)) return t('search.epciL', { name });
  if (/^[AEIOUYÉÈÊÂÎÔ]/i.test(name)) return t('search.epciElided', { name });
  return t('search.epciDe', { name });
}

/**
 * TI of one generation the commune belongs to: `inside` when its EPCI is wholly in the TI
 * (or the commune itself is a member), `partly` when only part of the EPCI is (EPT members
 * of the Métropole du Grand Paris: the commune's EPT is not known here).
 */
function membership(catalog: Catalog, epci: EpciRecord, commune: string, gen: Generation) {
  const inside: string[] = [];
  const partly: string[] = [];
  for (const id of epci.ti[gen] ?? []) {
    const ti = catalog.ti.get(tiKey(gen, id));
    if (!ti) continue;
    if (!ti.partialEpcis.includes(epci.code)) {
      inside.push(ti.name);
      continue;
    }
    const members = ti.members.filter((m) => m.epci === epci.code);
    if (members.some((m) => m.kind === 'commune' && m.code === commune)) inside.push(ti.name);
    else if (members.some((m) => m.kind === 'ept')) partly.push(ti.name);
  }
  return { inside, partly };
}

export interface PopulationYears {
  commune: string;
  epci: string;
}

/** The commune's own legal population, with its year (the EPCI profile below gives another). */
function populationSentence(t: TFunction, lang: Lang, r: SearchResult, years: PopulationYears | null): string {
  if (!years || !(r.population > 0)) return '';
  return ` ${t('search.communePopulation', {
    pop: formatNumber(r.population, { lang }),
    year: years.commune,
    epciYear: years.epci,
  })}`;
}

export function communeSentence(
  t: TFunction,
  lang: Lang,
  catalog: Catalog | null,
  r: SearchResult,
  years: PopulationYears | null,
): string {
  const who = { name: r.name, code: r.code };
  if (!r.epci) return t('search.noEpci', who);
  const epci = catalog?.epci.get(r.epci);
  if (!catalog || !epci) return t('search.unknownEpci', { ...who, epci: r.epci });
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const tiPhrase = (names: string[]) =>
    t(names.length > 1 ? 'search.tiMany' : 'search.tiOne', { names: list.format(names) });
  const [main, ...others] = GENERATIONS;
  const m = membership(catalog, epci, r.code, main);
  const gen = GENERATION_LABEL[main];
  let s = t('search.commune', { ...who, epci: epciPhrase(t, epci.name) });
  if (m.inside.length) s += t('search.tiIn', { ti: tiPhrase(m.inside), gen });
  if (m.partly.length) s += t('search.tiPartly', { ti: tiPhrase(m.partly), gen });
  if (!m.inside.length && !m.partly.length) s += t('search.tiNone', { gen });
  s += '.';
  for (const g of others) {
    const o = membership(catalog, epci, r.code, g);
    const label = GENERATION_LABEL[g];
    if (o.inside.length) s += ` ${t('search.otherIn', { gen: label, names: list.format(o.inside) })}`;
    if (o.partly.length) s += ` ${t('search.otherPartly', { gen: label, names: list.format(o.partly) })}`;
    if (!o.inside.length && !o.partly.length) s += ` ${t('search.otherNone', { gen: label })}`;
  }
  return s + populationSentence(t, lang, r, years);
}
