import { useMemo } from 'react';
import { translator } from '../i18n/index.ts';
import { useAtlas } from '../state/store.ts';

export function useT() {
  const lang = useAtlas((s) => s.view.lang);
  return useMemo(() => translator(lang), [lang]);
}

export function useLang() {
  return useAtlas((s) => s.view.lang);
}
