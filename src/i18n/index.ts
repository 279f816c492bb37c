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

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}
