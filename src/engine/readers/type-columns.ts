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
  buildInferTypesLongSql,
  buildInferTypesSql,
  chooseType,
  inferSampleRows,
  TYPE_GUARD_ERROR,
  type ColumnStats,
  type TypedColumn,
  WIDE_FILE_COLUMNS,
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
  if (columns.length > WIDE_FILE_COLUMNS) {
    const empty: ColumnStats = { n: 0, int: 0, dec: 0, scale: 0, date: 0, ts: 0, bool: 0 };
    const stats = columns.map(() => empty);
    for (const r of await queryRows(db, buildInferTypesLongSql(reader, columns, sampleRows))) {
      const { col, n, int, dec, scale, date, ts, bool } = r as Record<string, unknown>;
      stats[Number(col)] = {
        n: Number(n),
        int: Number(int),
        dec: Number(dec),
        scale: Number(scale),
        date: Number(date),
        ts: Number(ts),
        bool: Number(bool),
      };
    }
    return columns.map((name, i) => ({ name, ...chooseType(stats[i]!) }));
  }
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
  const sampled = renamed(
    await inferTypes(db, options.sampleReader ?? reader, columns, inferSampleRows(columns.length)),
  );
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
