/**
 * The typed load shared by every format: the source (read_csv over UTF-8 text, or a staging table of
 * text) is read as text, each column gets the narrowest type every value fits, and the table is
 * created in one pass. Types come from the first rows; the typed load verifies every row and, when a
 * later value does not fit, inference runs again over the whole file (nothing is ever lost).
 */
import type { DbPort } from '../db-port.ts';
import { queryRows } from '../query-rows.ts';
import {
  buildCreateTypedTableSql,
  buildInferTypesSql,
  chooseType,
  INFER_SAMPLE_ROWS,
  TYPE_GUARD_ERROR,
  type ColumnStats,
  type TypedColumn,
} from '../../ingest/build-load-sql.ts';
import type { LoadProgress } from './load-types.ts';

function columnStats(row: Record<string, unknown>, i: number): ColumnStats {
  const stat = (k: string) => Number(row[`c${i}_${k}`] ?? 0);
  return {
    n: stat('n'),
    int: stat('int'),
    dec: stat('dec'),
    scale: stat('scale'),
    date: stat('date'),
    ts: stat('ts'),
    bool: stat('bool'),
  };
}

async function inferTypes(
  db: DbPort,
  reader: string,
  columns: string[],
  sampleRows?: number,
): Promise<TypedColumn[]> {
  const row = (await queryRows(db, buildInferTypesSql(reader, columns, sampleRows)))[0]!;
  return columns.map((name, i) => ({ name, ...chooseType(columnStats(row, i)) }));
}

export async function typeColumns(
  db: DbPort,
  table: string,
  reader: string,
  columns: string[],
  progress: (p: LoadProgress) => void,
  options: { sampleReader?: string | undefined; rename?: ReadonlyMap<string, string> } = {},
): Promise<TypedColumn[]> {
  const renamed = (typed: TypedColumn[]): TypedColumn[] =>
    typed.map((c) => {
      const to = options.rename?.get(c.name);
      return to === undefined ? c : { ...c, name: to, from: c.name };
    });
  const create = (typed: TypedColumn[], from: number) =>
    db.queryIpc(buildCreateTypedTableSql(table, reader, typed), (f) =>
      progress({ phase: 'load', done: from + f * (100 - from), total: 100, unit: 'percent' }),
    );
  const sampled = renamed(await inferTypes(db, options.sampleReader ?? reader, columns, INFER_SAMPLE_ROWS));
  try {
    await create(sampled, 0);
    return sampled;
  } catch (e) {
    if (!(e instanceof Error) || !e.message.includes(TYPE_GUARD_ERROR)) throw e;
  }
  progress({ phase: 'load', done: 0, total: 100, unit: 'percent' });
  const exact = renamed(await inferTypes(db, reader, columns));
  await create(exact, 50);
  return exact;
}
