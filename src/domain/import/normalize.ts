// Name normalisation (accent/case/hyphen-insensitive, "St" → "Saint", EPCI legal forms abbreviated)
// and a bounded edit distance for suggestions.

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
 */
export function normalizeName(raw: string): string {
  let s = raw.normalize('NFKC').trim();
  const art = ARTICLE_SUFFIX.exec(s);
  if (art) s = `${art[2]} ${art[1]}`;
  s = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\bs\/\s*/g, 'sur ')
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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
