import { rowSpec, type CellCheck, type RowOf } from './import-rows.js';

/** 所属 levels of the organisation tree (docs/domain.md §8): 部 → 課 → 係. */
export const UNIT_LEVELS = ['部', '課', '係'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * Employment types of the staff roster (docs/interfaces.md "Organisation and staff"), with their Japanese
 * labels.
 */
export const EMPLOYMENT_TYPES = [
  { code: 'regular', nameJa: '常勤職員', nameEn: 'Regular staff' },
  { code: 'reappointed', nameJa: '再任用職員', nameEn: 'Reappointed staff' },
  { code: 'temporary', nameJa: '臨時的任用職員', nameEn: 'Temporary appointee' },
  { code: 'fiscal-year', nameJa: '会計年度任用職員', nameEn: 'Fiscal-year appointee' },
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]['code'];
export const employmentTypeCodes = EMPLOYMENT_TYPES.map((t) => t.code) as [
  EmploymentType,
  ...EmploymentType[],
];

/** Age bands of the staff survey (docs/domain.md §5), as the policy prints them: ≤29, 30–39, 40–49, 50+. */
export const AGE_BANDS = [
  { code: '-29', nameJa: '29歳以下', min: 0, max: 29 },
  { code: '30-39', nameJa: '30歳～39歳', min: 30, max: 39 },
  { code: '40-49', nameJa: '40歳～49歳', min: 40, max: 49 },
  { code: '50-', nameJa: '50歳以上', min: 50, max: 200 },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'];

/**
 * Resolves an employment type given as its code or its Japanese label (docs/interfaces.md
 * "Organisation and staff" staff CSV).
 */
export function parseEmploymentType(value: string): EmploymentType | undefined {
  const v = value.trim();
  return EMPLOYMENT_TYPES.find((t) => t.code === v || t.nameJa === v)?.code;
}

/** The age band of a person born in birthYear, as of the fiscal year's start (docs/domain.md §5). */
export function ageBandOf(birthYear: number, fiscalYear: number): AgeBand {
  const age = fiscalYear - birthYear;
  return (AGE_BANDS.find((b) => age >= b.min && age <= b.max) ?? AGE_BANDS[0]).code;
}

/** The youngest and oldest age a person on the roster can have (staff from 15; 会計年度任用職員 well past 70). */
export const ROSTER_AGE = { min: 15, max: 90 } as const;

/** Why a birth year cannot be a staff member's in the given year, or null when it can (docs/domain.md §8). */
export function birthYearProblem(birthYear: number, year: number): string | null {
  const latest = year - ROSTER_AGE.min;
  const earliest = year - ROSTER_AGE.max;
  if (birthYear > latest || birthYear < earliest)
    return `生まれ年は${earliest}〜${latest}年の範囲で指定してください（${year}年に${ROSTER_AGE.min}〜${ROSTER_AGE.max}歳）`;
  return null;
}

/** A unit of the organisation tree. */
export interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  level: UnitLevel;
}

/** A member of staff as the roster holds them (docs/domain.md §8). */
export interface Staff {
  staffNo: string;
  name: string;
  nameKana: string;
  unitCode: string;
  gradeCode: string;
  jobFamily: string;
  employmentType: EmploymentType;
  birthYear: number;
}

/**
 * Normalises keyed-in text: NFKC (full-width ASCII to half-width, half-width kana to full-width), trimmed
 * (docs/domain.md §8).
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').trim();
}

/**
 * The ideographic space, full-width letters and digits, and half-width katakana (with their sound marks): what
 * names normalise.
 */
const WIDTH_VARIANTS = /[\u3000\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF61-\uFF9F]+/g;

/**
 * Normalises a name as it is shown (a person's, a unit's, a hiring round's; docs/domain.md §8): the ideographic
 * space and full-width letters and digits become half-width and half-width katakana full-width, as normalizeText
 * does, but Japanese punctuation stays as typed: 「令和9年度（春）」 keeps its （）.
 */
export function normalizeName(value: string): string {
  return value.replace(WIDTH_VARIANTS, (run) => run.normalize('NFKC')).trim();
}

// Each cell is checked by one plain function (normalise, then test), run straight over the file's columns: an
// import of 100,000 rows runs every check 700,000 times.
/** A required text cell of a file, at most `max` characters, normalised as a name (normalizeName). */
export const textCell =
  (max: number): CellCheck<string> =>
  (v, issue) => {
    const s = normalizeName(v);
    if (s.length === 0) issue('値が入っていません（必須の項目です）');
    else if (s.length > max) issue(`${max}文字以内で入力してください`);
    return s;
  };

const CODE = /^[0-9A-Za-z_.-]{1,32}$/;
const CODE_MESSAGE = '英数字・ハイフン・下線・ピリオドの32文字以内で指定してください';

/** Codes of units and staff numbers: printable, no spaces; leading zeros kept (docs/domain.md §8). */
export const codeCell: CellCheck<string> = (v, issue) => {
  const s = normalizeText(v);
  if (s.length === 0) issue('値が入っていません（必須の項目です）');
  else if (!CODE.test(s)) issue(CODE_MESSAGE);
  return s;
};

/** An optional code (a unit code, a staff number): empty means none. */
export const optionalCode: CellCheck<string | null> = (v, issue) => {
  const s = normalizeText(v);
  if (s === '') return null;
  if (!CODE.test(s)) issue(CODE_MESSAGE);
  return s;
};

export const UNIT_COLUMNS = { required: ['code', 'name', 'level'], optional: ['parent_code'] } as const;

/** One row of the units CSV (docs/interfaces.md "Organisation and staff"): code,name,parent_code,level. */
export const unitRowSpec = rowSpec(
  'unitRowSpec',
  UNIT_COLUMNS,
  {
    code: codeCell,
    name: textCell(100),
    parent_code: optionalCode,
    level: (v, issue): UnitLevel => {
      const s = normalizeText(v);
      if (!(UNIT_LEVELS as readonly string[]).includes(s)) issue('部・課・係のいずれかを指定してください');
      return s as UnitLevel;
    },
  },
  { code: 'コード' },
);
export const unitRowSchema = unitRowSpec.schema;
export type UnitRow = RowOf<typeof unitRowSpec.checks>;

export const STAFF_COLUMNS = {
  required: ['staff_no', 'name', 'name_kana', 'unit_code', 'grade_code', 'employment_type', 'birth_year'],
  optional: [],
} as const;

/**
 * One row of the staff CSV (docs/interfaces.md "Organisation and staff"):
 * staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year.
 */
export const staffRowSpec = rowSpec(
  'staffRowSpec',
  STAFF_COLUMNS,
  {
    staff_no: codeCell,
    name: textCell(100),
    name_kana: textCell(200),
    unit_code: codeCell,
    grade_code: (v, issue) => {
      const s = normalizeText(v);
      if (s === '') issue('値が入っていません（必須の項目です）');
      return s;
    },
    employment_type: (v, issue): EmploymentType => {
      const t = parseEmploymentType(normalizeText(v));
      if (!t)
        issue(
          'regular / reappointed / temporary / fiscal-year（または常勤職員などの名称）を指定してください',
        );
      return t ?? 'regular';
    },
    birth_year: (v, issue) => {
      const s = normalizeText(v);
      const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
      if (!(year >= 1900 && year <= 2100)) issue('生まれ年は西暦4桁（1900〜2100）で指定してください');
      return year;
    },
  },
  { staff_no: '職員番号' },
);
export const staffRowSchema = staffRowSpec.schema;
export type StaffRow = RowOf<typeof staffRowSpec.checks>;

/** The least a tree walk needs of a unit: its code and its parent's code. */
export type TreeUnit = Pick<Unit, 'code' | 'parentCode'>;

/**
 * The units directly under each unit (docs/domain.md §8: 部 → 課 → 係), keyed by parent code, in input order. A
 * unit whose parent is missing from the list, or that has none, is a root and sits under the key null.
 */
export function childUnits<T extends TreeUnit>(units: readonly T[]): Map<string | null, T[]> {
  const known = new Set(units.map((u) => u.code));
  const out = new Map<string | null, T[]>();
  for (const u of units) {
    const key = u.parentCode !== null && known.has(u.parentCode) ? u.parentCode : null;
    const list = out.get(key);
    if (list) list.push(u);
    else out.set(key, [u]);
  }
  return out;
}

/**
 * A unit and every unit under it, at any depth (docs/domain.md §5: a unit's figures cover the units under
 * it). Safe on a tree with a cycle; a code unknown to the list gives itself alone.
 */
export function unitAndDescendants(code: string, units: readonly TreeUnit[]): Set<string> {
  const children = childUnits(units);
  const out = new Set<string>([code]);
  const stack = [code];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    for (const ch of children.get(at) ?? []) {
      if (out.has(ch.code)) continue;
      out.add(ch.code);
      stack.push(ch.code);
    }
  }
  return out;
}

/**
 * The path from a unit up to its root (docs/domain.md §8): the unit's code first, then each parent's code. A
 * parent code unknown to the map ends the path (it is included); a cycle ends it before a code repeats.
 */
export function unitPathUp(code: string, units: ReadonlyMap<string, Pick<Unit, 'parentCode'>>): string[] {
  const path = [code];
  const seen = new Set(path);
  for (
    let u = units.get(code);
    u?.parentCode != null && !seen.has(u.parentCode);
    u = units.get(u.parentCode)
  ) {
    path.push(u.parentCode);
    seen.add(u.parentCode);
  }
  return path;
}

/**
 * The 課 and 部 a unit belongs to (docs/domain.md §8: a 係 sits under a 課, a 課 under a 部); the topmost of each
 * wins.
 */
/** Whether walking up from `code` runs into a loop (a parent chain that comes back on itself). */
export function leadsIntoCycle(code: string, units: ReadonlyMap<string, Pick<Unit, 'parentCode'>>): boolean {
  const path = unitPathUp(code, units);
  const top = units.get(path[path.length - 1] ?? code)?.parentCode;
  return top != null && path.includes(top);
}

export function divisionAndDepartment(
  unitCode: string,
  units: ReadonlyMap<string, Pick<Unit, 'parentCode' | 'level'>>,
): { ka: string | null; bu: string | null } {
  let ka: string | null = null;
  let bu: string | null = null;
  for (const code of unitPathUp(unitCode, units)) {
    const level = units.get(code)?.level;
    if (level === '課') ka = code;
    if (level === '部') bu = code;
  }
  return { ka, bu };
}

/**
 * The form of a name or kana that roster searches compare (docs/interfaces.md "Daily work"): NFKC (full-width
 * letters and digits and half-width katakana become one width), katakana as hiragana, lower case, no spaces. So
 * 「ｼﾅｶﾞﾜ」, 「シナガワ」 and 「しながわ」 all find 品川 太郎 (しながわ たろう).
 */
export function searchForm(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]+/g, hiragana)
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
}

/** A run of katakana as hiragana (one call per run: a roster import turns 600,000 names into search form). */
function hiragana(run: string): string {
  let out = '';
  for (let start = 0; start < run.length; start += 4096) {
    const codes: number[] = [];
    for (let i = start; i < Math.min(run.length, start + 4096); i++) codes.push(run.charCodeAt(i) - 0x60);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The roster search key of a person: their name and kana in search form, joined so that either matches. */
export const staffSearchKey = (name: string, nameKana: string): string =>
  `${searchForm(name)}|${searchForm(nameKana)}`;
