// French texts of the spreadsheet import (reports, errors, warnings): the import core returns
// message descriptors (src/domain/import/messages.ts: a key and its parameters), the UI translates
// them (src/ui/import/format.ts). Row numbers are 1-based and count the header row.
export const importFr = {
  file: {
    tooLarge:
      'Le fichier « {{name}} » pèse {{sizeMb}} Mo : la limite est de {{maxMb}} Mo. Retirez des colonnes ou des lignes inutiles, ou découpez-le.',
    empty: 'Le fichier « {{name}} » est vide.',
    binary:
      'Le fichier « {{name}} » n’est pas un texte CSV : il contient des données binaires (format détecté : {{format}}).',
    xlsxNamedCsv:
      'Le fichier « {{name}} » est en réalité un classeur Excel (.xlsx) renommé en .csv. Renommez-le en .xlsx ou enregistrez-le au format CSV depuis Excel.',
    xlsUnsupported:
      'Le fichier « {{name}} » est au format Excel 97-2003 (.xls), non pris en charge. Enregistrez-le en .xlsx ou en CSV.',
    odsUnsupported:
      'Le fichier « {{name}} » est au format OpenDocument (.ods), non pris en charge. Enregistrez-le en .xlsx ou en CSV.',
    unsupportedType:
      'Le type de fichier « .{{ext}} » de « {{name}} » n’est pas pris en charge : choisissez un fichier CSV ou XLSX.',
  },
  decode: {
    windows1252:
      'Le fichier n’est pas en UTF-8 : il a été lu comme Windows-1252 (export Excel français). Vérifiez les accents.',
    suspectEncoding:
      'Ligne {{row}} : caractères inattendus (« {{sample}} ») ; l’encodage du fichier est peut-être incorrect (lu comme {{encoding}}). Réenregistrez-le en « CSV UTF-8 ».',
    mojibake:
      'Ligne {{row}} : accents mal encodés (« {{sample}} ») ; le fichier a sans doute été converti deux fois en UTF-8.',
  },
  csv: {
    lineTooLong:
      'Ligne {{row}} : la ligne dépasse {{maxMb}} Mo ; ce n’est probablement pas un fichier CSV (ou les retours à la ligne manquent).',
    singleColumn:
      'Aucun séparateur (« ; », « , », tabulation, « | ») n’a été trouvé : le fichier est lu comme une seule colonne.',
    raggedRow:
      'Ligne {{row}} : {{found}} colonnes au lieu de {{expected}} (séparateur « {{delimiter}} » détecté). Ligne ignorée.',
    mixedDelimiter:
      'Ligne {{row}} : séparateur « {{found}} » au lieu de « {{delimiter}} » (séparateurs mélangés). Ligne ignorée.',
    moreRowsSkipped_one: '… et {{count, n}} autre ligne ignorée pour la même raison.',
    moreRowsSkipped_other: '… et {{count, n}} autres lignes ignorées pour la même raison.',
    tooManyBadRows:
      '{{bad}} lignes sur {{total}} n’ont pas le nombre de colonnes de l’en-tête ({{expected}}, séparateur « {{delimiter}} »), dès la ligne {{row}}. Vérifiez le séparateur et les guillemets.',
    unclosedQuote: 'Ligne {{row}} : guillemet ouvert jamais refermé ; la suite du fichier ne peut pas être lue.',
  },
  table: {
    noRows: 'Le fichier « {{name}} » ne contient aucune ligne de données.',
    noDataRows: 'Le fichier ne contient que la ligne d’en-tête (ligne {{row}}) : aucune donnée à importer.',
    missingHeader:
      'Ligne {{row}} : la première ligne ressemble à des données (« {{sample}} ») ; une ligne d’en-tête avec les noms de colonnes est requise.',
    duplicateHeader:
      'Le nom de colonne « {{name}} » apparaît plusieurs fois (colonnes {{columns}}) ; elles sont renommées « {{renamed}} ».',
    emptyHeader: 'La colonne {{column}} n’a pas de nom ; elle est nommée « {{renamed}} ».',
    tooManyColumns: 'Le fichier a {{count, n}} colonnes : la limite est de {{max}}.',
    titleRowsSkipped_one: 'La première ligne (titre) est ignorée ; l’en-tête est la ligne {{row}}.',
    titleRowsSkipped_other: 'Les {{count, n}} premières lignes (titre) sont ignorées ; l’en-tête est la ligne {{row}}.',
    formulaLikeCells_one:
      '{{count, n}} cellule commence par « = », « + », « - » ou « @ » (ligne {{row}}, colonne « {{column}} » : « {{sample}} ») ; elle est traitée comme du texte, jamais comme une formule.',
    formulaLikeCells_other:
      '{{count, n}} cellules commencent par « = », « + », « - » ou « @ » (ex. ligne {{row}}, colonne « {{column}} » : « {{sample}} ») ; elles sont traitées comme du texte, jamais comme des formules.',
    partlyNumeric:
      'La colonne « {{column}} » est numérique à {{percent}} % : {{invalid}} valeurs non reconnues (ex. « {{sample}} ») seront vides.',
  },
  xlsx: {
    invalid: 'Le fichier « {{name}} » n’est pas un classeur Excel .xlsx lisible ({{reason}}).',
    sheetNotFound: 'La feuille « {{sheet}} » n’existe pas ; feuilles disponibles : {{available}}.',
    emptySheet: 'La feuille « {{sheet}} » est vide.',
    noSheets: 'Le classeur « {{name}} » ne contient aucune feuille.',
    otherSheets: 'Le classeur contient {{count, n}} feuilles ; la feuille « {{sheet}} » a été lue.',
  },
  internal: 'Erreur inattendue pendant la lecture du fichier ({{detail}}).',
  join: {
    noKeyColumn:
      'Aucune colonne ne correspond à des codes ou noms de territoires (SIREN d’EPCI, code INSEE de commune, Territoire d’industrie).',
    keyDetected: 'Colonne « {{column}} » reconnue comme {{kindLabel}} ({{percent}} % des valeurs reconnues).',
    summary: '{{matched}} lignes sur {{total}} rattachées à un territoire ; {{unmatched}} non rattachées.',
    unknownCode: 'Ligne {{row}} : « {{value}} » ne correspond à aucun territoire connu.',
    unknownName: 'Ligne {{row}} : « {{value}} » ne correspond à aucun nom connu.',
    unknownNameSuggest:
      'Ligne {{row}} : « {{value}} » ne correspond à aucun nom connu ; vouliez-vous dire {{suggestions}} ?',
    duplicate: 'Le territoire {{code}} apparaît plusieurs fois (lignes {{rows}}) ; ces lignes ne sont pas rattachées.',
    ambiguousName:
      'Ligne {{row}} : plusieurs communes s’appellent « {{value}} » ({{count, n}}) ; ajoutez le code INSEE ou une colonne département.',
    emptyKey: 'Ligne {{row}} : la colonne « {{column}} » est vide.',
    leadingZeroRepaired_one:
      '{{count, n}} code avait perdu son zéro initial et a été corrigé (ex. « {{example}} » → « {{repaired}} »).',
    leadingZeroRepaired_other:
      '{{count, n}} codes avaient perdu leur zéro initial et ont été corrigés (ex. « {{example}} » → « {{repaired}} »).',
    needsConfirmation_one: '{{count, n}} ligne rattachée par le nom : vérifiez-la avant de confirmer.',
    needsConfirmation_other: '{{count, n}} lignes rattachées par le nom : vérifiez-les avant de confirmer.',
    kind: {
      'epci-siren': 'SIREN d’EPCI',
      'commune-insee': 'code INSEE de commune',
      'ti-id': 'identifiant de Territoire d’industrie',
      'epci-name': 'nom d’EPCI',
      'commune-name': 'nom de commune',
      'ti-name': 'nom de Territoire d’industrie',
    },
  },
  aggregate: {
    partial:
      '{{group}} : {{missing}} membres sur {{members}} sans valeur ; le résultat ne porte que sur {{withValue}} membres.',
    allMissing: '{{group}} : aucun membre n’a de valeur ; le résultat est vide.',
    notNumeric: 'La colonne « {{column}} » n’est pas numérique.',
    weightMissing: 'Une colonne de pondération est requise pour la moyenne pondérée.',
    needsCommuneKey: 'L’agrégation demande une table rattachée aux communes.',
  },
  size: {
    kb: '{{n}} Ko',
    mb: '{{n}} Mo',
  },
  delimiter: {
    tab: 'tabulation',
    space: 'espace',
  },
};

export type ImportDict = typeof importFr;
