// « Partager »: the permalink of the current view and an iframe snippet generator (title,
// height, interactions, language) with the host script that adjusts the iframe's height.
import { type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { captionText } from '../domain/export/caption.ts';
import { clampHeight, compactHostScript, embedUrl, fullAppUrl, iframeSnippet } from '../domain/export/embed.ts';
import { textOf } from '../domain/text.ts';
import { encodeView } from '../domain/url.ts';
import type { Lang } from '../domain/view.ts';
import hostScript from '../embed/host-snippet.js?raw';
import { hasLanguage, loadLanguage, translator } from '../i18n/index.ts';
import { choropleth } from '../state/derived.ts';
import { useAtlas } from '../state/store.ts';
import { appBase } from './app-base.ts';
import { captionFor } from './caption.ts';
import { useModal } from './useModal.ts';
import { useLang, useT } from './useT.ts';
import './export.css';

/** Copies text: Clipboard API, else select the field and execCommand('copy'). */
async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function CopyButton({
  text,
  field,
}: {
  text: string;
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'ok' | 'failed'>('idle');
  // A new text to copy clears the last copy's status.
  const [statusText, setStatusText] = useState(text);
  if (statusText !== text) {
    setStatusText(text);
    setStatus('idle');
  }
  return (
    <>
      <button type="button" onClick={async () => setStatus((await copyText(text, field.current)) ? 'ok' : 'failed')}>
        {t('share.copy')}
      </button>
      <span className="copy-status" role="status">
        {status === 'ok' ? t('share.copied') : status === 'failed' ? t('share.copyFailed') : ''}
      </span>
    </>
  );
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const view = useAtlas((s) => s.view);
  const data = useAtlas((s) => s.data);
  const ch = useAtlas(choropleth);
  const ref = useModal();
  const linkRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const [embedLang, setEmbedLang] = useState<Lang>(lang);
  const defaultTitle = (l: Lang) => (ch ? textOf(translator(l), ch.indicator.label) : translator(l)('app.title'));
  const [title, setTitle] = useState<string | null>(null);
  const [height, setHeight] = useState(600);
  const [interactive, setInteractive] = useState(true);
  const [withCredit, setWithCredit] = useState(true);
  // The caption is written in the embed's language: its dictionary loads on first choice.
  const [langReady, setLangReady] = useState(() => hasLanguage(embedLang));
  useEffect(() => {
    if (hasLanguage(embedLang)) return setLangReady(true);
    setLangReady(false);
    let live = true;
    loadLanguage(embedLang).then(
      () => live && setLangReady(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [embedLang]);

  const permalink = fullAppUrl(appBase(), encodeView(view));
  const src = embedUrl(appBase(), encodeView({ ...view, lang: embedLang }), { interactive });
  const script = useMemo(() => compactHostScript(hostScript), []);
  const embedPermalink = fullAppUrl(appBase(), encodeView({ ...view, lang: embedLang }));
  const caption = useMemo(
    () => (langReady ? captionFor({ ...useAtlas.getState(), data, view: { ...view, lang: embedLang } }) : null),
    [data, view, embedLang, langReady],
  );
  const et = translator(embedLang);
  const text = caption ? captionText(caption, embedPermalink, et) : '';
  const credit =
    withCredit && caption
      ? { text: caption.source, linkText: et('share.creditLink'), href: embedPermalink }
      : undefined;
  const code = iframeSnippet({
    src,
    title: title ?? defaultTitle(embedLang),
    height: clampHeight(height),
    script,
    credit,
  });
  const captionRef = useRef<HTMLTextAreaElement>(null);

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
      data-testid="share-dialog"
    >
      <h2 id={`${id}-title`}>{t('share.title')}</h2>
      <section className="export-section">
        <h3>
          <label htmlFor={`${id}-link`}>{t('share.permalink')}</label>
        </h3>
        <p className="hint">{t('share.permalinkHint')}</p>
        <div className="copy-row">
          <input
            id={`${id}-link`}
            ref={linkRef}
            className="mono"
            readOnly
            value={permalink}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="permalink"
          />
          <CopyButton text={permalink} field={linkRef} />
        </div>
      </section>
      <section className="export-section">
        <h3>
          <label htmlFor={`${id}-caption`}>{t('share.caption')}</label>
        </h3>
        <p className="hint">{t('share.captionHint')}</p>
        <textarea
          id={`${id}-caption`}
          ref={captionRef}
          className="snippet"
          readOnly
          rows={Math.min(12, text.split('\n').length + 1)}
          value={text}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="share-caption"
          lang={embedLang}
        />
        <div className="copy-row">
          <CopyButton text={text} field={captionRef} />
        </div>
      </section>
      <section className="export-section">
        <h3>{t('share.embed')}</h3>
        <p className="hint">{t('share.embedHint')}</p>
        <div className="form-grid">
          <label className="field">
            <span>{t('share.frameTitle')}</span>
            <input
              type="text"
              value={title ?? defaultTitle(embedLang)}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="embed-title"
            />
          </label>
          <label className="field">
            <span>{t('share.height')}</span>
            <input
              type="number"
              min={200}
              max={4000}
              step={10}
              value={height}
              onChange={(e) => setHeight(Number(e.target.value))}
              onBlur={() => setHeight(clampHeight(height))}
              data-testid="embed-height"
            />
          </label>
          <fieldset className="field">
            <legend>{t('share.language')}</legend>
            <div className="field-row">
              {(['fr', 'en'] as const).map((l) => (
                <label key={l} className="radio">
                  <input type="radio" name={`${id}-lang`} checked={embedLang === l} onChange={() => setEmbedLang(l)} />{' '}
                  {l === 'fr' ? 'Français' : 'English'}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="check">
            <input
              type="checkbox"
              checked={interactive}
              onChange={(e) => setInteractive(e.target.checked)}
              data-testid="embed-interactive"
            />{' '}
            {t('share.interactive')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={withCredit}
              onChange={(e) => setWithCredit(e.target.checked)}
              data-testid="embed-credit"
            />{' '}
            {t('share.credit')}
          </label>
        </div>
        <label className="field" htmlFor={`${id}-code`}>
          <span>{t('share.code')}</span>
        </label>
        <textarea
          id={`${id}-code`}
          ref={codeRef}
          className="mono snippet"
          readOnly
          rows={7}
          value={code}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="embed-code"
        />
        <div className="copy-row">
          <CopyButton text={code} field={codeRef} />
          <a href={src} target="_blank" rel="noopener noreferrer">
            {t('share.preview')} ↗
          </a>
        </div>
      </section>
      <form method="dialog" className="dialog-actions">
        <button type="submit">{t('panel.close')}</button>
      </form>
    </dialog>
  );
}
