import { describe, expect, it } from 'vitest';
import { comparisonTable } from './compare-export.ts';
import { translate, type MessageKey } from '../../i18n/i18n.ts';
import { tableCsv, tableXlsx } from '../../export/table-file.ts';
import { read } from '@e965/xlsx';
import type { ComparisonRow } from '../../analyses/lifecycle/comparison-results.ts';

const row = (over: Partial<ComparisonRow>): ComparisonRow => ({
  metric: 'aov',
  value_a: 100,
  value_b: 130,
  diff_abs: 30,
  diff_rel: 0.3,
  flagged: true,
  test: 'welch',
  p_value: 0.2,
  significant: false,
  ...over,
});

const ROWS: ComparisonRow[] = [
  row({}),
  row({
    metric: 'repurchase_rate',
    value_a: 0.309,
    value_b: 0.298,
    diff_abs: -0.011,
    diff_rel: -0.011 / 0.309,
    flagged: false,
    test: 'two_proportion',
    p_value: 0.0004,
    significant: true,
  }),
  row({
    metric: 'customers',
    value_a: 10,
    value_b: 10,
    diff_abs: 0,
    diff_rel: 0,
    flagged: false,
    test: null,
    p_value: null,
  }),
];

describe('comparison export (issue 18)', () => {
  it('says significant only when the test does, else large with the relative difference', () => {
    const zh = (k: string, p?: Record<string, string | number>) => translate('zh-CN', k as MessageKey, p);
    const { header, rows } = comparisonTable(ROWS, { a: '全部客户', b: '金卡' }, zh);
    expect(header).toEqual([
      '指标',
      'A：全部客户',
      'B：金卡',
      '差值（B − A）',
      '相对差异',
      '检验',
      'p 值',
      '结论',
    ]);
    expect(rows[0]!.at(-1)).toBe('差异较大（+30.0%）');
    expect(rows[0]![5]).toBe('Welch t 检验');
    expect(rows[1]!.at(-1)).toBe('差异显著');
    expect(rows[1]![5]).toBe('两比例 z 检验');
    expect(rows[2]!.at(-1)).toBe('');
    expect(rows[2]![5]).toBe('不检验（合计或中位数）');
    const csv = new TextDecoder().decode(tableCsv(header, rows)).split('\r\n');
    // Rates as percentages; the difference of a rate from unrounded values; a minus the guard leaves alone.
    expect(csv[2]).toBe(
      `${translate('zh-CN', 'compare.metric.repurchase_rate')},30.9%,29.8%,−1.1 个百分点,−3.6%,两比例 z 检验,0.0004,差异显著`,
    );
    expect(csv[1]).toMatch(/,100,130,30,30\.0%,Welch t 检验,0\.2,差异较大（\+30\.0%）$/);
  });

  it('writes XLSX with percentages formatted and numbers kept (en)', async () => {
    const en = (k: string, p?: Record<string, string | number>) => translate('en', k as MessageKey, p);
    const { header, rows } = comparisonTable(ROWS, { a: 'All', b: '=Gold' }, en);
    expect(rows[0]!.at(-1)).toBe('Large difference (+30.0%)');
    expect(rows[1]!.at(-1)).toBe('Significant');
    const book = read(await tableXlsx('Group comparison', header, rows), { type: 'array', cellNF: true });
    const ws = book.Sheets['Group comparison']!;
    expect(ws['C1']).toMatchObject({ t: 's', v: 'B: =Gold' });
    expect(ws['C1'].f).toBeUndefined();
    expect(ws['E2']).toMatchObject({ t: 'n', v: 0.3, z: '0.0%' });
    expect(ws['B3']).toMatchObject({ t: 'n', v: 0.309, z: '0.0%' });
    expect(ws['B2']).toMatchObject({ t: 'n', v: 100 });
  });
});

describe('comparison chart (issue 18)', () => {
  it('draws the relative differences, coloured by the test, tooltips as plain text', async () => {
    const { compareDiffOption, COMPARE_COLORS } =
      await import('../../charts/lifecycle/compare-diff-option.ts');
    const option = compareDiffOption(ROWS, { locale: 'en', a: 'All', b: 'Gold' }) as {
      series: { data: { value: number; itemStyle: { color: string } }[] }[];
      yAxis: { data: string[] };
      tooltip: { renderMode: string };
    };
    const data = option.series[0]!.data;
    // Bottom to top: the table's last row first.
    expect(data.map((d) => d.value)).toEqual([0, -0.011 / 0.309, 0.3]);
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      COMPARE_COLORS.other,
      COMPARE_COLORS.significant,
      COMPARE_COLORS.large,
    ]);
    expect(option.yAxis.data.at(-1)).toBe(translate('en', 'compare.metric.aov'));
    expect(option.tooltip.renderMode).toBe('richText');
  });
});
