/**
 * Generated workbooks with several sheets (issue 21), written with the xlsx library in the test:
 * no binary files in the repository. Shared by the CLI test and the e2e.
 */
import { utils, write, type WorkSheet } from '@e965/xlsx';

const HEAD = ['订单编号', '客户ID', '下单时间', '实付金额', '订单状态'];
type Order = [string, string, string, number, string];

/** Excel 1900-system serial of a `YYYY-MM-DD HH:MM` time (UTC, no time zone involved). */
export function serial(iso: string): number {
  const [d, t = '00:00'] = iso.split(' ');
  const [y, m, day] = d!.split('-').map(Number);
  const [h, min] = t.split(':').map(Number);
  return Date.UTC(y!, m! - 1, day!) / 86_400_000 + 25_569 + (h! * 60 + min!) / 1440;
}

/** A shop-backend orders sheet: a title row, a blank row, the header, serial dates, a total row. */
export function ordersSheet(title: string, orders: readonly Order[]): WorkSheet {
  const total = orders.reduce((s, o) => s + o[3], 0);
  const rows: (string | number | null)[][] = [
    [title],
    [],
    HEAD,
    ...orders.map(([id, customer, time, amount, status]) => [id, customer, serial(time), amount, status]),
    ['合计', null, null, total, null],
  ];
  const ws = utils.aoa_to_sheet(rows);
  for (let r = 3; r < 3 + orders.length; r++) {
    const cell = ws[utils.encode_cell({ r, c: 2 })];
    if (cell) cell.z = 'yyyy-mm-dd hh:mm';
  }
  return ws;
}

const instructions = () =>
  utils.aoa_to_sheet([
    ['使用说明'],
    ['本工作簿由店铺后台导出，每个月的订单在单独的工作表中。'],
    ['金额单位为人民币元，已扣除优惠券；退款订单的状态为“交易关闭”。'],
    ['如有疑问请联系店铺客服，不要修改表头，否则导入时可能无法识别。'],
  ]);

const pivot = () =>
  utils.aoa_to_sheet([
    ['行标签', '求和项:实付金额', '计数项:订单编号'],
    ['C1', 120, 2],
    ['C2', 50, 1],
    ['总计', 170, 3],
  ]);

const summary = () =>
  utils.aoa_to_sheet([
    ['月份', '订单数', '销售额'],
    ['2026-01', 3, 180],
    ['2026-02', 2, 70],
    ['合计', 5, 250],
  ]);

export const JAN: Order[] = [
  ['A1', 'C1', '2026-01-05 10:00', 100, '交易成功'],
  ['A2', 'C2', '2026-01-20 10:00', 50, '交易成功'],
  ['A3', 'C3', '2026-01-25 10:00', 30, '交易成功'],
];
/** A3 again, unchanged (exported in both months): counted once. */
export const FEB: Order[] = [
  ['A3', 'C3', '2026-01-25 10:00', 30, '交易成功'],
  ['A4', 'C1', '2026-02-03 10:00', 20, '交易成功'],
  ['A5', 'C4', '2026-02-14 10:00', 50, '交易成功'],
];

function book(sheets: [string, WorkSheet, boolean?][]): Uint8Array {
  const wb = utils.book_new();
  for (const [name, ws] of sheets) utils.book_append_sheet(wb, ws, name);
  wb.Workbook = { Sheets: sheets.map(([, , hidden]) => ({ Hidden: hidden ? 1 : 0 })) };
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** 说明 first, then the orders of January and February in their own sheets. */
export const instructionsThenMonths = () =>
  book([
    ['说明', instructions()],
    ['1月', ordersSheet('订单报表 2026-01', JAN)],
    ['2月', ordersSheet('订单报表 2026-02', FEB)],
  ]);

/** A pivot table and a summary before the orders sheet. */
export const pivotAndSummaryFirst = () =>
  book([
    ['数据透视', pivot()],
    ['汇总', summary()],
    ['订单明细', ordersSheet('订单报表 2026-01', JAN)],
  ]);

/** The only data sheet is hidden; the visible one holds instructions. */
export const hiddenDataSheet = () =>
  book([
    ['说明', instructions()],
    ['data', ordersSheet('订单报表 2026-01', JAN), true],
  ]);

/** No sheet holds orders: instructions and a summary. */
export const noDataSheet = () =>
  book([
    ['说明', instructions()],
    ['汇总', summary()],
  ]);
