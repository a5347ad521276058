/** The translated, user-facing text of a ConfigIssue (parse-config.ts). Plain text, never HTML. */
import { translate, type Locale, type MessageKey } from '../i18n/i18n.ts';
import type { ConfigIssue } from './parse-config.ts';

export function issueText(locale: Locale, issue: ConfigIssue): string {
  const key = `config.error.${issue.code}` as MessageKey;
  return translate(locale, key, { path: issue.path, detail: issue.message, ...issue.params });
}

/** All issues as one paragraph, one sentence each (at most `max`, then "…"). */
export function issuesText(locale: Locale, issues: readonly ConfigIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((issue) => issueText(locale, issue));
  return issues.length > max ? `${shown.join(' ')} …` : shown.join(' ');
}
