import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownKeys } from './breakdown.js';
import { choiceCrossTab, optionKey } from './crosstab.js';
import { surveyDisclosure, type SurveyCell } from './disclosure.js';
import {
  choiceMask,
  customAnswerValues,
  customSurveyDefinitionSchema,
  optionsOfMask,
  parseChoiceCell,
  validateChoices,
  type ChoiceItem,
} from './custom.js';

const REASONS: ChoiceItem = {
  kind: 'choice',
  textJa: '退職を考えた理由',
  // Seven options, the second and fourth by the policy's labels (the cells below name them).
  options: ['働き方', '人間関係が嫌だ', '家庭の事情', '給料が少ない', '他の仕事', '体調不良', '通勤'],
  maxChoices: 2,
};

describe('validateChoices', () => {
  it('accepts up to the limit and refuses more, repeats and unknown options', () => {
    expect(validateChoices(REASONS, [4, 2])).toEqual({ ok: true, options: [2, 4] });
    expect(validateChoices(REASONS, [])).toEqual({ ok: true, options: [] });
    expect(validateChoices(REASONS, [1, 2, 3])).toEqual({ ok: false, problem: 'too_many' });
    expect(validateChoices(REASONS, [2, 2])).toEqual({ ok: false, problem: 'repeated' });
    expect(validateChoices(REASONS, [8])).toEqual({ ok: false, problem: 'unknown' });
    expect(validateChoices(REASONS, [0])).toEqual({ ok: false, problem: 'unknown' });
  });

  it('never accepts more than the limit or a repeated option (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 20 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer({ min: 1, max: n }),
              fc.array(fc.integer({ min: -1, max: n + 2 }), { maxLength: 25 }),
            ),
          ),
        ([n, limit, chosen]) => {
          const item = { options: Array.from({ length: n }, (_, i) => `o${i}`), maxChoices: limit };
          const r = validateChoices(item, chosen);
          if (!r.ok) return;
          expect(r.options.length).toBeLessThanOrEqual(limit);
          expect(new Set(r.options).size).toBe(r.options.length);
          for (const k of r.options) expect(k >= 1 && k <= n).toBe(true);
          expect(optionsOfMask(choiceMask(r.options) ?? 0)).toEqual(r.options);
        },
      ),
    );
  });
});

describe('parseChoiceCell', () => {
  it('reads numbers and labels separated by ; or 、', () => {
    expect(parseChoiceCell(REASONS, '2;4')).toEqual({ value: 0b1010 });
    expect(parseChoiceCell(REASONS, '人間関係が嫌だ、給料が少ない')).toEqual({ value: 0b1010 });
    expect(parseChoiceCell(REASONS, '7')).toEqual({ value: 0b1000000 });
    expect(parseChoiceCell(REASONS, ' ')).toEqual({ value: null });
  });
  it('refuses more than the limit, repeats and unknown options', () => {
    expect(parseChoiceCell(REASONS, '1;2;3')).toEqual({ error: '選択できる数を超えています（2つまで）' });
    expect(parseChoiceCell(REASONS, '2;2')).toHaveProperty('error');
    expect(parseChoiceCell(REASONS, 'はい')).toEqual({ error: '「はい」は選択肢にない値です' });
    expect(parseChoiceCell(REASONS, '8')).toHaveProperty('error');
  });
});

describe('custom survey definition and answers', () => {
  it('refuses a limit above the number of options', () => {
    const r = customSurveyDefinitionSchema.safeParse({
      titleJa: 'x',
      fiscalYear: 2025,
      items: [{ kind: 'choice', textJa: 'q', options: ['a', 'b'], maxChoices: 3 }],
    });
    expect(r.success).toBe(false);
  });
  it('enforces the limit on online answers', () => {
    const items = [{ kind: 'agreement', textJa: '満足している' } as const, REASONS];
    expect(customAnswerValues(items, [3, [1, 7]])).toEqual({ values: [3, 0b1000001] });
    expect(customAnswerValues(items, [null, []])).toEqual({ values: [null, null] });
    expect(customAnswerValues(items, [3, [1, 2, 3]])).toHaveProperty('errors');
    expect(customAnswerValues(items, [[1], 3])).toHaveProperty('errors');
  });
});

/** Cells of one age band each: who answered the item and how many chose each option. */
const choiceCells = (groups: { ageBand: string; respondents: number; counts: number[] }[]): SurveyCell[] =>
  groups.map((g) => ({
    unitCode: '01',
    gradeCode: 'shuji',
    ageBand: g.ageBand,
    employmentType: 'regular',
    respondents: g.respondents,
    questions: new Map(
      g.counts.map((c, k) => [optionKey(k), { n: g.respondents, sum: c, sumSq: c, favourable: 0 }]),
    ),
  }));
const units = [{ code: '01', name: '総務部', parentCode: null, level: '部' as const }];

describe('choiceCrossTab', () => {
  it('counts per option and group with the total, withholding small groups and a complement', () => {
    const cells = choiceCells([
      { ageBand: '-29', respondents: 3, counts: [1, 2, 0] },
      { ageBand: '30-39', respondents: 10, counts: [5, 4, 1] },
      { ageBand: '40-49', respondents: 20, counts: [8, 8, 8] },
    ]);
    const d = surveyDisclosure(cells, units, [], [0, 1, 2].map(optionKey));
    const t = choiceCrossTab(d, breakdownKeys('age_band', cells, units), 3);
    expect(t.total).toEqual({
      key: 'total',
      respondents: 33,
      counts: [14, 14, 9],
      suppressed: false,
      withheld: null,
    });
    expect(t.groups[0]).toMatchObject({ suppressed: true, respondents: null, counts: [null, null, null] });
    expect(t.groups[0]?.withheld).toBe('small');
    // The complement: the smaller shown group, so that the total minus the rest does not give the group of 3.
    expect(t.groups[1]).toMatchObject({ suppressed: true, withheld: 'complement' });
    expect(t.groups[2]).toEqual({
      key: '40-49',
      respondents: 20,
      counts: [8, 8, 8],
      suppressed: false,
      withheld: null,
    });
  });

  it('never shows a group under 5, and shows the total whenever 5 or more answered', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }), (sizes) => {
        const bands = ['-29', '30-39', '40-49', '50-'];
        const cells = choiceCells(
          sizes.flatMap((n, i) =>
            n > 0 ? [{ ageBand: bands[i] as string, respondents: n, counts: [n, 0] }] : [],
          ),
        );
        const d = surveyDisclosure(cells, units, [], [0, 1].map(optionKey));
        const t = choiceCrossTab(d, breakdownKeys('age_band', cells, units), 2);
        for (const g of t.groups) if (!g.suppressed) expect(g.respondents).toBeGreaterThanOrEqual(5);
        const all = sizes.reduce((a, b) => a + b, 0);
        expect(t.total.respondents).toBe(all);
        expect(t.total.suppressed).toBe(all < 5);
        if (t.total.suppressed) expect(t.groups.every((g) => g.suppressed)).toBe(true);
      }),
    );
  });
});
