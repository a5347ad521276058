/**
 * Findings in words (issue 17): what a module's results say, as a sentence with its numbers, its
 * comparison and its evidence. Modules contribute them through `AnalysisModule.findings`
 * (contract.ts); the Findings overview ranks them, the report prints them, actions start from them,
 * and the CLI writes them as findings.json. Pure data: no customer rows, only aggregates.
 */
import type { Locale } from '../contract.ts';

/** Number, text or null evidence values, named (e.g. `{ share: 0.61, before: 0.32, after: 0.17 }`). */
export type FindingNumbers = Readonly<Record<string, number | string | null>>;

export interface Finding {
  /** Stable across runs on the same data and config: `<module>.<rule>[.<key>]`. */
  readonly id: string;
  /** The module that produced it (ModuleId). */
  readonly module: string;
  /** A problem to fix, an opportunity to take, or context worth knowing. */
  readonly kind: 'risk' | 'opportunity' | 'info';
  /** 0–100: how much it matters (size × effect); the overview ranks by it. */
  readonly score: number;
  /** The sentence, as an analyst would write it, with numbers formatted for each locale. */
  readonly text: Readonly<Record<Locale, string>>;
  /** A short title for cards and the action board (problem field), per locale. */
  readonly title: Readonly<Record<Locale, string>>;
  /** The evidence behind the sentence, unformatted (findings.json `numbers`). */
  readonly numbers: FindingNumbers;
  /** The period the numbers describe and, where compared, the one they are compared with (YYYY-MM-DD). */
  readonly period?: {
    readonly from: string;
    readonly to: string;
    readonly compareFrom?: string;
    readonly compareTo?: string;
  };
  /** Where it came from: the section to open and the view state to open it in (e.g. a segment). */
  readonly link: { readonly section: string; readonly view?: Readonly<Record<string, string>> };
  /**
   * The customers behind it, when there is a group: a query (built by the module's pure code from
   * quoted identifiers and escaped values) whose rows are the exportable list, and its size.
   */
  readonly group?: { readonly query: string; readonly size: number };
}
