// Join key detection: which column holds which kind of key, with a preview of match rates.
import { normalizeName } from '../names.ts';
import { msg } from './messages.ts';
import { isNameKind, type JoinReference, KEY_KINDS, type KeyKind } from './reference.ts';
import { cellToKeyText, findDepartementColumn, normalizeDepartement, resolveKey } from './resolve.ts';
import type { CellValue, ImportMessage, ImportTable } from './types.ts';

export interface KeyCandidate {
  column: number;
  columnName: string;
  kind: KeyKind;
  /** Recognised share of the sampled non-empty values (ambiguous names count as recognised). */
  matchRate: number;
  matched: number;
  ambiguous: number;
  /** Codes repaired by adding a leading zero. */
  repaired: number;
  /** Sampled non-empty values. */
  total: number;
  /** matchRate, plus a bonus when the header names the kind; used for ranking. */
  score: number;
}

export interface KeyDetection {
  best: KeyCandidate | null;
  /** Every (column, kind) pair with at least one recognised value, best first. */
  candidates: KeyCandidate[];
  /** Detected département column, used to narrow homonyms. */
  departementColumn: number | null;
  messages: ImportMessage[];
}

const MIN_KEY_MATCH_RATE = 0.5;
const DETECTION_SAMPLE = 1000;

const HEADER_HINTS: Record<KeyKind, RegExp> = {
  'commune-insee': /\b(insee|codgeo|code geo|depcom|com|code commune|codecommune|cog|code insee)\b/,
  'epci-siren': /\b(siren|epci|code epci|siren epci)\b/,
  'ti-id': /\b(ti|id ti|code ti|territoire|territoires)\b/,
  'commune-name': /\b(commune|communes|libgeo|libelle|nom|ville)\b/,
  'epci-name': /\b(epci|intercommunalite|interco|nom epci)\b/,
  'ti-name': /\b(ti|territoire|territoires)\b/,
};

const HAS_LETTER = /[A-Za-zÀ-ÿ]/;

/**
 * Scores each column as each key kind on up to 1,000 non-empty values and returns the best
 * (match rate >= 50 %) with every candidate's match rate, for a preview before the join.
 */
export function detectJoinKey(table: ImportTable, ref: JoinReference): KeyDetection {
  const depColumn = findDepartementColumn(table, ref);
  const candidates: KeyCandidate[] = [];
  for (let c = 0; c < table.columns.length; c++) {
    if (c === depColumn) continue;
    const sample: CellValue[] = [];
    const hints: (string | null)[] = [];
    for (let r = 0; r < table.rows.length && sample.length < DETECTION_SAMPLE; r++) {
      const v = table.rows[r][c];
      if (v === null || cellToKeyText(v) === '') continue;
      sample.push(v);
      hints.push(depColumn === null ? null : normalizeDepartement(table.rows[r][depColumn]));
    }
    if (sample.length === 0) continue;
    const withLetters = sample.some((v) => typeof v === 'string' && HAS_LETTER.test(v));
    const header = normalizeName(table.columns[c]);
    for (const kind of KEY_KINDS) {
      if (isNameKind(kind) && !withLetters) continue;
      let matched = 0;
      let ambiguous = 0;
      let repaired = 0;
      for (let i = 0; i < sample.length; i++) {
        const res = resolveKey(sample[i], kind, ref, hints[i]);
        if (res.status === 'matched') {
          matched++;
          if (res.repairedFrom !== undefined) repaired++;
        } else if (res.status === 'ambiguous') ambiguous++;
      }
      const recognised = matched + ambiguous;
      if (recognised === 0) continue;
      const matchRate = recognised / sample.length;
      const hinted = HEADER_HINTS[kind].test(header);
      let score = matchRate + (hinted ? 0.1 : 0) + (isNameKind(kind) ? 0 : 0.01);
      // A column made only of repaired 4-digit codes may be a count (population…): require a header hint.
      if (kind === 'commune-insee' && repaired === matched && !hinted) score *= 0.5;
      candidates.push({
        column: c,
        columnName: table.columns[c],
        kind,
        matchRate,
        matched,
        ambiguous,
        repaired,
        total: sample.length,
        score,
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const best = candidates.find((k) => k.matchRate >= MIN_KEY_MATCH_RATE && k.score >= MIN_KEY_MATCH_RATE) ?? null;
  const messages: ImportMessage[] = best
    ? [
        msg('import.join.keyDetected', {
          column: best.columnName,
          kind: best.kind,
          percent: Math.round(best.matchRate * 100),
        }),
      ]
    : [msg('import.join.noKeyColumn')];
  return { best, candidates, departementColumn: depColumn, messages };
}
