// User-facing texts of the import, as message keys + `{param}` templates.
// The UI may pass these tables to i18next (convert `{x}` to `{{x}}`) or use `formatImportMessage`.
// Row numbers are 1-based and count the header row, as a spreadsheet shows them.

export const IMPORT_MESSAGES_FR = {
  // File / decoding
  'import.file.tooLarge':
    'Le fichier « {name} » pèse {sizeMb} Mo : la limite est de {maxMb} Mo. Retirez des colonnes ou des lignes inutiles, ou découpez-le.',
  'import.file.empty': 'Le fichier « {name} » est vide.',
  'import.file.binary':
    'Le fichier « {name} » n’est pas un texte CSV : il contient des données binaires (format détecté : {format}).',
  'import.file.xlsxNamedCsv':
    'Le fichier « {name} » est en réalité un classeur Excel (.xlsx) renommé en .csv. Renommez-le en .xlsx ou enregistrez-le au format CSV depuis Excel.',
  'import.file.xlsUnsupported':
    'Le fichier « {name} » est au format Excel 97-2003 (.xls), non pris en charge. Enregistrez-le en .xlsx ou en CSV.',
  'import.file.odsUnsupported':
    'Le fichier « {name} » est au format OpenDocument (.ods), non pris en charge. Enregistrez-le en .xlsx ou en CSV.',
  'import.file.unsupportedType':
    'Le type de fichier « .{ext} » de « {name} » n’est pas pris en charge : choisissez un fichier CSV ou XLSX.',
  'import.decode.windows1252':
    'Le fichier n’est pas en UTF-8 : il a été lu comme Windows-1252 (export Excel français). Vérifiez les accents.',
  'import.decode.suspectEncoding':
    'Ligne {row} : caractères inattendus (« {sample} ») ; l’encodage du fichier est peut-être incorrect (lu comme {encoding}). Réenregistrez-le en « CSV UTF-8 ».',
  'import.decode.mojibake':
    'Ligne {row} : accents mal encodés (« {sample} ») ; le fichier a sans doute été converti deux fois en UTF-8.',
  // CSV
  'import.csv.lineTooLong':
    'Ligne {row} : la ligne dépasse {maxMb} Mo ; ce n’est probablement pas un fichier CSV (ou les retours à la ligne manquent).',
  'import.csv.singleColumn':
    'Aucun séparateur (« ; », « , », tabulation, « | ») n’a été trouvé : le fichier est lu comme une seule colonne.',
  'import.csv.raggedRow':
    'Ligne {row} : {found} colonnes au lieu de {expected} (séparateur « {delimiter} » détecté). Ligne ignorée.',
  'import.csv.mixedDelimiter':
    'Ligne {row} : séparateur « {found} » au lieu de « {delimiter} » (séparateurs mélangés). Ligne ignorée.',
  'import.csv.moreRowsSkipped': '… et {count} autres lignes ignorées pour la même raison.',
  'import.csv.tooManyBadRows':
    '{bad} lignes sur {total} n’ont pas le nombre de colonnes de l’en-tête ({expected}, séparateur « {delimiter} »), dès la ligne {row}. Vérifiez le séparateur et les guillemets.',
  'import.csv.unclosedQuote':
    'Ligne {row} : guillemet ouvert jamais refermé ; la suite du fichier ne peut pas être lue.',
  // Table
  'import.table.noRows': 'Le fichier « {name} » ne contient aucune ligne de données.',
  'import.table.noDataRows': 'Le fichier ne contient que la ligne d’en-tête (ligne {row}) : aucune donnée à importer.',
  'import.table.missingHeader':
    'Ligne {row} : la première ligne ressemble à des données (« {sample} ») ; une ligne d’en-tête avec les noms de colonnes est requise.',
  'import.table.duplicateHeader':
    'Le nom de colonne « {name} » apparaît plusieurs fois (colonnes {columns}) ; elles sont renommées « {renamed} ».',
  'import.table.emptyHeader': 'La colonne {column} n’a pas de nom ; elle est nommée « {renamed} ».',
  'import.table.tooManyColumns': 'Le fichier a {count} colonnes : la limite est de {max}.',
  'import.table.titleRowsSkipped': 'Les {count} premières lignes (titre) sont ignorées ; l’en-tête est la ligne {row}.',
  'import.table.formulaLikeCells':
    '{count} cellules commencent par « = », « + », « - » ou « @ » (ex. ligne {row}, colonne « {column} » : « {sample} ») ; elles sont traitées comme du texte, jamais comme des formules.',
  'import.table.partlyNumeric':
    'La colonne « {column} » est numérique à {percent} % : {invalid} valeurs non reconnues (ex. « {sample} ») seront vides.',
  // XLSX
  'import.xlsx.invalid': 'Le fichier « {name} » n’est pas un classeur Excel .xlsx lisible ({reason}).',
  'import.xlsx.sheetNotFound': 'La feuille « {sheet} » n’existe pas ; feuilles disponibles : {available}.',
  'import.xlsx.emptySheet': 'La feuille « {sheet} » est vide.',
  'import.xlsx.noSheets': 'Le classeur « {name} » ne contient aucune feuille.',
  'import.xlsx.otherSheets': 'Le classeur contient {count} feuilles ; la feuille « {sheet} » a été lue.',
  // Generic
  'import.internal': 'Erreur inattendue pendant la lecture du fichier ({detail}).',
  'import.worker.badMessage': 'Message inattendu reçu par le lecteur de fichiers.',
  // Join
  'import.join.noKeyColumn':
    'Aucune colonne ne correspond à des codes ou noms de territoires (SIREN d’EPCI, code INSEE de commune, Territoire d’industrie).',
  'import.join.keyDetected': 'Colonne « {column} » reconnue comme {kindLabel} ({percent} % des valeurs reconnues).',
  'import.join.summary': '{matched} lignes sur {total} rattachées à un territoire ; {unmatched} non rattachées.',
  'import.join.unknownCode': 'Ligne {row} : « {value} » ne correspond à aucun territoire connu.',
  'import.join.unknownName': 'Ligne {row} : « {value} » ne correspond à aucun nom connu.',
  'import.join.unknownNameSuggest':
    'Ligne {row} : « {value} » ne correspond à aucun nom connu ; vouliez-vous dire {suggestions} ?',
  'import.join.duplicate':
    'Le territoire {code} apparaît plusieurs fois (lignes {rows}) ; ces lignes ne sont pas rattachées.',
  'import.join.ambiguousName':
    'Ligne {row} : plusieurs communes s’appellent « {value} » ({count}) ; ajoutez le code INSEE ou une colonne département.',
  'import.join.emptyKey': 'Ligne {row} : la colonne « {column} » est vide.',
  'import.join.leadingZeroRepaired':
    '{count} codes avaient perdu leur zéro initial et ont été corrigés (ex. « {example} » → « {repaired} »).',
  'import.join.needsConfirmation': '{count} lignes rattachées par le nom : vérifiez-les avant de confirmer.',
  'import.join.kind.epci-siren': 'SIREN d’EPCI',
  'import.join.kind.commune-insee': 'code INSEE de commune',
  'import.join.kind.ti-id': 'identifiant de Territoire d’industrie',
  'import.join.kind.epci-name': 'nom d’EPCI',
  'import.join.kind.commune-name': 'nom de commune',
  'import.join.kind.ti-name': 'nom de Territoire d’industrie',
  // Aggregation
  'import.aggregate.partial':
    '{group} : {missing} membres sur {members} sans valeur ; le résultat ne porte que sur {withValue} membres.',
  'import.aggregate.allMissing': '{group} : aucun membre n’a de valeur ; le résultat est vide.',
  'import.aggregate.notNumeric': 'La colonne « {column} » n’est pas numérique.',
  'import.aggregate.weightMissing': 'Une colonne de pondération est requise pour la moyenne pondérée.',
  'import.aggregate.needsCommuneKey': 'L’agrégation demande une table rattachée aux communes.',
} as const;

export type ImportMessageKey = keyof typeof IMPORT_MESSAGES_FR;

export const IMPORT_MESSAGES_EN: Record<ImportMessageKey, string> = {
  'import.file.tooLarge':
    'The file “{name}” is {sizeMb} MB: the limit is {maxMb} MB. Remove unneeded columns or rows, or split it.',
  'import.file.empty': 'The file “{name}” is empty.',
  'import.file.binary': 'The file “{name}” is not a CSV text: it contains binary data (detected format: {format}).',
  'import.file.xlsxNamedCsv':
    'The file “{name}” is actually an Excel workbook (.xlsx) renamed to .csv. Rename it to .xlsx or save it as CSV from Excel.',
  'import.file.xlsUnsupported':
    'The file “{name}” is in Excel 97-2003 format (.xls), which is not supported. Save it as .xlsx or CSV.',
  'import.file.odsUnsupported':
    'The file “{name}” is in OpenDocument format (.ods), which is not supported. Save it as .xlsx or CSV.',
  'import.file.unsupportedType': 'The file type “.{ext}” of “{name}” is not supported: choose a CSV or XLSX file.',
  'import.decode.windows1252':
    'The file is not UTF-8: it was read as Windows-1252 (French Excel export). Check the accents.',
  'import.decode.suspectEncoding':
    'Row {row}: unexpected characters (“{sample}”); the file encoding may be wrong (read as {encoding}). Save it again as “CSV UTF-8”.',
  'import.decode.mojibake': 'Row {row}: garbled accents (“{sample}”); the file was probably converted to UTF-8 twice.',
  'import.csv.lineTooLong':
    'Row {row}: the line exceeds {maxMb} MB; this is probably not a CSV file (or line breaks are missing).',
  'import.csv.singleColumn': 'No delimiter (“;”, “,”, tab, “|”) was found: the file is read as a single column.',
  'import.csv.raggedRow':
    'Row {row}: {found} columns instead of {expected} (delimiter “{delimiter}” detected). Row skipped.',
  'import.csv.mixedDelimiter':
    'Row {row}: delimiter “{found}” instead of “{delimiter}” (mixed delimiters). Row skipped.',
  'import.csv.moreRowsSkipped': '… and {count} more rows skipped for the same reason.',
  'import.csv.tooManyBadRows':
    '{bad} of {total} rows do not have the header’s column count ({expected}, delimiter “{delimiter}”), starting at row {row}. Check the delimiter and quotes.',
  'import.csv.unclosedQuote': 'Row {row}: a quote is opened and never closed; the rest of the file cannot be read.',
  'import.table.noRows': 'The file “{name}” contains no data rows.',
  'import.table.noDataRows': 'The file only contains the header row (row {row}): no data to import.',
  'import.table.missingHeader':
    'Row {row}: the first row looks like data (“{sample}”); a header row with column names is required.',
  'import.table.duplicateHeader':
    'The column name “{name}” appears several times (columns {columns}); they are renamed “{renamed}”.',
  'import.table.emptyHeader': 'Column {column} has no name; it is named “{renamed}”.',
  'import.table.tooManyColumns': 'The file has {count} columns: the limit is {max}.',
  'import.table.titleRowsSkipped': 'The first {count} rows (title) are skipped; the header is row {row}.',
  'import.table.formulaLikeCells':
    '{count} cells start with “=”, “+”, “-” or “@” (e.g. row {row}, column “{column}”: “{sample}”); they are treated as text, never as formulas.',
  'import.table.partlyNumeric':
    'Column “{column}” is {percent}% numeric: {invalid} unrecognised values (e.g. “{sample}”) will be empty.',
  'import.xlsx.invalid': 'The file “{name}” is not a readable Excel .xlsx workbook ({reason}).',
  'import.xlsx.sheetNotFound': 'The sheet “{sheet}” does not exist; available sheets: {available}.',
  'import.xlsx.emptySheet': 'The sheet “{sheet}” is empty.',
  'import.xlsx.noSheets': 'The workbook “{name}” has no sheets.',
  'import.xlsx.otherSheets': 'The workbook has {count} sheets; the sheet “{sheet}” was read.',
  'import.internal': 'Unexpected error while reading the file ({detail}).',
  'import.worker.badMessage': 'Unexpected message received by the file reader.',
  'import.join.noKeyColumn':
    'No column matches territory codes or names (EPCI SIREN, commune INSEE code, Territoire d’industrie).',
  'import.join.keyDetected': 'Column “{column}” recognised as {kindLabel} ({percent}% of values recognised).',
  'import.join.summary': '{matched} of {total} rows joined to a territory; {unmatched} not joined.',
  'import.join.unknownCode': 'Row {row}: “{value}” matches no known territory.',
  'import.join.unknownName': 'Row {row}: “{value}” matches no known name.',
  'import.join.unknownNameSuggest': 'Row {row}: “{value}” matches no known name; did you mean {suggestions}?',
  'import.join.duplicate': 'Territory {code} appears several times (rows {rows}); these rows are not joined.',
  'import.join.ambiguousName':
    'Row {row}: several communes are named “{value}” ({count}); add the INSEE code or a département column.',
  'import.join.emptyKey': 'Row {row}: the column “{column}” is empty.',
  'import.join.leadingZeroRepaired':
    '{count} codes had lost their leading zero and were fixed (e.g. “{example}” → “{repaired}”).',
  'import.join.needsConfirmation': '{count} rows joined by name: check them before confirming.',
  'import.join.kind.epci-siren': 'EPCI SIREN',
  'import.join.kind.commune-insee': 'commune INSEE code',
  'import.join.kind.ti-id': 'Territoire d’industrie identifier',
  'import.join.kind.epci-name': 'EPCI name',
  'import.join.kind.commune-name': 'commune name',
  'import.join.kind.ti-name': 'Territoire d’industrie name',
  'import.aggregate.partial':
    '{group}: {missing} of {members} members have no value; the result only covers {withValue} members.',
  'import.aggregate.allMissing': '{group}: no member has a value; the result is empty.',
  'import.aggregate.notNumeric': 'Column “{column}” is not numeric.',
  'import.aggregate.weightMissing': 'A weight column is required for the weighted mean.',
  'import.aggregate.needsCommuneKey': 'Aggregation requires a table joined to communes.',
};

export type ImportLang = 'fr' | 'en';

const DELIMITER_LABEL: Record<ImportLang, Record<string, string>> = {
  fr: { '\t': 'tabulation', ' ': 'espace' },
  en: { '\t': 'tab', ' ': 'space' },
};

/**
 * Fills a template. Params named `delimiter` or `found` holding a tab are rendered as a word;
 * a param named `kind` also gets `kindLabel` filled from the `import.join.kind.*` entries.
 * Unknown placeholders are left as is.
 */
export function formatImportMessage(
  message: { key: ImportMessageKey; params: Record<string, string | number> },
  lang: ImportLang = 'fr',
): string {
  const table = lang === 'fr' ? IMPORT_MESSAGES_FR : IMPORT_MESSAGES_EN;
  const template: string = table[message.key] ?? message.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'kindLabel' && !('kindLabel' in message.params) && typeof message.params.kind === 'string') {
      const k = `import.join.kind.${message.params.kind}` as ImportMessageKey;
      return table[k] ?? message.params.kind;
    }
    if (!(name in message.params)) return whole;
    const value = message.params[name];
    if ((name === 'delimiter' || name === 'found') && typeof value === 'string') {
      return DELIMITER_LABEL[lang][value] ?? value;
    }
    if (typeof value === 'number') return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
    return value;
  });
}

/** Helper to build a message value. */
export function msg(
  key: ImportMessageKey,
  params: Record<string, string | number> = {},
): { key: ImportMessageKey; params: Record<string, string | number> } {
  return { key, params };
}
