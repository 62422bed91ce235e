import { describe, expect, it } from 'vitest';
import {
  GRADES,
  GRADE_CODES,
  JOB_FAMILIES,
  familyByCode,
  gradeByCode,
  gradeCodeSchema,
  gradesOfFamily,
  jobFamilyCodeSchema,
} from './grades.js';

describe('GRADES', () => {
  it('has the ten grades of policy II-7 in order', () => {
    expect(GRADES.map((g) => g.code)).toEqual([...GRADE_CODES]);
    expect(GRADES.map((g) => g.nameJa)).toEqual([
      '部長級',
      '課長級',
      '課長補佐級',
      '係長級',
      '主任',
      '主事',
      '統括技能長',
      '技能長',
      '技能主任',
      '係員',
    ]);
  });

  it('puts six grades in the general family and four in the skilled one, ranked from the top', () => {
    expect(gradesOfFamily('general').map((g) => [g.code, g.rank])).toEqual([
      ['bucho', 1],
      ['kacho', 2],
      ['kacho-hosa', 3],
      ['kakaricho', 4],
      ['shunin', 5],
      ['shuji', 6],
    ]);
    expect(gradesOfFamily('skilled').map((g) => [g.code, g.rank])).toEqual([
      ['tokatsu-ginocho', 1],
      ['ginocho', 2],
      ['gino-shunin', 3],
      ['kakariin', 4],
    ]);
  });

  it('has the number of items per grade and per layer that the policy lists', () => {
    const counts = Object.fromEntries(
      GRADES.map((g) => [
        g.code,
        ['stance', 'interpersonal', 'problem'].map((l) => g.competencies.filter((c) => c.layer === l).length),
      ]),
    );
    expect(counts).toEqual({
      bucho: [1, 2, 3],
      kacho: [1, 2, 3],
      'kacho-hosa': [1, 2, 3],
      kakaricho: [1, 2, 3],
      shunin: [1, 2, 2],
      shuji: [1, 2, 2],
      'tokatsu-ginocho': [1, 1, 2],
      ginocho: [1, 1, 2],
      'gino-shunin': [1, 1, 2],
      kakariin: [1, 1, 2],
    });
  });

  it('keeps the item names in the policy order', () => {
    expect(gradeByCode('bucho').competencies.map((c) => c.nameJa)).toEqual([
      '倫理',
      '説明・調整',
      '組織統率',
      '構想',
      '判断',
      '業務運営',
    ]);
    expect(gradeByCode('kacho').competencies.map((c) => c.nameJa)).toEqual([
      '倫理',
      '説明・調整',
      '組織統率・人材育成',
      '構想',
      '判断',
      '業務運営',
    ]);
    expect(gradeByCode('shuji').competencies.map((c) => c.nameJa)).toEqual([
      '倫理',
      'コミュニケーション',
      '知識・技術',
      '判断・企画',
      '業務遂行',
    ]);
  });

  it('carries the descriptions word for word', () => {
    const item = (grade: string, name: string) =>
      gradeByCode(grade)?.competencies.find((c) => c.nameJa === name)?.descriptionJa;
    expect(item('bucho', '倫理')).toBe(
      '全体の奉仕者として、高い倫理観を有し、部の課題に責任を持って取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
    );
    expect(item('kacho', '組織統率・人材育成')).toBe(
      '適切に業務を配分した上、進捗管理および的確な指示を行い、成果を挙げるとともに、部下の指導・育成を行うことができる。',
    );
    expect(item('kacho-hosa', '説明・調整')).toBe(
      '担当する特に困難な事案について、豊富な経験、知識等に基づき分かりやすい説明を行うとともに、係間等の調整を行うことができる。',
    );
    expect(item('shunin', '知識・技術')).toBe(
      '業務に必要な特に高度の知識・技術を習得し、活用することができる。',
    );
    expect(item('tokatsu-ginocho', '業務遂行')).toBe(
      '複数の技能長を統括し、常に適切な指導および業務の監督等を行うとともに、最適な手段・方法を考え、意欲的に業務に取り組み、業務の安全および能率的運営を維持するよう努めることができる。',
    );
    expect(item('kakariin', '業務遂行')).toBe('最適な手段・方法を考え、意欲的に業務に取り組むことができる。');
    expect(item('kakaricho', '倫理')).toBe(
      '全体の奉仕者として、責任を持って業務に取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
    );
  });

  it('keeps the layer each item is listed under, even where its name suggests another', () => {
    const layer = (grade: string, name: string) =>
      gradeByCode(grade)?.competencies.find((c) => c.nameJa === name)?.layer;
    expect(layer('shunin', '業務遂行')).toBe('interpersonal');
    expect(layer('shuji', '知識・技術')).toBe('interpersonal');
    expect(layer('shuji', '業務遂行')).toBe('problem');
    expect(layer('shunin', '知識・技術')).toBe('problem');
  });

  it('ends every Japanese description with 。 and has no stray spaces in names', () => {
    for (const c of GRADES.flatMap((g) => g.competencies)) {
      expect(c.descriptionJa.endsWith('。')).toBe(true);
      expect(c.nameJa).not.toMatch(/\s/);
      expect(c.nameEn.length).toBeGreaterThan(0);
      expect(c.descriptionEn.length).toBeGreaterThan(0);
    }
  });

  it('has unique, stable ASCII competency codes prefixed by the grade', () => {
    const codes = GRADES.flatMap((g) => g.competencies.map((c) => c.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of GRADES)
      for (const c of g.competencies) expect(c.code).toMatch(new RegExp(`^${g.code}\\.[a-z-]+$`));
    expect(codes).toContain('shuji.ethics');
  });
});

describe('lookups and schemas', () => {
  it('finds grades and families by code', () => {
    expect(gradeByCode('shuji').familyCode).toBe('general');
    expect(gradeByCode('SHUJI')).toBeUndefined();
    expect(familyByCode('skilled').nameJa).toBe('技能系・業務系');
    expect(familyByCode('general').nameJa).toBe('事務系・福祉系・一般技術系・医療技術系');
    expect(familyByCode('other')).toBeUndefined();
  });

  it('validates grade and family codes', () => {
    expect(gradeCodeSchema.options).toEqual([...GRADE_CODES]);
    expect(gradeCodeSchema.safeParse('kakariin').success).toBe(true);
    expect(gradeCodeSchema.safeParse('主事').success).toBe(false);
    expect(jobFamilyCodeSchema.options).toEqual(JOB_FAMILIES.map((f) => f.code));
  });
});
