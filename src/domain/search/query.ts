// Queries: codes scanned linearly, names as ranges of the sorted word suffixes, then
// any-order words and typos (see search-index.ts for the index layout).
import type { CommuneRecord, EpciRecord } from '../../data/types.ts';
import { baseNormalize, expandSaints, normalize } from '../names.ts';
import {
  M_CODE,
  M_EXACT,
  M_FUZZY,
  M_PREFIX,
  M_WORD,
  offer,
  S_ALIAS_EXACT,
  S_ALIAS_PREFIX,
  S_CODE,
  S_CODE_PREFIX,
  S_EXACT,
  S_FUZZY,
  S_POSTCODE,
  S_PREFIX,
  S_WORD,
  S_WORD_ANY_ORDER,
  selectTop,
  toResult,
} from './ranking.ts';
import {
  F_ALIAS,
  F_INNER,
  type IndexData,
  type NoResultReason,
  type SearchIndex,
  type SearchResult,
} from './search-index.ts';

/** Below this many letters/digits (after normalization) a query returns nothing. */
const MIN_QUERY_LENGTH = 2;

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
