import { KPI_QUESTIONS, type KpiCode } from '../kpis.js';
import { kpiFigures, NO_MOMENTS, type AnswerMoments } from './kpi-figures.js';
import { suppressedCells } from './suppression.js';

/** A group of a breakdown as SQL returns it: respondents and the moments of each question. */
export interface GroupMoments {
  key: string;
  respondents: number;
  questions: ReadonlyMap<string, AnswerMoments>;
}

export interface BreakdownCell {
  code: KpiCode;
  /** null when withheld. */
  mean: number | null;
  n: number | null;
  favourable: number | null;
  suppressed: boolean;
}

/**
 * A group of a breakdown (docs/interfaces.md "Survey and KPIs" `/api/kpis/breakdown`): a suppressed group
 * carries no figures.
 */
export interface BreakdownGroup {
  key: string;
  n: number | null;
  suppressed: boolean;
  kpis: BreakdownCell[];
}

/**
 * A breakdown with suppression enforced (docs/domain.md §5): groups under 5 respondents and their complements
 * are withheld whole; then, question by question, cells under 5 answers (blank answers make a question's n
 * smaller than the group's) and their complements are withheld, so that no figure can be had by subtraction
 * from the published totals.
 */
export function breakdown(
  groups: readonly GroupMoments[],
  questions: readonly KpiCode[] = KPI_QUESTIONS.map((k) => k.code),
): BreakdownGroup[] {
  const hiddenGroups = suppressedCells(groups.map((g) => ({ key: g.key, n: g.respondents })));
  const hiddenCells = new Map<KpiCode, Set<string>>();
  for (const q of questions) {
    hiddenCells.set(
      q,
      suppressedCells(
        groups.map((g) => ({ key: g.key, n: (g.questions.get(q) ?? NO_MOMENTS).n })),
        hiddenGroups,
      ),
    );
  }
  return groups.map((g) => {
    if (hiddenGroups.has(g.key)) return { key: g.key, n: null, suppressed: true, kpis: [] };
    return {
      key: g.key,
      n: g.respondents,
      suppressed: false,
      kpis: questions.map((code) => {
        if (hiddenCells.get(code)?.has(g.key)) {
          return { code, mean: null, n: null, favourable: null, suppressed: true };
        }
        const f = kpiFigures(g.questions.get(code) ?? NO_MOMENTS);
        return { code, mean: f.mean, n: f.n, favourable: f.favourable, suppressed: false };
      }),
    };
  });
}
