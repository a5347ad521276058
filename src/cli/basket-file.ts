/**
 * The CLI's basket file (issue 15, `baskets:PATH`): one basket per line, items separated by commas
 * (basket-lines.ts), loaded into the baskets role's table (basket_id, customer_id, item) with its
 * report written as baskets_cleaning.json (lines read = baskets + set aside).
 */
import { readFile } from 'node:fs/promises';
import type { DbPort } from '../engine/db-port.ts';
import { writeTable } from '../engine/run-model.ts';
import { parseBasketLines } from '../analyses/basket/basket-lines.ts';
import { BASKETS_ROLE } from '../ingest/roles/baskets.ts';
import { CliError } from './cli-error.ts';

export const BASKETS_TABLE: string = BASKETS_ROLE.tables.baskets ?? 'baskets_clean';

export async function loadBasketFile(
  db: DbPort,
  path: string,
  write: (name: string, data: unknown) => Promise<void>,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      `${path}: a basket file must be UTF-8 text (one basket per line, items separated by commas)`,
    );
  }
  const parsed = parseBasketLines(text);
  if (parsed.report.baskets === 0) throw new CliError(`${path}: no basket with an item`);
  await writeTable(db, {
    name: BASKETS_TABLE,
    columns: [
      { name: 'basket_id', type: 'int' },
      { name: 'customer_id', type: 'text' },
      { name: 'item', type: 'text' },
    ],
    values: [parsed.basketIds, parsed.basketIds.map(() => null), parsed.items],
  });
  await write('baskets_cleaning.json', {
    file: path,
    format: 'one basket per line, items separated by commas',
    lines_read: parsed.report.lines,
    baskets_used: parsed.report.baskets,
    set_aside: parsed.report.setAside,
    repeated_items_counted_once: parsed.report.repeatedItems,
    distinct_items: parsed.report.distinctItems,
  });
  return BASKETS_TABLE;
}
