import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../org.js';
import { smallCut } from './class-cut.js';
import { derivableSmallGroup } from './disclosure-audit.js';
import {
  attributeGroup,
  disclosureOf,
  groupsOfCell,
  savedPlans,
  surveyDisclosure,
  TOTAL,
  unitGroup,
  type GroupPlan,
  type SavedPlans,
  type SurveyCell,
} from './disclosure.js';
import { MIN_GROUP_SIZE, NO_MOMENTS, type AnswerMoments } from './kpi-figures.js';

const unit = (code: string, parentCode: string | null, level: Unit['level']): Unit => ({
  code,
  name: code,
  parentCode,
  level,
});

const moments = (n: number, sum = n * 3): AnswerMoments =>
  n === 0 ? NO_MOMENTS : { n, sum, sumSq: sum * 3, favourable: n };

const cell = (
  unitCode: string,
  respondents: number,
  attrs: Partial<Pick<SurveyCell, 'gradeCode' | 'ageBand' | 'employmentType'>> = {},
  q01 = respondents,
): SurveyCell => ({
  unitCode,
  gradeCode: attrs.gradeCode ?? 'shuji',
  ageBand: attrs.ageBand ?? '30-39',
  employmentType: attrs.employmentType ?? 'regular',
  respondents,
  questions: new Map([['q01', moments(q01)]]),
});

/** A random organisation (部 with 課 and 係, or 係 straight under the 部) and random cells of answers. */
const instance = fc
  .record({
    bu: fc.array(
      fc.record({
        ka: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 3 }),
        kakari: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    cells: fc.array(
      fc.record({
        unit: fc.nat(),
        grade: fc.constantFrom('shuji', 'shunin', 'kacho'),
        age: fc.constantFrom('-29', '30-39', '50-'),
        emp: fc.constantFrom('regular', 'temporary'),
        respondents: fc.integer({ min: 1, max: 7 }),
        blanks: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 13 },
    ),
  })
  .map(({ bu, cells }) => {
    const units: Unit[] = [];
    bu.forEach((b, i) => {
      const buCode = String(i + 1).padStart(2, '0');
      units.push(unit(buCode, null, '部'));
      b.ka.forEach((kakari, j) => {
        const kaCode = `${buCode}${String(j + 1).padStart(2, '0')}`;
        units.push(unit(kaCode, buCode, '課'));
        for (let k = 0; k < kakari; k++)
          units.push(unit(`${kaCode}${String(k + 1).padStart(2, '0')}`, kaCode, '係'));
      });
      for (let k = 0; k < b.kakari; k++) units.push(unit(`${buCode}90${k}`, buCode, '係'));
    });
    return {
      units,
      cells: cells.map((c) => ({
        ...cell(
          (units[c.unit % units.length] as Unit).code,
          c.respondents,
          { gradeCode: c.grade, ageBand: c.age, employmentType: c.emp },
          Math.max(0, c.respondents - c.blanks),
        ),
      })),
    };
  });

describe('surveyDisclosure', () => {
  it('publishes nothing from which a group of fewer than 5 answers can be worked out, by any combination', () => {
    fc.assert(
      fc.property(instance, ({ units, cells }) => {
        const d = surveyDisclosure(cells, units, ['q01']);
        expect(
          derivableSmallGroup(cells, units, d.respondentPlan.published, (c) => c.respondents),
        ).toBeNull();
        const q = d.questionPlans.get('q01') as GroupPlan;
        expect(
          derivableSmallGroup(cells, units, q.published, (c) => (c.questions.get('q01') ?? NO_MOMENTS).n),
        ).toBeNull();
        // Every shown group holds 5 or more, and a question shows only groups whose respondents are shown.
        for (const g of d.respondentPlan.published)
          expect(d.respondents.get(g) ?? 0).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
        for (const g of q.published) {
          expect(d.respondentPlan.published.has(g)).toBe(true);
          expect(d.moments.get(g)?.get('q01')?.n ?? 0).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back saved plans as they were chosen', () => {
    fc.assert(
      fc.property(instance, ({ units, cells }) => {
        const d = surveyDisclosure(cells, units, ['q01']);
        const saved = JSON.parse(JSON.stringify(savedPlans(d))) as SavedPlans;
        const again = surveyDisclosure(cells, units, ['q01'], [], saved);
        expect(again.respondentPlan).toEqual(d.respondentPlan);
        expect(again.questionPlans).toEqual(d.questionPlans);
      }),
      { numRuns: 50 },
    );
  });

  it('sums every group exactly from its cells', () => {
    fc.assert(
      fc.property(instance, ({ units, cells }) => {
        const d = surveyDisclosure(cells, units, ['q01']);
        const tree = new Map(units.map((u) => [u.code, u]));
        for (const [g, n] of d.respondents) {
          const inside = cells.filter((c) => {
            const m = groupsOfCell(c, tree);
            return [...m.org, ...m.attributes].includes(g);
          });
          expect(n).toBe(inside.reduce((s, c) => s + c.respondents, 0));
          expect(d.moments.get(g)?.get('q01')?.sum).toBe(
            inside.reduce((s, c) => s + (c.questions.get('q01') ?? NO_MOMENTS).sum, 0),
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  // The first attack of the survey anonymity issue: 課 0202 (15) shown in the breakdown, 係 020201 (12) in the
  // scatter, so 0202 − 020201 = the 3 of 係 020202.
  it('does not show a 係 whose 課 minus it is a group of 3', () => {
    const units = [
      unit('02', null, '部'),
      unit('0202', '02', '課'),
      unit('020201', '0202', '係'),
      unit('020202', '0202', '係'),
      unit('0203', '02', '課'),
    ];
    const cells = [cell('020201', 12), cell('020202', 3), cell('0203', 20)];
    const d = surveyDisclosure(cells, units, ['q01']);
    expect(disclosureOf(d, unitGroup('0202'), 'q01')).toEqual({ shown: true });
    expect(disclosureOf(d, unitGroup('020202'), 'q01')).toEqual({ shown: false, reason: 'small' });
    expect(disclosureOf(d, unitGroup('020201'), 'q01')).toEqual({ shown: false, reason: 'complement' });
    expect(
      derivableSmallGroup(
        cells,
        units,
        (d.questionPlans.get('q01') as GroupPlan).published,
        (c) => c.respondents,
      ),
    ).toBeNull();
  });

  // The second attack: the whole − the shown 課 − a unit shown only elsewhere = a 3-person 課.
  it('withholds a complement when the whole minus the shown units would isolate a small 課', () => {
    const units = [
      unit('01', null, '部'),
      unit('0101', '01', '課'),
      unit('0102', '01', '課'),
      unit('0103', '01', '課'),
    ];
    const cells = [cell('0101', 20), cell('0102', 9), cell('0103', 3)];
    const d = surveyDisclosure(cells, units, ['q01']);
    expect(d.respondentPlan.published.has(TOTAL)).toBe(true);
    expect(d.respondentPlan.published.has(unitGroup('0101'))).toBe(true);
    // 0103 is small; 0102 is its complement (the smaller of the two others).
    expect(disclosureOf(d, unitGroup('0103'))).toEqual({ shown: false, reason: 'small' });
    expect(disclosureOf(d, unitGroup('0102'))).toEqual({ shown: false, reason: 'complement' });
  });

  // Across families: a 係 of 6 temporary staff and the 8 temporary staff of the whole: 8 − 6 = 2 people.
  it('does not let an attribute group and a unit that nearly coincide reveal the few people between them', () => {
    const units = [unit('01', null, '部'), unit('0101', '01', '課'), unit('010101', '0101', '係')];
    const cells = [
      cell('010101', 6, { employmentType: 'temporary' }),
      cell('0101', 2, { employmentType: 'temporary' }),
      cell('0101', 30),
    ];
    const d = surveyDisclosure(cells, units, ['q01']);
    const shown = d.respondentPlan.published;
    expect(shown.has(unitGroup('010101')) && shown.has(attributeGroup('employment_type', 'temporary'))).toBe(
      false,
    );
    expect(derivableSmallGroup(cells, units, d.respondentPlan.published, (c) => c.respondents)).toBeNull();
  });

  it('withholds the figures of a question where blanks leave a group under 5, and says why', () => {
    const units = [unit('01', null, '部'), unit('0101', '01', '課'), unit('0102', '01', '課')];
    const cells = [cell('0101', 6, {}, 4), cell('0102', 30)];
    const d = surveyDisclosure(cells, units, ['q01']);
    expect(disclosureOf(d, unitGroup('0101'))).toEqual({ shown: true });
    expect(disclosureOf(d, unitGroup('0101'), 'q01')).toEqual({ shown: false, reason: 'small' });
    expect(disclosureOf(d, unitGroup('0102'), 'q01')).toEqual({ shown: false, reason: 'complement' });
    expect(disclosureOf(d, TOTAL, 'q01')).toEqual({ shown: true });
  });
});

describe('smallCut', () => {
  it('finds a cut of fewer than 5 and none where every part is joined by 5 or more', () => {
    // 0–1 joined by 9, 1–2 by 2, 2–3 by 7: the cut {2,3} | {0,1} weighs 2.
    const cut = smallCut(
      4,
      new Map([
        ['0,1', 9],
        ['1,2', 2],
        ['2,3', 7],
      ]),
    );
    expect([...(cut ?? [])].sort()).toSatisfy((s: number[]) => s.join() === '0,1' || s.join() === '2,3');
    // A triangle whose every cut weighs 6 or more, and one where node 0 hangs on by 4.
    expect(
      smallCut(
        3,
        new Map([
          ['0,1', 5],
          ['1,2', 5],
          ['0,2', 1],
        ]),
      ),
    ).toBeNull();
    expect(
      smallCut(
        3,
        new Map([
          ['0,1', 3],
          ['1,2', 3],
          ['0,2', 1],
        ]),
      ),
    ).not.toBeNull();
  });
});
