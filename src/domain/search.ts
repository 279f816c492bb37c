// One search box for communes (name, INSEE code, postcode), EPCI (name, SIREN) and
// Territoires d'industrie (name, both generations). Pure: no DOM, no fetch.
//
// Every normalized name (plus a few aliases) is cut at each word start, and these
// "word suffixes" are sorted once at build time. A query is then
//  - a binary-searched range of that array: exact, prefix and word-prefix matches;
//  - when that finds too little, a bounded Damerau-Levenshtein walk over the same sorted
//    array used as an implicit trie (shared prefixes computed once, hopeless branches
//    skipped by binary search): typo-tolerant matches.
// Codes (INSEE, postcodes, SIREN) are short and few enough to scan linearly.
import type { CommuneRecord, EpciNature, EpciRecord, Generation, TiRecord } from '../data/types.ts';

export type SearchKind = 'commune' | 'epci' | 'ti';
export type MatchKind = 'exact' | 'prefix' | 'word' | 'fuzzy' | 'code';

export interface SearchEntry {
  kind: SearchKind;
  /** INSEE code (commune), SIREN (EPCI) or TI key such as "2023:ti-4401". */
  code: string;
  name: string;
  /**
   * Extra display info, language-neutral (codes and numbers only):
   * commune "44600 · 44" or "13001 +15 · 13" (matched postcode first), EPCI "CA · 44", TI "2023".
   */
  detail: string;
  population: number;
  generation?: Generation;
  /** Commune only. */
  postcodes?: string[];
  departement?: string;
  /** Commune only: SIREN of its EPCI (null outside any EPCI), so the UI can jump to it. */
  epci?: string | null;
  /** EPCI only. */
  nature?: EpciNature;
}

export interface SearchResult extends SearchEntry {
  /** Higher is better; results are sorted by score, then population. */
  score: number;
  match: MatchKind;
}

export interface SearchInput {
  communes: CommuneRecord[];
  epci: EpciRecord[];
  ti: Record<Generation, TiRecord[]>;
  /** Other names by EPCI SIREN or TI key, e.g. the town a territory is centred on (search-aliases.ts). */
  aliases?: ReadonlyMap<string, readonly string[]>;
}

/** Opaque: build with buildSearchIndex, query with search. */
export interface SearchIndex {
  /** Number of searchable communes + EPCI + TI. */
  readonly size: number;
  /** @internal */
  readonly _: IndexData;
}

export type NoResultReason =
  /** Nothing typed: show nothing. */
  | 'empty'
  /** Fewer than MIN_QUERY_LENGTH letters or digits: "type at least 2 characters". */
  | 'too-short'
  /** Looks like an INSEE code, postcode or SIREN that matches nothing. */
  | 'unknown-code'
  | 'no-match';

/** Below this many letters/digits (after normalization) a query returns nothing. */
export const MIN_QUERY_LENGTH = 2;

// Scores: tiers are far apart so population only breaks ties within a tier.
const S_CODE = 100; // INSEE code or SIREN, exact
const S_POSTCODE = 95;
const S_EXACT = 90;
const S_ALIAS_EXACT = 88; // "lyon" → Métropole de Lyon, just after the commune Lyon
const S_PREFIX = 70;
const S_ALIAS_PREFIX = 68;
const S_CODE_PREFIX = 55;
const S_WORD = 50; // a later word of the name starts with the query
const S_WORD_ANY_ORDER = 45; // every query word starts some word of the name
const S_FUZZY = 20; // minus 5 per typo, minus small penalties

const M_EXACT = 0;
const M_PREFIX = 1;
const M_WORD = 2;
const M_FUZZY = 3;
const M_CODE = 4;
const MATCH_NAMES: readonly MatchKind[] = ['exact', 'prefix', 'word', 'fuzzy', 'code'];

const K_COMMUNE = 0;
const K_EPCI = 1;
const K_TI = 2;

// Posting flags of a word suffix.
const F_INNER = 1; // starts after the first word
const F_ALIAS = 2; // comes from an alias, not the official name

// ---------------------------------------------------------------------------
// Normalization

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
function baseNormalize(s: string): string {
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

function expandSaints(s: string): string {
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

// ---------------------------------------------------------------------------
// Index

interface IndexData {
  kind: Uint8Array;
  pop: Float64Array;
  /** Source record of each entry: entries are materialized only for results. */
  recs: (CommuneRecord | EpciRecord | TiRecord)[];
  /** Normalized name (+ acronym) of each entry, for the any-order word check. */
  hay: string[];
  communeCount: number;
  epciCount: number;
  /** Sorted unique word suffixes, with CSR postings. */
  keys: string[];
  postStart: Int32Array;
  postEntry: Int32Array;
  postFlags: Uint8Array;
  /** lcp[i]: length of the common prefix of keys[i - 1] and keys[i] (capped at 255). */
  lcp: Uint8Array;
  maxKeyLength: number;
  // Per-query scratch, reused so a keystroke allocates almost nothing.
  stamp: Int32Array;
  cur: number;
  seen: Int32Array;
  score: Float64Array;
  match: Uint8Array;
  hitPostcode: (string | undefined)[];
  touched: Int32Array;
  touchedCount: number;
  dp: Int32Array[];
  bestEnd: Int32Array;
}

const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const EPCI_LEAD = new Set(['cc', 'ca', 'cu', 'metropole', 'eurometropole', 'agglo', 'agglomeration']);
const EPCI_LINK = new Set(['du', 'de', 'des', 'd']);
const EPCI_TAIL = new Set(['metropole', 'agglo', 'agglomeration']);

/** Name without its leading article ("le havre" → "havre"), or null. */
function articleAlias(n: string): string | null {
  const sp = n.indexOf(' ');
  return sp > 0 && ARTICLES.has(n.slice(0, sp)) ? n.slice(sp + 1) : null;
}

/**
 * EPCI aliases: the name without its legal form ("CA du Grand Avignon (COGA)" →
 * "grand avignon", "Toulouse Métropole" → "toulouse", "CA Alès Agglomération" → "ales")
 * and the acronym in parentheses ("carene").
 */
function epciAliases(name: string): { aliases: string[]; acronym: string } {
  const aliases: string[] = [];
  let acronym = '';
  if (name.includes('(')) {
    const paren = /\(([^)]*)\)/g;
    let m: RegExpExecArray | null;
    while ((m = paren.exec(name)) !== null) {
      const a = normalize(m[1]);
      if (a) {
        aliases.push(a);
        acronym += ` ${a}`;
      }
    }
    name = name.replace(/\([^)]*\)/g, ' ');
  }
  const words = normalize(name).split(' ');
  let i = 0;
  let end = words.length;
  while (end - i > 1 && EPCI_LEAD.has(words[i])) i++;
  while (end - i > 1 && EPCI_LINK.has(words[i])) i++;
  while (end - i > 1 && EPCI_TAIL.has(words[end - 1])) end--;
  if (i > 0 || end < words.length) {
    const core = words.slice(i, end).join(' ');
    aliases.push(core);
    const art = articleAlias(core);
    if (art) aliases.push(art);
  }
  return { aliases, acronym };
}

function lowerBound(arr: readonly string[], q: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index ≥ lo whose string does not start with prefix (strings from lo on are ≥ prefix). */
function prefixEnd(arr: readonly string[], prefix: string, lo: number): number {
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid].startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indices of `strs` in code-unit order (the order of `<`), by MSD radix sort on ASCII
 * characters: a plain comparison sort spends most of its time re-reading the shared
 * "saint …" prefixes of thousands of suffixes.
 */
function sortedOrder(strs: readonly string[]): Int32Array {
  const order = new Int32Array(strs.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const tmp = new Int32Array(strs.length);
  const cmp = (a: number, b: number): number => {
    const x = strs[a];
    const y = strs[b];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Slot 0: string ended; 1..127: ASCII code + 1; 128: beyond ASCII (comparison-sorted).
  const radix = (lo: number, hi: number, depth: number): void => {
    if (hi - lo < 24 || depth > 64) {
      order.subarray(lo, hi).sort(cmp);
      return;
    }
    const count = new Int32Array(130);
    for (let p = lo; p < hi; p++) {
      const s = strs[order[p]];
      const c = depth < s.length ? s.charCodeAt(depth) : -1;
      count[(c < 0 ? 0 : c >= 127 ? 128 : c + 1) + 1]++;
    }
    for (let b = 0; b < 129; b++) count[b + 1] += count[b];
    const next = count.slice(0, 129);
    for (let p = lo; p < hi; p++) {
      const i = order[p];
      const s = strs[i];
      const c = depth < s.length ? s.charCodeAt(depth) : -1;
      tmp[lo + next[c < 0 ? 0 : c >= 127 ? 128 : c + 1]++] = i;
    }
    order.set(tmp.subarray(lo, hi), lo);
    for (let b = 1; b < 128; b++) {
      if (count[b + 1] - count[b] > 1) radix(lo + count[b], lo + count[b + 1], depth + 1);
    }
    if (count[129] - count[128] > 1) order.subarray(lo + count[128], lo + count[129]).sort(cmp);
  };
  radix(0, strs.length, 0);
  return order;
}

export function buildSearchIndex(input: SearchInput): SearchIndex {
  const recs: (CommuneRecord | EpciRecord | TiRecord)[] = [];
  const kinds: number[] = [];
  const hay: string[] = [];
  // Raw postings, duplicates included: suffix, entry, flags.
  const rawKey: string[] = [];
  const rawEntry: number[] = [];
  const rawFlags: number[] = [];

  const addString = (id: number, s: string, alias: number): void => {
    let pos = 0;
    while (true) {
      rawKey.push(pos === 0 ? s : s.slice(pos));
      rawEntry.push(id);
      rawFlags.push((pos > 0 ? F_INNER : 0) | alias);
      const sp = s.indexOf(' ', pos);
      if (sp < 0) break;
      pos = sp + 1;
    }
  };
  const addEntry = (rec: CommuneRecord | EpciRecord | TiRecord, kind: number): void => {
    const id = recs.length;
    recs.push(rec);
    kinds.push(kind);
    const n = normalize(rec.name);
    let h = n;
    if (n) {
      addString(id, n, 0);
      const art = articleAlias(n);
      if (art) addString(id, art, F_ALIAS);
    }
    for (const a of input.aliases?.get('key' in rec ? rec.key : rec.code) ?? []) addString(id, normalize(a), F_ALIAS);
    if (kind === K_EPCI) {
      const { aliases, acronym } = epciAliases(rec.name);
      for (const a of aliases) if (a) addString(id, a, F_ALIAS);
      h += acronym;
    }
    hay.push(h);
  };

  for (const c of input.communes) addEntry(c, K_COMMUNE);
  for (const e of input.epci) addEntry(e, K_EPCI);
  for (const t of input.ti['2023'] ?? []) addEntry(t, K_TI);
  for (const t of input.ti['2018'] ?? []) addEntry(t, K_TI);

  const n = recs.length;
  const pop = new Float64Array(n);
  for (let i = 0; i < n; i++) pop[i] = recs[i].population || 0;

  // Group equal suffixes into one key with a postings list (CSR).
  const order = sortedOrder(rawKey);
  const keys: string[] = [];
  const postStart: number[] = [];
  const postEntry = new Int32Array(order.length);
  const postFlags = new Uint8Array(order.length);
  let prev: string | null = null;
  let maxKeyLength = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p];
    const k = rawKey[i];
    if (k !== prev) {
      keys.push(k);
      postStart.push(p);
      if (k.length > maxKeyLength) maxKeyLength = k.length;
      prev = k;
    }
    postEntry[p] = rawEntry[i];
    postFlags[p] = rawFlags[i];
  }
  postStart.push(order.length);
  const lcp = new Uint8Array(keys.length);
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1];
    const b = keys[i];
    const lim = Math.min(a.length, b.length, 255);
    let l = 0;
    while (l < lim && a.charCodeAt(l) === b.charCodeAt(l)) l++;
    lcp[i] = l;
  }

  return {
    size: n,
    _: {
      kind: Uint8Array.from(kinds),
      pop,
      recs,
      hay,
      communeCount: input.communes.length,
      epciCount: input.epci.length,
      keys,
      postStart: Int32Array.from(postStart),
      postEntry,
      postFlags,
      lcp,
      maxKeyLength,
      stamp: new Int32Array(n),
      cur: 0,
      seen: new Int32Array(n),
      score: new Float64Array(n),
      match: new Uint8Array(n),
      hitPostcode: new Array<string | undefined>(n),
      touched: new Int32Array(n),
      touchedCount: 0,
      dp: [],
      bestEnd: new Int32Array(maxKeyLength + 1),
    },
  };
}

// ---------------------------------------------------------------------------
// Query

function offer(d: IndexData, id: number, score: number, match: number, postcode?: string): void {
  if (d.stamp[id] !== d.cur) {
    d.stamp[id] = d.cur;
    d.touched[d.touchedCount++] = id;
    d.score[id] = score;
    d.match[id] = match;
    d.hitPostcode[id] = postcode;
  } else if (score > d.score[id]) {
    d.score[id] = score;
    d.match[id] = match;
    d.hitPostcode[id] = postcode;
  }
}

// Digits, or a Corsican "2A"/"2B" département prefix with up to 3 digits.
const CODE_LIKE_RE = /^(?:\d{2,9}|2[ab]\d{0,3})$/;

/** q: upper-cased code or code prefix. */
function searchCodes(d: IndexData, q: string): void {
  const len = q.length;
  const communeCount = d.communeCount;
  if (len <= 5) {
    for (let id = 0; id < communeCount; id++) {
      const c = d.recs[id] as CommuneRecord;
      if (c.code.startsWith(q)) offer(d, id, c.code.length === len ? S_CODE : S_CODE_PREFIX, M_CODE);
      const pcs = c.postcodes;
      if (!pcs) continue;
      for (let j = 0; j < pcs.length; j++) {
        if (pcs[j].startsWith(q)) offer(d, id, pcs[j].length === len ? S_POSTCODE : S_CODE_PREFIX, M_CODE, pcs[j]);
      }
    }
  }
  for (let id = communeCount; id < communeCount + d.epciCount; id++) {
    const code = (d.recs[id] as EpciRecord).code;
    if (code.startsWith(q)) offer(d, id, code.length === len ? S_CODE : S_CODE_PREFIX, M_CODE);
  }
}

/** Exact, prefix and word-prefix matches: one range of the sorted suffixes. */
function searchNames(d: IndexData, q: string): void {
  const lo = lowerBound(d.keys, q);
  const hi = prefixEnd(d.keys, q, lo);
  for (let i = lo; i < hi; i++) {
    const whole = d.keys[i].length === q.length;
    for (let p = d.postStart[i]; p < d.postStart[i + 1]; p++) {
      const f = d.postFlags[p];
      let score: number;
      let match: number;
      if (f & F_INNER) {
        score = S_WORD;
        match = M_WORD;
      } else if (whole) {
        score = f & F_ALIAS ? S_ALIAS_EXACT : S_EXACT;
        match = M_EXACT;
      } else {
        score = f & F_ALIAS ? S_ALIAS_PREFIX : S_PREFIX;
        match = M_PREFIX;
      }
      offer(d, d.postEntry[p], score, match);
    }
  }
}

/** Every query word starts some word of the name, in any order ("gildas pontchateau"). */
function searchAnyOrder(d: IndexData, q: string): void {
  const tokens = [...new Set(q.split(' '))];
  if (tokens.length < 2) return;
  // Drive from the most selective token's range; check the others on the name.
  let bestLo = 0;
  let bestHi = Number.MAX_SAFE_INTEGER;
  for (const t of tokens) {
    const lo = lowerBound(d.keys, t);
    const hi = prefixEnd(d.keys, t, lo);
    if (hi === lo) return;
    if (hi - lo < bestHi - bestLo) {
      bestLo = lo;
      bestHi = hi;
    }
  }
  const needles = tokens.map((t) => ` ${t}`);
  const mark = d.cur;
  for (let i = bestLo; i < bestHi; i++) {
    for (let p = d.postStart[i]; p < d.postStart[i + 1]; p++) {
      const id = d.postEntry[p];
      if (d.seen[id] === mark) continue;
      d.seen[id] = mark;
      const h = d.hay[id];
      let ok = true;
      for (let t = 0; t < tokens.length && ok; t++) ok = h.startsWith(tokens[t]) || h.includes(needles[t]);
      if (ok) offer(d, id, S_WORD_ANY_ORDER, M_WORD);
    }
  }
}

function maxTypos(len: number): number {
  return len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

/**
 * Typo-tolerant matches: optimal-string-alignment distance (Damerau-Levenshtein with
 * adjacent transpositions) between the query and some prefix of a word suffix, ≤ k, so
 * "marsielle" finds Marseille and a half-typed "saint nazai" with a typo still matches.
 * The sorted suffixes are walked as a trie: DP columns are shared with the previous key
 * up to their common prefix, and once a column's minimum exceeds k every key with that
 * prefix is skipped at once (the minimum can only grow with depth).
 */
function searchFuzzy(d: IndexData, q: string, k: number): void {
  const m = q.length;
  const qc = new Int32Array(m);
  for (let i = 0; i < m; i++) qc[i] = q.charCodeAt(i);
  const dp = d.dp;
  for (let j = 0; j <= d.maxKeyLength; j++) {
    if (!dp[j] || dp[j].length < m + 1) dp[j] = new Int32Array(Math.max(m + 1, 24));
  }
  // Values are capped at k + 1 ("too far"), and only the diagonal band |i − j| ≤ k is
  // computed: outside it the distance already exceeds k. Each column writes k + 1 just
  // outside its band, which is all its neighbours read there.
  const far = k + 1;
  for (let i = 0; i <= m; i++) dp[0][i] = Math.min(i, far);
  const bestEnd = d.bestEnd; // bestEnd[j] = min over depths ≤ j of D[m][depth]
  bestEnd[0] = Math.min(m, far);

  const keys = d.keys;
  const lcp = d.lcp;
  let valid = 0; // dp columns 0..valid hold the previous key's values
  let idx = 0;
  while (idx < keys.length) {
    const s = keys[idx];
    const l = idx === 0 ? 0 : Math.min(lcp[idx], valid);
    let pruned = -1;
    for (let j = l + 1; j <= s.length; j++) {
      const col = dp[j];
      const left = dp[j - 1];
      const tc = s.charCodeAt(j - 1);
      const tcPrev = j > 1 ? s.charCodeAt(j - 2) : -1;
      const left2 = dp[j > 1 ? j - 2 : 0];
      const lo = Math.max(j - k, 1);
      const hi = Math.min(j + k, m);
      col[0] = Math.min(j, far);
      let colMin = col[0];
      if (lo > 1 && lo <= m + 1) col[lo - 1] = far;
      for (let i = lo; i <= hi; i++) {
        const qi = qc[i - 1];
        let v = left[i - 1] + (qi === tc ? 0 : 1);
        const del = left[i] + 1;
        if (del < v) v = del;
        const ins = col[i - 1] + 1;
        if (ins < v) v = ins;
        if (i > 1 && qi === tcPrev && qc[i - 2] === tc && left2[i - 2] + 1 < v) v = left2[i - 2] + 1;
        if (v > far) v = far;
        col[i] = v;
        if (v < colMin) colMin = v;
      }
      if (hi < m) col[hi + 1] = far;
      const e = hi === m ? col[m] : far;
      bestEnd[j] = Math.min(e, bestEnd[j - 1]);
      if (colMin > k) {
        pruned = j;
        break;
      }
    }
    if (pruned < 0) {
      valid = s.length;
      const dist = bestEnd[s.length];
      if (dist <= k) {
        // Whole-string matches beat "a typo'd prefix of a longer name".
        const whole = Math.abs(s.length - m) <= k && dp[s.length][m] === dist;
        for (let p = d.postStart[idx]; p < d.postStart[idx + 1]; p++) {
          const inner = (d.postFlags[p] & F_INNER) !== 0;
          offer(d, d.postEntry[p], S_FUZZY - 5 * dist - (whole ? 0 : 1) - (inner ? 2 : 0), M_FUZZY);
        }
      }
      idx++;
    } else {
      valid = pruned;
      // Skip the keys sharing the pruned prefix. Every key is stepped over at most once,
      // so the whole walk is linear in the number of keys plus the DP work.
      let end = idx + 1;
      while (end < keys.length && lcp[end] >= pruned) end++;
      // The prefix itself may already have matched ("marsiel" ≈ "marseil|le"): then so do
      // all the keys that share it, none of them as a whole string.
      const dist = bestEnd[pruned - 1];
      if (dist <= k) {
        for (let p = d.postStart[idx]; p < d.postStart[end]; p++) {
          const inner = (d.postFlags[p] & F_INNER) !== 0;
          offer(d, d.postEntry[p], S_FUZZY - 5 * dist - 1 - (inner ? 2 : 0), M_FUZZY);
        }
      }
      idx = end;
    }
  }
}

function better(d: IndexData, a: number, b: number): boolean {
  if (d.score[a] !== d.score[b]) return d.score[a] > d.score[b];
  if (d.pop[a] !== d.pop[b]) return d.pop[a] > d.pop[b];
  return a < b;
}

/** Best `limit` matches; a kind that matched (not just fuzzily) keeps at least one slot. */
function selectTop(d: IndexData, limit: number): number[] {
  const top: number[] = [];
  const bestOfKind = [-1, -1, -1];
  for (let t = 0; t < d.touchedCount; t++) {
    const id = d.touched[t];
    const k = d.kind[id];
    if (d.match[id] !== M_FUZZY && (bestOfKind[k] < 0 || better(d, id, bestOfKind[k]))) bestOfKind[k] = id;
    if (top.length === limit && !better(d, id, top[limit - 1])) continue;
    let pos = top.length;
    while (pos > 0 && better(d, id, top[pos - 1])) pos--;
    top.splice(pos, 0, id);
    if (top.length > limit) top.pop();
  }
  if (limit < 3) return top;
  // Ten "Sainte-Colombe" communes must not hide the EPCI or TI that matched too.
  for (const cand of bestOfKind) {
    if (cand < 0 || top.includes(cand)) continue;
    const count = [0, 0, 0];
    for (const id of top) count[d.kind[id]]++;
    for (let i = top.length - 1; i >= 0; i--) {
      if (count[d.kind[top[i]]] > 1) {
        top.splice(i, 1);
        let pos = top.length;
        while (pos > 0 && better(d, cand, top[pos - 1])) pos--;
        top.splice(pos, 0, cand);
        break;
      }
    }
  }
  return top;
}

function communeDetail(c: CommuneRecord, first?: string): string {
  const all = c.postcodes ?? [];
  const pcs = first ? [first, ...all.filter((p) => p !== first)] : all;
  if (pcs.length === 0) return c.departement;
  return `${pcs[0]}${pcs.length > 1 ? ` +${pcs.length - 1}` : ''} · ${c.departement}`;
}

function toResult(d: IndexData, id: number): SearchResult {
  const score = d.score[id];
  const match = MATCH_NAMES[d.match[id]];
  const kind = d.kind[id];
  if (kind === K_COMMUNE) {
    const c = d.recs[id] as CommuneRecord;
    return {
      kind: 'commune',
      code: c.code,
      name: c.name,
      detail: communeDetail(c, d.hitPostcode[id]),
      population: c.population || 0,
      postcodes: c.postcodes ?? [],
      departement: c.departement,
      epci: c.epci,
      score,
      match,
    };
  }
  if (kind === K_EPCI) {
    const e = d.recs[id] as EpciRecord;
    return {
      kind: 'epci',
      code: e.code,
      name: e.name,
      detail: e.depSiege ? `${e.nature} · ${e.depSiege}` : e.nature,
      population: e.population || 0,
      nature: e.nature,
      score,
      match,
    };
  }
  const t = d.recs[id] as TiRecord;
  return {
    kind: 'ti',
    code: t.key,
    name: t.name,
    detail: t.generation,
    population: t.population || 0,
    generation: t.generation,
    score,
    match,
  };
}

/**
 * Search communes, EPCI and TI, best first: INSEE code/SIREN, postcode, exact name, name
 * prefix, code prefix, word prefix, any-order words, then typos (only when fewer than
 * `limit` better matches exist). Population breaks ties. Never throws.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  if (typeof query !== 'string' || !(limit >= 1)) return [];
  const d = index._;
  limit = Math.min(Math.floor(limit), index.size);
  if (limit < 1) return [];
  const base = baseNormalize(query);
  const q = expandSaints(base);
  if (q.length - countSpaces(q) < MIN_QUERY_LENGTH) return [];
  // No name can match a query longer than every name, even with typos.
  const searchByName = q.length <= d.maxKeyLength + 2;

  if (++d.cur > 0x3fffffff) {
    d.cur = 1;
    d.stamp.fill(0);
    d.seen.fill(0);
  }
  d.touchedCount = 0;

  const compact = q.includes(' ') ? q.replace(/ /g, '') : q;
  const codeLike = CODE_LIKE_RE.test(compact);
  if (codeLike) searchCodes(d, compact.toUpperCase());

  if (searchByName) {
    searchNames(d, q);
    // While "st" is still being typed it may be "Strasbourg" as well as "Saint-…".
    const lastSp = base.lastIndexOf(' ');
    const lastRaw = base.slice(lastSp + 1);
    if ((lastRaw === 'st' || lastRaw === 'ste') && !/[\s\p{P}]$/u.test(query)) {
      searchNames(d, expandSaints(base.slice(0, lastSp + 1)) + lastRaw);
    }
    searchAnyOrder(d, q);
    const k = maxTypos(q.length);
    if (!codeLike && k > 0 && d.touchedCount < limit) searchFuzzy(d, q, k);
  }

  return selectTop(d, limit).map((id) => toResult(d, id));
}

function countSpaces(s: string): number {
  let n = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** Why `search` returned nothing, so the UI can say something useful. */
export function explainNoResult(query: string): NoResultReason {
  if (typeof query !== 'string' || query.trim() === '') return 'empty';
  const q = normalize(query);
  const compact = q.replace(/ /g, '');
  if (compact.length === 0) return 'no-match'; // only symbols or emoji: nothing to search
  if (compact.length < MIN_QUERY_LENGTH) return 'too-short';
  if (CODE_LIKE_RE.test(compact)) return 'unknown-code';
  return 'no-match';
}
