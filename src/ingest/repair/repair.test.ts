import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../engine/node-db.ts';
import type { DbPort } from '../../engine/db-port.ts';
import { decodeIpc } from '../../client/decode.ts';
import { literal } from '../../sql/quote.ts';
import { buildRepairMacrosSql } from './build-repair-macros-sql.ts';
import {
  numberIssueExpr,
  repairBindings,
  repairConditions,
  repairExpr,
  type ExprOptions,
  type RepairCondition,
  type RepairKind,
  type ValueType,
} from './repair-exprs.ts';
import { buildDateOrderStatsSql, decideDateOrder } from './date-order.ts';
import { toHalfWidth, FULL_WIDTH, HALF_WIDTH } from './fullwidth.ts';
import { buildTextPrecheckSql, buildTextProfileSql, cleanText, readTextProfile } from './text-profile.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
  for (const sql of buildRepairMacrosSql({ serialRange: [1, 73051] })) await db.exec(sql);
});
afterAll(async () => db.close());

/** Repair one text value as `as` and list the repair kinds counted for it (bound and unbound alike). */
async function repair(value: string | null, as: ValueType, dmy = false) {
  await db.exec(`CREATE OR REPLACE TABLE one AS SELECT CAST(${literal(value)} AS VARCHAR) AS v`);
  const col = { name: 'v', type: 'VARCHAR' };
  const o = { normalize: true, dmy };
  const kindsOf = async (conds: RepairCondition[], from: string, opts: ExprOptions = o) => {
    const sql = `SELECT CAST(${repairExpr(col, as, opts)} AS VARCHAR) AS out${conds.map((c, i) => `, coalesce(${c.cond}, false) AS c${i}`).join('')} FROM ${from}`;
    const row = decodeIpc(await db.queryIpc(sql)).rows[0]!;
    const kinds = conds.filter((_, i) => row[`c${i}`] === true).map((c) => c.kind);
    return { out: row.out, kinds: [...new Set(kinds)].sort() as RepairKind[] };
  };
  const plain = await kindsOf(repairConditions(col, as, o), 'one');
  const b = repairBindings(col, as, o, 'b');
  let from = 'one';
  for (const level of b.levels)
    if (level.length) from = `(SELECT *, ${level.map(([n, e]) => `${e} AS ${n}`).join(', ')} FROM ${from})`;
  expect(await kindsOf(repairConditions(col, as, o, b.bound), from)).toEqual(plain);
  // A value the text profile finds clean takes the fast path: same value, same counts.
  const profile = readTextProfile(
    decodeIpc(await db.queryIpc(buildTextProfileSql('one', [col]))).rows[0]!,
    0,
  );
  const clean = cleanText(profile);
  // The combined pre-check flags a value exactly when one of the four profile tests does.
  const pre = decodeIpc(await db.queryIpc(buildTextPrecheckSql('one', [col]))).rows[0]!.any0 === true;
  expect(pre).toBe(Object.values(profile).some(Boolean));
  if (clean) {
    const oc = { ...o, clean };
    expect(await kindsOf(repairConditions(col, as, oc), 'one', oc)).toEqual(plain);
  }
  return plain;
}

describe('id repairs', () => {
  it.each([
    ['="4197010032432749218"', '4197010032432749218', ['text_guard']],
    ['\t4197010032432749218\t', '4197010032432749218', ['text_guard']],
    ["'00123", '00123', ['text_guard']],
    ['  C001 ', 'C001', ['whitespace_trimmed']],
    ['１２３', '123', ['fullwidth']],
    ['123456789.0', '123456789', ['id_float_suffix']],
    ['1.23457E+17', '1.23457E+17', ['id_scientific']],
    ['--', null, ['placeholder_null']],
    ['#NULL!', null, ['placeholder_null']],
    ['00123', '00123', []],
    [null, null, []],
  ] as const)('%j → %j', async (input, out, kinds) => {
    expect(await repair(input, 'id')).toEqual({ out, kinds: [...kinds] });
  });
});

describe('amount repairs', () => {
  it.each([
    ['¥1,234.50', '1234.50', ['amount_symbol']],
    ['1,234.50元', '1234.50', ['amount_symbol']],
    ['￥12', '12.00', ['amount_symbol', 'fullwidth']],
    ['１２３４．５０', '1234.50', ['fullwidth']],
    ['(123.00)', '-123.00', ['amount_negative_parentheses']],
    ['-13.80', '-13.80', []],
    ['1.3万', '13000.00', ['amount_unit']],
    ['69.20(分销商等级折扣：47.80)', '69.20', ['amount_note_dropped', 'fullwidth']],
    ['-', null, ['placeholder_null']],
    ['', null, []],
    ['abc', null, ['amount_unparseable']],
    ['12,34', null, ['amount_unparseable']],
    ['="12.5"', '12.50', ['text_guard']],
    // Excel writes large or small numbers in scientific notation (issue 12).
    ['1.5E3', '1500.00', ['amount_scientific']],
    ['1.23E+05', '123000.00', ['amount_scientific']],
    ['-2.5e-1', '-0.25', ['amount_scientific']],
    ['1.2e1万', '120000.00', ['amount_scientific', 'amount_unit']],
    ['1e15', '1000000000000000.00', ['amount_scientific']],
    ['0x10', null, ['amount_unparseable']],
    ['无', null, ['placeholder_null']],
    ['inf', null, ['amount_unparseable']],
  ] as const)('%j → %j', async (input, out, kinds) => {
    expect(await repair(input, 'amount')).toEqual({ out, kinds: [...kinds] });
  });
});

describe('why a present number value gives no amount (issue 12: never read as 0)', () => {
  it.each([
    ['12.50', null],
    ['1.5E3', null],
    ['', null],
    ['-', null],
    [null, null],
    ['无', null],
    ['abc', 1],
    ['0x10', 1],
    ['NaN', 1],
    ['nan', 1],
    ['inf', 1],
    ['-Infinity', 1],
    ['#VALUE!', 1],
    ['1e308', 2],
    ['1e999', 2],
    ['12345678901234567890', 2],
    ['99999999999999999999999999999亿', 2],
  ] as const)('%j → %j', async (input, issue) => {
    const col = { name: 'v', type: 'VARCHAR' };
    const value = repairExpr(col, 'amount', { normalize: true, dmy: false });
    const sql = `SELECT ${numberIssueExpr(col, value, 'v')} AS issue FROM (SELECT CAST(${literal(input)} AS VARCHAR) AS v)`;
    expect(decodeIpc(await db.queryIpc(sql)).rows[0]!.issue).toBe(issue);
  });
  it.each([
    ['DOUBLE', "'NaN'", 1],
    ['DOUBLE', "'inf'", 1],
    ['DOUBLE', '1e300', 2],
    ['DOUBLE', '12.5', null],
    ['HUGEINT', '123456789012345678901234', 2],
    ['BIGINT', '42', null],
  ] as const)('typed %s %s → %j', async (type, input, issue) => {
    const col = { name: 'v', type };
    const value = repairExpr(col, 'amount', { normalize: true, dmy: false });
    const sql = `SELECT ${numberIssueExpr(col, value, 'v')} AS issue FROM (SELECT CAST(${input} AS ${type}) AS v)`;
    expect(decodeIpc(await db.queryIpc(sql)).rows[0]!.issue).toBe(issue);
  });
});

describe('amount parsing takes the narrow decimal only when it fits', () => {
  it.each([
    '123456789012',
    '1234567890123',
    '99999999999.9',
    '.1234565',
    '0.0000005',
    '12.3456789',
    '1,234,567,890,123.45',
    '0',
    '-',
  ])('%s parses as DECIMAL(38, 6) would', async (s) => {
    const sql = `SELECT CAST(cl_dec(replace(${literal(s)}, ',', '')) AS VARCHAR) AS fast, CAST(TRY_CAST(replace(${literal(s)}, ',', '') AS DECIMAL(38, 6)) AS VARCHAR) AS wide`;
    const row = decodeIpc(await db.queryIpc(sql)).rows[0]!;
    expect(row.fast).toBe(row.wide);
  });
  it('leaves text without full-width characters as it is', async () => {
    const sql = `SELECT cl_hw('abc ¥1') AS a, cl_hw('ａ１￥') AS b, cl_hw(NULL) AS c`;
    expect(decodeIpc(await db.queryIpc(sql)).rows[0]).toEqual({ a: 'abc ¥1', b: 'a1¥', c: null });
  });
});

describe('date repairs (wall clock kept, offsets never move the day)', () => {
  it.each([
    ['2023-05-10 09:05:33', '2023-05-10 09:05:33', []],
    ['2023/5/10 9:05', '2023-05-10 09:05:00', ['date_reformatted']],
    ['2023年5月10日', '2023-05-10 00:00:00', ['date_chinese']],
    ['2023年5月10日 9时05分', '2023-05-10 09:05:00', ['date_chinese']],
    ['2023-05-10T09:05:00+08:00', '2023-05-10 09:05:00', ['date_offset_dropped']],
    ['2023-05-10T23:30:00-04:00', '2023-05-10 23:30:00', ['date_offset_dropped']],
    ['2012-01-01 11:13:25 -0500', '2012-01-01 11:13:25', ['date_offset_dropped']],
    ['2020-02-28T23:09:18Z', '2020-02-28 23:09:18', ['date_offset_dropped']],
    ['20230510', '2023-05-10 00:00:00', ['date_compact']],
    ['20091225091010', '2009-12-25 09:10:10', ['date_compact']],
    ['3/15/2024 2:30 PM', '2024-03-15 14:30:00', ['date_day_month']],
    ['12/31/2023 12:00 AM', '2023-12-31 00:00:00', ['date_day_month']],
    ['45384.34789351852', '2024-04-02 08:20:58', ['date_excel_serial']],
    ['0000-00-00 00:00:00', null, ['date_zero']],
    ['2023-02-30', null, ['date_unparseable']],
    ['２０２３－０５－１０', '2023-05-10 00:00:00', ['fullwidth']],
    ['yesterday', null, ['date_unparseable']],
  ] as const)('%j → %j', async (input, out, kinds) => {
    expect(await repair(input, 'timestamp')).toEqual({ out, kinds: [...kinds] });
  });

  it('reads a/b/yyyy by the decided order', async () => {
    expect((await repair('10/05/2023', 'timestamp', false)).out).toBe('2023-10-05 00:00:00');
    expect((await repair('10/05/2023', 'timestamp', true)).out).toBe('2023-05-10 00:00:00');
    expect((await repair('31/05/2023', 'timestamp', false)).out).toBeNull();
  });

  it.each([
    // Excel's 1900 system: serial 1 = 1900-01-01, 59 = 1900-02-28, 60 = the fake 1900-02-29, 61 = 1900-03-01.
    ['1', '1900-01-01 00:00:00'],
    ['59', '1900-02-28 00:00:00'],
    ['60', null],
    ['61', '1900-03-01 00:00:00'],
    ['35796', '1998-01-01 00:00:00'],
    ['45384.5', '2024-04-02 12:00:00'],
    ['73051', null], // out of the accepted range
  ])('Excel serial %s → %s', async (input, out) => {
    expect((await repair(input, 'timestamp')).out).toBe(out);
  });

  it('keeps serials outside the default range (1990–2100) out', async () => {
    const db2 = await openNodeDb();
    for (const sql of buildRepairMacrosSql()) await db2.exec(sql);
    const row = decodeIpc(await db2.queryIpc(`SELECT cl_ts('1234', FALSE) AS a, cl_ts('45384', FALSE) AS b`))
      .rows[0]!;
    expect(row).toEqual({ a: null, b: '2024-04-02 00:00:00' });
    await db2.close();
  });

  it('casts already typed columns without re-parsing', async () => {
    await db.exec(
      `CREATE OR REPLACE TABLE typed AS SELECT DATE '2024-01-02' AS d, 20230510 AS n, CAST(12.5 AS DECIMAL(18,2)) AS a`,
    );
    const o = { normalize: true, dmy: false };
    const sql = `SELECT ${repairExpr({ name: 'd', type: 'DATE' }, 'timestamp', o)} AS d, ${repairExpr({ name: 'n', type: 'BIGINT' }, 'timestamp', o)} AS n, ${repairExpr({ name: 'a', type: 'DECIMAL(18,2)' }, 'amount', o)} AS a FROM typed`;
    expect(decodeIpc(await db.queryIpc(sql)).rows[0]).toEqual({
      d: '2024-01-02 00:00:00',
      n: '2023-05-10 00:00:00',
      a: 12.5,
    });
  });
});

describe('region', () => {
  it.each([
    ['浙江省 杭州市 西湖区 文三路', '浙江省', ['region_from_address']],
    ['北京市海淀区马连洼', '北京市', ['region_from_address']],
    ['上海 上海市 浦东新区', '上海市', ['region_from_address']],
    ['广西壮族自治区南宁市', '广西壮族自治区', ['region_from_address']],
    ['浙江省', '浙江省', []],
    ['California', 'California', []],
  ] as const)('%s → %s', async (input, out, kinds) => {
    expect(await repair(input, 'region')).toEqual({ out, kinds: [...kinds] });
  });
});

describe('date order decision', () => {
  it('counts a/b/yyyy values with a part above 12', async () => {
    await db.exec(
      `CREATE OR REPLACE TABLE dates AS SELECT * FROM (VALUES ('31/01/2024'), ('01/02/2024'), ('2024-01-01'), (NULL)) t(x)`,
    );
    const row = decodeIpc(
      await db.queryIpc(buildDateOrderStatsSql('dates', [{ name: 'x', type: 'VARCHAR' }])),
    ).rows[0]!;
    expect(row).toEqual({ row_count: 4, n0: 2, f0: 1, s0: 0 });
    const clean = { dot: false, exp: false };
    const fast = decodeIpc(
      await db.queryIpc(buildDateOrderStatsSql('dates', [{ name: 'x', type: 'VARCHAR' }], [clean])),
    ).rows[0]!;
    expect(fast).toEqual(row);
    await db.exec(`CREATE OR REPLACE TABLE typed_dates AS SELECT DATE '2024-01-31' AS d`);
    const typed = decodeIpc(
      await db.queryIpc(buildDateOrderStatsSql('typed_dates', [{ name: 'd', type: 'DATE' }])),
    ).rows[0]!;
    expect(typed).toEqual({ row_count: 1, n0: 0, f0: 0, s0: 0 });
  });

  it.each([
    [{ values: 0, firstOver12: 0, secondOver12: 0 }, 'auto', 'mdy', 'not_needed', false],
    [{ values: 5, firstOver12: 2, secondOver12: 0 }, 'auto', 'dmy', 'data', false],
    [{ values: 5, firstOver12: 0, secondOver12: 1 }, 'auto', 'mdy', 'data', false],
    [{ values: 5, firstOver12: 0, secondOver12: 0 }, 'auto', 'mdy', 'default', true],
    [{ values: 5, firstOver12: 1, secondOver12: 1 }, 'auto', 'mdy', 'default', true],
    [{ values: 5, firstOver12: 0, secondOver12: 0 }, 'dmy', 'dmy', 'config', false],
  ] as const)('%j with %s → %s (%s)', (s, configured, order, by, asks) => {
    const d = decideDateOrder({ column: 'c', ...s }, configured);
    expect([d.order, d.decidedBy, d.question !== null]).toEqual([order, by, asks]);
  });
});

describe('full-width table', () => {
  it('maps every full-width ASCII character and the ideographic space', () => {
    expect(FULL_WIDTH.length).toBe(HALF_WIDTH.length);
    expect(toHalfWidth('ＡＢＣ１２３（）　￥，')).toBe('ABC123() ¥,');
  });
});
