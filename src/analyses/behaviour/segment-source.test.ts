import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import {
  buildListTablesSql,
  buildSegmentLabelsSql,
  buildTableRowsSql,
  SEGMENTS_TABLE,
} from './build-segment-source-sql.ts';

let db: DbPort;
const rowsOf = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));

beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

describe('segment source', () => {
  it('lists tables and views, and sees the segment table only once it exists', async () => {
    expect(await rowsOf(buildListTablesSql())).toEqual([]);
    await db.exec(`CREATE TABLE purchases_t (x INTEGER)`);
    await db.exec(`CREATE VIEW purchases AS SELECT * FROM purchases_t`);
    expect((await rowsOf(buildListTablesSql())).map((r) => r.name)).toEqual(['purchases', 'purchases_t']);
    await db.exec(
      `CREATE TABLE ${SEGMENTS_TABLE} AS SELECT * FROM (VALUES
        ('A', 'champions', '重要价值'), ('B', 'champions', '重要价值'), ('C', 'at_risk', '重要挽留'),
        ('D', 'other', NULL), ('E', NULL, NULL)) t(customer_id, segment, segment_label)`,
    );
    expect((await rowsOf(buildListTablesSql())).map((r) => r.name)).toContain(SEGMENTS_TABLE);
  });

  it('gives segment ids with their labels, biggest first, ties by id, NULL segments left out', async () => {
    expect(await rowsOf(buildSegmentLabelsSql())).toEqual([
      { segment: 'champions', segment_label: '重要价值', customers: 2 },
      { segment: 'at_risk', segment_label: '重要挽留', customers: 1 },
      { segment: 'other', segment_label: null, customers: 1 },
    ]);
  });

  it('reads a table with a limit and quotes hostile names', async () => {
    expect(await rowsOf(buildTableRowsSql(SEGMENTS_TABLE, 2))).toHaveLength(2);
    expect(await rowsOf(buildTableRowsSql(SEGMENTS_TABLE))).toHaveLength(5);
    expect(buildTableRowsSql('x"; DROP TABLE y; --')).toBe('SELECT * FROM "x""; DROP TABLE y; --"');
    expect(() => buildTableRowsSql(SEGMENTS_TABLE, 0)).toThrow(/bad limit/);
  });
});
