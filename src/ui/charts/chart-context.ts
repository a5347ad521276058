/**
 * What every chart needs from around it without a prop at each of its call sites: the words of its
 * data-table toggle in the UI language (set once by App) and the title of the card it sits in (set
 * by Card), which becomes the chart's accessible name.
 */
import { getContext, setContext } from 'svelte';
import type { ChartTableLabels } from '../../charts/chart-table.ts';

export interface ChartText {
  readonly locale: string;
  readonly showTable: string;
  readonly hideTable: string;
  readonly chart: string;
  readonly labels: ChartTableLabels;
}

const TEXT = Symbol('chart-text');
const TITLE = Symbol('card-title');

const FALLBACK: ChartText = {
  locale: 'en',
  showTable: 'Data table',
  hideTable: 'Hide table',
  chart: 'Chart',
  labels: { category: 'Category', value: 'Value', from: 'From', to: 'To' },
};

export function setChartText(text: () => ChartText): void {
  setContext(TEXT, text);
}

export function chartText(): () => ChartText {
  return getContext<(() => ChartText) | undefined>(TEXT) ?? (() => FALLBACK);
}

export function setCardTitle(title: () => string): void {
  setContext(TITLE, title);
}

export function cardTitle(): () => string {
  return getContext<(() => string) | undefined>(TITLE) ?? (() => '');
}
