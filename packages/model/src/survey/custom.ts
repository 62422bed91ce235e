import { z } from 'zod';
import { normalizeText } from '../org.js';
import { parseAgreement, type AgreementValue } from '../scales.js';

/** An HR-defined survey has at most 20 items (the columns q01…q20 of survey_responses). */
export const MAX_CUSTOM_ITEMS = 20;
/** A multiple-choice item has at most 20 options (stored as a bit mask). */
export const MAX_CHOICE_OPTIONS = 20;

const text = (max: number) =>
  z
    .string()
    .transform((s) => normalizeText(s))
    .pipe(z.string().min(1, '空欄にはできません').max(max));

/**
 * An item of an HR-defined survey (docs/domain.md §5): a 4-point agreement item or a multiple-choice item
 * with a limit.
 */
export const customItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agreement'), textJa: text(300) }).strict(),
  z
    .object({
      kind: z.literal('choice'),
      textJa: text(300),
      options: z.array(text(200)).min(2).max(MAX_CHOICE_OPTIONS),
      maxChoices: z.number().int().min(1).max(MAX_CHOICE_OPTIONS),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.maxChoices > v.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['maxChoices'],
          message: '選択できる数が選択肢の数を超えています',
        });
      if (new Set(v.options).size !== v.options.length)
        ctx.addIssue({ code: 'custom', path: ['options'], message: '同じ選択肢が重複しています' });
    }),
]);
export type CustomItem = z.infer<typeof customItemSchema>;
export type ChoiceItem = Extract<CustomItem, { kind: 'choice' }>;

/** The definition of an HR-defined survey (docs/domain.md §5; policy III-2-(2) 退職を考えた理由, 2つまで選択可). */
export const customSurveyDefinitionSchema = z
  .object({
    titleJa: text(200),
    fiscalYear: z.number().int().min(2000).max(2100),
    items: z.array(customItemSchema).min(1).max(MAX_CUSTOM_ITEMS),
  })
  .strict();
export type CustomSurveyDefinition = z.infer<typeof customSurveyDefinitionSchema>;

/** The column of the i-th item (0-based): q01…q20. */
export const itemColumn = (i: number) => `q${String(i + 1).padStart(2, '0')}`;

/** Why a multiple-choice answer is refused. */
export type ChoiceProblem = 'too_many' | 'repeated' | 'unknown';

/**
 * Checks chosen option numbers (1-based) against a multiple-choice item (policy III-2-(2): 2つまで選択可): known
 * options only, none repeated, at most maxChoices. Returns the options sorted, or the problem.
 */
export function validateChoices(
  item: Pick<ChoiceItem, 'options' | 'maxChoices'>,
  chosen: readonly number[],
): { ok: true; options: number[] } | { ok: false; problem: ChoiceProblem } {
  if (chosen.some((n) => !Number.isInteger(n) || n < 1 || n > item.options.length))
    return { ok: false, problem: 'unknown' };
  if (new Set(chosen).size !== chosen.length) return { ok: false, problem: 'repeated' };
  if (chosen.length > item.maxChoices) return { ok: false, problem: 'too_many' };
  return { ok: true, options: [...chosen].sort((a, b) => a - b) };
}

/** The bit mask stored for chosen options (option k → bit k-1); 0 means nothing chosen is stored as null. */
export const choiceMask = (options: readonly number[]): number | null =>
  options.length === 0 ? null : options.reduce((m, k) => m | (1 << (k - 1)), 0);

/** The options (1-based) held in a stored bit mask. */
export function optionsOfMask(mask: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= MAX_CHOICE_OPTIONS; k++) if (mask & (1 << (k - 1))) out.push(k);
  return out;
}

export const CHOICE_MESSAGES: Record<ChoiceProblem, string> = {
  too_many: '選択できる数を超えています',
  repeated: '同じ選択肢が重複しています',
  unknown: '選択肢にない値です',
};

/**
 * Reads a multiple-choice cell of an import (docs/interfaces.md "Conventions"): option numbers or labels
 * separated by ';' or '、'; a blank cell is no answer. Returns the bit mask (or null), or a Japanese message.
 */
export function parseChoiceCell(item: ChoiceItem, raw: string): { value: number | null } | { error: string } {
  const s = normalizeText(raw);
  if (s === '') return { value: null };
  const parts = s
    .split(/[;；、,]/)
    .map((p) => normalizeText(p))
    .filter((p) => p !== '');
  const chosen: number[] = [];
  for (const p of parts) {
    const byNumber = /^\d+$/.test(p) ? Number(p) : undefined;
    const byLabel = item.options.findIndex((o) => o === p);
    const k = byNumber ?? (byLabel >= 0 ? byLabel + 1 : -1);
    if (k < 1 || k > item.options.length) return { error: `「${p}」は${CHOICE_MESSAGES.unknown}` };
    chosen.push(k);
  }
  const v = validateChoices(item, chosen);
  if (!v.ok)
    return {
      error:
        v.problem === 'too_many'
          ? `${CHOICE_MESSAGES.too_many}（${item.maxChoices}つまで）`
          : CHOICE_MESSAGES[v.problem],
    };
  return { value: choiceMask(v.options) };
}

/** Reads a 4-point cell of an import: 1–4 or the labels, blank for no answer (the KPI survey's AGREEMENT_SCALE). */
export function parseAgreementCell(raw: string): { value: AgreementValue | null } | { error: string } {
  const a = parseAgreement(raw);
  if (a === undefined)
    return {
      error: `「${raw.trim()}」は回答として読めません。1〜4、そう思う・まあそう思う・あまりそう思わない・そう思わない、または空欄にしてください`,
    };
  return { value: a };
}

/** What a member of staff sends online: per item, 1–4 / null for an agreement item, option numbers for a choice item. */
export const customAnswersSchema = z
  .object({
    answers: z
      .array(
        z.union([
          z.null(),
          z.number().int().min(1).max(4),
          z.array(z.number().int().min(1).max(MAX_CHOICE_OPTIONS)).max(MAX_CHOICE_OPTIONS),
        ]),
      )
      .max(MAX_CUSTOM_ITEMS),
  })
  .strict();

/**
 * Turns an online answer into the stored values per item (docs/domain.md §5), enforcing the limit of each
 * multiple-choice item on the server. Returns the values, or the messages per item index.
 */
export function customAnswerValues(
  items: readonly CustomItem[],
  answers: readonly (null | number | readonly number[])[],
): { values: (number | null)[] } | { errors: { item: number; message: string }[] } {
  const values: (number | null)[] = [];
  const errors: { item: number; message: string }[] = [];
  items.forEach((item, i) => {
    const a = answers[i] ?? null;
    if (a === null) return void values.push(null);
    if (item.kind === 'agreement') {
      if (typeof a !== 'number') errors.push({ item: i, message: '1〜4で答えてください' });
      values.push(typeof a === 'number' ? a : null);
      return;
    }
    if (typeof a === 'number') {
      errors.push({ item: i, message: '選択肢の番号の並びで答えてください' });
      return void values.push(null);
    }
    const v = validateChoices(item, a);
    if (!v.ok) {
      errors.push({
        item: i,
        message:
          v.problem === 'too_many'
            ? `${CHOICE_MESSAGES.too_many}（${item.maxChoices}つまで）`
            : CHOICE_MESSAGES[v.problem],
      });
      return void values.push(null);
    }
    values.push(choiceMask(v.options));
  });
  if (answers.length > items.length) errors.push({ item: items.length, message: '設問の数より多い回答です' });
  return errors.length > 0 ? { errors } : { values };
}
