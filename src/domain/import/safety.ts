// Cell text is data only: nothing read from a file is ever evaluated, and exports are neutralised
// against CSV/formula injection when opened in a spreadsheet.
import { parseNumberText } from './numbers.ts';

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * For exports (CSV/XLSX written by the app): prefixes `'` when a text cell starts with
 * `=`, `+`, `-`, `@`, tab or carriage return, so that Excel/LibreOffice show it as text.
 * Non-string values are returned unchanged.
 */
export function neutralizeFormula<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/**
 * An imported text cell a spreadsheet would treat as a formula ("=1+1", "+33 6…", "@SUM(A1)", "-A1").
 * Plain numbers ("-3,5", "+12") and the missing marker "-" are not formula-like.
 */
export function isFormulaLike(s: string): boolean {
  const c = s.charAt(0);
  if (c === '=' || c === '@') return s.length > 1;
  if (c === '+' || c === '-' || c === '\u2212') return s.length > 1 && parseNumberText(s).kind === 'invalid';
  return false;
}
