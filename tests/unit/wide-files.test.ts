/**
 * Wide files (issue 20): a file wider than WIDE_FILE_COLUMNS is typed from the long (unpivoted) form,
 * which gives the same types as the one-row aggregate and stays small: 200 columns × 300 rows ran out
 * of memory before. Same data through both forms → the same counts, column by column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { queryRows } from '../../src/engine/query-rows.ts';
import { loadSource } from '../../src/engine/readers/load-source.ts';
import { bytesSourceFile } from '../../src/engine/source-file.ts';
import {
  buildInferTypesLongSql,
  buildInferTypesSql,
  inferSampleRows,
  WIDE_FILE_COLUMNS,
} from '../../src/ingest/build-load-sql.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

/** One column per kind of content, with blanks, NULLs, leading zeros and a name that needs quoting. */
const COLUMNS: Record<string, (string | null)[]> = {
  ints: ['1', '-20', ' 300 ', '', null],
  decimals: ['1.5', '2', '-0.125', null, ''],
  ids: ['007', '12', '13', '14', '15'],
  dates: ['2024-01-31', '2024-02-29', '', null, '2024-03-01'],
  stamps: ['2024-01-31 10:00', '2024-02-01T08:30:15', '2024-02-02', null, null],
  flags: ['true', 'FALSE', 'True', '', null],
  text: ['a', '1', '2024-01-01', 'x y', null],
  empty: ['', '', null, null, ''],
  nulls: [null, null, null, null, null],
  'we"ird col': ['1', '2', '3', '4', '5'],
};

describe('type inference for wide files', () => {
  it('the long form counts exactly what the one-row form counts', async () => {
    const names = Object.keys(COLUMNS);
    const cell = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
    const rows = [0, 1, 2, 3, 4].map((r) => `(${names.map((n) => cell(COLUMNS[n]![r]!)).join(', ')})`);
    const quoted = names.map((n) => `"${n.replaceAll('"', '""')}" VARCHAR`).join(', ');
    await db.exec(`CREATE OR REPLACE TABLE mixed (${quoted})`);
    await db.exec(`INSERT INTO mixed VALUES ${rows.join(', ')}`);
    const wide = (await queryRows(db, buildInferTypesSql('mixed', names)))[0]!;
    const long = await queryRows(db, buildInferTypesLongSql('mixed', names));
    const kinds = ['n', 'int', 'dec', 'scale', 'date', 'ts', 'bool'];
    const fromWide = names.map((_, i) => kinds.map((k) => Number(wide[`c${i}_${k}`])));
    const fromLong = names.map((_, i) => {
      const row = long.find((r) => Number(r.col) === i);
      return kinds.map((k) => (row ? Number(row[k]) : 0));
    });
    expect(fromLong).toEqual(fromWide);
    // Hand-checked: ints has 3 non-empty values, all integers; stamps 3 values of which 2 timestamps.
    expect(fromLong[0]).toEqual([3, 3, 3, 0, 0, 0, 0]);
    expect(fromLong[4]!.slice(0, 1).concat(fromLong[4]!.slice(4, 6))).toEqual([3, 1, 2]);
    // A column that is NULL throughout has no row in the long form: it counts as empty.
    expect(long.some((r) => Number(r.col) === names.indexOf('nulls'))).toBe(false);
  });

  it('loads a 200-column CSV with the types of its columns', async () => {
    expect(200).toBeGreaterThan(WIDE_FILE_COLUMNS);
    const header = ['order_id', 'customer_id', 'order_date', 'amount'];
    for (let i = 4; i < 200; i++) header.push(`extra_${i}`);
    const lines = [header.join(',')];
    for (let r = 0; r < 300; r++) {
      const extras = Array.from({ length: 196 }, (_, i) =>
        i % 3 === 0 ? String(r) : i % 3 === 1 ? `x${r}` : '',
      );
      lines.push([`O${r}`, `C${r % 50}`, `2024-0${1 + (r % 9)}-1${r % 9}`, `${r}.25`, ...extras].join(','));
    }
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const profile = await loadSource(db, bytesSourceFile('wide.csv', bytes), { table: 'wide' });
    expect(profile.rowCount).toBe(300);
    expect(profile.columns).toHaveLength(200);
    const types = Object.fromEntries(profile.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      order_id: 'VARCHAR',
      order_date: 'DATE',
      amount: 'DECIMAL(18, 2)',
      extra_4: 'BIGINT',
      extra_5: 'VARCHAR',
      extra_6: 'VARCHAR',
    });
  });
});

describe('sample size', () => {
  it('keeps the sample near 200,000 cells, between 2,000 and 10,000 rows', () => {
    expect([10, 20, 24, 80, 200, 5000].map(inferSampleRows)).toEqual([
      10_000, 10_000, 8_333, 2_500, 2_000, 2_000,
    ]);
  });
});
