/**
 * What a config will do, in words, before it runs (issue 5): a one-line summary for lists of saved
 * configs, and a structured description the UI shows before applying a shared link. Pure and
 * data-free: configs hold no data values, and every string here is shown as text, never as HTML.
 *
 * Analysis sections (rfm, …) are read generically so sections added to schema.ts show up without
 * changes here: any string field named `preset` is a preset, any array named `segments` lists
 * segments (their `name` or `label`), and every leaf that differs from the default is a setting.
 */
import { translate, type Locale, type MessageKey } from '../i18n/i18n.ts';
import { REQUIRED_ROLES } from './roles.ts';
import type { AnalysisConfig } from './schema.ts';
import { defaultConfig } from './parse-config.ts';

export type SettingValue = string | number | boolean | null;
export interface ConfigSetting {
  /** Dot path, e.g. `cleaning.maxAmount` or `cleaning.categorySynonyms.女装`. */
  path: string;
  value: SettingValue | SettingValue[];
}
export interface SourceDescription {
  id: string;
  kind: AnalysisConfig['sources'][number]['kind'];
  platform: string | null;
  fileNameHint: string | null;
  /** Role → column name, in role order of the config. */
  mapping: { role: string; column: string }[];
  /** Required roles of this kind (config/roles.ts) that the mapping leaves out. */
  missingRequired: string[];
}
export interface ConfigDescription {
  name: string;
  version: number;
  sources: SourceDescription[];
  /** e.g. `{ section: 'rfm', preset: 'value5' }`. */
  presets: { section: string; preset: string }[];
  segments: { section: string; names: string[] }[];
  /** Leaves (outside `sources`, `name`, `version`) whose value differs from the default config. */
  changed: ConfigSetting[];
}

const SKIP_TOP = new Set(['version', 'name', 'sources']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function isLeafArray(value: unknown[]): value is SettingValue[] {
  return value.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));
}

/** Leaves of a JSON value keyed by dot path; arrays of primitives are one leaf. */
function flatten(value: unknown, path: string[], out: Map<string, SettingValue | SettingValue[]>): void {
  if (Array.isArray(value)) {
    if (isLeafArray(value)) out.set(path.join('.'), value);
    else value.forEach((item, i) => flatten(item, [...path, String(i)], out));
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, [...path, key], out);
  } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    out.set(path.join('.'), value as SettingValue);
  }
}

function sectionsOf(config: AnalysisConfig): [string, unknown][] {
  return Object.entries(config).filter(([key]) => !SKIP_TOP.has(key));
}

function collectPresetsAndSegments(value: unknown, section: string, description: ConfigDescription): void {
  if (Array.isArray(value)) {
    for (const item of value) collectPresetsAndSegments(item, section, description);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'preset' && typeof child === 'string') description.presets.push({ section, preset: child });
    else if (key === 'segments' && Array.isArray(child)) {
      const names = child.map((s, i) => {
        if (typeof s === 'string') return s;
        const named = isPlainObject(s) ? (s.name ?? s.label) : undefined;
        return typeof named === 'string' ? named : `#${i + 1}`;
      });
      description.segments.push({ section, names });
    } else collectPresetsAndSegments(child, section, description);
  }
}

let defaults: Map<string, SettingValue | SettingValue[]> | null = null;

export function describeConfig(config: AnalysisConfig): ConfigDescription {
  const description: ConfigDescription = {
    name: config.name,
    version: config.version,
    sources: config.sources.map((source) => {
      const mapping = Object.entries(source.mapping).map(([role, column]) => ({ role, column }));
      const required: readonly string[] = REQUIRED_ROLES[source.kind];
      return {
        id: source.id,
        kind: source.kind,
        platform: source.platform ?? null,
        fileNameHint: source.fileNameHint ?? null,
        mapping,
        missingRequired: required.filter((role) => !Object.hasOwn(source.mapping, role)),
      };
    }),
    presets: [],
    segments: [],
    changed: [],
  };
  if (!defaults) {
    defaults = new Map();
    for (const [key, value] of sectionsOf(defaultConfig())) flatten(value, [key], defaults);
  }
  const current = new Map<string, SettingValue | SettingValue[]>();
  for (const [key, value] of sectionsOf(config)) {
    flatten(value, [key], current);
    collectPresetsAndSegments(value, key, description);
  }
  for (const [path, value] of current) {
    if (JSON.stringify(defaults.get(path)) !== JSON.stringify(value))
      description.changed.push({ path, value });
  }
  return description;
}

function sectionLabel(section: string): string {
  return section.length <= 4 ? section.toUpperCase() : section;
}

/** One line, e.g. `订单: 6 列映射 · RFM value5 · 6 个分群` / `Orders: 6 column(s) mapped · RFM value5 · 6 segment(s)`. */
export function summarizeConfig(config: AnalysisConfig, locale: Locale): string {
  const d = describeConfig(config);
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const parts = d.sources.map((s) =>
    t('config.summary.mapped', { source: t(`config.kind.${s.kind}`), count: s.mapping.length }),
  );
  for (const p of d.presets) parts.push(`${sectionLabel(p.section)} ${p.preset}`);
  const segmentCount = d.segments.reduce((n, s) => n + s.names.length, 0);
  if (segmentCount > 0) parts.push(t('config.summary.segments', { count: segmentCount }));
  // The action plan (issue 17) is the user's notes, not a setting.
  // Saved customer groups (issues 14–16) are counted on their own, not as changed settings.
  if (config.groups.length > 0) parts.push(t('groups.summary', { count: config.groups.length }));
  const isSegmentOrPreset = (path: string) =>
    /(^|\.)segments(\.|$)|(^|\.)preset$|^actions\.|^groups\./.test(path);
  const changed = d.changed.filter((c) => !isSegmentOrPreset(c.path)).length;
  if (changed > 0) parts.push(t('config.summary.changed', { count: changed }));
  return parts.length > 0 ? parts.join(t('config.summary.separator')) : t('config.summary.empty');
}
