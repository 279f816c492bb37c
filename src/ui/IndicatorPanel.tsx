import { useState } from 'react';
import { schemeFor } from '../domain/choropleth.ts';
import { SCHEMES } from '../domain/classify.ts';
import { EMP_YEARS, indicatorById, indicatorsOf, isAvailable, THEMES } from '../domain/indicators.ts';
import { textOf } from '../domain/text.ts';
import { type ClassMethod, type Level, MAX_CLASSES, MIN_CLASSES } from '../domain/view.ts';
import { indicatorContext } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { UserDataLink } from './UserDataPanel.tsx';
import { useT } from './useT.ts';

export function IndicatorPanel() {
  const t = useT();
  const view = useAtlas((s) => s.view);
  const setView = useAtlas((s) => s.setView);
  const ctx = useAtlas(indicatorContext);
  const ind = view.indicator ? indicatorById(ctx, view.indicator) : undefined;
  const [breaksText, setBreaksText] = useState(view.breaks.join(' ; '));
  const [breaksError, setBreaksError] = useState(false);

  const setLevel = (level: Level) => setView({ level, showTi: level === 'ti' ? true : view.showTi, selection: null });
  const applyBreaks = (text: string) => {
    setBreaksText(text);
    const parts = text
      .split(/[;\s]+/)
      .filter(Boolean)
      .map((x) => Number(x.replace(',', '.')));
    if (parts.length === 0 || parts.some((x) => !Number.isFinite(x))) return setBreaksError(text.trim() !== '');
    setBreaksError(false);
    setView({ breaks: [...new Set(parts)].sort((a, b) => a - b).slice(0, MAX_CLASSES - 1) });
  };
  const schemeKind = ind?.type === 'numeric' ? (ind.kind === 'change' ? 'diverging' : 'sequential') : null;

  return (
    <div className="indicator-panel">
      <fieldset>
        <legend>{t('indicator.level')}</legend>
        {(['epci', 'ti'] as Level[]).map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="level" value={l} checked={view.level === l} onChange={() => setLevel(l)} />
            {l === 'epci' ? t('layers.levelEpci') : t('layers.levelTi')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('indicator.title')}</span>
        <select
          value={view.indicator ?? ''}
          onChange={(e) => setView({ indicator: e.target.value || null })}
          data-testid="indicator-select"
        >
          <option value="">{t('indicator.none')}</option>
          {THEMES.map((th) => (
            <optgroup key={th} label={t(`indicator.themes.${th}`)}>
              {indicatorsOf(ctx)
                .filter((i) => i.theme === th)
                .map((i) => (
                  <option key={i.id} value={i.id} disabled={!isAvailable(i, view.level)}>
                    {textOf(t, i.label)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <UserDataLink />
      {ind && !isAvailable(ind, view.level) && <p className="hint warn">{t('indicator.notAtLevel')}</p>}
      {ind?.type === 'numeric' && ind.usesPeriod && (
        <div className="field-row">
          <span>{t('indicator.period')}</span>
          {ind.kind === 'change' && (
            <label>
              {t('indicator.from')}{' '}
              <select
                value={view.period[0]}
                onChange={(e) =>
                  setView({ period: [Number(e.target.value), Math.max(view.period[1], Number(e.target.value) + 1)] })
                }
              >
                {EMP_YEARS.slice(0, -1).map((y) => (
                  <option key={y}>{y}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            {ind.kind === 'change' ? t('indicator.to') : ''}{' '}
            <select
              value={view.period[1]}
              onChange={(e) =>
                setView({ period: [Math.min(view.period[0], Number(e.target.value) - 1), Number(e.target.value)] })
              }
            >
              {EMP_YEARS.slice(1).map((y) => (
                <option key={y}>{y}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {ind?.type === 'numeric' && (
        <div className="class-settings">
          <label className="field">
            <span>{t('indicator.method')}</span>
            <select value={view.method} onChange={(e) => setView({ method: e.target.value as ClassMethod })}>
              {(['quantile', 'jenks', 'equal', 'manual'] as ClassMethod[]).map((m) => (
                <option key={m} value={m}>
                  {t(`indicator.methods.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {view.method !== 'manual' ? (
            <label className="field">
              <span>{t('indicator.classes')}</span>
              <select value={view.classes} onChange={(e) => setView({ classes: Number(e.target.value) })}>
                {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
          ) : (
            <label className="field">
              <span>{t('indicator.breaks')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={breaksText}
                onChange={(e) => applyBreaks(e.target.value)}
                aria-invalid={breaksError}
              />
              {breaksError && <span className="error">{t('indicator.breaksInvalid')}</span>}
            </label>
          )}
          <label className="field">
            <span>{t('indicator.scheme')}</span>
            <select value={schemeFor(ind, view.scheme)} onChange={(e) => setView({ scheme: e.target.value })}>
              {Object.entries(SCHEMES)
                .filter(([, d]) => d.kind === schemeKind)
                .map(([id, d]) => (
                  <option key={id} value={id}>
                    {t(`indicator.schemeNames.${id}`, { defaultValue: d.label })}
                  </option>
                ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
