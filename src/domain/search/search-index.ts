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
import type { CommuneRecord, EpciNature, EpciRecord, Generation, TiRecord } from '../../data/types.ts';
import { normalize } from '../names.ts';

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

export const K_COMMUNE = 0;
export const K_EPCI = 1;
const K_TI = 2;

// Posting flags of a word suffix.
export const F_INNER = 1; // starts after the first word
export const F_ALIAS = 2; // comes from an alias, not the official name

export interface IndexData {
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
