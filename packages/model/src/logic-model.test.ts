import { describe, expect, it } from 'vitest';
import {
  FINAL_OUTCOME,
  OUTCOMES,
  OUTCOME_CODES,
  directOutcomesOf,
  outcomeByCode,
  outcomeCodeSchema,
} from './logic-model.js';

describe('logic model', () => {
  it('has the final outcome of policy IV-1', () => {
    expect(FINAL_OUTCOME.code).toBe('final');
    expect(FINAL_OUTCOME.nameJa).toBe(
      '「誰もが生きがいを感じ、自分らしく暮らしていけるしながわ」を職員が支えている',
    );
  });

  it('has three intermediate and six direct outcomes, in order', () => {
    expect(OUTCOMES.map((o) => o.code)).toEqual([...OUTCOME_CODES]);
    expect(OUTCOMES.filter((o) => o.kind === 'intermediate').map((o) => o.nameJa)).toEqual([
      'すべての職員が安心して働くことができる',
      'すべての職員が誇りとやりがいを感じ、能力を活かして働くことができる',
      '職員同士がお互いを尊重し、高めあうことができる',
    ]);
    expect(OUTCOMES.filter((o) => o.kind === 'direct').map((o) => o.nameJa)).toEqual([
      '職員が多様な働き方を選ぶことができる',
      '職員の心身の健康が保たれている',
      '職員の能力を活かす仕組みが整っている',
      '職員が自分のやりたいことを提案できる',
      '職員が積極的にスキルアップに取り組み、必要な能力が向上する',
      '職員の頑張りが認められる',
    ]);
  });

  it('links the direct outcomes to the intermediate ones they serve', () => {
    expect(Object.fromEntries(OUTCOMES.map((o) => [o.code, o.parents]))).toEqual({
      '11': ['final'],
      '12': ['final'],
      '13': ['final'],
      '01': ['11'],
      '02': ['11'],
      '03': ['12'],
      '04': ['12'],
      '05': ['12', '13'],
      '06': ['13'],
    });
    expect(directOutcomesOf('12').map((o) => o.code)).toEqual(['03', '04', '05']);
    expect(directOutcomesOf('13').map((o) => o.code)).toEqual(['05', '06']);
  });

  it('lists the activities of policy IV-2 word for word', () => {
    expect(outcomeByCode('01').activities).toEqual([
      expect.objectContaining({
        groupJa: 'ワークスタイルイノベーション',
        itemsJa: ['シフト勤務の充実', 'テレワーク推進', '服装の軽装化', '兼業(副業)推進'],
      }),
      expect.objectContaining({
        groupJa: '休暇制度の充実',
        itemsJa: [
          '育児休業・部分休業の取得推進',
          '特別休暇制度の充実(介護休暇、出生サポート休暇、子の看護のための休暇等)',
          '有給休暇取得推進',
        ],
      }),
    ]);
    expect(outcomeByCode('04').activities.map((a) => a.groupJa)).toEqual([
      '政策提案能力の向上',
      '意見反映の仕組み',
      'キャリアの自己決定感の醸成',
    ]);
    expect(outcomeByCode('06').activities.flatMap((a) => a.itemsJa)).toEqual([
      'I・メッセージ(品川式360°フィードバック)導入',
      '適正な人事評価',
      '職員表彰制度(職員表彰・キャリアデザイン顕彰・部長賞)',
    ]);
  });

  it('gives direct outcomes activities with an English rendering of every item', () => {
    for (const o of OUTCOMES) {
      expect(o.nameEn.length).toBeGreaterThan(0);
      if (o.kind === 'direct') expect(o.activities.length).toBeGreaterThan(0);
      for (const a of o.activities) expect(a.itemsEn).toHaveLength(a.itemsJa.length);
    }
  });

  it('finds outcomes by code and validates codes', () => {
    expect(outcomeByCode('05').parents).toEqual(['12', '13']);
    expect(outcomeByCode('07')).toBeUndefined();
    expect(outcomeCodeSchema.safeParse('01').success).toBe(true);
    expect(outcomeCodeSchema.safeParse('1').success).toBe(false);
  });
});
