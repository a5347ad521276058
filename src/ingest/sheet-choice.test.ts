import { describe, expect, it } from 'vitest';
import { chooseSheet, profileSheet, sameShapeSheets, type SheetProfile } from './sheet-choice.ts';
import type { Cells } from './header-row.ts';

const ORDERS: Cells[] = [
  ['订单报表'],
  [],
  ['订单编号', '客户ID', '下单时间', '实付金额'],
  ['A1', 'C1', '2026-01-05 10:00:00', '100'],
  ['A2', 'C2', '2026-01-06 10:00:00', '50.5'],
];

function profile(name: string, head: Cells[], hidden = false): SheetProfile {
  return profileSheet(name, head, { rows: head.length, hidden, countRowsBelow: (h) => head.length - h - 1 });
}

describe('profileSheet', () => {
  it('finds the header under a title and maps the sheet to orders', () => {
    expect(profile('1月', ORDERS)).toMatchObject({ kind: 'data', role: 'orders', headerRow: 2, dataRows: 2 });
  });

  it('recognises instructions, pivot tables, summaries and empty sheets', () => {
    const prose = [
      ['说明'],
      ['本工作簿由店铺后台导出，每个月的订单在单独的工作表中。'],
      ['金额单位为人民币元，已扣除优惠券。'],
    ];
    expect(profile('Sheet1', prose).kind).toBe('instructions');
    expect(
      profile('Sheet2', [
        ['行标签', '求和项:金额'],
        ['C1', '10'],
        ['总计', '10'],
      ]).kind,
    ).toBe('pivot');
    expect(
      profile('Sheet3', [
        ['月份', '订单数'],
        ['2026-01', '3'],
        ['合计', '3'],
      ]).kind,
    ).toBe('summary');
    expect(
      profile('汇总', [
        ['月份', '订单数'],
        ['2026-01', '3'],
      ]).kind,
    ).toBe('summary');
    expect(
      profile('Sheet4', [
        ['a', 'b'],
        ['x', 'y'],
      ]).kind,
    ).toBe('other');
    expect(profile('Sheet5', [[], [null, '']]).kind).toBe('empty');
  });
});

describe('chooseSheet', () => {
  const notes = profile('说明', [
    ['请勿修改表头，否则导入时可能无法识别这些列。'],
    ['金额单位为元，已扣除优惠券。'],
  ]);
  it('opens the orders behind an instructions sheet and offers the same-shape sheets', () => {
    const jan = profile('1月', ORDERS);
    const feb = profile('2月', [ORDERS[2]!, ORDERS[4]!]);
    const other = profile('门店', [
      ['订单编号', '客户ID', '下单时间', '实付金额', '门店'],
      ['A9', 'C9', '2026-01-01', '5', 'X'],
    ]);
    expect(chooseSheet([notes, jan, feb, other])).toEqual({
      sheet: '1月',
      reason: 'best',
      sameShape: ['2月'],
    });
    expect(sameShapeSheets([notes, jan, feb, other], '说明')).toEqual([]);
  });

  it('says when the only data sheet is hidden, prefers a visible one otherwise', () => {
    expect(chooseSheet([notes, profile('data', ORDERS, true)])).toMatchObject({
      sheet: 'data',
      reason: 'hidden',
    });
    expect(chooseSheet([profile('old', ORDERS, true), profile('new', ORDERS)])).toMatchObject({
      sheet: 'new',
      reason: 'best',
    });
  });

  it('falls back to a table no role fits, then the first sheet with rows; forced wins', () => {
    expect(
      chooseSheet([
        notes,
        profile('x', [
          ['a', 'b'],
          ['1', '2'],
        ]),
      ]),
    ).toMatchObject({ sheet: 'x', reason: 'first' });
    expect(chooseSheet([notes])).toMatchObject({ sheet: '说明', reason: 'first' });
    expect(chooseSheet([profile('e', [])])).toBeNull();
    expect(chooseSheet([notes], '说明')).toEqual({ sheet: '说明', reason: 'forced', sameShape: [] });
  });
});
