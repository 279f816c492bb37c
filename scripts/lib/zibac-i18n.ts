// The ZIBaC file's notes are in English: the French text comes from geo/zibac-i18n.json, which
// repeats the source text so that a changed source is caught (the translation is then stale).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual } from '../../src/domain/fields.ts';
import { DataError } from './errors.ts';

type Key = 'date' | 'perimeter' | 'confidence' | 'notes';
const FILE = join(import.meta.dirname, '..', '..', 'geo', 'zibac-i18n.json');

export function zibacTranslator(dataFile: string) {
  const zones: Record<string, Record<Key, { source: string; fr: string }>> = JSON.parse(
    readFileSync(FILE, 'utf8'),
  ).zones;
  return (zone: string, key: Key, english: string): Bilingual => {
    const entry = zones[zone]?.[key];
    if (!entry)
      throw new DataError(dataFile, `zone ${zone}: no French text for "${key}" in geo/zibac-i18n.json (add one)`);
    if (entry.source !== english.trim())
      throw new DataError(
        dataFile,
        `zone ${zone}: "${key}" changed in the source; update its translation in geo/zibac-i18n.json (source now: "${english}")`,
      );
    return { fr: entry.fr, en: english.trim() };
  };
}
