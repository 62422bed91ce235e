import { GRADE_CODES } from '@jinzai/model';
import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, generateDemoOrg } from './generate.js';
import { createRandom } from './random.js';
import { GIVEN_NAMES, SURNAMES } from './names.js';

describe('generateDemoOrg', () => {
  const org = generateDemoOrg();
  const unitByCode = new Map(org.units.map((u) => [u.code, u]));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoOrg()).toEqual(org);
    expect(generateDemoOrg(20240401)).toEqual(org);
    const other = generateDemoOrg(7);
    expect(other.staff.map((s) => s.name)).not.toEqual(org.staff.map((s) => s.name));
  });

  it('builds a 部 → 課 → 係 tree with about a dozen 部', () => {
    const bu = org.units.filter((u) => u.level === '部');
    const ka = org.units.filter((u) => u.level === '課');
    const kakari = org.units.filter((u) => u.level === '係');
    expect(bu.length).toBeGreaterThanOrEqual(10);
    expect(bu.length).toBeLessThanOrEqual(14);
    expect(new Set(org.units.map((u) => u.code)).size).toBe(org.units.length);
    for (const u of bu) {
      expect(u.parentCode).toBeNull();
      const children = ka.filter((k) => k.parentCode === u.code).length;
      expect(children, u.name).toBeGreaterThanOrEqual(3);
      expect(children, u.name).toBeLessThanOrEqual(6);
    }
    for (const u of ka) {
      expect(unitByCode.get(u.parentCode ?? '')?.level).toBe('部');
      const children = kakari.filter((k) => k.parentCode === u.code).length;
      expect(children, u.name).toBeGreaterThanOrEqual(2);
      expect(children, u.name).toBeLessThanOrEqual(5);
    }
    for (const u of kakari) expect(unitByCode.get(u.parentCode ?? '')?.level).toBe('課');
    expect(bu.map((u) => u.name)).toEqual(expect.arrayContaining(['総務部', '福祉部', '教育委員会事務局']));
  });

  it('employs about 4,000 staff with unique 6-digit numbers in existing units', () => {
    expect(org.staff.length).toBeGreaterThanOrEqual(3800);
    expect(org.staff.length).toBeLessThanOrEqual(4200);
    expect(new Set(org.staff.map((s) => s.staffNo)).size).toBe(org.staff.length);
    for (const s of org.staff) {
      expect(s.staffNo).toMatch(/^\d{6}$/);
      expect(unitByCode.has(s.unitCode), s.unitCode).toBe(true);
      expect(s.nameKana).toMatch(/^[\u30A0-\u30FF]+ [\u30A0-\u30FF]+$/);
    }
  });

  it('fills all ten grades in believable proportions', () => {
    const count = (g: string) => org.staff.filter((s) => s.gradeCode === g).length;
    for (const g of GRADE_CODES) expect(count(g), g).toBeGreaterThan(0);
    expect(new Set(org.staff.map((s) => s.gradeCode))).toEqual(new Set(GRADE_CODES));
    expect(count('shuji')).toBeGreaterThan(count('shunin'));
    expect(count('shunin')).toBeGreaterThan(count('kakaricho'));
    expect(count('kakaricho')).toBeGreaterThan(count('kacho'));
    expect(count('kacho')).toBeGreaterThan(count('bucho'));
    expect(count('kakariin')).toBeGreaterThan(count('ginocho'));
    const regular = org.staff.filter((s) => s.employmentType === 'regular').length / org.staff.length;
    expect(regular).toBeGreaterThan(0.7);
    expect(regular).toBeLessThan(0.8);
  });

  it('gives every 部 one 部長, every 課 one 課長 and every 係 one 係長', () => {
    const holders = (grade: string, code: string) =>
      org.staff.filter((s) => s.gradeCode === grade && s.unitCode === code).length;
    for (const u of org.units) {
      if (u.level === '部') expect(holders('bucho', u.code), u.name).toBe(1);
      if (u.level === '課') expect(holders('kacho', u.code), u.name).toBe(1);
      if (u.level === '係') expect(holders('kakaricho', u.code), u.name).toBe(1);
    }
    // Managers sit in the unit they lead; the rank and file in a 係.
    for (const s of org.staff) {
      const level = unitByCode.get(s.unitCode)?.level;
      if (s.gradeCode === 'bucho') expect(level).toBe('部');
      else if (s.gradeCode === 'kacho' || s.gradeCode === 'kacho-hosa') expect(level).toBe('課');
      else expect(level).toBe('係');
    }
  });

  it('keeps birth years consistent with grade and employment type', () => {
    for (const s of org.staff) {
      const age = 2024 - s.birthYear;
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(70);
      if (s.gradeCode === 'bucho') expect(s.birthYear).toBeGreaterThanOrEqual(1964);
      if (s.gradeCode === 'bucho') expect(s.birthYear).toBeLessThanOrEqual(1975);
      if (s.employmentType === 'regular') expect(age, s.staffNo).toBeLessThanOrEqual(60);
      if (s.employmentType === 'reappointed') expect(age, s.staffNo).toBeGreaterThan(60);
    }
  });

  it('includes the demo people in their posts', () => {
    const byNo = new Map(org.staff.map((s) => [s.staffNo, s]));
    for (const p of Object.values(DEMO_PEOPLE)) {
      expect(byNo.get(p.staffNo)).toMatchObject({
        name: p.name,
        nameKana: p.nameKana,
        unitCode: p.unitCode,
        gradeCode: p.gradeCode,
      });
    }
    const { evaluator1, evaluator2, staff1 } = DEMO_PEOPLE;
    expect(evaluator2.gradeCode).toBe('bucho');
    expect(evaluator1.gradeCode).toBe('kacho');
    expect(staff1.gradeCode).toBe('shuji');
    const kakari = unitByCode.get(staff1.unitCode);
    const ka = unitByCode.get(evaluator1.unitCode);
    const bu = unitByCode.get(evaluator2.unitCode);
    expect(kakari).toMatchObject({ level: '係', parentCode: evaluator1.unitCode });
    expect(ka).toMatchObject({ level: '課', name: '人事課', parentCode: evaluator2.unitCode });
    expect(bu).toMatchObject({ level: '部', name: '総務部' });
    // They are the only holders of their posts, so the evaluation chain is unambiguous.
    expect(org.staff.filter((s) => s.unitCode === ka?.code && s.gradeCode === 'kacho')).toHaveLength(1);
    expect(org.staff.filter((s) => s.unitCode === bu?.code && s.gradeCode === 'bucho')).toHaveLength(1);
  });
});

describe('names', () => {
  it('has enough distinct, katakana-read names', () => {
    expect(new Set(SURNAMES.map((s) => s.kanji)).size).toBeGreaterThanOrEqual(150);
    expect(new Set(GIVEN_NAMES.map((s) => s.kanji)).size).toBeGreaterThanOrEqual(150);
    expect(GIVEN_NAMES.some((g) => g.gender === 'f')).toBe(true);
    expect(GIVEN_NAMES.some((g) => g.gender === 'm')).toBe(true);
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1000 }, () => b.int(1, 6))).toEqual(xs);
    expect(new Set(xs)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('shuffles to a permutation and honours weights', () => {
    const rnd = createRandom(1);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rnd.shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    const picks = Array.from({ length: 2000 }, () =>
      rnd.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(0.95);
  });
});
