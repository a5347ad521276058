import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { createPurchases } from '../behaviour/testing/purchases-fixture.ts';
import { buildGroupChoicesSql, buildTagRowsSql } from './build-group-choices-sql.ts';
import { buildGroupComparisonSql } from './build-group-comparison-sql.ts';
import { buildDropRelationsSql, buildRelationsSql, type Relation } from './build-relations-sql.ts';

let db: DbPort;
const rowsOf = async (sql: string) => decodeIpc(await db.queryIpc(sql)).rows.map((r) => ({ ...r }));

beforeAll(async () => {
  db = await openNodeDb();
  // Tags in every separator variant; C4 has blank attributes, C5 NULLs.
  await db.exec(`CREATE TABLE customers_clean AS SELECT * FROM (VALUES
    ('C1', '金卡', '女', '高价值,复购;VIP'),
    ('C2', '金卡', '男', ' VIP ， 新客 '),
    ('C3', '银卡', '女', '复购|VIP/高价值'),
    ('C4', '  ', '', '新客；复购、VIP'),
    ('C5', NULL, NULL, NULL),
    ('C6', '银卡', '男', 'VIP\u3000高价值\t,,\u00a0VIP'),
    ('C7', 'x''); DROP TABLE customers_clean; --', '女', 'a''b')
  ) t(customer_id, member_level, gender, tags)`);
  await createPurchases(db, 'purchases', [
    { customer_id: 'C1', time: '2024-01-01', net: 100 },
    { customer_id: 'C2', time: '2024-01-02', net: 50 },
    { customer_id: 'C3', time: '2024-01-03', net: 30 },
    { customer_id: 'C3', time: '2024-01-05', net: 30 },
    { customer_id: 'C6', time: '2024-01-04', net: 10 },
    { customer_id: 'C9', time: '2024-01-04', net: 999 },
  ]);
});
afterAll(async () => db.close());

describe('group choices', () => {
  it('splits tag cells on every separator and trims', async () => {
    const rows = await rowsOf(`${buildTagRowsSql('customers_clean', 'tags')} ORDER BY customer_id, tag`);
    const byCustomer: Record<string, string[]> = {};
    for (const r of rows) (byCustomer[String(r.customer_id)] ??= []).push(String(r.tag));
    expect(byCustomer).toEqual({
      C1: ['VIP', '复购', '高价值'],
      C2: ['VIP', '新客'],
      C3: ['VIP', '复购', '高价值'],
      C4: ['VIP', '复购', '新客'],
      C6: ['VIP', 'VIP', '高价值'],
      C7: ["a'b"],
    });
  });

  it('ranks the most frequent values per attribute, skipping blanks and NULLs', async () => {
    const rows = await rowsOf(
      buildGroupChoicesSql({
        table: 'customers_clean',
        attributes: [{ column: 'member_level' }, { column: 'gender' }, { column: 'tags', split: true }],
      }),
    );
    expect(rows.map((r) => [r.attribute, r.value, r.customers, r.rank, r.distinct_values])).toEqual([
      ['member_level', '金卡', 2, 1, 3],
      ['member_level', '银卡', 2, 2, 3],
      ['member_level', "x'); DROP TABLE customers_clean; --", 1, 3, 3],
      ['gender', '女', 3, 1, 2],
      ['gender', '男', 2, 2, 2],
      // C6 lists VIP twice: counted once.
      ['tags', 'VIP', 5, 1, 5],
      ['tags', '复购', 3, 2, 5],
      ['tags', '高价值', 3, 3, 5],
      ['tags', '新客', 2, 4, 5],
      ['tags', "a'b", 1, 5, 5],
    ]);
  });

  it('keeps at most `limit` values per attribute (ties by value) and rejects a bad limit', async () => {
    const rows = await rowsOf(
      buildGroupChoicesSql({
        table: 'customers_clean',
        attributes: [{ column: 'tags', split: true }, { column: 'member_level' }],
        limit: 2,
      }),
    );
    expect(rows.map((r) => [r.attribute, r.value])).toEqual([
      ['tags', 'VIP'],
      ['tags', '复购'],
      ['member_level', '金卡'],
      ['member_level', '银卡'],
    ]);
    expect(() => buildGroupChoicesSql({ table: 't', attributes: [{ column: 'x' }], limit: 0 })).toThrow(
      /limit/,
    );
    expect(() => buildGroupChoicesSql({ table: 't', attributes: [] })).toThrow(/attributes/);
  });

  it('an attribute whose cells are all NULL gives no choice', async () => {
    await db.exec(`CREATE TABLE empty_attr AS SELECT 'C1' AS customer_id, CAST(NULL AS VARCHAR) AS region`);
    const rows = await rowsOf(
      buildGroupChoicesSql({
        table: 'empty_attr',
        attributes: [{ column: 'region' }, { column: 'customer_id' }],
      }),
    );
    expect(rows.map((r) => r.attribute)).toEqual(['customer_id']);
  });
});

describe('tag groups in the comparison', () => {
  const tag = (value: string, match?: 'contains') => ({
    purchases: 'purchases',
    filter: {
      kind: 'tag' as const,
      table: 'customers_clean',
      column: 'tags',
      value,
      ...(match ? { match } : {}),
    },
  });

  it('a tag group holds the customers whose tag list contains the tag', async () => {
    const rows = await rowsOf(
      buildGroupComparisonSql({ a: tag('VIP', 'contains'), b: tag('高价值', 'contains') }),
    );
    const m = Object.fromEntries(rows.map((r) => [r.metric, [r.value_a, r.value_b]]));
    // VIP: C1, C2, C3, C6 bought (C4 did not) → 4 customers, 5 orders, 220; 高价值: C1, C3, C6 → 170.
    expect(m.customers).toEqual([4, 3]);
    expect(m.orders).toEqual([5, 4]);
    expect(m.revenue).toEqual([220, 170]);
    // Equality does not look inside a list: no cell equals "VIP" exactly.
    const exact = await rowsOf(buildGroupComparisonSql({ a: tag('VIP'), b: tag('复购', 'contains') }));
    expect(exact[0]).toMatchObject({ metric: 'customers', value_a: 0, value_b: 2 });
  });

  it('hostile values stay values', async () => {
    const rows = await rowsOf(
      buildGroupComparisonSql({
        a: tag("VIP' OR 1=1 --", 'contains'),
        b: {
          purchases: 'purchases',
          filter: {
            kind: 'tag',
            table: 'customers_clean',
            column: 'member_level',
            value: "x'); DROP TABLE customers_clean; --",
          },
        },
      }),
    );
    expect(rows[0]).toMatchObject({ metric: 'customers', value_a: 0, value_b: 0 });
    const quoted = await rowsOf(
      buildGroupComparisonSql({ a: tag("a'b", 'contains'), b: tag('x', 'contains') }),
    );
    expect(quoted[0]).toMatchObject({ value_a: 0, value_b: 0 });
    expect((await rowsOf('SELECT count(*) AS n FROM customers_clean'))[0]!.n).toBe(7);
  });
});

describe('relations', () => {
  it('lists existing tables and views and drops them, views first', async () => {
    await db.exec('CREATE TABLE rel_t AS SELECT 1 AS x');
    await db.exec('CREATE VIEW rel_v AS SELECT * FROM rel_t');
    await db.exec('CREATE TEMP TABLE rel_tmp AS SELECT 1 AS x');
    const found = (
      await rowsOf(buildRelationsSql(['rel_v', 'rel_t', 'rel_tmp', 'rel_missing', "x' OR 1=1"]))
    ).map((r) => ({ name: String(r.name), kind: r.kind as Relation['kind'] }));
    expect(found).toEqual([
      { name: 'rel_t', kind: 'table' },
      { name: 'rel_tmp', kind: 'table' },
      { name: 'rel_v', kind: 'view' },
    ]);
    const drops = buildDropRelationsSql(found);
    expect(drops).toEqual([
      'DROP VIEW IF EXISTS "rel_v"',
      'DROP TABLE IF EXISTS "rel_t"',
      'DROP TABLE IF EXISTS "rel_tmp"',
    ]);
    for (const sql of drops) await db.exec(sql);
    expect(await rowsOf(buildRelationsSql(['rel_v', 'rel_t', 'rel_tmp']))).toEqual([]);
  });
});
