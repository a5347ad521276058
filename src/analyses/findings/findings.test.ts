/**
 * Findings rules (issue 17) as pure functions of their rows: each rule fires on a hand-made fixture
 * with the sentence an analyst would write (zh-CN and en, numbers per locale), and stays silent on
 * too little data or a difference the test does not support. Engine-backed: findings-engine.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readRfmFindings } from './rfm-findings.ts';
import { readRepurchaseFindings } from './repurchase-findings.ts';
import { readCampaignFindings } from './campaigns-findings.ts';
import { readBasketFindings } from './basket-findings.ts';
import { readFunnelFindings } from './funnel-findings.ts';
import { readLifecycleFindings } from './lifecycle-findings.ts';
import { readClvFindings, planClvFindings } from './clv-findings.ts';
import { findingJson, rankFindings } from './collect.ts';
import { FINDING_THRESHOLDS as T } from './thresholds.ts';
import type { Finding } from './finding.ts';
import { defaultConfig } from '../../config/parse-config.ts';

const ctx = { locale: 'zh-CN', purchases: 'purchases', currency: 'CNY' } as const;
const labels = [{ id: 'vip', label: { 'zh-CN': '重要价值客户', en: 'Important value' } }];

const rfmRows = (over: { customers?: number; top?: number; overdue?: number } = {}) => ({
  totals: [
    {
      customers: over.customers ?? 500,
      revenue: 1_000_000,
      as_of: '2026-03-31',
      first_date: '2025-01-01',
      top_customers: over.top ?? 100,
      top_revenue: 610_000,
    },
  ],
  segments: [
    { segment: 'vip', segment_label: '重要价值客户', customers: 60, revenue: 450_000 },
    { segment: 'other', segment_label: '其他', customers: 440, revenue: 550_000 },
  ],
  overdue: [{ customers: over.overdue ?? 38, revenue: 123_400, recency: 95.4, interval: 30.2 }],
});

describe('RFM findings', () => {
  it('fires: top share, the standout segment, overdue high spenders, with their sentences', () => {
    const f = readRfmFindings(rfmRows(), ctx, labels);
    expect(f.map((x) => x.id)).toEqual(['rfm.top-share', 'rfm.segment-value.vip', 'rfm.overdue']);
    expect(f[0]!.text).toEqual({
      'zh-CN': '消费最高的前 20% 客户（100 位）贡献了 61% 的营收（¥61万）。',
      en: 'The top 20% of customers by spend (100 customers) bring in 61% of revenue (¥610,000).',
    });
    expect(f[1]!.text['zh-CN']).toBe(
      '「重要价值客户」只占客户的 12%（60 位），却贡献了 45% 的营收（¥45万）。',
    );
    expect(f[1]!.text.en).toBe(
      '“Important value” are only 12% of customers (60) but bring in 45% of revenue (¥450,000).',
    );
    expect(f[1]!.link).toEqual({ section: 'rfm', view: { segment: 'vip' } });
    expect(f[1]!.group?.size).toBe(60);
    expect(f[2]!.text['zh-CN']).toBe(
      '38 位高消费老客户（消费前 20%）已超过其平均复购周期 2 倍未购买：平均 95 天未购，而他们通常 30 天买一次；这些客户累计消费 ¥12.34万（占营收 12%）。',
    );
    expect(f[2]!).toMatchObject({ kind: 'risk', period: { from: '2025-01-01', to: '2026-03-31' } });
    expect(f[2]!.group?.query).toMatch(/recency_days > 2 \* iv\.avg_interval_days/);
    for (const x of f) {
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(100);
    }
  });

  it('says nothing below the minimum customers, and no group below the minimum group', () => {
    expect(readRfmFindings(rfmRows({ customers: T.MIN_CUSTOMERS - 1 }), ctx, labels)).toEqual([]);
    const ids = readRfmFindings(rfmRows({ top: T.MIN_GROUP - 1, overdue: T.MIN_GROUP - 1 }), ctx, labels).map(
      (x) => x.id,
    );
    expect(ids).toEqual(['rfm.segment-value.vip']);
  });
});

// Segment sizes a month before (2026-02-28: 520 customers, ¥1,000,000) against now (500 customers).
const shrinkRows = (before: number, after: number, revenueBefore = 500_000) => ({
  ...rfmRows(),
  shrink: [
    {
      segment: 'vip',
      before,
      after,
      moved: 45,
      revenue_before: revenueBefore,
      total_before: 520,
      revenue_total_before: 1_000_000,
      compare_to: '2026-02-28',
    },
    {
      segment: 'other',
      before: 300,
      after: 100,
      moved: 250,
      revenue_before: 100_000,
      total_before: 520,
      revenue_total_before: 1_000_000,
      compare_to: '2026-02-28',
    },
  ],
});

describe('RFM segment shrank vs a month before', () => {
  it('fires on a significant fall of a valuable segment, with both dates and the customers who left', () => {
    const f = readRfmFindings(shrinkRows(100, 60), ctx, labels).find((x) =>
      x.id.startsWith('rfm.segment-shrank'),
    )!;
    expect(f.id).toBe('rfm.segment-shrank.vip');
    // 100 of 520 (19.2 %) → 60 of 500 (12.0 %): z ≈ 3.16, p ≈ 0.0016.
    expect(f.text['zh-CN']).toBe(
      '「重要价值客户」比 2026-02-28 少了 40 位客户（100 → 60，减少 40%），占客户比例从 19.2% 降到 12.0%（p = 0.002）。该客群当时贡献了 50% 的营收；其间有 45 位客户移到了其他客群。',
    );
    expect(f.text.en).toBe(
      '“Important value” has 40 fewer customers than on 2026-02-28 (100 → 60, down 40%); its share of customers fell from 19.2% to 12.0% (p = 0.002). It brought in 50% of revenue then; 45 of its customers have since moved to other segments.',
    );
    expect(f.kind).toBe('risk');
    expect(f.numbers).toMatchObject({ customers_before: 100, customers: 60, fall: 0.4, months: 1 });
    expect(f.numbers.p_value as number).toBeCloseTo(0.0016, 3);
    expect(f.period).toEqual({
      from: '2025-01-01',
      to: '2026-03-31',
      compareFrom: '2025-01-01',
      compareTo: '2026-02-28',
    });
    expect(f.link).toEqual({ section: 'rfm', view: { segment: 'vip' } });
    expect(f.group?.size).toBe(45);
    expect(f.group?.query).toMatch(/rfm_previous_customers/);
    // The unmatched “other” is never reported, however much it fell.
    expect(readRfmFindings(shrinkRows(100, 60), ctx, labels).map((x) => x.id)).not.toContain(
      'rfm.segment-shrank.other',
    );
  });

  it('a segment spending less than the average customer is context, not a risk', () => {
    const f = readRfmFindings(shrinkRows(100, 60, 100_000), ctx, labels).at(-1)!;
    expect(f).toMatchObject({ id: 'rfm.segment-shrank.vip', kind: 'info' });
    expect(f.text.en).not.toContain('revenue');
  });

  it('stays silent: too small then, too small a fall, or not significant', () => {
    const shrank = (before: number, after: number) =>
      readRfmFindings(shrinkRows(before, after), ctx, labels).filter((x) =>
        x.id.startsWith('rfm.segment-shrank'),
      );
    expect(shrank(T.SHRINK_MIN_BEFORE - 1, 20)).toEqual([]); // 49 → 20: too few then
    expect(shrank(80, 71)).toEqual([]); // 9 fewer: below MIN_GROUP
    expect(shrank(200, 185)).toEqual([]); // 7.5 % fall: below SHRINK_MIN_FALL
    expect(shrank(60, 50)).toEqual([]); // 11.5 % → 10.0 %: p ≈ 0.43
    expect(shrank(100, 100)).toEqual([]);
  });
});

const churned = (over: { customers?: number; fitted?: number } = {}) => ({
  churned: [
    {
      customers: over.customers ?? 42,
      past_value: 84_000,
      mean_alive: 0.21,
      all_repeat_value: 400_000,
      fitted: over.fitted ?? 800,
      first_date: '2025-05-01',
      cal_end: '2026-10-31',
    },
  ],
});

describe('CLV finding: valuable customers likely churned', () => {
  const fitted = { ...ctx, clv: 'clv_customers' };
  it('fires with the list as its group, when the models were fit', () => {
    const [f] = readClvFindings(churned(), fitted);
    expect(f!.id).toBe('clv.churned-valuable');
    expect(f!.text['zh-CN']).toBe(
      '42 位过去复购金额居前 20% 的客户，按 BG/NBD 模型仍活跃的概率已低于 50%（平均 21%）：他们过去复购共消费 ¥8.4万，占全部复购金额的 21%。截至 2026-10-31。',
    );
    expect(f!.text.en).toBe(
      '42 customers whose past repeat spend is in the top 20% now have a probability of still being active below 50% by the BG/NBD model (21% on average): they spent ¥84,000 on repeat purchases, 21% of all repeat spend. As of 2026-10-31.',
    );
    expect(f!).toMatchObject({ kind: 'risk', score: 62, link: { section: 'clv' } });
    expect(f!.period).toEqual({ from: '2025-05-01', to: '2026-10-31' });
    expect(f!.group).toMatchObject({ size: 42 });
    expect(f!.group!.query).toMatch(/p_alive < 0\.5/);
  });
  it('says nothing without a fit, with too few customers fitted, or a list below the minimum group', () => {
    expect(readClvFindings(churned(), ctx)).toEqual([]);
    expect(planClvFindings({ calibrationEnd: null }, ctx).queries).toEqual({});
    expect(readClvFindings(churned({ fitted: T.MIN_CUSTOMERS - 1 }), fitted)).toEqual([]);
    expect(readClvFindings(churned({ customers: T.MIN_GROUP - 1 }), fitted)).toEqual([]);
  });
});

const months = (cur: [number, number], prev: [number, number]) => ({
  months: [
    { k: 'cur', start_date: '2026-03-01', end_date: '2026-03-31', buyers: cur[0], returning: cur[1] },
    { k: 'prev', start_date: '2026-02-01', end_date: '2026-02-28', buyers: prev[0], returning: prev[1] },
  ],
});

describe('repurchase findings (two-proportion test)', () => {
  it('fires on a significant drop, with both months in the sentence', () => {
    const [f] = readRepurchaseFindings(months([400, 100], [400, 160]));
    expect(f!.id).toBe('behaviour.repurchase');
    expect(f!.kind).toBe('risk');
    expect(f!.text['zh-CN']).toBe(
      '2026年3月 的购买客户中老客户占 25.0%，较 2026年2月（40.0%）下降 15 个百分点（400 对 400 位购买客户，p < 0.001）。',
    );
    expect(f!.text.en).toBe(
      'Returning customers were 25.0% of buyers in March 2026, down 15 points from 40.0% in February 2026 (400 vs 400 buyers, p < 0.001).',
    );
    expect(f!.period).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      compareFrom: '2026-02-01',
      compareTo: '2026-02-28',
    });
  });
  it('fires upward as an opportunity', () => {
    expect(readRepurchaseFindings(months([400, 160], [400, 100]))[0]?.kind).toBe('opportunity');
  });
  it('stays silent when not significant or too small', () => {
    expect(readRepurchaseFindings(months([400, 150], [400, 160]))).toEqual([]); // p ≈ 0.45
    expect(readRepurchaseFindings(months([T.MIN_PERIOD_BUYERS - 1, 5], [400, 300]))).toEqual([]);
    expect(readRepurchaseFindings({ months: [] })).toEqual([]);
  });
});

const channel = (name: string, roi: number, n: number, mean: number, sd: number) => ({
  channel: name,
  cost: 1000,
  revenue: (roi + 1) * 1000,
  n,
  mean,
  var: sd * sd,
  roi,
});
const campaignConfig = defaultConfig().campaigns;

describe('campaign findings (Welch test on revenue per targeted customer)', () => {
  it('fires: the lowest ROI channel against the highest', () => {
    const rows = { channels: [channel('短信', 1.2, 200, 11, 20), channel('企业微信', 4.8, 200, 29, 30)] };
    const [f] = readCampaignFindings(rows, campaignConfig, ctx);
    expect(f!.text['zh-CN']).toMatch(
      /^短信活动 ROI 1\.2，低于企业微信（4\.8）；每位目标客户带来营收 ¥11，企业微信为 ¥29/,
    );
    expect(f!.text.en).toMatch(/^短信 campaigns return an ROI of 1\.2, below 企业微信 \(4\.8\)/);
    expect(f!.group?.query).toMatch(/channel = '短信'/);
  });
  it('stays silent when the difference could be chance, or a channel is too small', () => {
    expect(
      readCampaignFindings(
        { channels: [channel('SMS', 1.2, 200, 11, 60), channel('WeCom', 1.5, 200, 12, 60)] },
        campaignConfig,
        ctx,
      ),
    ).toEqual([]);
    expect(
      readCampaignFindings(
        {
          channels: [
            channel('SMS', 1.2, T.MIN_CHANNEL_CUSTOMERS - 1, 11, 20),
            channel('WeCom', 4.8, 200, 29, 30),
          ],
        },
        campaignConfig,
        ctx,
      ),
    ).toEqual([]);
  });
});

const source = { baskets: null, purchases: 'purchases', level: 'product' as const };
const basketRows = (count: number, confidence: number, lift: number, transactions: number) => ({
  model: [{ json: JSON.stringify({ transactions }) }],
  rules: [
    {
      rule_id: 1,
      antecedent: '{防晒霜}',
      consequent: '{遮阳伞}',
      support: count / transactions,
      confidence,
      lift,
      count,
      group_size: 42,
    },
  ],
  items: [
    { rule_id: 1, side: 'lhs', item: '防晒霜' },
    { rule_id: 1, side: 'rhs', item: '遮阳伞' },
  ],
});

describe('basket findings (rule against its base rate)', () => {
  it('fires: the rule, its lift and the cross-sell group', () => {
    const [f] = readBasketFindings(basketRows(65, 0.65, 3.1, 1000), source, ctx);
    expect(f!.text['zh-CN']).toBe(
      '购买「防晒霜」的订单中 65% 同时购买了「遮阳伞」（lift 3.1，65 单，p < 0.001）；有 42 位买过「防晒霜」的客户从未买过「遮阳伞」。',
    );
    expect(f!.text.en).toBe(
      '65% of baskets with “防晒霜” also hold “遮阳伞” (lift 3.1, 65 baskets, p < 0.001); 42 customers who bought “防晒霜” have never bought “遮阳伞”.',
    );
    expect(f!.group?.query).toMatch(/EXCEPT SELECT customer_id FROM b WHERE item IN \('遮阳伞'\)/);
  });
  it('stays silent when the rule is no better than the base rate could be by chance', () => {
    // 20 of 40 baskets with A hold B, against B in 45 % of the others: lift ≈ 1.1, p ≈ 0.5.
    expect(readBasketFindings(basketRows(20, 0.5, 0.5 / 0.4505, 1000), source, ctx)).toEqual([]);
    expect(readBasketFindings({ ...basketRows(65, 0.65, 3.1, 1000), model: [] }, source, ctx)).toEqual([]);
  });
});

const steps = (users: number[]) => ({
  steps: users.map((u, i) => ({
    step: i + 1,
    event: ['浏览', '加购', '下单', '支付'][i]!,
    users: u,
    conversion_from_previous: null,
    conversion_from_first: null,
    median_minutes_from_previous: null,
  })),
});
const funnelConfig = { steps: ['浏览', '加购', '下单', '支付'] } as unknown as Parameters<
  typeof readFunnelFindings
>[1];

describe('funnel findings', () => {
  it('fires on the step that loses the most people', () => {
    const [f] = readFunnelFindings(steps([1000, 300, 240, 200]), funnelConfig);
    expect(f!.id).toBe('funnel.drop.2');
    expect(f!.text.en).toBe(
      'The funnel loses most between “浏览” and “加购”: only 300 of 1,000 go on (30%), 700 are lost.',
    );
    expect(f!.group?.size).toBe(700);
  });
  it('stays silent when too few entered', () => {
    expect(readFunnelFindings(steps([T.MIN_STEP_ENTRANTS - 1, 10, 5, 1]), funnelConfig)).toEqual([]);
  });
});

const churn = (customers: number, all: number) => ({
  churn: [
    {
      customers,
      spend: 250_000,
      all_customers: all,
      all_spend: 1_000_000,
      first_date: '2025-01-01',
      last_date: '2026-03-30',
    },
  ],
});
const lifecycleConfig = { overdueFactor: 1.5, overdueMinPurchases: 3 };

describe('lifecycle findings (the churn warning list)', () => {
  it('fires with the section definition in the sentence', () => {
    const [f] = readLifecycleFindings(churn(120, 1000), { purchases: 'purchases' }, lifecycleConfig, ctx);
    expect(f!.text['zh-CN']).toBe(
      '120 位老客户（占客户 12%，至少 3 个购买日）距上次购买已超过其购买间隔中位数的 1.5 倍，累计消费 ¥25万（占营收 25%），是流失预警名单。',
    );
    expect(f!).toMatchObject({
      kind: 'risk',
      link: { section: 'lifecycle' },
      group: { size: 120 },
      period: { from: '2025-01-01', to: '2026-03-30' },
    });
    expect(f!.group?.query).toMatch(/overdue/);
  });
  it('stays silent on too few customers or a short list', () => {
    expect(
      readLifecycleFindings(churn(120, T.MIN_CUSTOMERS - 1), { purchases: 'p' }, lifecycleConfig, ctx),
    ).toEqual([]);
    expect(
      readLifecycleFindings(churn(T.MIN_GROUP - 1, 1000), { purchases: 'p' }, lifecycleConfig, ctx),
    ).toEqual([]);
  });
});

describe('ranking and findings.json', () => {
  it('ranks by score, then module order, and writes the documented keys', () => {
    const a = readRfmFindings(rfmRows(), ctx, labels);
    const b = readRepurchaseFindings(months([400, 100], [400, 160]));
    const ranked = rankFindings([...b, ...a]);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    const json = findingJson(ranked[0] as Finding);
    expect(Object.keys(json).slice(0, 6)).toEqual(['id', 'module', 'severity', 'kind', 'text_zh', 'text_en']);
    expect(json).toHaveProperty('numbers');
  });
});
