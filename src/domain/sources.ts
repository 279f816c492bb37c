// How a source is cited wherever a figure is shown or exported: producer, year, licence, and
// « licence à confirmer » for compilations that state none. One wording everywhere.
import type { SourceInfo } from '../data/types.ts';
import type { Translate } from './text.ts';

/** "Producer (year, licence[, licence à confirmer])"; the year is left out when the producer's name carries it. */
export function citeSource(s: SourceInfo, t: Translate): string {
  const parts = [
    s.producer.includes(s.year) ? '' : s.year,
    s.licence,
    s.licenceToConfirm ? t('sources.toConfirm') : '',
  ];
  return `${s.producer} (${parts.filter(Boolean).join(', ')})`;
}

/** The sources of `ids` (unknown ids skipped, each once), cited and joined by « ; ». */
export function citeSources(ids: readonly string[], sources: readonly SourceInfo[], t: Translate): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return [...new Set(ids)]
    .map((id) => byId.get(id))
    .filter((s) => s !== undefined)
    .map((s) => citeSource(s, t))
    .join(' ; ');
}
