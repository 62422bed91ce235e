import { describe, expect, it } from 'vitest';
import { MVV } from './mvv.js';

describe('MVV', () => {
  it('carries the mission and vision of policy II-3', () => {
    expect(MVV.mission.statementJa).toBe('区民のウェルビーイング向上のために');
    expect(MVV.vision.statementJa).toBe('誰もが生きがいを感じ、自分らしく暮らしていけるしながわ');
    expect(MVV.value.questionJa).toBe('職員はどのような価値観を持ち、日々どのように行動すべきか');
  });

  it('carries the staff ideal of policy II-4', () => {
    const s = MVV.staffIdeal;
    expect(s.nameJa).toBe('攻守混同');
    expect(s.offence.qualitiesJa).toEqual(['積極性', '推進力', '向上心']);
    expect(s.defence.qualitiesJa).toEqual(['想像力']);
    expect(s.balance.qualitiesJa).toEqual(['柔軟性']);
    expect(s.offence.descriptionJa).toBe(
      'オフェンス(攻め)は、新たな行政課題に挑むための積極性、推進力、向上心。',
    );
    expect(s.summaryJa).toBe('これらの攻めと守りをバランスよく、攻守を一体にするのが区のめざす職員像です。');
  });

  it('carries the workplace ideal and its three yells (policy II-5)', () => {
    const w = MVV.workplaceIdeal;
    expect(w.nameJa).toBe('エール×スマイル→ホームしながわ');
    expect(w.yells.map((y) => [y.nameJa, y.readingJa])).toEqual([
      ['助けあえる', 'たすけあエール'],
      ['尊重しあえる', 'そんちょうしあエール'],
      ['楽しめる', 'たのしめエール'],
    ]);
    expect(w.descriptionJa).toContain('3つのエールと笑顔のある職場、それがホームしながわ。');
  });

  it('has an English rendering for every Japanese text', () => {
    for (const part of [MVV.mission, MVV.vision, MVV.value]) {
      expect(part.statementEn.length).toBeGreaterThan(0);
      expect(part.explanationEn.length).toBeGreaterThan(0);
      expect(part.questionEn.length).toBeGreaterThan(0);
    }
    expect(MVV.staffIdeal.originEn).toHaveLength(MVV.staffIdeal.originJa.length);
    expect(MVV.workplaceIdeal.descriptionEn).toHaveLength(MVV.workplaceIdeal.descriptionJa.length);
    for (const y of MVV.workplaceIdeal.yells) expect(y.nameEn.length).toBeGreaterThan(0);
  });
});
