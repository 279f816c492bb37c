// The year of an imported column, read from its name. « Population 2021 » gives 2021; a year
// that is a target or a horizon rather than the data's own year (« Objectif 2030 », « cible
// 2050 », a year still to come) is only suggested: the user confirms it before it is used.

const YEAR_RE = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;
/** Words that make a year a goal or a forecast, not the year the values describe. */
const NOT_DATA_YEAR =
  /\b(objectifs?|cibles?|horizon|prevision(nel)?s?|projections?|previsions?|scenarios?|plan|trajectoires?|d ?ici|avant|target|goal|forecast|by)\b/;

export interface YearGuess {
  /** Year used without asking ('' when none is certain). */
  year: string;
  /** A year in the name that needs the user's confirmation, or null. */
  ask: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');

export function guessYear(columnName: string, now: Date = new Date()): YearGuess {
  const year = YEAR_RE.exec(columnName)?.[1];
  if (!year) return { year: '', ask: null };
  if (NOT_DATA_YEAR.test(fold(columnName)) || Number(year) > now.getFullYear()) return { year: '', ask: year };
  return { year, ask: null };
}
