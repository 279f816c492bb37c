// One search box for communes (name, INSEE code, postcode), EPCI (name, SIREN) and
// Territoires d'industrie (name, both generations). Pure: no DOM, no fetch.
//
// Layout of the index: every normalized name (plus a few aliases) is cut at each word
// start, and the resulting "word suffixes" are sorted once. A query is then
//  - a binary-searched range of that array for exact / prefix / word-prefix matches;
//  - a bounded Damerau-Levenshtein walk over the same sorted array, used as an implicit
//    trie (shared prefixes are computed once, hopeless branches are skipped by binary
//    search), for typo tolerance.
// Codes (INSEE, postcodes, SIREN) live in a second sorted array.
import type { CommuneRecord, EpciNature, EpciRecord, Generation, TiRecord } from '../data/types.ts';

export type SearchKind = 'commune' | 'epci' | 'ti';
export type MatchKind = 'exact' | 'prefix' | 'word' | 'fuzzy' | 'code';

export interface SearchEntry {
  kind: SearchKind;
  /** INSEE code (commune), SIREN (EPCI) or TI key such as "2023:ti-4401". */
  code: string;
  name: string;
  /** Extra display info, language-neutral (codes and numbers only): "44600 · 44", "CA · 44", "2023". */
  detail: string;
  population: number;
  generation?: Generation;
  /** Commune only: all postcodes and département code. */
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
}

/** Opaque: build with buildSearchIndex, query with search. */
export interface SearchIndex {
  readonly entries: readonly SearchEntry[];
  /** @internal */ readonly _: IndexData;
}

export type NoResultReason = 'empty' | 'too-short' | 'unknown-code' | 'no-match';

/** Below this many characters (after normalization) a query returns nothing. */
export const MIN_QUERY_LENGTH = 2;

// Scores. Tiers are far apart so population only breaks ties within a tier.
const S_CODE = 100;
const S_POSTCODE = 95;
const S_EXACT = 90;
const S_PREFIX = 70;
const S_CODE_PREFIX = 55;
const S_WORD = 50;
const S_WORD_ANY_ORDER = 45;
const S_FUZZY = 20;

const M_EXACT = 0;
const M_PREFIX = 1;
const M_WORD = 2;
const M_FUZZY = 3;
const M_CODE = 4;
const MATCH_NAMES: readonly MatchKind[] = ['exact', 'prefix', 'word', 'fuzzy', 'code'];

// Posting flags of a word suffix.
const F_INNER = 1; // suffix starts after the first word
const F_ALIAS = 2; // suffix comes from an alias, not the official name

// ---------------------------------------------------------------------------
// Normalization

// Letters NFD does not decompose; only œ/æ matter for French names, the rest is cheap safety.
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };
const LIGATURE_RE = /[œæßøłđı]/g;
const COMBINING_RE = /\p{M}+/gu;
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;

function baseNormalize(s: string): string {
  return s
    .toLowerCase()
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .replace(SEPARATOR_RE, ' ')
    .trim();
}

function expandToken(t: string): string {
  return t === 'st' ? 'saint' : t === 'ste' ? 'sainte' : t;
}

function expandSaints(s: string): string {
  // Cheap pre-check: most strings have no "st"/"ste" word at all.
  if (!s.includes('st')) return s;
  return s.split(' ').map(expandToken).join(' ');
}

/**
 * Lower-case, accent-free, punctuation collapsed to single spaces, "st"/"ste" expanded
 * to "saint"/"sainte" as whole words. Used on both names and queries.
 */
export function normalize(s: string): string {
  if (typeof s !== 'string') return '';
  return expandSaints(baseNormalize(s));
}

// ---------------------------------------------------------------------------
// Index

interface IndexData {
  pop: Float64Array;
  kind: Uint8Array; // 0 commune, 1 epci, 2 ti
  /** Normalized words of each entry (name + acronym), for any-order matching. */
  words: string[][];
  /** Sorted unique word suffixes, CSR postings. */
  keys: string[];
  postStart: Int32Array;
  postEntry: Int32Array;
  postFlags: Uint8Array;
  maxKeyLength: number;
  /** Sorted unique lower-case codes, CSR postings (type 0 INSEE/SIREN, 1 postcode). */
  codes: string[];
  codeStart: Int32Array;
  codeEntry: Int32Array;
  codeType: Uint8Array;
  // Per-query scratch, reused to avoid allocating per keystroke.
  stamp: Int32Array;
  cur: number;
  score: Float64Array;
  match: Uint8Array;
  hitPostcode: (string | undefined)[];
  seen: Int32Array;
  touched: Int32Array;
  touchedCount: number;
  dp: Int32Array[];
  bestEnd: Int32Array;
}

const KIND_CODE: Record<SearchKind, number> = { commune: 0, epci: 1, ti: 2 };
const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const EPCI_LEAD = new Set(['cc', 'ca', 'cu', 'metropole', 'eurometropole']);
const EPCI_LINK = new Set(['du', 'de', 'des', 'd', 'la', 'l', 'le', 'les']);

function communeDetail(postcodes: readonly string[], dep: string, first?: string): string {
  const pcs = first ? [first, ...postcodes.filter((p) => p !== first)] : postcodes;
  if (pcs.length === 0) return dep;
  return `${pcs[0]}${pcs.length > 1 ? ` +${pcs.length - 1}` : ''} · ${dep}`;
}

/** Name without a leading article ("Le Havre" → "havre"), or null. */
function articleAlias(n: string): string | null {
  const sp = n.indexOf(' ');
  if (sp < 0 || !ARTICLES.has(n.slice(0, sp))) return null;
  return n.slice(sp + 1);
}

/**
 * EPCI aliases: the name stripped of its legal form ("CA du Grand Avignon (COGA)" →
 * "grand avignon", "Toulouse Métropole" → "toulouse") and the acronym in parentheses.
 */
function epciAliases(name: string): { aliases: string[]; acronymWords: string[] } {
  const aliases: string[] = [];
  let acronymWords: string[] = [];
  const paren = /\(([^)]*)\)/g;
  let m: RegExpExecArray | null;
  while ((m = paren.exec(name)) !== null) {
    const a = normalize(m[1]);
    if (a) {
      aliases.push(a);
      acronymWords = acronymWords.concat(a.split(' '));
    }
  }
  const words = normalize(name.replace(/\([^)]*\)/g, ' ')).split(' ').filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && EPCI_LEAD.has(words[i])) i++;
  while (i < words.length - 1 && EPCI_LINK.has(words[i])) i++;
  let end = words.length;
  if (end - i > 1 && words[end - 1] === 'metropole') end--;
  const core = words.slice(i, end).join(' ');
  if (core && core !== words.join(' ')) aliases.push(core);
  return { aliases, acronymWords };
}

function lowerBound(arr: readonly string[], q: string, lo = 0): number {
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

function toCsr<T>(map: Map<string, T[]>): { keys: string[]; start: Int32Array; items: T[] } {
  const keys = [...map.keys()].sort();
  const start = new Int32Array(keys.length + 1);
  const items: T[] = [];
  for (let i = 0; i < keys.length; i++) {
    start[i] = items.length;
    for (const it of map.get(keys[i])!) items.push(it);
  }
  start[keys.length] = items.length;
  return { keys, start, items };
}

export function buildSearchIndex(input: SearchInput): SearchIndex {
  const entries: SearchEntry[] = [];
  const words: string[][] = [];
  const suffixMap = new Map<string, number[]>(); // key → [entry, flags, entry, flags…]
  const codeMap = new Map<string, number[]>(); // code → [entry, type, …]

  const addString = (id: number, s: string, alias: boolean): void => {
    if (!s) return;
    let pos = 0;
    while (true) {
      const key = pos === 0 ? s : s.slice(pos);
      const flags = (pos > 0 ? F_INNER : 0) | (alias ? F_ALIAS : 0);
      const list = suffixMap.get(key);
      if (list) list.push(id, flags);
      else suffixMap.set(key, [id, flags]);
      const sp = s.indexOf(' ', pos);
      if (sp < 0) break;
      pos = sp + 1;
    }
  };
  const addCode = (id: number, code: string, type: number): void => {
    const key = code.toLowerCase();
    const list = codeMap.get(key);
    if (list) list.push(id, type);
    else codeMap.set(key, [id, type]);
  };
  const addEntry = (e: SearchEntry, aliases: string[], extraWords: string[]): number => {
    const id = entries.length;
    entries.push(e);
    const n = normalize(e.name);
    addString(id, n, false);
    const art = articleAlias(n);
    if (art) addString(id, art, true);
    for (const a of aliases) addString(id, a, true);
    words.push(extraWords.length ? n.split(' ').concat(extraWords) : n.split(' '));
    return id;
  };

  for (const c of input.communes) {
    const code = String(c.code);
    const postcodes = (c.postcodes ?? []).map(String);
    const id = addEntry(
      {
        kind: 'commune',
        code,
        name: c.name,
        detail: communeDetail(postcodes, c.departement),
        population: c.population || 0,
        postcodes,
        departement: c.departement,
        epci: c.epci,
      },
      [],
      [],
    );
    addCode(id, code, 0);
    for (const p of new Set(postcodes)) addCode(id, p, 1);
  }
  for (const e of input.epci) {
    const { aliases, acronymWords } = epciAliases(e.name);
    const id = addEntry(
      {
        kind: 'epci',
        code: String(e.code),
        name: e.name,
        detail: e.depSiege ? `${e.nature} · ${e.depSiege}` : e.nature,
        population: e.population || 0,
        nature: e.nature,
      },
      aliases,
      acronymWords,
    );
    addCode(id, String(e.code), 0);
  }
  for (const gen of ['2023', '2018'] as const) {
    for (const t of input.ti[gen] ?? []) {
      addEntry(
        { kind: 'ti', code: t.key, name: t.name, detail: gen, population: t.population || 0, generation: gen },
        [],
        [],
      );
    }
  }

  const n = entries.length;
  const pop = new Float64Array(n);
  const kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    pop[i] = entries[i].population;
    kind[i] = KIND_CODE[entries[i].kind];
  }

  const suf = toCsr(suffixMap);
  const postEntry = new Int32Array(suf.items.length / 2);
  const postFlags = new Uint8Array(suf.items.length / 2);
  for (let i = 0; i < postEntry.length; i++) {
    postEntry[i] = suf.items[2 * i];
    postFlags[i] = suf.items[2 * i + 1];
  }
  const postStart = suf.start.map((v) => v / 2);
  let maxKeyLength = 0;
  for (const k of suf.keys) if (k.length > maxKeyLength) maxKeyLength = k.length;

  const cod = toCsr(codeMap);
  const codeEntry = new Int32Array(cod.items.length / 2);
  const codeType = new Uint8Array(cod.items.length / 2);
  for (let i = 0; i < codeEntry.length; i++) {
    codeEntry[i] = cod.items[2 * i];
    codeType[i] = cod.items[2 * i + 1];
  }

  const data: IndexData = {
    pop,
    kind,
    words,
    keys: suf.keys,
    postStart,
    postEntry,
    postFlags,
    maxKeyLength,
    codes: cod.keys,
    codeStart: cod.start.map((v) => v / 2),
    codeEntry,
    codeType,
    stamp: new Int32Array(n),
    cur: 0,
    score: new Float64Array(n),
    match: new Uint8Array(n),
    hitPostcode: new Array<string | undefined>(n),
    seen: new Int32Array(n),
    touched: new Int32Array(n),
    touchedCount: 0,
    dp: [],
    bestEnd: new Int32Array(maxKeyLength + 1),
  };
  return { entries, _: data };
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

const CODE_LIKE_RE = /^(?:\d{2,9}|2[ab]\d{0,3})$/;

function searchCodes(d: IndexData, q: string): void {
  const lo = lowerBound(d.codes, q);
  const hi = prefixEnd(d.codes, q, lo);
  for (let i = lo; i < hi; i++) {
    const code = d.codes[i];
    const exact = code.length === q.length;
    for (let p = d.codeStart[i]; p < d.codeStart[i + 1]; p++) {
      const isPostcode = d.codeType[p] === 1;
      const score = exact ? (isPostcode ? S_POSTCODE : S_CODE) : S_CODE_PREFIX;
      offer(d, d.codeEntry[p], score, M_CODE, isPostcode ? code : undefined);
    }
  }
}

function searchNames(d: IndexData, q: string): void {
  const lo = lowerBound(d.keys, q);
  const hi = prefixEnd(d.keys, q, lo);
  for (let i = lo; i < hi; i++) {
    const whole = d.keys[i].length === q.length;
    for (let p = d.postStart[i]; p < d.postStart[i + 1]; p++) {
      if (d.postFlags[p] & F_INNER) offer(d, d.postEntry[p], S_WORD, M_WORD);
      else if (whole) offer(d, d.postEntry[p], S_EXACT, M_EXACT);
      else offer(d, d.postEntry[p], S_PREFIX, M_PREFIX);
    }
  }
}

/** Every query word is the start of some word of the name, in any order ("gildas pontchateau"). */
function searchAnyOrder(d: IndexData, q: string): void {
  const tokens = [...new Set(q.split(' '))];
  if (tokens.length < 2) return;
  // Drive from the most selective token's range.
  let bestLo = 0;
  let bestHi = Infinity;
  for (const t of tokens) {
    const lo = lowerBound(d.keys, t);
    const hi = prefixEnd(d.keys, t, lo);
    if (hi - lo < bestHi - bestLo) {
      bestLo = lo;
      bestHi = hi;
    }
    if (hi === lo) return;
  }
  const mark = d.cur;
  for (let i = bestLo; i < bestHi; i++) {
    for (let p = d.postStart[i]; p < d.postStart[i + 1]; p++) {
      const id = d.postEntry[p];
      if (d.seen[id] === mark) continue;
      d.seen[id] = mark;
      const w = d.words[id];
      let ok = true;
      for (const t of tokens) {
        let found = false;
        for (const x of w) {
          if (x.startsWith(t)) {
            found = true;
            break;
          }
        }
        if (!found) {
          ok = false;
          break;
        }
      }
      if (ok) offer(d, id, S_WORD_ANY_ORDER, M_WORD);
    }
  }
}

function maxTypos(len: number): number {
  return len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

/**
 * Typo-tolerant match: optimal-string-alignment distance between the query and a prefix
 * of a word suffix, ≤ k. The sorted key array is walked as a trie: DP columns are shared
 * with the previous key up to their common prefix, and once a column's minimum exceeds k
 * every key with that prefix is skipped at once (the minimum never decreases with depth).
 */
function searchFuzzy(d: IndexData, q: string, k: number): void {
  const m = q.length;
  const qc = new Int32Array(m);
  for (let i = 0; i < m; i++) qc[i] = q.charCodeAt(i);
  const dp = d.dp;
  const needed = d.maxKeyLength + 1;
  for (let j = 0; j < needed; j++) {
    if (!dp[j] || dp[j].length < m + 1) dp[j] = new Int32Array(Math.max(m + 1, 16));
  }
  const col0 = dp[0];
  for (let i = 0; i <= m; i++) col0[i] = i;
  const bestEnd = d.bestEnd; // min over depth ≤ j of D[m][·]
  bestEnd[0] = m;

  const keys = d.keys;
  let prev = '';
  let valid = 0; // columns 0..valid are correct for prev
  let idx = 0;
  while (idx < keys.length) {
    const s = keys[idx];
    let l = 0;
    const lim = Math.min(valid, s.length);
    while (l < lim && prev.charCodeAt(l) === s.charCodeAt(l)) l++;
    let pruned = -1;
    for (let j = l + 1; j <= s.length; j++) {
      const col = dp[j];
      const left = dp[j - 1];
      const tc = s.charCodeAt(j - 1);
      const tcPrev = j > 1 ? s.charCodeAt(j - 2) : -1;
      const left2 = j > 1 ? dp[j - 2] : null;
      col[0] = j;
      let colMin = j;
      for (let i = 1; i <= m; i++) {
        const qi = qc[i - 1];
        let v = left[i - 1] + (qi === tc ? 0 : 1);
        const del = left[i] + 1;
        if (del < v) v = del;
        const ins = col[i - 1] + 1;
        if (ins < v) v = ins;
        if (left2 !== null && i > 1 && qi === tcPrev && qc[i - 2] === tc) {
          const tr = left2[i - 2] + 1;
          if (tr < v) v = tr;
        }
        col[i] = v;
        if (v < colMin) colMin = v;
      }
      bestEnd[j] = Math.min(bestEnd[j - 1], col[m]);
      if (colMin > k) {
        pruned = j;
        break;
      }
    }
    prev = s;
    if (pruned < 0) {
      valid = s.length;
      const dist = bestEnd[s.length];
      if (dist <= k) {
        const whole = dp[s.length][m] === dist;
        for (let p = d.postStart[idx]; p < d.postStart[idx + 1]; p++) {
          const inner = (d.postFlags[p] & F_INNER) !== 0;
          offer(d, d.postEntry[p], S_FUZZY - 5 * dist - (whole ? 0 : 1) - (inner ? 2 : 0), M_FUZZY);
        }
      }
      idx++;
    } else {
      valid = pruned;
      idx = prefixEnd(keys, s.slice(0, pruned), idx + 1);
    }
  }
}

function better(d: IndexData, a: number, b: number): boolean {
  if (d.score[a] !== d.score[b]) return d.score[a] > d.score[b];
  if (d.pop[a] !== d.pop[b]) return d.pop[a] > d.pop[b];
  return a < b;
}

/** Top `limit` touched entries, keeping at least one of each kind that matched by name or code. */
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
  if (limit >= 3) {
    // A commune flood must not hide the EPCI or TI of the same name.
    for (let k = 0; k < 3; k++) {
      const cand = bestOfKind[k];
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
  }
  return top;
}

/**
 * Search communes, EPCI and TI. Order: INSEE/SIREN code, postcode, exact name, name prefix,
 * code prefix, word prefix, typo-tolerant; population breaks ties. Never throws.
 */
export function search(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  if (typeof query !== 'string' || !(limit >= 1)) return [];
  const d = index._;
  limit = Math.floor(limit);
  const base = baseNormalize(query);
  const q = expandSaints(base);
  if (q.replace(/ /g, '').length < MIN_QUERY_LENGTH) return [];
  // Nothing can match a query longer than every name, even with typos.
  if (q.length > d.maxKeyLength + 2) return [];

  d.cur++;
  if (d.cur > 0x3fffffff) {
    d.cur = 1;
    d.stamp.fill(0);
    d.seen.fill(0);
  }
  d.touchedCount = 0;

  const compact = q.replace(/ /g, '');
  const codeLike = CODE_LIKE_RE.test(compact);
  if (codeLike) searchCodes(d, compact);

  searchNames(d, q);
  // While typing "st" the user may mean "Strasbourg" as well as "Saint-…".
  if (base !== q && !/[^\p{L}\p{N}]$/u.test(query)) {
    const lastRaw = base.slice(base.lastIndexOf(' ') + 1);
    if (lastRaw === 'st' || lastRaw === 'ste') {
      const alt = expandSaints(base.slice(0, base.length - lastRaw.length)) + lastRaw;
      searchNames(d, alt);
    }
  }
  searchAnyOrder(d, q);

  const k = maxTypos(q.length);
  if (!codeLike && k > 0 && d.touchedCount < limit) searchFuzzy(d, q, k);

  const top = selectTop(d, limit);
  return top.map((id) => {
    const e = index.entries[id];
    const pc = d.hitPostcode[id];
    const detail = pc && e.postcodes ? communeDetail(e.postcodes, e.departement ?? '', pc) : e.detail;
    return { ...e, detail, score: d.score[id], match: MATCH_NAMES[d.match[id]] };
  });
}

/** Why `search` returned nothing, so the UI can say something useful. */
export function explainNoResult(query: string): NoResultReason {
  if (typeof query !== 'string' || query.trim() === '') return 'empty';
  const q = normalize(query);
  const compact = q.replace(/ /g, '');
  if (compact.length === 0) return 'no-match';
  if (compact.length < MIN_QUERY_LENGTH) return 'too-short';
  if (CODE_LIKE_RE.test(compact)) return 'unknown-code';
  return 'no-match';
}
