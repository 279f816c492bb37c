// Public API of the spreadsheet import core (pure functions, run in the import worker).

export { normalizeName } from '../names.ts';
export {
  type AggregateCell,
  type AggregateRule,
  aggregateCommuneTable,
  aggregateEpciToTi,
  aggregateValues,
  valuesByCode,
} from './aggregate.ts';
export {
  detectDelimiter,
  findLongLine,
  parseCsvText,
} from './csv.ts';
export {
  checkSize,
  decodeBytes,
  decodeWindows1252,
} from './decode.ts';
export { detectJoinKey, type KeyDetection } from './detect.ts';
export { type JoinReport, joinTable } from './join.ts';
export * from './limits.ts';
export * from './messages.ts';
export {
  parseNumberText,
  profileColumn,
  toNumberOrNull,
} from './numbers.ts';
export { parseImport } from './parse.ts';
export {
  buildJoinReference,
  type JoinReference,
  KEY_KINDS,
  type KeyKind,
  type TerritoryLevel,
} from './reference.ts';
export { resolveKey } from './resolve.ts';
export { isFormulaLike, neutralizeFormula } from './safety.ts';
export * from './types.ts';
export { listSheets } from './xlsx.ts';
