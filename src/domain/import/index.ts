// Public API of the spreadsheet import core (pure functions; worker.ts is the Web Worker entry).

export { boundedLevenshtein, looseName, normalizeName } from '../names.ts';
export {
  AGGREGATE_RULES,
  type AggregateCell,
  type AggregateOptions,
  type AggregateResult,
  type AggregateRule,
  aggregateCommuneTable,
  aggregateEpciToTi,
  aggregateValues,
  communesByEpci,
  communesByTi,
  epcisByTi,
  type Membership,
  valuesByCode,
} from './aggregate.ts';
export {
  CSV_DELIMITERS,
  type CsvDelimiter,
  type CsvParseOptions,
  type CsvResult,
  type DelimiterScore,
  detectDelimiter,
  findLongLine,
  parseCsvText,
} from './csv.ts';
export {
  type BinaryFormat,
  checkSize,
  type DecodeResult,
  decodeBytes,
  decodeWindows1252,
  findMojibake,
  findSuspectCp1252,
  looksLikeXlsxZip,
  sniffMagic,
} from './decode.ts';
export {
  cellToKeyText,
  type DuplicateGroup,
  detectJoinKey,
  findDepartementColumn,
  type JoinOptions,
  type JoinReport,
  joinTable,
  type KeyCandidate,
  type KeyDetection,
  type MatchedRow,
  MIN_KEY_MATCH_RATE,
  type NameCandidate,
  normalizeDepartement,
  type Resolution,
  resolveKey,
  type Suggestion,
  suggestNames,
  type UnmatchedReason,
  type UnmatchedRow,
} from './join.ts';
export * from './limits.ts';
export * from './messages.ts';
export {
  isMissingToken,
  MISSING_TOKENS,
  type NumberParse,
  parseNumberCell,
  parseNumberText,
  profileColumn,
  toNumberOrNull,
} from './numbers.ts';
export { detectFormat, fileExtension, parseImport } from './parse.ts';
export {
  buildJoinReference,
  isNameKind,
  type JoinReference,
  KEY_KINDS,
  type KeyKind,
  levelOfKind,
  type ReferenceInput,
  type TerritoryLevel,
} from './reference.ts';
export { isFormulaLike, neutralizeFormula } from './safety.ts';
export { columnLetter, finalizeTable, findHeaderIndex } from './table.ts';
export * from './types.ts';
export { handleImportMessage, type ParseRequest, type WorkerResponse } from './worker-protocol.ts';
export { dateToText, listSheets, normalizeXlsxCell, readWorkbook, sheetToTable, type XlsxSheet } from './xlsx.ts';
