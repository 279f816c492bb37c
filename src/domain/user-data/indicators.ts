// Indicators built from the stored tables, working like the built-in ones.
import type { AggregateRule, KeyKind } from '../import/index.ts';
import { type Aggregation, codesOf, type IndicatorContext, type NumericIndicator } from '../indicators.ts';
import type { Text } from '../text.ts';
import type { Level } from '../view.ts';
import { userIndicatorId } from './ids.ts';
import type { UserColumn, UserTable } from './types.ts';

const userText = (key: string, params?: Record<string, string | number | Text>): Text => ({
  key: `ind.user.${key}`,
  params,
});
const kindLabel = (kind: KeyKind): Text => userText(`kind.${kind}`);
const ruleLabel = (rule: AggregateRule): Text => userText(`rule.${rule}`);

/** « Vos données : fichier.csv, importé le 3 mars 2026 » */
function userSourceLine(table: Pick<UserTable, 'fileName' | 'importedAt' | 'sheet'>): Text {
  const file = table.sheet ? userText('sheet', { file: table.fileName, sheet: table.sheet }) : table.fileName;
  return userText('source', { file, date: table.importedAt });
}

function aggregationOf(col: UserColumn, table: UserTable): Aggregation {
  if (col.tiRule === 'none') return { rule: 'none', why: userText('aggregation.none') };
  if (col.tiRule === 'direct') return { rule: 'rule', text: userText('aggregation.direct') };
  if (col.tiRule === 'sum' && table.level === 'epci') return { rule: 'sum' };
  const from = table.level === 'commune' ? 'aggregation.fromCommunes' : 'aggregation.fromEpci';
  return { rule: 'rule', text: userText(from, { rule: ruleLabel(col.tiRule) }) };
}

function definitionOf(col: UserColumn, table: UserTable): Text {
  const epci =
    col.epciRule === null || col.epciRule === 'direct'
      ? ''
      : userText('definitionEpci', {
          rule: ruleLabel(col.epciRule),
          weight: col.weight ? userText('definitionWeight', { weight: col.weight }) : '',
        });
  return userText('definition', {
    header: col.header,
    file: table.fileName,
    keyColumn: table.keyColumn,
    kind: kindLabel(table.keyKind),
    epci,
  });
}

function caveatOf(col: UserColumn, table: UserTable): Text | undefined {
  const all: Text[] = [];
  const partial = col.partial.epci + col.partial.ti2023 + col.partial.ti2018;
  if (partial > 0) {
    const parts = [
      col.partial.epci && `${col.partial.epci} EPCI`,
      col.partial.ti2023 && `${col.partial.ti2023} TI 2023–2027`,
      col.partial.ti2018 && `${col.partial.ti2018} TI 2018–2022`,
    ]
      .filter(Boolean)
      .join(', ');
    all.push(userText(col.dropPartial ? 'caveat.partialDropped' : 'caveat.partial', { parts }));
  }
  if (table.unmatched > 0) all.push(userText('caveat.unmatched', { count: table.unmatched }));
  if (table.byName > 0) all.push(userText('caveat.byName', { count: table.byName }));
  return all.length ? { all } : undefined;
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
export type UserIndicator = NumericIndicator & { user: true; userSource: Text; tableId: string; columnId: string };

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
      const ind: UserIndicator = {
        id: userIndicatorId(table, col),
        type: 'numeric',
        theme: 'user',
        user: true,
        tableId: table.id,
        columnId: col.id,
        label: userText('label', { label: col.label }),
        short: { text: col.label },
        definition: definitionOf(col, table),
        sources: [],
        userSource: source,
        year: () => col.year || '—',
        levels: levelsOf(col),
        aggregation: aggregationOf(col, table),
        caveat: caveatOf(col, table),
        unit: { text: col.unit },
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
