// Training and reskilling records (docs/domain.md §10 "Training"): the columns of HR's completions file, the kinds
// of self-development a person adds for HR to approve, and the catalogue HR keeps.
import { LAYER_CODES, LAYERS, type LayerCode } from '../layers.js';
import type { OutcomeCode } from '../logic-model.js';
import { rowSpec, type CellCheck, type RowOf } from '../import-rows.js';
import { codeCell, normalizeText, textCell } from '../org.js';

/** The columns of a training file (docs/interfaces.md "Talent data"). */
export const TRAINING_COLUMNS = {
  required: ['staff_no', 'course', 'layer', 'completed_on', 'hours'],
  optional: [],
} as const;

/** A layer as written in a file or a form: its code (`ict`) or its Japanese name (ICTリテラシー, 対人力); undefined if neither. */
export function parseLayer(value: string): LayerCode | undefined {
  const s = normalizeText(value);
  const lower = s.toLowerCase();
  if ((LAYER_CODES as readonly string[]).includes(lower)) return lower as LayerCode;
  // The full name, or a part of it: スタンス or マインドセット for スタンス（マインドセット）, 対人力 for ポータブルスキル（対人力）.
  const names = (name: string) => {
    const n = normalizeText(name);
    const m = /^(.*?)\((.*)\)$/.exec(n);
    return m ? [n, m[2], ...(m[1] === 'ポータブルスキル' ? [] : [m[1]])] : [n];
  };
  return LAYERS.find((l) => names(l.nameJa).includes(s))?.code;
}

/** Whether YYYY-MM-DD names a day of the calendar (2025-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Hours of one completion: more than 0, at most this, in steps of 0.1 (a half-day course is 3.5). */
export const MAX_TRAINING_HOURS = 2_000;

const layerCell: CellCheck<LayerCode> = (v, issue) => {
  const layer = parseLayer(v);
  if (!layer) issue(`層のコード（${LAYER_CODES.join(', ')}）を指定してください`);
  return layer as LayerCode;
};

const dateCell: CellCheck<string> = (v, issue) => {
  const s = normalizeText(v).replace(/\//g, '-');
  // Excel writes 2025/4/1: pad month and day.
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : s;
  if (!isCalendarDate(iso)) issue('日付は YYYY-MM-DD（例: 2025-04-01）で指定してください');
  return iso;
};

const hoursCell: CellCheck<number> = (v, issue) => {
  const s = normalizeText(v);
  const n = /^\d+(\.\d)?$/.test(s) ? Number(s) : NaN;
  if (!(n > 0 && n <= MAX_TRAINING_HOURS))
    issue(`時間は0より大きく${MAX_TRAINING_HOURS}以下の数（小数点以下1桁まで）で指定してください`);
  return n;
};

/**
 * One row of a training file: `staff_no,course,layer,completed_on,hours` (checked off the event loop by the upload
 * worker, which finds the spec under this name).
 */
export const trainingRowSpec = rowSpec('trainingRowSpec', TRAINING_COLUMNS, {
  staff_no: codeCell,
  course: textCell(200),
  layer: layerCell,
  completed_on: dateCell,
  hours: hoursCell,
});
export const trainingRowSchema = trainingRowSpec.schema;
export type TrainingRow = RowOf<typeof trainingRowSpec.checks>;

/** Where a record comes from: HR's completions file, or the person's own self-development (自己啓発). */
export const TRAINING_SOURCES = ['import', 'self'] as const;
export type TrainingSource = (typeof TRAINING_SOURCES)[number];

/** The kinds of self-development (自己啓発) a person adds (policy outcome 05). */
export const SELF_DEVELOPMENT_KINDS = [
  { code: 'course', nameJa: '講座・通信教育', nameEn: 'Course' },
  { code: 'qualification', nameJa: '資格取得', nameEn: 'Qualification' },
  { code: 'graduate', nameJa: '大学院等での修学', nameEn: 'Graduate study' },
] as const;
export type SelfDevelopmentKind = (typeof SELF_DEVELOPMENT_KINDS)[number]['code'];
export const selfDevelopmentKindCodes = SELF_DEVELOPMENT_KINDS.map((k) => k.code) as [
  SelfDevelopmentKind,
  ...SelfDevelopmentKind[],
];

/** How a record stands: an imported completion is approved as it comes; a self-development waits for HR. */
export const TRAINING_STATUSES = ['approved', 'pending', 'rejected'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** The training catalogue HR starts with, each course with the logic-model outcome it serves (docs/domain.md §10). */
export const DEFAULT_COURSES: readonly {
  code: string;
  nameJa: string;
  nameEn: string;
  layer: LayerCode;
  outcome: OutcomeCode;
}[] = [
  {
    code: 'logic-model',
    nameJa: 'ロジックモデル研修',
    nameEn: 'Logic model',
    layer: 'problem',
    outcome: '03',
  },
  { code: 'dx', nameJa: 'DX研修', nameEn: 'Digital transformation', layer: 'ict', outcome: '03' },
  {
    code: 'compliance',
    nameJa: 'コンプライアンス研修',
    nameEn: 'Compliance',
    layer: 'stance',
    outcome: '02',
  },
  {
    code: 'evaluator',
    nameJa: '評価者研修',
    nameEn: 'Evaluator training',
    layer: 'interpersonal',
    outcome: '06',
  },
  { code: 'career', nameJa: 'キャリアデザイン研修', nameEn: 'Career design', layer: 'stance', outcome: '04' },
  { code: 'reskilling', nameJa: 'リスキリング講座', nameEn: 'Reskilling', layer: 'technical', outcome: '05' },
];
