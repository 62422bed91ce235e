import { describe, expect, it } from 'vitest';
import {
  declarationSchema,
  headcountAfterMoves,
  isCalendarDate,
  layerMeans,
  parseLayer,
  profileRelation,
  profileVisibility,
  trainingRowSchema,
  windowIsOpen,
  yearsInUnit,
} from './index.js';

const row = (over: Record<string, string> = {}) => ({
  staff_no: '000103',
  course: 'DX研修',
  layer: 'ict',
  completed_on: '2025-06-10',
  hours: '3.5',
  ...over,
});

describe('training rows', () => {
  it('reads a row, with the layer by code or Japanese name and Excel dates padded', () => {
    expect(trainingRowSchema.parse(row())).toEqual({
      staff_no: '000103',
      course: 'DX研修',
      layer: 'ict',
      completed_on: '2025-06-10',
      hours: 3.5,
    });
    expect(trainingRowSchema.parse(row({ layer: 'ICTリテラシー', completed_on: '2025/4/1' }))).toMatchObject({
      layer: 'ict',
      completed_on: '2025-04-01',
    });
    expect(parseLayer('ＩＣＴ')).toBe('ict');
    expect(parseLayer('対人力')).toBe('interpersonal');
    expect(parseLayer('スタンス')).toBe('stance');
    expect(parseLayer('skills')).toBeUndefined();
  });
  it('refuses an unknown layer, an impossible date and hours out of range, each by its column', () => {
    const bad = trainingRowSchema.safeParse(row({ layer: 'it', completed_on: '2025-02-30', hours: '0' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['completed_on', 'hours', 'layer']);
    expect(trainingRowSchema.safeParse(row({ hours: '1.25' })).success).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});

describe('declarations', () => {
  const base = {
    fiscalYear: 2026,
    transferWish: 'move',
    wishedUnits: ['1110'],
    careerGoal: '福祉の専門性を高める',
  };
  it('takes up to 3 distinct units, none for a wish to stay', () => {
    expect(declarationSchema.parse(base)).toMatchObject({ growthLayer: null, managerExamInterest: false });
    expect(declarationSchema.safeParse({ ...base, wishedUnits: ['1', '2', '3', '4'] }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...base, wishedUnits: ['1', '1'] }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...base, transferWish: 'stay' }).success).toBe(false);
    expect(declarationSchema.safeParse({ ...base, transferWish: 'stay', wishedUnits: [] }).success).toBe(
      true,
    );
    expect(declarationSchema.safeParse({ ...base, transferWish: 'leave' }).success).toBe(false);
  });
  it('is open from the first to the last day of its window', () => {
    const w = { fiscalYear: 2026, opensOn: '2026-10-01', closesOn: '2026-10-31' };
    expect(windowIsOpen(w, '2026-09-30')).toBe(false);
    expect(windowIsOpen(w, '2026-10-01')).toBe(true);
    expect(windowIsOpen(w, '2026-10-31')).toBe(true);
    expect(windowIsOpen(w, '2026-11-01')).toBe(false);
    expect(windowIsOpen(undefined, '2026-10-10')).toBe(false);
  });
});

describe('profile access', () => {
  const sheets = [{ firstStaffNo: '000102', secondStaffNo: '000101' }];
  it('lets HR, the person and the current evaluators in, nobody else', () => {
    expect(profileRelation({ staffNo: null, roles: ['hr'] }, '000103', [])).toBe('hr');
    expect(profileRelation({ staffNo: '000103', roles: ['staff'] }, '000103', sheets)).toBe('self');
    expect(profileRelation({ staffNo: '000102', roles: ['evaluator'] }, '000103', sheets)).toBe('first');
    expect(profileRelation({ staffNo: '000101', roles: ['evaluator'] }, '000103', sheets)).toBe('second');
    expect(profileRelation({ staffNo: '000104', roles: ['evaluator'] }, '000103', sheets)).toBeNull();
    expect(profileRelation({ staffNo: null, roles: ['recruiter'] }, '000103', sheets)).toBeNull();
  });
  it('shows circumstances to HR and the person, private notes to HR, counts to HR and the person', () => {
    expect(profileVisibility('hr')).toEqual({ circumstances: true, privateNotes: true, iMessages: true });
    expect(profileVisibility('self')).toEqual({ circumstances: true, privateNotes: false, iMessages: true });
    expect(profileVisibility('first')).toEqual({
      circumstances: false,
      privateNotes: false,
      iMessages: false,
    });
  });
});

describe('layer means and years in a unit', () => {
  it('averages the rated items of each layer, S = 5 … D = 1', () => {
    const means = layerMeans('shuji', { 'shuji.ethics': 'S', 'shuji.knowledge-technique': 'B' });
    expect(means.map((m) => m.layer)).toEqual(['stance', 'interpersonal', 'problem']);
    expect(means.map((m) => m.mean)).toEqual([5, 3, null]);
  });
  it('counts the latest consecutive years in the unit', () => {
    const h = [
      { fiscalYear: 2021, unitCode: 'A' },
      { fiscalYear: 2022, unitCode: 'B' },
      { fiscalYear: 2023, unitCode: 'B' },
    ];
    expect(yearsInUnit(h, 'B')).toBe(2);
    expect(yearsInUnit(h, 'C')).toBe(0);
  });
});

describe('what-if moves', () => {
  const staff = [
    { staffNo: '1', unitCode: 'A', gradeCode: 'shuji' },
    { staffNo: '2', unitCode: 'A', gradeCode: 'shunin' },
    { staffNo: '3', unitCode: 'B', gradeCode: 'shuji' },
  ];
  it('gives each touched unit its headcount by grade before and after; the last move of a person counts', () => {
    const r = headcountAfterMoves(staff, [
      { staffNo: '1', toUnit: 'C' },
      { staffNo: '1', toUnit: 'B' },
      { staffNo: '9', toUnit: 'B' },
    ]);
    expect(r).toEqual([
      {
        unitCode: 'A',
        grades: [
          { gradeCode: 'shuji', before: 1, after: 0 },
          { gradeCode: 'shunin', before: 1, after: 1 },
        ],
      },
      { unitCode: 'B', grades: [{ gradeCode: 'shuji', before: 1, after: 2 }] },
    ]);
  });
});
