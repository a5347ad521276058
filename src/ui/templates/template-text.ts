/**
 * Words for the templates panel and the missing-columns sentence (issue 17): role and field labels
 * from the existing messages (`dataRole.*`, `role.*`), alternatives joined by " / " as the cleaning
 * screen does.
 */
import { hasMessage, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import type { FileFit } from '../../ingest/templates/file-fit.ts';
import { templateFor, type TemplateLang } from '../../ingest/templates/templates.ts';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export const langOf = (locale: Locale): TemplateLang => (locale === 'zh-CN' ? 'zh' : 'en');

/** A role's name: its template title when it has one (订单明细), else its data-role label. */
export function roleName(t: T, locale: Locale, role: string): string {
  const tpl = templateFor(role);
  if (tpl) return tpl.title[langOf(locale)];
  const key = `dataRole.${role}`;
  return hasMessage(key) ? t(key) : role;
}

export function fieldName(t: T, field: string): string {
  const key = `role.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** Required groups as words: "客户ID、实付金额 / 单价" (en: "Customer id, Amount paid / Unit price"). */
export function fieldList(t: T, locale: Locale, groups: readonly (readonly string[])[]): string {
  return groups.map((g) => g.map((f) => fieldName(t, f)).join(' / ')).join(locale === 'zh-CN' ? '、' : ', ');
}

/** One sentence: what the file looks like and which required columns it lacks. */
export function missingSentence(t: T, locale: Locale, file: string, fit: FileFit): string {
  return t('tpl.missing', {
    file,
    role: roleName(t, locale, fit.role),
    fields: fieldList(t, locale, fit.missing),
  });
}
