/**
 * The workflow of an evaluation sheet (docs/domain.md §4) as a state machine: 目標設定 → 自己評価 → 一次評価 → 二次評価 →
 * 調整 → 確定 → 開示 → 完了, with 差戻し from every evaluator step, 苦情相談 within 7 days of disclosure, reopening by
 * the adjuster and re-disclosure. Pure: the caller passes the time.
 */

export const SHEET_STATES = [
  'goal-setting',
  'self',
  'first',
  'second',
  'adjust',
  'confirmed',
  'disclosed',
  'done',
] as const;
export type SheetState = (typeof SHEET_STATES)[number];

export const SHEET_STATE_LABELS: Record<SheetState, { ja: string; en: string }> = {
  'goal-setting': { ja: '目標設定', en: 'Goal setting' },
  self: { ja: '自己評価', en: 'Self-evaluation' },
  first: { ja: '一次評価', en: 'First evaluation' },
  second: { ja: '二次評価', en: 'Second evaluation' },
  adjust: { ja: '調整', en: 'Adjustment' },
  confirmed: { ja: '確定', en: 'Confirmed' },
  disclosed: { ja: '開示', en: 'Disclosed' },
  done: { ja: '完了', en: 'Completed' },
};

/** A person's relation to a sheet (docs/domain.md §4 roles): 被評価者, 一次評価者, 二次評価者, 調整者 (HR). */
export const SHEET_RELATIONS = ['evaluatee', 'first', 'second', 'adjuster'] as const;
export type SheetRelation = (typeof SHEET_RELATIONS)[number];

/**
 * The relations a person holds to a sheet (docs/domain.md §4 roles): its evaluatee, first or second evaluator by
 * staff number; HR is the adjuster of every sheet.
 */
export function relationsOf(
  person: { staffNo: string | null; roles: readonly string[] },
  sheet: { staffNo: string; firstStaffNo: string | null; secondStaffNo: string | null },
): SheetRelation[] {
  const r: SheetRelation[] = [];
  if (person.staffNo && person.staffNo === sheet.staffNo) r.push('evaluatee');
  if (person.staffNo && person.staffNo === sheet.firstStaffNo) r.push('first');
  if (person.staffNo && person.staffNo === sheet.secondStaffNo) r.push('second');
  if (person.roles.includes('hr')) r.push('adjuster');
  return r;
}

export const SHEET_ACTIONS = [
  'submit-goals',
  'agree-goals',
  'self-evaluate',
  'first-rate',
  'second-rate',
  'confirm',
  'disclose',
  'acknowledge',
  'appeal',
  'reopen',
  'send-back',
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

export const SHEET_ACTION_LABELS: Record<SheetAction, { ja: string; en: string }> = {
  'submit-goals': { ja: '目標を提出', en: 'Submit goals' },
  'agree-goals': { ja: '目標に合意', en: 'Agree goals' },
  'self-evaluate': { ja: '自己評価を提出', en: 'Submit self-evaluation' },
  'first-rate': { ja: '一次評価を提出', en: 'Submit first evaluation' },
  'second-rate': { ja: '二次評価を提出', en: 'Submit second evaluation' },
  confirm: { ja: '確定', en: 'Confirm' },
  disclose: { ja: '開示', en: 'Disclose' },
  acknowledge: { ja: '確認しました', en: 'Acknowledge' },
  appeal: { ja: '苦情相談を申し出る', en: 'File an appeal' },
  reopen: { ja: '再評価のため差し戻す', en: 'Reopen for re-evaluation' },
  'send-back': { ja: '差戻し', en: 'Send back' },
};

/** The days after disclosure in which the evaluatee may file a 苦情相談 (docs/domain.md §4). */
export const APPEAL_DAYS = 7;

/** Where a sheet stands. */
export interface SheetStatus {
  state: SheetState;
  /** In 目標設定: the evaluatee has submitted the goals and waits for the first evaluator's agreement. */
  goalsSubmitted: boolean;
  /** In 開示: a 苦情相談 is open and waits for the adjuster. */
  appealOpen: boolean;
  /** ISO instant of the latest disclosure, or null. */
  disclosedAt: string | null;
  /** 0 until confirmed; each reopening after confirmation makes a new revision. */
  revision: number;
}

export const INITIAL_STATUS: SheetStatus = {
  state: 'goal-setting',
  goalsSubmitted: false,
  appealOpen: false,
  disclosedAt: null,
  revision: 0,
};

export interface ActionRequest {
  action: SheetAction;
  /** The relations the acting person holds to the sheet. */
  relations: readonly SheetRelation[];
  /** ISO instant of the action (the injected clock). */
  at: string;
  reason?: string | null;
}

export type ActionOutcome =
  | { ok: true; status: SheetStatus; from: SheetState; to: SheetState; as: SheetRelation }
  | { ok: false; code: 'forbidden' | 'invalid_state' | 'appeal_closed' | 'reason_required'; message: string };

interface Rule {
  as: SheetRelation;
  from: SheetState;
  when?: (s: SheetStatus) => boolean;
  apply: (s: SheetStatus, at: string) => SheetStatus;
}

const to = (state: SheetState) => (s: SheetStatus) => ({ ...s, state });

/** Who may do what, from where. Every forward step moves one state on; 差戻し moves one back. */
const RULES: Record<Exclude<SheetAction, 'send-back' | 'appeal'>, Rule> = {
  'submit-goals': {
    as: 'evaluatee',
    from: 'goal-setting',
    when: (s) => !s.goalsSubmitted,
    apply: (s) => ({ ...s, goalsSubmitted: true }),
  },
  'agree-goals': { as: 'first', from: 'goal-setting', when: (s) => s.goalsSubmitted, apply: to('self') },
  'self-evaluate': { as: 'evaluatee', from: 'self', apply: to('first') },
  'first-rate': { as: 'first', from: 'first', apply: to('second') },
  'second-rate': { as: 'second', from: 'second', apply: to('adjust') },
  confirm: { as: 'adjuster', from: 'adjust', apply: to('confirmed') },
  disclose: {
    as: 'adjuster',
    from: 'confirmed',
    apply: (s, at) => ({ ...s, state: 'disclosed', disclosedAt: at }),
  },
  acknowledge: { as: 'evaluatee', from: 'disclosed', when: (s) => !s.appealOpen, apply: to('done') },
  reopen: {
    as: 'adjuster',
    from: 'disclosed',
    when: (s) => s.appealOpen,
    apply: (s) => ({ ...s, state: 'adjust', appealOpen: false, revision: s.revision + 1 }),
  },
};

/** 差戻し: which evaluator sends back from which step, and where the sheet goes. */
const SEND_BACK: Partial<Record<SheetState, { as: SheetRelation; apply: (s: SheetStatus) => SheetStatus }>> =
  {
    'goal-setting': { as: 'first', apply: (s) => ({ ...s, goalsSubmitted: false }) },
    first: { as: 'first', apply: to('self') },
    second: { as: 'second', apply: to('first') },
    adjust: { as: 'adjuster', apply: to('second') },
  };

/**
 * The relation an action was taken as, from the state it left (docs/domain.md §4 roles); null for an action the
 * workflow does not know.
 */
export function actingRelation(action: string, from: SheetState): SheetRelation | null {
  if (action === 'send-back') return SEND_BACK[from]?.as ?? null;
  if (action === 'appeal') return 'evaluatee';
  return (RULES as Partial<Record<string, Rule>>)[action]?.as ?? null;
}

/**
 * Whose turn a state is: the relation of the workflow's first step out of it (in goal-setting the evaluatee submits
 * before the first evaluator agrees; once disclosed the evaluatee acknowledges), or null when no step leaves it.
 */
export function turnOf(state: SheetState): SheetRelation | null {
  return Object.values(RULES).find((r) => r.from === state)?.as ?? null;
}

/**
 * The step a sheet waits for now: the workflow's forward action out of its status and the relation that takes it
 * (in 目標設定 the evaluatee's goals, then the first evaluator's agreement; in 開示 the evaluatee's acknowledgement,
 * or the adjuster while a 苦情相談 is open); null once the sheet is done.
 */
export function nextStep(
  status: Pick<SheetStatus, 'state' | 'goalsSubmitted' | 'appealOpen'>,
): { action: SheetAction; as: SheetRelation } | null {
  const full: SheetStatus = { ...INITIAL_STATUS, ...status };
  for (const [action, rule] of Object.entries(RULES) as [SheetAction, Rule][]) {
    if (rule.from === full.state && (!rule.when || rule.when(full))) return { action, as: rule.as };
  }
  return null;
}

/** What a sheet waits for, by the step's action, as the sheet and the to-do lists name it. */
export const STEP_LABELS: Record<Exclude<SheetAction, 'send-back' | 'appeal'>, { ja: string; en: string }> = {
  'submit-goals': { ja: '目標の提出', en: 'submitting the goals' },
  'agree-goals': { ja: '目標の確認・合意', en: 'agreeing the goals' },
  'self-evaluate': { ja: '自己評価', en: 'the self-evaluation' },
  'first-rate': { ja: '一次評価', en: 'the first evaluation' },
  'second-rate': { ja: '二次評価', en: 'the second evaluation' },
  confirm: { ja: '調整・確定', en: 'adjustment and confirmation' },
  disclose: { ja: '開示', en: 'disclosure' },
  acknowledge: { ja: '評価結果の確認', en: 'acknowledging the result' },
  reopen: { ja: '苦情相談への対応', en: 'handling the appeal' },
};

/** Whether an appeal filed at `at` is within 7 days of the disclosure (docs/domain.md §4). */
export function appealOpenUntil(disclosedAt: string): string {
  return new Date(Date.parse(disclosedAt) + APPEAL_DAYS * 86_400_000).toISOString();
}

const fail = (code: Exclude<ActionOutcome, { ok: true }>['code'], message: string): ActionOutcome => ({
  ok: false,
  code,
  message,
});

/**
 * Applies an action to a sheet's status, or says why it is not allowed (docs/domain.md §4 workflow and
 * roles).
 */
export function applyAction(status: SheetStatus, req: ActionRequest): ActionOutcome {
  const from = status.state;
  const holds = (r: SheetRelation) => req.relations.includes(r);
  if (req.action === 'send-back') {
    const rule = SEND_BACK[from];
    if (!rule || (from === 'goal-setting' && !status.goalsSubmitted)) {
      return fail('invalid_state', `「${SHEET_STATE_LABELS[from].ja}」の段階では差し戻せません`);
    }
    if (!holds(rule.as)) return fail('forbidden', 'この段階の評価者だけが差し戻せます');
    if (!req.reason || req.reason.trim() === '')
      return fail('reason_required', '差戻しの理由を入力してください');
    const next = rule.apply(status);
    return { ok: true, status: next, from, to: next.state, as: rule.as };
  }
  if (req.action === 'appeal') {
    if (from !== 'disclosed' || status.appealOpen || !status.disclosedAt) {
      return fail('invalid_state', '苦情相談は開示後、受付中でないときにだけ申し出られます');
    }
    if (!holds('evaluatee')) return fail('forbidden', '苦情相談は被評価者本人だけが申し出られます');
    if (req.at > appealOpenUntil(status.disclosedAt)) {
      return fail('appeal_closed', `苦情相談の受付期間（開示から${APPEAL_DAYS}日以内）を過ぎています`);
    }
    if (!req.reason || req.reason.trim() === '')
      return fail('reason_required', '苦情相談の内容を入力してください');
    return { ok: true, status: { ...status, appealOpen: true }, from, to: from, as: 'evaluatee' };
  }
  const rule = RULES[req.action];
  if (rule.from !== from || (rule.when && !rule.when(status))) {
    return fail(
      'invalid_state',
      `「${SHEET_STATE_LABELS[from].ja}」の段階では「${SHEET_ACTION_LABELS[req.action].ja}」はできません`,
    );
  }
  if (!holds(rule.as)) return fail('forbidden', 'この段階でこの操作を行う権限がありません');
  const next = rule.apply(status, req.at);
  return { ok: true, status: next, from, to: next.state, as: rule.as };
}

/** The actions a person with these relations may take now (docs/domain.md §4). */
export function allowedActions(
  status: SheetStatus,
  relations: readonly SheetRelation[],
  at: string,
): SheetAction[] {
  return SHEET_ACTIONS.filter((action) => applyAction(status, { action, relations, at, reason: 'x' }).ok);
}

/** The part of a sheet each relation may edit in a state, or null (docs/domain.md §4). */
export type SheetPart = 'goals' | 'self' | 'first' | 'second' | 'final';

/**
 * Which part of the sheet a relation may write now (docs/domain.md §4): each evaluator only at their own
 * step.
 */
export function editablePart(status: SheetStatus, relation: SheetRelation): SheetPart | null {
  switch (status.state) {
    case 'goal-setting':
      return relation === 'evaluatee' && !status.goalsSubmitted ? 'goals' : null;
    case 'self':
      return relation === 'evaluatee' ? 'self' : null;
    case 'first':
      return relation === 'first' ? 'first' : null;
    case 'second':
      return relation === 'second' ? 'second' : null;
    case 'adjust':
      return relation === 'adjuster' ? 'final' : null;
    default:
      return null;
  }
}

const order = (s: SheetState) => SHEET_STATES.indexOf(s);

/**
 * Which ratings a relation sees in a state (docs/domain.md §4: the evaluatee sees the evaluators' ratings
 * only after disclosure): each evaluator sees the ratings given before their step, and everyone's once
 * confirmed; HR sees all.
 */
export function visibleParts(
  state: SheetState,
  relation: SheetRelation,
): Record<Exclude<SheetPart, 'goals'>, boolean> {
  const at = order(state);
  const past = (s: SheetState) => at > order(s);
  switch (relation) {
    case 'adjuster':
      return { self: true, first: true, second: true, final: true };
    case 'evaluatee': {
      const open = at >= order('disclosed');
      return { self: true, first: open, second: open, final: open };
    }
    case 'first':
      return {
        self: past('self'),
        first: true,
        second: at >= order('confirmed'),
        final: at >= order('confirmed'),
      };
    case 'second':
      return { self: past('self'), first: past('first'), second: true, final: at >= order('confirmed') };
  }
}
