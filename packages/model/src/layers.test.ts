import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CRITERIA,
  LAYER_CODES,
  LAYERS,
  defaultCriteriaOf,
  layerByCode,
  layerCodeSchema,
} from './layers.js';

describe('LAYERS', () => {
  it('has the six layers of the pyramid in order', () => {
    expect(LAYERS.map((l) => l.code)).toEqual([...LAYER_CODES]);
    expect(LAYERS.map((l) => l.nameJa)).toEqual([
      'ポテンシャル',
      'スタンス（マインドセット）',
      'ポータブルスキル（対人力）',
      'ポータブルスキル（対課題力）',
      'ICTリテラシー',
      'テクニカルスキル',
    ]);
  });

  it('lists the elements of potential that policy II-6-(3) names', () => {
    expect(layerByCode('potential').elementsJa).toEqual([
      '素直さ',
      '勤勉さ',
      '行動力',
      '成長性',
      '成長意欲',
      '前向きさ',
      '責任感',
    ]);
  });

  it('finds layers by code and rejects unknown codes', () => {
    expect(layerByCode('ict').nameEn).toBe('ICT literacy');
    expect(layerByCode('nope')).toBeUndefined();
    expect(layerCodeSchema.safeParse('stance').success).toBe(true);
    expect(layerCodeSchema.safeParse('Stance').success).toBe(false);
  });
});

describe('DEFAULT_CRITERIA', () => {
  it('has unique codes, each under its own layer', () => {
    const codes = DEFAULT_CRITERIA.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of DEFAULT_CRITERIA) {
      expect(c.code.startsWith(`${c.layer}.`)).toBe(true);
      expect(c.code).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(LAYER_CODES as readonly string[]).not.toContain(c.code);
    }
  });

  it('covers every layer of the pyramid', () => {
    for (const layer of LAYER_CODES) expect(defaultCriteriaOf(layer).length).toBeGreaterThan(0);
  });

  it('has one criterion per element of potential', () => {
    expect(defaultCriteriaOf('potential').map((c) => c.nameJa)).toEqual(layerByCode('potential').elementsJa);
  });

  it('carries the policy items for stance and the portable skills', () => {
    const names = DEFAULT_CRITERIA.map((c) => c.nameJa);
    expect(names).toEqual(
      expect.arrayContaining([
        '倫理',
        '攻め（積極性・推進力・向上心）',
        '守り（想像力）',
        '柔軟性',
        '説明・調整',
        '協調性',
        'コミュニケーション',
        '判断・企画',
        '業務遂行',
        '課題対応',
      ]),
    );
    expect(defaultCriteriaOf('interpersonal').map((c) => c.nameJa)).toEqual([
      '説明・調整',
      '協調性',
      'コミュニケーション',
    ]);
    expect(defaultCriteriaOf('problem').map((c) => c.nameJa)).toEqual(['判断・企画', '業務遂行', '課題対応']);
  });

  it('gives five distinct, non-empty anchors and at least one question per criterion', () => {
    for (const c of DEFAULT_CRITERIA) {
      expect(c.anchorsJa).toHaveLength(5);
      expect(new Set(c.anchorsJa).size).toBe(5);
      for (const a of c.anchorsJa) expect(a.length).toBeGreaterThan(10);
      expect(c.questionsJa.length).toBeGreaterThan(0);
    }
  });
});
