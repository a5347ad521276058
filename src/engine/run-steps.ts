/**
 * The generic driver for pure step descriptions (src/ingest/cleaning/steps.ts): run each step's
 * statements in order, then its query, and hand the rows back until the steps return their value.
 */
import type { DbPort } from './db-port.ts';
import type { Steps } from '../ingest/cleaning/steps.ts';
import { queryRows } from './query-rows.ts';

export async function runSteps<T>(db: DbPort, steps: Steps<T>): Promise<T> {
  let next = steps.next([]);
  while (!next.done) {
    const { sql = [], query } = next.value;
    for (const statement of typeof sql === 'string' ? [sql] : sql) await db.exec(statement);
    next = steps.next(query === undefined ? [] : await queryRows(db, query));
  }
  return next.value;
}
