/**
 * Words for a config description (config/summary.ts describeConfig) in the UI's language: setting
 * labels, values, presets and RFM segments. Plain strings — the components insert them as text.
 */
import type { ConfigDescription, ConfigSetting, SettingValue } from '../../config/summary.ts';
import type { AnalysisConfig } from '../../config/schema.ts';
import { hasMessage, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import { resolveRfmConfig } from '../../analyses/rfm/rfm-config.ts';
import { PRESET_NAMES, type BuiltInPresetId } from '../../analyses/rfm/presets.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Settings described by an existing message (label keys of the cleaning screen). */
const SETTING_KEYS: Record<string, string> = {
  'cleaning.dropExactDuplicates': 'clean.rule.dropExactDuplicates',
  'cleaning.dedupeOrderIds': 'clean.rule.dedupeOrderIds',
  'cleaning.dropImpossibleValues': 'clean.rule.dropImpossibleValues',
  'cleaning.normalizeText': 'clean.rule.normalizeText',
  'cleaning.statusRules.purchaseStatuses': 'clean.purchaseStatuses',
  'cleaning.dateOrder': 'clean.dateOrder',
  'cleaning.currency': 'currency.label',
  'cleaning.returns': 'clean.returns',
  'cleaning.purchase': 'clean.purchase',
};

/** Paths shown in their own block (segments, presets, the action plan) rather than as settings. */
const OWN_BLOCK = /^rfm\.segments\.|(^|\.)preset$|^actions\./;

/**
 * RFM and view settings in words (issue 18: "R 分档：按平均值", not `rfm.cuts.r.source mean`):
 * `rfm.cuts.<d>.<field>` and `rfm.cuts.<d>.base.<field>` name the dimension; other `rfm.*` and
 * `view.*` leaves have a `setup.setting.<path>` message.
 */
const RFM_CUT = /^rfm\.cuts\.([rfm])\.(base\.)?(source|points|levels|basis)$/;

function rfmSettingLabel(t: T, path: string): string | null {
  const cut = RFM_CUT.exec(path);
  if (cut) {
    const [, d, base, field] = cut;
    return t(`setup.setting.cut.${base ? 'base.' : ''}${field}` as MessageKey, { d: d!.toUpperCase() });
  }
  const key = `setup.setting.${path}`;
  return hasMessage(key) ? t(key as MessageKey) : null;
}

export function settingLabel(t: T, path: string): string {
  const key = SETTING_KEYS[path];
  if (key && hasMessage(key)) return t(key as MessageKey);
  return rfmSettingLabel(t, path) ?? path;
}

function valueText(t: T, path: string, value: SettingValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t('setup.yes') : t('setup.no');
  const key =
    path === 'cleaning.statusRules.purchaseStatuses'
      ? `status.${value}`
      : path === 'cleaning.dateOrder'
        ? `cleaning.dateOrder.${value}`
        : path === 'cleaning.returns' || path === 'cleaning.purchase'
          ? `${path.replace('cleaning.', 'clean.')}.${value}`
          : RFM_CUT.test(path) && !/(points|levels)$/.test(path)
            ? `setup.value.cut.${value}`
            : /^rfm\.(monetary|window\.kind|cn8\.(compare|basis)|quantileMethod)$/.test(path)
              ? `setup.value.${path}.${value}`
              : '';
  return hasMessage(key) ? t(key) : String(value);
}

export function settingValueText(t: T, setting: ConfigSetting): string {
  const values = Array.isArray(setting.value) ? setting.value : [setting.value];
  return values.map((v) => valueText(t, setting.path, v)).join(', ');
}

export function visibleSettings(description: ConfigDescription): ConfigSetting[] {
  return description.changed.filter((c) => !OWN_BLOCK.test(c.path));
}

export function roleLabel(t: T, role: string): string {
  const key = `role.${role}`;
  return hasMessage(key) ? t(key) : role;
}

export function kindLabel(t: T, kind: string): string {
  const key = `config.kind.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}

export function presetText(locale: Locale, section: string, preset: string): string {
  const name =
    section === 'rfm' && Object.hasOwn(PRESET_NAMES, preset)
      ? PRESET_NAMES[preset as BuiltInPresetId][locale]
      : preset;
  return `${section.toUpperCase()}: ${name}`;
}

export interface SegmentLine {
  label: string;
  action: string;
}

/** The RFM segments the config will use (its own, or its preset's), labelled in `locale`. */
export function rfmSegmentLines(config: AnalysisConfig, locale: Locale): SegmentLine[] {
  return resolveRfmConfig(config.rfm).segments.map((s) => ({
    label: s.label[locale] || s.label['zh-CN'] || s.label.en || s.id,
    action: s.action[locale] ?? '',
  }));
}

/** The RFM preset in effect, including the implicit default (value5) a config does not name. */
export function rfmPresetText(config: AnalysisConfig, locale: Locale, t: T): string {
  const preset = config.rfm.preset;
  if (preset === undefined)
    return `${presetText(locale, 'rfm', 'value5')} ${t('setup.describe.defaultPreset')}`;
  return presetText(locale, 'rfm', preset);
}
