/**
 * New actions prefilled from what the analysis says (issue 17): a finding (its title as the problem,
 * its sentence as the cause, its first number as the KPI with its value as the baseline) or an RFM
 * segment (its size as the problem, its recommended action as the solution, its size as the KPI).
 * Pure: the board, the findings cards and tests call these; nothing here touches the data.
 */
import type { Action } from '../../config/actions.ts';
import type { Finding } from '../../analyses/findings/finding.ts';
import type { RfmSegment } from '../../analyses/rfm/rfm-config.ts';
import { SEGMENT_KPI_PREFIX } from '../../analyses/actions/module.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';

const MAX_TEXT = 2000;
const clip = (s: string, n = MAX_TEXT) => (s.length > n ? s.slice(0, n) : s);

/** An action id from a seed (letters, digits, `_ . -`, at most 80 characters). */
export function actionId(seed: string): string {
  const clean = seed.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return clip(clean === '' ? 'action' : clean, 80);
}

/** A fresh id not in `taken` (`base`, `base-2`, …). */
export function uniqueActionId(base: string, taken: readonly string[]): string {
  const root = actionId(base).slice(0, 72);
  let id = root;
  for (let k = 2; taken.includes(id); k++) id = `${root}-${k}`;
  return id;
}

/** An empty action (the board's "New action"). */
export function blankAction(id: string): Action {
  return {
    id: actionId(id),
    problem: '',
    cause: '',
    solution: '',
    owner: '',
    due: null,
    status: 'todo',
    kpi: null,
    fromFinding: null,
  };
}

/**
 * An action from a finding: problem = its title, cause = its sentence, KPI = its first numeric
 * evidence (`numbers` key) with that value as the baseline, dated with the finding's period end.
 */
export function actionFromFinding(f: Finding, locale: Locale, options: { id?: string } = {}): Action {
  const numeric = Object.entries(f.numbers).find(
    (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
  );
  return {
    id: actionId(options.id ?? `f-${f.id}`),
    problem: clip(f.title[locale] || f.text[locale]),
    cause: clip(translate(locale, 'actions.findingCause', { text: f.text[locale] })),
    solution: '',
    owner: '',
    due: null,
    status: 'todo',
    kpi: numeric
      ? {
          id: clip(numeric[0], 200),
          label: '',
          baseline: numeric[1],
          baselineDate: f.period?.to ?? null,
        }
      : null,
    fromFinding: clip(f.id, 200),
  };
}

/** An action from an RFM segment: its size now as the KPI baseline, its recommended action as the solution. */
export function actionFromSegment(
  segment: Pick<RfmSegment, 'id' | 'label' | 'action'>,
  customers: number | null,
  locale: Locale,
  options: { id?: string; today?: string | null } = {},
): Action {
  const label = segment.label[locale];
  return {
    id: actionId(options.id ?? `seg-${segment.id}`),
    problem: clip(
      customers === null ? label : translate(locale, 'actions.segmentProblem', { segment: label, customers }),
    ),
    cause: '',
    solution: clip(segment.action[locale]),
    owner: '',
    due: null,
    status: 'todo',
    kpi: {
      id: `${SEGMENT_KPI_PREFIX}${segment.id}`,
      label: '',
      baseline: customers,
      baselineDate: options.today ?? null,
    },
    fromFinding: null,
  };
}
