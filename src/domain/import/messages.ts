// User-facing messages of the import, as descriptors: a key of the i18next catalogues
// (src/i18n/import.fr.ts, import.en.ts) and its parameters. The UI translates them; the import core
// never holds a text. Row numbers are 1-based and count the header row, as a spreadsheet shows them.
// Conventions the translation follows (src/ui/import/format.ts): numbers are shown in the
// language's format, `count` picks the plural form, a `delimiter` or `found` param holding a tab or
// a space is shown as a word, and a `kind` param also fills `kindLabel` (import.join.kind.*).

export type ImportMessageKey =
  | 'import.file.tooLarge'
  | 'import.file.empty'
  | 'import.file.binary'
  | 'import.file.xlsxNamedCsv'
  | 'import.file.xlsUnsupported'
  | 'import.file.odsUnsupported'
  | 'import.file.unsupportedType'
  | 'import.decode.windows1252'
  | 'import.decode.suspectEncoding'
  | 'import.decode.mojibake'
  | 'import.csv.lineTooLong'
  | 'import.csv.singleColumn'
  | 'import.csv.raggedRow'
  | 'import.csv.mixedDelimiter'
  | 'import.csv.moreRowsSkipped'
  | 'import.csv.tooManyBadRows'
  | 'import.csv.unclosedQuote'
  | 'import.table.noRows'
  | 'import.table.noDataRows'
  | 'import.table.missingHeader'
  | 'import.table.duplicateHeader'
  | 'import.table.emptyHeader'
  | 'import.table.tooManyColumns'
  | 'import.table.titleRowsSkipped'
  | 'import.table.formulaLikeCells'
  | 'import.table.partlyNumeric'
  | 'import.xlsx.invalid'
  | 'import.xlsx.sheetNotFound'
  | 'import.xlsx.emptySheet'
  | 'import.xlsx.noSheets'
  | 'import.xlsx.otherSheets'
  | 'import.internal'
  | 'import.join.noKeyColumn'
  | 'import.join.keyDetected'
  | 'import.join.summary'
  | 'import.join.unknownCode'
  | 'import.join.unknownName'
  | 'import.join.unknownNameSuggest'
  | 'import.join.duplicate'
  | 'import.join.ambiguousName'
  | 'import.join.emptyKey'
  | 'import.join.leadingZeroRepaired'
  | 'import.join.needsConfirmation'
  | 'import.join.kind.epci-siren'
  | 'import.join.kind.commune-insee'
  | 'import.join.kind.ti-id'
  | 'import.join.kind.epci-name'
  | 'import.join.kind.commune-name'
  | 'import.join.kind.ti-name'
  | 'import.aggregate.partial'
  | 'import.aggregate.allMissing'
  | 'import.aggregate.notNumeric'
  | 'import.aggregate.weightMissing'
  | 'import.aggregate.needsCommuneKey';

/** Helper to build a message value. */
export function msg(
  key: ImportMessageKey,
  params: Record<string, string | number> = {},
): { key: ImportMessageKey; params: Record<string, string | number> } {
  return { key, params };
}
