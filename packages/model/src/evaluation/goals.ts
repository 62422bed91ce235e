// 業績評価 goals (docs/domain.md §4): 2–5 personal goals, each with its outcome, difficulty and achievement.
import { z } from 'zod';
import { outcomeCodeSchema } from '../logic-model.js';
import { evaluationGradeSchema } from '../scales.js';

/** Difficulty of a personal goal (業績評価, docs/domain.md §4). */
export const GOAL_DIFFICULTIES = ['high', 'standard', 'low'] as const;
export type GoalDifficulty = (typeof GOAL_DIFFICULTIES)[number];
export const GOAL_DIFFICULTY_LABELS: Record<GoalDifficulty, { ja: string; en: string }> = {
  high: { ja: '高', en: 'High' },
  standard: { ja: '中', en: 'Standard' },
  low: { ja: '低', en: 'Low' },
};

/** The number of personal goals a sheet holds (docs/domain.md §4: 2–5). */
export const GOALS_MIN = 2;
export const GOALS_MAX = 5;

/** One personal goal (docs/domain.md §4): content, the logic-model outcome it serves, difficulty, measure. */
export const goalSchema = z.object({
  content: z.string().trim().min(1, { message: '目標の内容を入力してください' }).max(1000),
  outcome: outcomeCodeSchema,
  difficulty: z.enum(GOAL_DIFFICULTIES),
  measure: z.string().trim().min(1, { message: '達成の指標を入力してください' }).max(500),
});
export type Goal = z.output<typeof goalSchema>;

/** The goals of a sheet as saved (a draft may hold fewer than 2; submitting needs 2–5). */
export const goalsDraftSchema = z
  .array(goalSchema)
  .max(GOALS_MAX, { message: `目標は${GOALS_MAX}件までです` });

/** Whether a set of goals may be submitted (docs/domain.md §4: 2–5 goals). */
export function goalsComplete(goals: readonly Goal[]): boolean {
  return goals.length >= GOALS_MIN && goals.length <= GOALS_MAX;
}

/** The item key of goal n (1-based) in a sheet's ratings. */
export const goalItem = (position: number) => `goal:${position}`;
/** The item key of the overall rating (総合評価). */
export const OVERALL_ITEM = 'overall';

/** A rating with a comment, as a save request carries it. */
export const ratingInputSchema = z.object({
  item: z.string().min(1).max(100),
  rating: evaluationGradeSchema.nullable(),
  comment: z.string().trim().max(2000).optional(),
});
export type RatingInput = z.output<typeof ratingInputSchema>;

/**
 * The items a rater must rate for a sheet to move on (docs/domain.md §4): every competency of the grade,
 * every goal and, for the evaluators, the overall grade. Returns those missing.
 */
export function missingRatings(
  competencyCodes: readonly string[],
  goalCount: number,
  rated: ReadonlySet<string>,
  withOverall: boolean,
): string[] {
  const needed = [
    ...competencyCodes,
    ...Array.from({ length: goalCount }, (_, i) => goalItem(i + 1)),
    ...(withOverall ? [OVERALL_ITEM] : []),
  ];
  return needed.filter((i) => !rated.has(i));
}
