// Tells the user, in words, which link parameters were ignored or corrected and what the map
// uses instead (src/domain/url.ts reports them; nothing is applied or dropped silently).

import type { TFunction } from 'i18next';
import type { Dropped } from '../domain/url.ts';
import { usedValue } from '../domain/url.ts';
import type { ViewState } from './view.ts';

export function describeDropped(dropped: readonly Dropped[], view: ViewState, t: TFunction): string {
  const items = dropped.map((d) => {
    const used = usedValue(view, d.param);
    const reason = t(`url.reasons.${d.reason}`);
    if (used === null) return t('url.item', { param: d.param, value: d.value, reason });
    const instead =
      used === ''
        ? t(d.param === 'f' ? 'url.noFilter' : 'url.usedDefault')
        : t('url.used', {
            used: d.param === 'pal' ? t(`indicator.schemeNames.${used}`, { defaultValue: used }) : used,
          });
    return t('url.itemUsed', { param: d.param, value: d.value, reason, instead });
  });
  return t('url.dropped', { list: items.join(' · ') });
}
