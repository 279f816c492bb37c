// Embed links: presentation flags (outside the view codec), the embed URL and the iframe snippet.
// Pure string work, unit-tested.

/** Query parameters that only change how the app is presented, never the view. */
export const PRESENTATION_PARAMS: readonly string[] = ['embed', 'embedui', 'interactive'];

export const HEIGHT_MESSAGE = 'atlas-ti:height';
// allow-popups-to-escape-sandbox: « Ouvrir la carte complète » opens a normal tab (exports work there).
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

export interface EmbedFlags {
  embed: boolean;
  /** false with `interactive=0`: no pan, zoom or click. */
  interactive: boolean;
}

export function readEmbedFlags(search: string): EmbedFlags {
  const p = new URLSearchParams(search);
  const on = (v: string | null) => v !== null && v !== '0' && v !== 'false';
  return { embed: on(p.get('embed')), interactive: p.get('interactive') !== '0' && p.get('interactive') !== 'false' };
}

/**
 * The query without the presentation parameters, segments otherwise untouched (so the view
 * codec still sees exactly what was written). Leading '?' kept when there was one.
 */
export function stripPresentationParams(search: string): string {
  const q = search.replace(/^\?/, '');
  const kept = q.split('&').filter((seg) => {
    if (seg === '') return false;
    const key = seg.split('=')[0];
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      /* malformed: the codec reports it */
    }
    return !PRESENTATION_PARAMS.includes(name);
  });
  const out = kept.join('&');
  return search.startsWith('?') && out ? `?${out}` : out;
}

/** Absolute URL of the embedded view: `base` (origin + path) + the view's query + flags. */
export function embedUrl(base: string, viewQuery: string, opts: { interactive: boolean }): string {
  const parts = [viewQuery, 'embed=1', opts.interactive ? '' : 'interactive=0'].filter(Boolean);
  return `${base}?${parts.join('&')}`;
}

/** The page URL for the full app (embed flags removed). */
export function fullAppUrl(base: string, viewQuery: string): string {
  return viewQuery ? `${base}?${viewQuery}` : base;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function creditLine(c: NonNullable<SnippetOptions['credit']>): string {
  return `<p style="margin:4px 0 0;font:12px/1.4 sans-serif;color:#555">${escapeAttr(c.text)} — <a href="${escapeAttr(c.href)}">${escapeAttr(c.linkText)}</a></p>`;
}

export interface SnippetOptions {
  src: string;
  title: string;
  height: number;
  /** Host script (plain JS) inlined after the iframe; omitted when empty. */
  script?: string;
  /**
   * A line printed under the frame (source, licence, link to the full map): it travels with the
   * article even where the iframe is stripped (feed readers, AMP, print).
   */
  credit?: { text: string; linkText: string; href: string };
}

export function clampHeight(h: number): number {
  return Number.isFinite(h) ? Math.min(4000, Math.max(200, Math.round(h))) : 600;
}

export function iframeSnippet(o: SnippetOptions): string {
  const iframe = `<iframe src="${escapeAttr(o.src)}" title="${escapeAttr(o.title)}" width="100%" height="${clampHeight(o.height)}" style="border:0" loading="lazy" sandbox="${SANDBOX}"></iframe>`;
  const frame = o.credit ? `${iframe}\n${creditLine(o.credit)}` : iframe;
  if (!o.script) return frame;
  // "</script" cannot appear inside an inline script.
  return `${frame}\n<script>\n${o.script.trim().replace(/<\/script/gi, '<\\/script')}\n</script>`;
}

/** The host script without its leading documentation comment (for inlining). */
export function compactHostScript(source: string): string {
  return source.replace(/^\s*\/\*[\s\S]*?\*\/\s*/, '').trim();
}
