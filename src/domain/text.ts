// Texts the domain hands to the UI without holding them: a key of the i18next catalogues with its
// parameters (src/i18n/), a user-given text (an imported column's label: not translated), or
// several texts joined by a space. Pure: whoever shows a text passes the translate function.

/** A translate function: i18next's `t` (src/i18n/index.ts, `translator(lang)`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type Text =
  | { key: string; params?: Record<string, string | number | Text> }
  | { text: string }
  | { all: Text[] };

/** The text in the translator's language; parameters that are texts themselves are translated first. */
export function textOf(t: Translate, x: Text): string {
  if ('text' in x) return x.text;
  if ('all' in x) return x.all.map((y) => textOf(t, y)).join(' ');
  if (!x.params) return t(x.key);
  const params: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(x.params)) params[name] = typeof v === 'object' ? textOf(t, v) : v;
  return t(x.key, params);
}
