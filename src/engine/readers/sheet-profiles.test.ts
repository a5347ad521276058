import { describe, expect, it } from 'vitest';
import { read } from '@e965/xlsx';
import { profileSheets } from './sheet-profiles.ts';
import { hiddenDataSheet, instructionsThenMonths } from '../../../tests/unit/support/sheet-workbooks.ts';

const parse = (bytes: Uint8Array) => read(bytes, { type: 'array', dense: true, cellNF: true });
const rowsOf = () => 0;

describe('profileSheets', () => {
  it('profiles every sheet of a generated workbook', () => {
    const profiles = profileSheets(parse(instructionsThenMonths()), rowsOf);
    expect(profiles.map((p) => [p.name, p.kind, p.role, p.headerRow, p.dataRows, p.hidden])).toEqual([
      ['说明', 'instructions', null, 0, 3, false],
      ['1月', 'data', 'orders', 2, 3, false],
      ['2月', 'data', 'orders', 2, 3, false],
    ]);
    expect(profiles[1]!.columns).toEqual(['订单编号', '客户ID', '下单时间', '实付金额', '订单状态']);
  });

  it('flags hidden sheets', () => {
    expect(profileSheets(parse(hiddenDataSheet()), rowsOf).map((p) => p.hidden)).toEqual([false, true]);
  });
});
