// Public API of the spreadsheet import core (pure functions; worker.ts is the Web Worker entry).
export * from './types.ts';
export * from './messages.ts';
export * from './limits.ts';
export { decodeBytes, decodeWindows1252, checkSize, sniffMagic, looksLikeXlsxZip, findMojibake, findSuspectCp1252, type DecodeResult, type BinaryFormat } from './decode.ts';
export { parseCsvText, detectDelimiter, findLongLine, CSV_DELIMITERS, type CsvDelimiter, type CsvParseOptions, type CsvResult, type DelimiterScore } from './csv.ts';
export { readWorkbook, listSheets, sheetToTable, normalizeXlsxCell, dateToText, type XlsxSheet } from './xlsx.ts';
export { parseImport, detectFormat, fileExtension } from './parse.ts';
export { parseNumberText, parseNumberCell, toNumberOrNull, isMissingToken, profileColumn, MISSING_TOKENS, type NumberParse } from './numbers.ts';
export { neutralizeFormula, isFormulaLike } from './safety.ts';
export { finalizeTable, findHeaderIndex, columnLetter } from './table.ts';
export { normalizeName, looseName, boundedLevenshtein } from './normalize.ts';
export { buildJoinReference, levelOfKind, isNameKind, KEY_KINDS, type JoinReference, type ReferenceInput, type KeyKind, type TerritoryLevel } from './reference.ts';
export {
  detectJoinKey, joinTable, resolveKey, suggestNames, cellToKeyText, normalizeDepartement, findDepartementColumn, MIN_KEY_MATCH_RATE,
  type KeyCandidate, type KeyDetection, type JoinReport, type JoinOptions, type MatchedRow, type UnmatchedRow, type UnmatchedReason,
  type DuplicateGroup, type Resolution, type Suggestion, type NameCandidate,
} from './join.ts';
export {
  aggregateValues, aggregateCommuneTable, aggregateEpciToTi, communesByEpci, communesByTi, epcisByTi, valuesByCode, AGGREGATE_RULES,
  type AggregateRule, type AggregateCell, type AggregateOptions, type AggregateResult, type Membership,
} from './aggregate.ts';
export { handleImportMessage, type ParseRequest, type WorkerResponse } from './worker-protocol.ts';
