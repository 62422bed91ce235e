import type { BreakdownKey } from './breakdown.js';
import { disclosureOf, TOTAL, type SurveyDisclosure, type WithheldReason } from './disclosure.js';

/** The key under which a cross-tab cell holds the count of option k (0-based) as a sum. */
export const optionKey = (k: number): string => `opt${k + 1}`;

export interface CrossTabColumn {
  key: string;
  /** null when withheld. */
  respondents: number | null;
  counts: (number | null)[];
  suppressed: boolean;
  /** Why the column is withheld, or null when shown. */
  withheld: WithheldReason | null;
}

/**
 * A cross-tab of a multiple-choice item by a group (docs/domain.md §5; policy III-2-(2) 退職を考えた理由 by age
 * band): counts per option × group and the total column, from cells whose respondents are those who answered the
 * item and whose sums are the option counts (`optionKey`). Columns are shown where the survey's disclosure plan
 * over those respondents shows the group, so that no group under 5 follows from the others by subtraction.
 */
export function choiceCrossTab(
  d: SurveyDisclosure,
  keys: readonly BreakdownKey[],
  options: number,
): { total: CrossTabColumn; groups: CrossTabColumn[] } {
  const column = (key: string, group: string): CrossTabColumn => {
    const shown = disclosureOf(d, group);
    if (!shown.shown) {
      return {
        key,
        respondents: group === TOTAL ? (d.respondents.get(TOTAL) ?? 0) : null,
        counts: Array.from({ length: options }, () => null),
        suppressed: true,
        withheld: shown.reason,
      };
    }
    const m = d.moments.get(group);
    return {
      key,
      respondents: d.respondents.get(group) ?? 0,
      counts: Array.from({ length: options }, (_, k) => m?.get(optionKey(k))?.sum ?? 0),
      suppressed: false,
      withheld: null,
    };
  };
  return { total: column('total', TOTAL), groups: keys.map((k) => column(k.key, k.group)) };
}
