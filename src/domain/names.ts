// Place-name normalisation, for search and for the import join alike: accents, case and
// punctuation folded, "St" → "Saint"; the join's canonical form adds legal forms and articles.
// Also a bounded edit distance for suggestions.

// Letters NFD does not decompose; only œ/æ matter for French names, the rest is cheap safety.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const LIGATURE_RE = /[œæßøłđı]/g;
const COMBINING_RE = /\p{M}+/gu;
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;

function slowNormalize(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .replace(SEPARATOR_RE, ' ')
    .trim();
}

const NON_ASCII_RE = /[\u0080-\uffff]/;
const DIACRITIC_RE = /[\u0300-\u036f]+/g;
const ASCII_SEPARATOR_RE = /[^a-z0-9]+/g;

/**
 * normalize() without the saint expansion. Fast path for what French names are made of
 * (Latin letters, common accents, ASCII punctuation): a few native calls per name, which
 * matters when normalizing 37k names at build time. Anything else takes slowNormalize.
 */
export function baseNormalize(s: string): string {
  let t = s.toLowerCase();
  if (NON_ASCII_RE.test(t)) {
    t = t.normalize('NFD').replace(DIACRITIC_RE, '');
    if (NON_ASCII_RE.test(t)) {
      t = t.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);
      if (NON_ASCII_RE.test(t)) return slowNormalize(s);
    }
  }
  return t.replace(ASCII_SEPARATOR_RE, ' ').trim();
}

function expandToken(t: string): string {
  return t === 'st' ? 'saint' : t === 'ste' ? 'sainte' : t;
}

const SAINT_ABBREV_RE = /(?:^| )ste?(?: |$)/;

export function expandSaints(s: string): string {
  if (!SAINT_ABBREV_RE.test(s)) return s; // the common case, without splitting
  return s.split(' ').map(expandToken).join(' ');
}

/**
 * Lower-case, accents stripped, any run of punctuation/spaces turned into one space,
 * "st"/"ste" expanded to "saint"/"sainte" as whole words, trimmed. Applied to names and
 * queries alike, so "St-Nazaire", "saint nazaire" and "SAINT–NAZAIRE" all meet.
 */
export function normalize(s: string): string {
  if (typeof s !== 'string') return '';
  return expandSaints(baseNormalize(s));
}

const ARTICLE_SUFFIX = /^(.*?)\s*\(\s*(l['’]|le|la|les)\s*\)\s*$/i;
const LEGAL_FORMS: [RegExp, string][] = [
  [/\bcommunaute de communes\b/g, 'cc'],
  [/\bcommunaute des communes\b/g, 'cc'],
  [/\bcom com\b/g, 'cc'],
  [/\bcommunaute d agglomeration\b/g, 'ca'],
  [/\bcommunaute urbaine\b/g, 'cu'],
  [/\betablissement public territorial\b/g, 'ept'],
];
const TOKEN_EXPANSIONS: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
  mt: 'mont',
  metro: 'metropole',
};
const STOP_WORDS = new Set([
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'les',
  'l',
  'et',
  'en',
  'sur',
  'sous',
  'a',
  'au',
  'aux',
]);

/**
 * Canonical form of a place name: "L'Abergement-Clémenciat" = "Abergement-Clémenciat (L')" =
 * "l abergement clemenciat"; "St-Étienne" = "saint etienne"; "Communauté de communes X" = "cc x".
 * Built on normalize(), the search fold, so search and join read names the same way.
 */
export function normalizeName(raw: string): string {
  let s = raw.normalize('NFKC').trim();
  const art = ARTICLE_SUFFIX.exec(s);
  if (art) s = `${art[2]} ${art[1]}`;
  s = normalize(s.replace(/\bs\/\s*/gi, 'sur ').replace(/&/g, ' et '));
  for (const [re, to] of LEGAL_FORMS) s = s.replace(re, to);
  return s
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => TOKEN_EXPANSIONS[t] ?? t)
    .join(' ');
}

/** Looser form: also drops articles and prepositions ("CC du Pays de X" = "CC Pays X"). */
export function looseName(normalized: string): string {
  const tokens = normalized.split(' ').filter((t) => !STOP_WORDS.has(t));
  return tokens.length > 0 ? tokens.join(' ') : normalized;
}

/**
 * Levenshtein distance, or `max + 1` as soon as it is known to exceed `max`
 * (length difference check, then row minimum check).
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] > max ? max + 1 : prev[lb];
}

/** Edit budget for suggestions, growing with the name length. */
export function suggestionBudget(length: number): number {
  if (length <= 4) return 1;
  if (length <= 10) return 2;
  return 3;
}
