import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../domain/view.ts';
import { fr } from './fr.ts';

// One i18next instance; the UI reads the language from the store and asks for a fixed T.
const instance = i18next.createInstance();
void instance.init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr } }, // English loads on first use: loadLanguage()
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

// `{{date, longDate}}`: an ISO date as « 3 mars 2026 » / « 3 March 2026 » (not a date: shown as is).
instance.services.formatter?.add('longDate', (value: unknown, lng: string | undefined) => {
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString(lng === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
});

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}

const loading = new Map<Lang, Promise<void>>([['fr', Promise.resolve()]]);
const loaded = new Set<Lang>(['fr']);
/** True once `lang`'s dictionary is loaded (French always is). */
export function hasLanguage(lang: Lang): boolean {
  return loaded.has(lang);
}
/** A feature's French texts, registered when its code loads (the import's: ui/import/format.ts). */
export function addFrenchTexts(texts: Record<string, unknown>): void {
  instance.addResourceBundle('fr', 'translation', texts, true, false);
}

/** Loads a dictionary on first use; until then texts fall back to French. */
export function loadLanguage(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = import('./en.ts').then((m) => {
      // Merged under any namespace a feature module already added (deep, without overwriting).
      instance.addResourceBundle(lang, 'translation', m.en, true, false);
      loaded.add(lang);
    });
    p.catch(() => loading.delete(lang)); // a failed download is retried on the next use
    loading.set(lang, p);
  }
  return p;
}
