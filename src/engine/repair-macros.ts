/**
 * The repair macros (src/ingest/repair) are created once per database: creating them costs
 * 100–250 ms in the browser, and every cleaning run used to pay it again (issue 7).
 */
import type { DbPort } from './db-port.ts';
import { buildRepairMacrosSql } from '../ingest/repair/build-repair-macros-sql.ts';

const ready = new WeakMap<DbPort, Promise<void>>();

export function ensureRepairMacros(db: DbPort): Promise<void> {
  let done = ready.get(db);
  if (!done) {
    done = (async () => {
      for (const sql of buildRepairMacrosSql()) await db.exec(sql);
    })();
    ready.set(db, done);
    done.catch(() => ready.delete(db));
  }
  return done;
}
