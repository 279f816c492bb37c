import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../domain/view.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

// One i18next instance; the UI reads the language from the store and asks for a fixed T.
const instance = i18next.createInstance();
void instance.init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr }, en: { translation: en } },
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

// `{{count, n}}`: a number in the language's format (« 1 255 »). Unlike i18next's own `number`,
// it does not pass the other interpolation values (e.g. `unit`) to Intl.NumberFormat.
const numberFormats = new Map<string, Intl.NumberFormat>();
instance.services.formatter?.add('n', (value: unknown, lng: string | undefined) => {
  if (typeof value !== 'number') return String(value);
  const key = lng ?? 'fr';
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat(key === 'en' ? 'en-GB' : 'fr-FR'));
  return numberFormats.get(key)!.format(value);
});

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}
