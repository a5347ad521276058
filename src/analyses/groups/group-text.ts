/** A saved group's source and availability in words (issues 14–16), in the UI language. */
import type { CustomerGroup } from '../../config/groups.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import type { GroupState } from './materialise.ts';
import { resolveRfmConfig } from '../rfm/rfm-config.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { formatInteger } from '../../i18n/format.ts';

export interface TextPort {
  readonly locale: 'zh-CN' | 'en';
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

function segmentLabel(config: AnalysisConfig, id: string, locale: 'zh-CN' | 'en'): string {
  return resolveRfmConfig(config.rfm).segments.find((s) => s.id === id)?.label[locale] ?? id;
}

export function groupSourceText(app: TextPort, config: AnalysisConfig, group: CustomerGroup): string {
  const s = group.source;
  switch (s.kind) {
    case 'funnel-drop':
      return app.t('groups.source.funnel-drop', {
        step: s.step,
        previous: s.basis.steps[s.step - 2] ?? '',
        event: s.basis.steps[s.step - 1] ?? '',
      });
    case 'cluster': {
      const own = config.clusters.names.find((n) => n.cluster === s.cluster)?.name.trim();
      const base = app.t('groups.source.cluster', { cluster: s.cluster });
      return own ? `${base} · ${own}` : base;
    }
    case 'clv':
      return s.list === 'valuable-churned'
        ? app.t('groups.source.clv.valuable-churned')
        : app.t('groups.source.clv.band', { band: app.t(`clv.band.${s.list}`) });
    case 'rfm-segment':
      return app.t('groups.source.rfm-segment', { segment: segmentLabel(config, s.segment, app.locale) });
    case 'high-value-at-risk':
      return app.t('groups.source.high-value-at-risk');
  }
}

/** "1,234 customers", or the sentence saying why the group is not available (and how to fix it). */
export function groupStateText(
  app: TextPort,
  config: AnalysisConfig,
  group: CustomerGroup,
  state: GroupState | undefined,
): string {
  if (state === undefined) return app.t('groups.counting');
  if ('customers' in state)
    return app.t('groups.members', { count: formatInteger(app.locale, state.customers) });
  const s = group.source;
  if (state.reason === 'segment-gone' && s.kind === 'rfm-segment')
    return app.t('groups.unavailable.segment-gone', { segment: s.segment });
  switch (s.kind) {
    case 'funnel-drop':
      return app.t('groups.unavailable.funnel-drop', {
        steps: s.basis.steps.join(' → '),
        days: s.basis.windowDays,
      });
    case 'cluster':
      return app.t('groups.unavailable.cluster', {
        features: s.basis.features.join(', '),
        k: s.basis.k ?? app.t('groups.kAuto'),
        seed: s.basis.seed,
      });
    case 'clv':
      return app.t('groups.unavailable.clv', {
        unit: s.basis.timeUnit,
        end: s.basis.calibrationEnd ?? app.t('groups.noCalibration'),
        days: s.basis.horizonDays,
      });
    default:
      return app.t('groups.unavailable.rfm', { preset: s.basis.preset });
  }
}
