/** The funnel and migration chart options (issue 14): plain-text labels and tooltips, durations. */
import { describe, expect, it } from 'vitest';
import { durationText, funnelStepsOption, funnelWeeksOption } from './funnel-options.ts';
import { migrationSankeyOption } from '../migration/sankey-option.ts';
import type { FunnelStepRow } from '../../analyses/funnel/module.ts';
import type { FlowRow } from '../../analyses/migration/module.ts';

type Fmt = (p: unknown) => string;

const STEPS: FunnelStepRow[] = [
  {
    step: 1,
    event: '{a|x}<b>',
    users: 10,
    conversion_from_previous: 1,
    conversion_from_first: 1,
    median_minutes_from_previous: null,
  },
  {
    step: 2,
    event: 'click',
    users: 4,
    conversion_from_previous: 0.4,
    conversion_from_first: 0.4,
    median_minutes_from_previous: 1530,
  },
];

describe('funnel charts', () => {
  it('formats durations', () => {
    expect(durationText('en', 45)).toBe('45 min');
    expect(durationText('en', 200)).toBe('3 h 20 min');
    expect(durationText('zh-CN', 1530)).toBe('1 天 1 小时');
    expect(durationText('en', null)).toBe('—');
  });

  it('labels steps as plain text (no rich-text markup from the data) with plain tooltips', () => {
    const o = funnelStepsOption(STEPS, 'en') as {
      yAxis: { data: string[] };
      tooltip: { formatter: Fmt; renderMode: string };
    };
    expect(o.yAxis.data[0]).toBe('1. （a|x）<b>');
    expect(o.tooltip.renderMode).toBe('richText');
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe(
      ['2. click', 'Users: 4', 'From previous: 40.0%', 'From first: 40.0%', 'Median time: 1 d 1 h'].join(
        '\n',
      ),
    );
  });

  it('says when a week’s window is not over', () => {
    const o = funnelWeeksOption(
      [{ entry_week: '2024-03-11', entered: 2, completed: 1, conversion: 0.5, complete: false }],
      'en',
    ) as { tooltip: { formatter: Fmt } };
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toContain('(window not over)');
  });
});

describe('migration Sankey', () => {
  it('has one node per period and segment, links by customers, plain labels', () => {
    const flows: FlowRow[] = [
      {
        period: 2,
        period_end: '2024-02-29',
        from_segment: 'a',
        from_label: '{A}',
        to_segment: 'b',
        to_label: 'B',
        customers: 3,
      },
      {
        period: 2,
        period_end: '2024-02-29',
        from_segment: 'a',
        from_label: '{A}',
        to_segment: 'a',
        to_label: '{A}',
        customers: 0,
      },
      {
        period: 3,
        period_end: '2024-03-31',
        from_segment: 'b',
        from_label: 'B',
        to_segment: 'b',
        to_label: 'B',
        customers: 2,
      },
    ];
    const o = migrationSankeyOption(
      flows,
      ['2024-01-31', '2024-02-29', '2024-03-31'],
      'en',
      (_s, l) => l,
    ) as {
      series: { data: { name: string; depth: number }[]; links: unknown[]; label: { formatter: Fmt } }[];
      tooltip: { formatter: Fmt };
    };
    const s = o.series[0]!;
    expect(s.data).toEqual([
      { name: '1|a', depth: 0 },
      { name: '2|b', depth: 1 },
      { name: '3|b', depth: 2 },
    ]);
    expect(s.links).toEqual([
      { source: '1|a', target: '2|b', value: 3 },
      { source: '2|b', target: '3|b', value: 2 },
    ]);
    expect(s.label.formatter({ name: '1|a' })).toBe('（A）');
    expect(o.tooltip.formatter({ data: { source: '1|a', target: '2|b', value: 3 } })).toBe(
      '（A） (2024-01-31) → B (2024-02-29): 3 customers',
    );
  });
});
