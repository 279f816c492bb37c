// French texts of the indicators (src/domain/indicators-*.ts hold keys `ind.<id>.<field>`:
// label, short, definition, unit, caveat, notRanked, aggregation, cat.<value>), of texts shared by
// several indicators (`ind.shared.*`) and of the indicators made from imported tables (`ind.user.*`).
export const indicatorsFr = {
  shared: {
    cerema:
      'Cerema : base non exhaustive, à ne pas utiliser pour classer les territoires. 12 910 sites BASIAS/BASOL « non vérifiés » ; type « inconnu » pour 18 958 sites ; surfaces très dispersées.',
    ceremaNoRank:
      'Non classé : le nombre de sites dépend des contributions locales et n’est pas comparable d’un territoire à l’autre (avertissement du Cerema).',
    urssafInterim:
      'Série provisoire (compilation tierce des données Urssaf, secteur privé, régime général) ; Mayotte non couverte.',
    notAggMedian: 'Médiane : non agrégeable. Valeurs affichées par membre.',
    notAggShare:
      'Part sans effectifs dans la source : pas de moyenne pondérable honnête. Valeurs affichées par membre.',
    zeCaveat:
      'Chiffres de la zone d’emploi principale (où vit la plus grande part de la population), pas de l’EPCI ni du TI : chaque territoire est coloré selon sa zone. Emplois salariés privés (Urssaf, compilation provisoire), industrie = sections B à E ; années disponibles : 2019, 2022, 2023, 2024 ; Mayotte non couverte.',
    zeNoRank: 'Pas de rang : la valeur est celle de la zone d’emploi, partagée par tous les territoires de la zone.',
    zeAggregation: 'Zone d’emploi principale du TI (par population de ses communes), jamais une somme de zones',
  },
  friches: {
    label: 'Friches recensées (tous statuts)',
    short: 'Friches',
    definition: 'Nombre de sites référencés dans Cartofriches, toutes sources et tous statuts.',
    unit: 'sites',
  },
  friches_sans_projet: {
    label: 'Friches sans projet',
    definition: 'Sites au statut « friche sans projet » (mobilisables a priori).',
    unit: 'sites',
  },
  friches_industrielles: {
    label: 'Friches industrielles',
    definition:
      'Sites de type « friche industrielle » ou « agro-industrielle » (le type est inconnu pour 79 % des sites).',
    unit: 'sites',
  },
  friches_10k: {
    label: 'Friches pour 10 000 habitants',
    definition: 'Nombre de sites Cartofriches rapporté à la population municipale 2022.',
    unit: 'pour 10 000 hab.',
  },
  friches_surface: {
    label: 'Surface des friches recensées',
    definition: 'Somme des surfaces déclarées des sites (très dispersées : le plus grand site fait 7 400 ha).',
    unit: 'ha',
  },
  emploi: {
    label: 'Emplois salariés privés',
    definition: 'Effectifs salariés du secteur privé (Urssaf) en fin de période choisie.',
    unit: 'emplois',
  },
  emploi_evol_pct: {
    label: 'Évolution de l’emploi salarié privé (%)',
    short: 'Évolution emploi (%)',
    definition:
      'Variation des effectifs salariés privés entre les deux années choisies, en %. Pour un TI : variation de la somme des membres.',
    unit: '%',
  },
  emploi_evol: {
    label: 'Évolution de l’emploi salarié privé (emplois)',
    short: 'Évolution emploi',
    definition: 'Emplois gagnés ou perdus entre les deux années choisies.',
    unit: 'emplois',
  },
  part_industrie: {
    label: 'Part de l’emploi dans l’industrie',
    definition: 'Emplois au lieu de travail dans l’industrie / emplois au lieu de travail × 100 (recensement 2022).',
    unit: '%',
    caveat:
      'La source donne une valeur pour la Métropole du Grand Paris et une pour chacun de ses EPT : un EPT membre d’un TI a sa propre valeur (profil de l’EPT), jamais celle de la Métropole.',
  },
  ze_emploi_industriel: {
    label: 'Emploi industriel de la zone d’emploi',
    short: 'Emploi industriel (zone)',
    definition:
      'Effectifs salariés privés de l’industrie (A38, sections B à E) de la zone d’emploi principale du territoire, en fin de période (année disponible la plus proche).',
    unit: 'emplois',
  },
  ze_emploi_industriel_evol_pct: {
    label: 'Évolution de l’emploi industriel de la zone d’emploi (%)',
    short: 'Évolution emploi industriel (zone, %)',
    definition:
      'Variation en % des effectifs salariés privés de l’industrie de la zone d’emploi principale entre les années choisies (ramenées aux années disponibles : 2019, 2022, 2023, 2024).',
    unit: '%',
  },
  ze_emploi_industriel_evol: {
    label: 'Évolution de l’emploi industriel de la zone d’emploi (emplois)',
    short: 'Évolution emploi industriel (zone)',
    definition:
      'Emplois industriels gagnés ou perdus dans la zone d’emploi principale entre les années choisies (ramenées aux années disponibles).',
    unit: 'emplois',
  },
  zibac: {
    label: 'ZIBaC : zone lauréate connue',
    definition:
      'EPCI accueillant un site d’une zone industrielle bas carbone lauréate (10 zones connues ; une source en cite 11). Sauf Loire Estuaire, le périmètre officiel n’est pas publié : ce sont les EPCI qui accueillent les sites nommés.',
    cat: {
      yes: 'Accueille une ZIBaC lauréate',
      no: 'Aucune zone connue',
    },
  },
  sprint: {
    label: 'Sprint Innovation : éligibilité',
    definition:
      'Éligibilité des TI 2023–2027 selon la règle des départements exclus (lecture littérale de la liste publiée, voir Sources), appliquée à la part de la population vivant dans chaque département (seuil 5 %). Un EPCI d’un TI est évalué sur sa propre population.',
    aggregation: 'Règle appliquée à la population du TI par département',
    cat: {
      eligible: 'Éligible',
      partial: 'En partie dans un département exclu',
      'not-eligible': 'Non éligible',
      'outside-ti': 'Hors TI 2023–2027',
      'not-applicable': 'Non applicable (programme 2023–2027)',
    },
  },
  population: {
    label: 'Population municipale',
    definition: 'Population municipale légale (millésime 2022, en vigueur en 2025).',
    unit: 'hab.',
  },
  densite: {
    label: 'Densité de population',
    definition: 'Population municipale 2022 / superficie IGN.',
    unit: 'hab./km²',
  },
  frr: {
    label: 'Communes classées FRR (%)',
    definition:
      'Part des communes classées France Ruralités Revitalisation (FRR, FRR+, bénéficiaires, y compris partiellement) au 10 juillet 2025.',
    unit: '% des communes',
  },
  logements_autorises: {
    label: 'Logements autorisés',
    definition: 'Logements autorisés dans l’année (Sitadel).',
    unit: 'logements',
  },
  vacance: {
    label: 'Logements vacants depuis 2 ans ou plus',
    definition: 'Part des logements du parc privé vacants depuis au moins 2 ans (LOVAC).',
    unit: '%',
  },
  prix_maisons: {
    label: 'Prix médian des maisons',
    definition: 'Prix médian au m² des ventes de maisons (DVF).',
    unit: '€/m²',
  },
  user: {
    label: '{{label}} (vos données)',
    source: 'Vos données : {{file}}, importé le {{date, longDate}}',
    sheet: '{{file}} ({{sheet}})',
    kind: {
      'commune-insee': 'code INSEE de commune',
      'epci-siren': 'SIREN d’EPCI',
      'ti-id': 'identifiant de TI',
      'commune-name': 'nom de commune',
      'epci-name': 'nom d’EPCI',
      'ti-name': 'nom de TI',
    },
    rule: {
      sum: 'somme',
      mean: 'moyenne',
      'weighted-mean': 'moyenne pondérée',
      min: 'minimum',
      max: 'maximum',
      count: 'nombre de valeurs',
    },
    aggregation: {
      none: 'Non agrégeable aux TI (choix fait à l’import).',
      direct: 'valeurs du fichier (clé TI)',
      fromCommunes: '{{rule}} des communes',
      fromEpci: '{{rule}} des EPCI',
    },
    definition:
      'Colonne « {{header}} » du fichier « {{file}} », rattachée par la colonne « {{keyColumn}} » ({{kind}}){{epci}}.',
    definitionEpci: ' ; EPCI : {{rule}} des communes{{weight}}',
    definitionWeight: ' (pondération : « {{weight}} »)',
    caveat: {
      partialDropped: 'Territoires couverts en partie par le fichier laissés vides : {{parts}}.',
      partial: 'Valeurs partielles (une partie des membres seulement) : {{parts}}.',
      unmatched_one: '{{count}} ligne du fichier non rattachée.',
      unmatched_other: '{{count}} lignes du fichier non rattachées.',
      byName_one: '{{count}} ligne rattachée par le nom.',
      byName_other: '{{count}} lignes rattachées par le nom.',
    },
  },
};

export type IndicatorsDict = typeof indicatorsFr;
