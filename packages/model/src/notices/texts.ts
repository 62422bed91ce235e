// What a notice says, in Japanese and in English (docs/domain.md §12): what to do, never what the sheet holds. Pure.
import type { SheetRelation, SheetState } from '../evaluation/workflow.js';
import type { ReminderStage } from './reminders.js';
import type { NoticeKind } from './rules.js';

/** What a sheet's notice names: the period, the step and the recipient's part in it; a reminder adds its deadline. */
export interface SheetNoticeParams {
  periodName: string;
  state: SheetState;
  relation: SheetRelation;
  due?: string | null;
  stage?: ReminderStage;
}

/** What a panel notice names: the round and the stage. */
export interface PanelNoticeParams {
  roundName: string;
  stageName: string;
}

export type NoticeParams = SheetNoticeParams | PanelNoticeParams;

type Text = { ja: string; en: string };

/** What the recipient is to do at a step, by the step and their part in it. */
const TODO: Partial<Record<`${SheetState}:${SheetRelation}`, Text>> = {
  'goal-setting:evaluatee': { ja: '目標を設定して提出してください', en: 'set and submit your goals' },
  'goal-setting:first': { ja: '提出された目標を確認してください', en: 'review the goals submitted to you' },
  'self:evaluatee': { ja: '自己評価を提出してください', en: 'submit your self-evaluation' },
  'first:first': { ja: '一次評価を行ってください', en: 'complete the first evaluation' },
  'second:second': { ja: '二次評価を行ってください', en: 'complete the second evaluation' },
  'disclosed:evaluatee': { ja: '開示された評価結果を確認してください', en: 'review your disclosed result' },
};
const TODO_OTHER: Text = { ja: '評価シートを確認してください', en: 'open the evaluation sheet' };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A date as a notice shows it: 2027年1月31日, or 2027-01-31 in English. */
function dueText(due: string, lang: 'ja' | 'en'): string {
  if (lang === 'en') return due;
  const [y, m, d] = due.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function sheetBody(kind: NoticeKind, p: SheetNoticeParams, lang: 'ja' | 'en'): string {
  const todo = (TODO[`${p.state}:${p.relation}`] ?? TODO_OTHER)[lang];
  const ja = lang === 'ja';
  switch (kind) {
    case 'sheet-arrived':
      return todo;
    case 'sheet-sent-back':
      return ja ? `評価シートが差し戻されました。${todo}` : `a sheet was sent back to you: ${todo}`;
    case 'result-disclosed':
      return ja ? '評価結果が開示されました。内容を確認してください' : 'your result has been disclosed';
    case 'appeal-filed':
      return ja ? '苦情相談の申出がありました。対応してください' : 'an appeal was filed: please handle it';
    case 'reminder': {
      const due = p.due ? dueText(p.due, lang) : null;
      const by = ja ? `${todo}${due ? `（期限 ${due}）` : ''}` : `${todo}${due ? ` (due ${due})` : ''}`;
      if (p.stage === 'overdue' && due)
        return ja ? `期限（${due}）を過ぎています。${todo}` : `the deadline (${due}) has passed: ${todo}`;
      if (p.stage === 'requested') return ja ? `人事担当から督促がありました。${by}` : `HR asks you to ${by}`;
      return by;
    }
    default:
      return TODO_OTHER[lang];
  }
}

function sheetTitle(kind: NoticeKind, p: SheetNoticeParams, lang: 'ja' | 'en'): string {
  const body = sheetBody(kind, p, lang);
  if (lang === 'ja') return `${kind === 'reminder' ? '【督促】' : ''}${p.periodName}：${body}`;
  return `${kind === 'reminder' ? 'Reminder — ' : ''}${p.periodName}: ${capital(body)}`;
}

/**
 * The title of a notice in a language (docs/domain.md §12): the period or round, and what to do. It names no
 * rating, comment, goal, reason or evaluatee, so that it may travel by mail.
 */
export function noticeTitle(kind: NoticeKind, params: NoticeParams, lang: 'ja' | 'en'): string {
  if (kind === 'panel-added') {
    const p = params as PanelNoticeParams;
    return lang === 'ja'
      ? `${p.roundName}：${p.stageName}の面接官に加わりました。評価票を確認してください`
      : `${p.roundName}: You have joined the panel of ${p.stageName}: please check your score sheets`;
  }
  return sheetTitle(kind, params as SheetNoticeParams, lang);
}
