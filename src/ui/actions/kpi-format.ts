/** An action's KPI now against its baseline, in words (issue 17): rates as %, counts and money per locale. */
import type { Action } from '../../config/actions.ts';
import type { UiPort } from '../kit/ports.ts';
import { dec, int, money, pct } from '../kit/format.ts';
import { isRateKpi, kpiChange } from '../../analyses/report/kpi-text.ts';

export function kpiValue(app: UiPort, id: string, v: number | null): string {
  if (isRateKpi(id)) return pct(app.locale, v);
  if (id === 'revenue.total' || id === 'rfm.aov') return money(app.locale, v, app.currency ?? null);
  if (id.startsWith('rfm.')) return int(app.locale, v);
  return dec(app.locale, v, 2);
}

function delta(app: UiPort, id: string, d: number | null): string {
  if (d === null) return '—';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const size = Math.abs(d);
  if (isRateKpi(id)) return `${sign}${dec(app.locale, size * 100, 1)} pp`;
  return `${sign}${kpiValue(app, id, size)}`;
}

export function kpiText(app: UiPort, a: Action, now: number | null, computed: boolean): string {
  if (!a.kpi) return '';
  if (!computed) return app.t('actions.kpiPending');
  if (now === null) return app.t('actions.kpiUnknown');
  const id = a.kpi.id;
  if (a.kpi.baseline === null) return app.t('actions.kpiNoBaseline', { now: kpiValue(app, id, now) });
  return app.t('actions.kpiNow', {
    now: kpiValue(app, id, now),
    baseline: kpiValue(app, id, a.kpi.baseline),
    change: delta(app, id, kpiChange(a.kpi.baseline, now)),
  });
}
