import { MIN_GROUP_SIZE } from './kpi-figures.js';
import { suppressedCells } from './suppression.js';

/** A group's answers to one multiple-choice item, as SQL counts them: respondents and choices per option. */
export interface ChoiceGroupCounts {
  key: string;
  /** Respondents in the group who answered the item. */
  respondents: number;
  /** counts[k-1]: how many chose option k. */
  counts: readonly number[];
}

export interface CrossTabColumn {
  key: string;
  /** null when withheld. */
  respondents: number | null;
  counts: (number | null)[];
  suppressed: boolean;
}

/**
 * A cross-tab of a multiple-choice item by a group (docs/domain.md §5; policy III-2-(2) 退職を考えた理由 by age
 * band): counts per option × group and the total column. Groups under 5 respondents and their complements are
 * withheld whole, with the KPI breakdowns' suppressedCells, so that no group's counts follow from the total
 * by subtraction; the total's counts too when fewer than 5 answered at all.
 */
export function choiceCrossTab(
  groups: readonly ChoiceGroupCounts[],
  options: number,
): { total: CrossTabColumn; groups: CrossTabColumn[] } {
  const hidden = suppressedCells(groups.map((g) => ({ key: g.key, n: g.respondents })));
  const total = Array.from({ length: options }, (_, k) => groups.reduce((s, g) => s + (g.counts[k] ?? 0), 0));
  const respondents = groups.reduce((s, g) => s + g.respondents, 0);
  const small = respondents < MIN_GROUP_SIZE;
  return {
    total: {
      key: 'total',
      respondents,
      counts: small ? total.map(() => null) : total,
      suppressed: small,
    },
    groups: groups.map((g) =>
      hidden.has(g.key)
        ? { key: g.key, respondents: null, counts: total.map(() => null), suppressed: true }
        : {
            key: g.key,
            respondents: g.respondents,
            counts: Array.from({ length: options }, (_, k) => g.counts[k] ?? 0),
            suppressed: false,
          },
    ),
  };
}
