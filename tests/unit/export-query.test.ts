import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { exportQuery } from '../../src/engine/export-query.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

const SQL = `SELECT * FROM (VALUES ('C1', '=cmd|'' /C calc''!A0', 12.5), ('C2', '张三', -3.0), ('+8613800000000', '-5', 1.0)) t(customer_id, note, amount)`;

describe('exportQuery', () => {
  it('writes CSV with BOM and neutralised formulas', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exportQuery(db, SQL, 'csv'));
    expect(text.startsWith('\uFEFFcustomer_id,note,amount\r\n')).toBe(true);
    expect(text).toContain(`C1,'=cmd|' /C calc'!A0,12.5`);
    expect(text).toContain('C2,张三,-3');
    expect(text).toContain(`'+8613800000000,'-5,1`);
  });

  it('writes XLSX text cells as text (never formulas, no visible apostrophe: +86… ids survive)', async () => {
    const book = read(await exportQuery(db, SQL, 'xlsx', 'segment: vip'), { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['segment_ vip']);
    const sheet = book.Sheets['segment_ vip']!;
    expect(sheet['B2']).toMatchObject({ t: 's', v: `=cmd|' /C calc'!A0`, z: '@' });
    expect(sheet['B2'].f).toBeUndefined();
    expect(sheet['A4']).toMatchObject({ t: 's', v: '+8613800000000', z: '@' });
    expect(sheet['B4']).toMatchObject({ t: 's', v: '-5' });
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 12.5 });
    expect(Object.values(sheet).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    expect(utils.sheet_to_json(sheet)).toEqual([
      { customer_id: 'C1', note: `=cmd|' /C calc'!A0`, amount: 12.5 },
      { customer_id: 'C2', note: '张三', amount: -3 },
      { customer_id: '+8613800000000', note: '-5', amount: 1 },
    ]);
  });
});
