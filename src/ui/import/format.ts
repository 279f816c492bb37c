// Small text helpers shared by the import steps.

import { formatNumber } from '../../domain/format.ts';
import { bytesToMb, type ImportMessage } from '../../domain/import/index.ts';
import { importFr } from '../../i18n/import.fr.ts';
import { addFrenchTexts, translator } from '../../i18n/index.ts';

// Every import message is translated here: its French texts come with this module.
addFrenchTexts({ import: importFr });

export type Lang = 'fr' | 'en';

const NUMBER_LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Translates an import message descriptor (src/domain/import/messages.ts) through i18next:
 * numbers in the language's format (`count` stays a number: it picks the plural form), a tab or a
 * space as a delimiter written as a word, and `kindLabel` filled from a `kind` param.
 */
export function fmtMsg(m: { key: string; params: Record<string, string | number> }, lang: Lang): string {
  const t = translator(lang);
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(m.params)) {
    if ((name === 'delimiter' || name === 'found') && (value === '\t' || value === ' '))
      params[name] = t(value === '\t' ? 'import.delimiter.tab' : 'import.delimiter.space');
    else if (typeof value === 'number' && name !== 'count') params[name] = value.toLocaleString(NUMBER_LOCALE[lang]);
    else params[name] = value;
  }
  if (!('kindLabel' in params) && typeof params.kind === 'string')
    params.kindLabel = t(`import.join.kind.${params.kind}`, { defaultValue: params.kind });
  return t(m.key, params);
}

export const cellText = (v: unknown, lang: Lang): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? v.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 10 })
      : String(v);

export const baseName = (name: string) => name.replace(/\.[A-Za-z0-9]{1,8}$/, '');

export const isWorkspaceFile = (f: File) => /\.json$/i.test(f.name);

export const fileSize = (bytes: number, lang: Lang) =>
  bytes < 1024 * 1024
    ? translator(lang)('import.size.kb', { n: formatNumber(Math.max(1, Math.round(bytes / 1024)), { lang }) })
    : translator(lang)('import.size.mb', { n: formatNumber(bytesToMb(bytes), { lang }) });

export const internal = (detail: unknown): ImportMessage => ({
  key: 'import.internal',
  params: { detail: String(detail instanceof Error ? detail.message : detail).slice(0, 200) },
});
