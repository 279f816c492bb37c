// Indicators built from the stored tables, working like the built-in ones.
import type { AggregateRule, KeyKind } from '../import/index.ts';
import { type Aggregation, codesOf, type IndicatorContext, type NumericIndicator, type Tr } from '../indicators.ts';
import type { Level } from '../view.ts';
import { userIndicatorId } from './ids.ts';
import type { UserColumn, UserTable } from './types.ts';

const KIND_LABEL: Record<KeyKind, Tr> = {
  'commune-insee': { fr: 'code INSEE de commune', en: 'commune INSEE code' },
  'epci-siren': { fr: 'SIREN d’EPCI', en: 'EPCI SIREN' },
  'ti-id': { fr: 'identifiant de TI', en: 'TI identifier' },
  'commune-name': { fr: 'nom de commune', en: 'commune name' },
  'epci-name': { fr: 'nom d’EPCI', en: 'EPCI name' },
  'ti-name': { fr: 'nom de TI', en: 'TI name' },
};

const RULE_LABEL: Record<AggregateRule, Tr> = {
  sum: { fr: 'somme', en: 'sum' },
  mean: { fr: 'moyenne', en: 'mean' },
  'weighted-mean': { fr: 'moyenne pondérée', en: 'weighted mean' },
  min: { fr: 'minimum', en: 'minimum' },
  max: { fr: 'maximum', en: 'maximum' },
  count: { fr: 'nombre de valeurs', en: 'count of values' },
};

function formatDate(iso: string, lang: 'fr' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** « Vos données : fichier.csv, importé le 3 mars 2026 » */
function userSourceLine(table: Pick<UserTable, 'fileName' | 'importedAt' | 'sheet'>): Tr {
  const file = table.sheet ? `${table.fileName} (${table.sheet})` : table.fileName;
  return {
    fr: `Vos données : ${file}, importé le ${formatDate(table.importedAt, 'fr')}`,
    en: `Your data: ${file}, imported on ${formatDate(table.importedAt, 'en')}`,
  };
}

function aggregationOf(col: UserColumn, table: UserTable): Aggregation {
  if (col.tiRule === 'none') {
    return {
      rule: 'none',
      why: { fr: 'Non agrégeable aux TI (choix fait à l’import).', en: 'Not aggregable to TI (chosen at import).' },
    };
  }
  if (col.tiRule === 'direct')
    return { rule: 'rule', text: { fr: 'valeurs du fichier (clé TI)', en: 'values from the file (TI key)' } };
  if (col.tiRule === 'sum' && table.level === 'epci') return { rule: 'sum' };
  const r = RULE_LABEL[col.tiRule];
  const from =
    table.level === 'commune' ? { fr: 'des communes', en: 'of communes' } : { fr: 'des EPCI', en: 'of EPCI' };
  return { rule: 'rule', text: { fr: `${r.fr} ${from.fr}`, en: `${r.en} ${from.en}` } };
}

function definitionOf(col: UserColumn, table: UserTable): Tr {
  const k = KIND_LABEL[table.keyKind];
  const epci = col.epciRule === null || col.epciRule === 'direct' ? null : RULE_LABEL[col.epciRule];
  const w = col.weight
    ? { fr: ` (pondération : « ${col.weight} »)`, en: ` (weight: “${col.weight}”)` }
    : { fr: '', en: '' };
  return {
    fr: `Colonne « ${col.header} » du fichier « ${table.fileName} », rattachée par la colonne « ${table.keyColumn} » (${k.fr})${epci ? ` ; EPCI : ${epci.fr} des communes${w.fr}` : ''}.`,
    en: `Column “${col.header}” of the file “${table.fileName}”, joined on the column “${table.keyColumn}” (${k.en})${epci ? `; EPCI: ${epci.en} of communes${w.en}` : ''}.`,
  };
}

function caveatOf(col: UserColumn, table: UserTable): Tr | undefined {
  const fr: string[] = [],
    en: string[] = [];
  const partial = col.partial.epci + col.partial.ti2023 + col.partial.ti2018;
  if (partial > 0) {
    const parts = [
      col.partial.epci && `${col.partial.epci} EPCI`,
      col.partial.ti2023 && `${col.partial.ti2023} TI 2023–2027`,
      col.partial.ti2018 && `${col.partial.ti2018} TI 2018–2022`,
    ]
      .filter(Boolean)
      .join(', ');
    if (col.dropPartial) {
      fr.push(`Territoires couverts en partie par le fichier laissés vides : ${parts}.`);
      en.push(`Territories only partly covered by the file left empty: ${parts}.`);
    } else {
      fr.push(`Valeurs partielles (une partie des membres seulement) : ${parts}.`);
      en.push(`Partial values (only some members): ${parts}.`);
    }
  }
  if (table.unmatched > 0) {
    fr.push(`${table.unmatched} ligne(s) du fichier non rattachée(s).`);
    en.push(`${table.unmatched} row(s) of the file not joined.`);
  }
  if (table.byName > 0) {
    fr.push(`${table.byName} ligne(s) rattachée(s) par le nom.`);
    en.push(`${table.byName} row(s) joined by name.`);
  }
  return fr.length ? { fr: fr.join(' '), en: en.join(' ') } : undefined;
}

/** Values aligned with `codes`: null where the territory has no value (never 0). */
function aligned(codes: readonly string[], values: Record<string, number>): (number | null)[] {
  return codes.map((c) => (Object.hasOwn(values, c) ? values[c] : null));
}

function levelsOf(col: UserColumn): Level[] {
  const levels: Level[] = [];
  if (col.epciRule !== null) levels.push('epci');
  if (col.tiRule !== 'none') levels.push('ti');
  return levels;
}

/** A user indicator: a NumericIndicator whose values come from the stored table. */
export type UserIndicator = NumericIndicator & { user: true; userSource: Tr; tableId: string; columnId: string };

/**
 * Indicators of every column of every table, with `values(ctx)` aligned with `codesOf(ctx)`:
 * EPCI values at EPCI level, the generation's TI values at TI level; null where there is no value.
 */
export function userIndicatorsFrom(tables: readonly UserTable[]): UserIndicator[] {
  const out: UserIndicator[] = [];
  for (const table of tables) {
    const source = userSourceLine(table);
    for (const col of table.columns) {
      // Memoised per codes array (the artefact arrays are stable for the session).
      const cache = new WeakMap<readonly string[], (number | null)[]>();
      const values = (ctx: IndicatorContext): (number | null)[] => {
        const codes = codesOf(ctx);
        let v = cache.get(codes);
        if (!v) {
          v = aligned(codes, ctx.level === 'ti' ? (col.ti[ctx.generation] ?? {}) : col.epci);
          cache.set(codes, v);
        }
        return v;
      };
      const suffix = { fr: ' (vos données)', en: ' (your data)' };
      const ind: UserIndicator = {
        id: userIndicatorId(table, col),
        type: 'numeric',
        theme: 'user',
        user: true,
        tableId: table.id,
        columnId: col.id,
        label: { fr: col.label + suffix.fr, en: col.label + suffix.en },
        short: { fr: col.label, en: col.label },
        definition: definitionOf(col, table),
        sources: [],
        userSource: source,
        year: () => col.year || '—',
        levels: levelsOf(col),
        aggregation: aggregationOf(col, table),
        caveat: caveatOf(col, table),
        unit: { fr: col.unit, en: col.unit },
        decimals: col.decimals,
        direction: col.direction,
        kind: col.kind,
        compute: () => null,
        values,
      };
      out.push(ind);
    }
  }
  return out;
}
