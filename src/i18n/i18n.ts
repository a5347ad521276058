/**
 * Translation lookup. Messages live per area in ./messages/*.ts (each key with zh-CN and en side by
 * side); this module merges them. Text is always inserted as text by the UI, never as HTML.
 */
import { app } from './messages/app.ts';
import { errors } from './messages/errors.ts';
import { rfm } from './messages/rfm.ts';
import { rfmUi } from './messages/rfm-ui.ts';
import { cleaning } from './messages/cleaning.ts';
import { config } from './messages/config.ts';
import { configUi } from './messages/config-ui.ts';
import { behaviour } from './messages/behaviour.ts';
import { behaviourUi } from './messages/behaviour-ui.ts';
import { ingest } from './messages/ingest.ts';
import { workspace } from './messages/workspace.ts';
import { customersUi } from './messages/customers-ui.ts';
import { compareUi } from './messages/compare-ui.ts';
import { datasets } from './messages/datasets.ts';
import { campaigns } from './messages/campaigns.ts';
import { multiFile } from './messages/multi-file.ts';
import { currency } from './messages/currency.ts';
import { clv } from './messages/clv.ts';
import { forecast } from './messages/forecast.ts';
import { funnel } from './messages/funnel.ts';
import { sheets } from './messages/sheets.ts';
import { exportColumns, exportNames } from './messages/export-columns.ts';
import { basket, clusters, clustersNav, clustersUi } from './messages/clusters.ts';
import { templates } from './messages/templates.ts';
import { offline } from './messages/offline.ts';
import { actions } from './messages/actions.ts';
import { findings } from './messages/findings.ts';
import { groups } from './messages/groups.ts';
import type { Message } from './messages/types.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const all = {
  ...app,
  ...workspace,
  ...errors,
  ...cleaning,
  ...config,
  ...configUi,
  ...behaviour,
  ...behaviourUi,
  ...ingest,
  ...rfm,
  ...rfmUi,
  ...customersUi,
  ...compareUi,
  ...datasets,
  ...campaigns,
  ...multiFile,
  ...currency,
  ...clv,
  ...forecast,
  ...funnel,
  ...sheets,
  ...exportColumns,
  ...exportNames,
  ...clusters,
  ...basket,
  ...clustersNav,
  ...clustersUi,
  ...templates,
  ...offline,
  ...actions,
  ...findings,
  ...groups,
} satisfies Record<string, Message>;
export type MessageKey = keyof typeof all;

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(all, key);
}

/** Translate `key`, replacing `{param}` placeholders. A missing key is a programmer error. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const message = all[key];
  if (!message) throw new Error(`missing message ${String(key)}`);
  return message[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Pick the UI language from the browser's preferences: Chinese of any region → zh-CN, else en. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Export headers in `locale` by column name (issue 18): every `exportCol.<column>` message. */
export function exportHeaders(locale: Locale): Record<string, string> {
  const named = Object.entries(exportColumns).map(
    ([key, m]) => [key.slice('exportCol.'.length), m[locale]] as const,
  );
  // Standardised features of the clusters export (`z_<feature>`).
  const z = named.map(([col, label]) => [
    `z_${col}`,
    locale === 'zh-CN' ? `${label}（标准化 z 值）` : `${label} (z-score)`,
  ]);
  return Object.fromEntries([...z, ...named]);
}

/**
 * Words for codes in exported cells (issue 18, engine/export-query.ts ExportDisplay.words): set-aside
 * reasons (`reason.<code>` from `cleaning.reason.*`) and churn-warning details (`detail.*` from
 * `exportWord.detail.*`).
 */
export function exportWords(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(all) as MessageKey[]) {
    if (key.startsWith('cleaning.reason.'))
      out[`reason.${key.slice('cleaning.reason.'.length)}`] = translate(locale, key);
    else if (key.startsWith('exportWord.')) out[key.slice('exportWord.'.length)] = translate(locale, key);
  }
  return out;
}
