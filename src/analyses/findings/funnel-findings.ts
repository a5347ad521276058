/**
 * Funnel finding (issue 17), `funnel.drop`: the step that loses the most people (entrants of the step
 * before minus those who reach it), when at least MIN_STEP_ENTRANTS entered the step before. No
 * comparison is made, so no test; the group is the people who dropped there (the section's export,
 * phone and e-mail ids masked as by default).
 */
import type { FindingsSpec, ModulePlan, QueryRows } from '../contract.ts';
import type { Finding } from './finding.ts';
import { readRows } from '../read-rows.ts';
import { buildFunnelDroppedSql, buildFunnelStepsSql } from '../funnel/build-funnel-sql.ts';
import { FUNNEL_STEP_ROW } from '../funnel/results.ts';
import { maskedIdSql } from '../campaigns/build-campaigns-sql.ts';
import type { FunnelConfig } from '../funnel/funnel-config.ts';
import { FINDING_THRESHOLDS as T, score } from './thresholds.ts';
import { both, fmt } from './text.ts';

export function planFunnelFindings(config: FunnelConfig): ModulePlan {
  if (config.steps.length < 2) return { statements: [], queries: {} };
  return { statements: [], queries: { steps: buildFunnelStepsSql(config.steps) } };
}

export function readFunnelFindings(rows: QueryRows, config: FunnelConfig): Finding[] {
  const steps = readRows(rows.steps, FUNNEL_STEP_ROW);
  let best: { i: number; lost: number } | null = null;
  for (let i = 1; i < steps.length; i++) {
    const entered = steps[i - 1]!.users;
    if (entered < T.MIN_STEP_ENTRANTS) continue;
    const lost = entered - steps[i]!.users;
    if (lost > 0 && (!best || lost > best.lost)) best = { i, lost };
  }
  if (!best || best.lost < T.MIN_GROUP) return [];
  const from = steps[best.i - 1]!;
  const to = steps[best.i]!;
  const rate = to.users / from.users;
  return [
    {
      id: `funnel.drop.${to.step}`,
      module: 'funnel',
      kind: 'risk',
      score: score(20 + (1 - rate) * 70),
      title: both('findings.funnel.drop.title', () => ({ from: from.event, to: to.event })),
      text: both('findings.funnel.drop.text', (l) => {
        const f = fmt(l, null);
        return {
          from: from.event,
          to: to.event,
          entered: f.int(from.users),
          users: f.int(to.users),
          rate: f.pct(rate),
          lost: f.int(best.lost),
        };
      }),
      numbers: {
        step: to.step,
        from_event: from.event,
        to_event: to.event,
        entered: from.users,
        reached: to.users,
        conversion: rate,
      },
      link: { section: 'funnel' },
      group: {
        query: buildFunnelDroppedSql(config.steps, to.step, (e) => maskedIdSql(e, true)),
        size: best.lost,
      },
    },
  ];
}

export const funnelFindings: FindingsSpec<FunnelConfig> = {
  plan: (config) => planFunnelFindings(config),
  read: (rows, config) => readFunnelFindings(rows, config),
};
