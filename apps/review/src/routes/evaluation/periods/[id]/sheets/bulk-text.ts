// What the bulk actions of the sheet list say (docs/interfaces.md "Daily work"): the question before 確定, 開示 or
// 督促 — how many sheets, in which steps, how many will be skipped and why — and the answer afterwards.
import {
  BULK_SHEET_ACTION_LABELS,
  BULK_SKIP_REASONS,
  SHEET_RELATIONS,
  SHEET_STATE_LABELS,
  SHEET_STATES,
  type BulkSheetAction,
  type BulkSkipReason,
  type SheetRelation,
  type SheetState,
} from '@jinzai/model';
// The messages alone (not the components of '@jinzai/ui'), so that this module is tested without Svelte.
import { t, type Lang } from '@jinzai/ui/i18n';

/** A count by step, in the workflow's order. */
export interface Tally {
  state: SheetState;
  n: number;
}

/** A skipped sheet as the page needs it: why, and the step it was at (null when it is not a sheet of the period). */
export interface SkipFact {
  reason: BulkSkipReason;
  state: SheetState | null;
}

const num = (n: number) => n.toLocaleString('ja-JP');
const list = (lang: Lang, parts: string[]) => parts.join(lang === 'ja' ? '、' : ', ');
const stateName = (lang: Lang, s: SheetState) => SHEET_STATE_LABELS[s][lang];
export const actionName = (lang: Lang, a: BulkSheetAction) => BULK_SHEET_ACTION_LABELS[a][lang];

/** Counts the steps, in the workflow's order (unknown steps left out). */
export function tallyByState(states: readonly (SheetState | null)[]): Tally[] {
  return SHEET_STATES.map((state) => ({ state, n: states.filter((s) => s === state).length })).filter(
    (x) => x.n > 0,
  );
}

/** 「調整 10件、確定 2件」 */
export function tallyText(lang: Lang, tally: readonly Tally[]): string {
  return list(
    lang,
    tally.map((x) => t(lang, 'sheets.tally', { state: stateName(lang, x.state), n: num(x.n) })),
  );
}

/** The reasons of the skipped sheets with their counts: 「未評価の項目がある：1件」. */
export function reasonLines(lang: Lang, action: BulkSheetAction, skipped: readonly SkipFact[]): string[] {
  return BULK_SKIP_REASONS.flatMap((reason) => {
    const n = skipped.filter((s) => s.reason === reason).length;
    if (n === 0) return [];
    const text = t(lang, `sheets.reason.${reason}`, { action: actionName(lang, action) });
    return [t(lang, 'sheets.reasonCount', { reason: text, n: num(n) })];
  });
}

/**
 * The question before a bulk action: 「選択した12件（調整 10件、確定 2件）を確定します。確定の2件はスキップされ
 * ます。」, or that none of them can take it.
 */
export function askText(
  lang: Lang,
  action: BulkSheetAction,
  selected: readonly (SheetState | null)[],
  skipped: readonly SkipFact[],
): string {
  return askTallyText(lang, action, tallyByState(selected), selected.length, skipped);
}

/**
 * The same question for a selection counted by step (every sheet the filters find, counted on the server):
 * `total` sheets, `tally` of them by step.
 */
export function askTallyText(
  lang: Lang,
  action: BulkSheetAction,
  tally: readonly Tally[],
  total: number,
  skipped: readonly SkipFact[],
): string {
  if (skipped.length >= total) return t(lang, 'sheets.ask.nothing', { action: actionName(lang, action) });
  const head = t(lang, `sheets.ask.${action}`, { n: num(total), tally: tallyText(lang, tally) });
  if (skipped.length === 0) return head;
  const states = tallyByState(skipped.map((s) => s.state)).map((x) => stateName(lang, x.state));
  const skip = t(lang, 'sheets.ask.skip', {
    states: states.join('・') || '—',
    n: num(skipped.length),
  });
  return `${head}${lang === 'ja' ? '' : ' '}${skip}`;
}

/** Whom a reminder reaches, counted by relation: 「本人 1人、一次評価者 2人」. */
export function whoText(lang: Lang, relations: readonly SheetRelation[]): string {
  return list(
    lang,
    SHEET_RELATIONS.flatMap((relation) => {
      const n = relations.filter((r) => r === relation).length;
      if (n === 0 || relation === 'adjuster') return [];
      return [t(lang, 'sheets.who', { relation: t(lang, `sheets.waiting.${relation}`), n: num(n) })];
    }),
  );
}

/** The answer after a bulk action: what was done, and how many were skipped. */
export function doneText(
  lang: Lang,
  action: BulkSheetAction,
  done: number,
  skipped: number,
  recipients: readonly SheetRelation[] = [],
): string {
  const parts: string[] = [];
  if (done === 0) parts.push(t(lang, 'sheets.done.none'));
  else if (action === 'remind')
    parts.push(t(lang, 'sheets.done.remind', { n: num(done), who: whoText(lang, recipients) }));
  else parts.push(t(lang, `sheets.done.${action}`, { n: num(done) }));
  if (skipped > 0) parts.push(t(lang, 'sheets.done.skipped', { n: num(skipped) }));
  return parts.join(lang === 'ja' ? '' : ' ');
}
