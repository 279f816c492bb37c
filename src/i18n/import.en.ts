// English texts of the spreadsheet import (see import.fr.ts); loaded with en.ts.
import type { ImportDict } from './import.fr.ts';

export const importEn: ImportDict = {
  file: {
    tooLarge:
      'The file “{{name}}” is {{sizeMb}} MB: the limit is {{maxMb}} MB. Remove unneeded columns or rows, or split it.',
    empty: 'The file “{{name}}” is empty.',
    binary: 'The file “{{name}}” is not a CSV text: it contains binary data (detected format: {{format}}).',
    xlsxNamedCsv:
      'The file “{{name}}” is actually an Excel workbook (.xlsx) renamed to .csv. Rename it to .xlsx or save it as CSV from Excel.',
    xlsUnsupported:
      'The file “{{name}}” is in Excel 97-2003 format (.xls), which is not supported. Save it as .xlsx or CSV.',
    odsUnsupported:
      'The file “{{name}}” is in OpenDocument format (.ods), which is not supported. Save it as .xlsx or CSV.',
    unsupportedType: 'The file type “.{{ext}}” of “{{name}}” is not supported: choose a CSV or XLSX file.',
  },
  decode: {
    windows1252: 'The file is not UTF-8: it was read as Windows-1252 (French Excel export). Check the accents.',
    suspectEncoding:
      'Row {{row}}: unexpected characters (“{{sample}}”); the file encoding may be wrong (read as {{encoding}}). Save it again as “CSV UTF-8”.',
    mojibake: 'Row {{row}}: garbled accents (“{{sample}}”); the file was probably converted to UTF-8 twice.',
  },
  csv: {
    lineTooLong:
      'Row {{row}}: the line exceeds {{maxMb}} MB; this is probably not a CSV file (or line breaks are missing).',
    singleColumn: 'No delimiter (“;”, “,”, tab, “|”) was found: the file is read as a single column.',
    raggedRow:
      'Row {{row}}: {{found}} columns instead of {{expected}} (delimiter “{{delimiter}}” detected). Row skipped.',
    mixedDelimiter: 'Row {{row}}: delimiter “{{found}}” instead of “{{delimiter}}” (mixed delimiters). Row skipped.',
    moreRowsSkipped_one: '… and {{count, n}} more row skipped for the same reason.',
    moreRowsSkipped_other: '… and {{count, n}} more rows skipped for the same reason.',
    tooManyBadRows:
      '{{bad}} of {{total}} rows do not have the header’s column count ({{expected}}, delimiter “{{delimiter}}”), starting at row {{row}}. Check the delimiter and quotes.',
    unclosedQuote: 'Row {{row}}: a quote is opened and never closed; the rest of the file cannot be read.',
  },
  table: {
    noRows: 'The file “{{name}}” contains no data rows.',
    noDataRows: 'The file only contains the header row (row {{row}}): no data to import.',
    missingHeader:
      'Row {{row}}: the first row looks like data (“{{sample}}”); a header row with column names is required.',
    duplicateHeader:
      'The column name “{{name}}” appears several times (columns {{columns}}); they are renamed “{{renamed}}”.',
    emptyHeader: 'Column {{column}} has no name; it is named “{{renamed}}”.',
    tooManyColumns: 'The file has {{count, n}} columns: the limit is {{max}}.',
    titleRowsSkipped_one: 'The first row (title) is skipped; the header is row {{row}}.',
    titleRowsSkipped_other: 'The first {{count, n}} rows (title) are skipped; the header is row {{row}}.',
    formulaLikeCells_one:
      '{{count, n}} cell starts with “=”, “+”, “-” or “@” (row {{row}}, column “{{column}}”: “{{sample}}”); it is treated as text, never as a formula.',
    formulaLikeCells_other:
      '{{count, n}} cells start with “=”, “+”, “-” or “@” (e.g. row {{row}}, column “{{column}}”: “{{sample}}”); they are treated as text, never as formulas.',
    partlyNumeric:
      'Column “{{column}}” is {{percent}}% numeric: {{invalid}} unrecognised values (e.g. “{{sample}}”) will be empty.',
  },
  xlsx: {
    invalid: 'The file “{{name}}” is not a readable Excel .xlsx workbook ({{reason}}).',
    sheetNotFound: 'The sheet “{{sheet}}” does not exist; available sheets: {{available}}.',
    emptySheet: 'The sheet “{{sheet}}” is empty.',
    noSheets: 'The workbook “{{name}}” has no sheets.',
    otherSheets: 'The workbook has {{count, n}} sheets; the sheet “{{sheet}}” was read.',
  },
  internal: 'Unexpected error while reading the file ({{detail}}).',
  join: {
    noKeyColumn: 'No column matches territory codes or names (EPCI SIREN, commune INSEE code, Territoire d’industrie).',
    keyDetected: 'Column “{{column}}” recognised as {{kindLabel}} ({{percent}}% of values recognised).',
    summary: '{{matched}} of {{total}} rows joined to a territory; {{unmatched}} not joined.',
    unknownCode: 'Row {{row}}: “{{value}}” matches no known territory.',
    unknownName: 'Row {{row}}: “{{value}}” matches no known name.',
    unknownNameSuggest: 'Row {{row}}: “{{value}}” matches no known name; did you mean {{suggestions}}?',
    duplicate: 'Territory {{code}} appears several times (rows {{rows}}); these rows are not joined.',
    ambiguousName:
      'Row {{row}}: several communes are named “{{value}}” ({{count, n}}); add the INSEE code or a département column.',
    emptyKey: 'Row {{row}}: the column “{{column}}” is empty.',
    leadingZeroRepaired_one:
      '{{count, n}} code had lost its leading zero and was fixed (e.g. “{{example}}” → “{{repaired}}”).',
    leadingZeroRepaired_other:
      '{{count, n}} codes had lost their leading zero and were fixed (e.g. “{{example}}” → “{{repaired}}”).',
    needsConfirmation_one: '{{count, n}} row joined by name: check it before confirming.',
    needsConfirmation_other: '{{count, n}} rows joined by name: check them before confirming.',
    kind: {
      'epci-siren': 'EPCI SIREN',
      'commune-insee': 'commune INSEE code',
      'ti-id': 'Territoire d’industrie identifier',
      'epci-name': 'EPCI name',
      'commune-name': 'commune name',
      'ti-name': 'Territoire d’industrie name',
    },
  },
  aggregate: {
    partial:
      '{{group}}: {{missing}} of {{members}} members have no value; the result only covers {{withValue}} members.',
    allMissing: '{{group}}: no member has a value; the result is empty.',
    notNumeric: 'Column “{{column}}” is not numeric.',
    weightMissing: 'A weight column is required for the weighted mean.',
    needsCommuneKey: 'Aggregation requires a table joined to communes.',
  },
  size: {
    kb: '{{n}} KB',
    mb: '{{n}} MB',
  },
  delimiter: {
    tab: 'tab',
    space: 'space',
  },
};
