import { describe, expect, it } from 'vitest';
import { PROGRAMMES, PROGRAMME_CODES, programmeByCode, programmeCodeSchema } from './programmes.js';

describe('PROGRAMMES', () => {
  it('are the ten schemes of policy IV-3 in the policy order', () => {
    expect(PROGRAMMES.map((p) => p.code)).toEqual([...PROGRAMME_CODES]);
    expect(PROGRAMMES.map((p) => p.nameJa)).toEqual([
      'シフト勤務',
      'テレワーク',
      '年次有給休暇',
      '介護休暇',
      '部分休業',
      '子の看護休暇',
      '育児短時間勤務',
      '男性の育児休業等',
      '病気休暇',
      '病気休職',
    ]);
  });

  it('carry no targets', () => {
    for (const p of PROGRAMMES) {
      expect(Object.keys(p).sort()).toEqual(['code', 'nameEn', 'nameJa']);
    }
  });

  it('are found by code, and codes validate', () => {
    expect(programmeByCode('telework').nameJa).toBe('テレワーク');
    expect(programmeByCode('nope')).toBeUndefined();
    expect(programmeCodeSchema.safeParse('sick-absence').success).toBe(true);
    expect(programmeCodeSchema.safeParse('Sick-absence').success).toBe(false);
  });
});
