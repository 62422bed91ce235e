import { describe, expect, it } from 'vitest';
import { LAYER_CODES } from './layers.js';
import {
  DEFAULT_WEIGHT_SET,
  TRACKS,
  TRACK_CODES,
  askedLayers,
  layerWeightsSchema,
  trackByCode,
  trackCodeSchema,
  weightSetSchema,
  weightedTotal,
} from './tracks.js';

describe('TRACKS', () => {
  it('has the three hiring tracks of policy II-6-(3)', () => {
    expect(TRACKS.map((t) => t.code)).toEqual([...TRACK_CODES]);
    expect(TRACKS.map((t) => t.nameJa)).toEqual(['新卒採用', '経験者採用', '専門職経験者採用']);
    expect(trackByCode('specialist').descriptionJa).toBe(
      '専門職経験者採用においては上記に加え、テクニカルスキルを重視して採用を行います。',
    );
    expect(trackByCode('other')).toBeUndefined();
    expect(trackCodeSchema.safeParse('experienced').success).toBe(true);
    expect(trackCodeSchema.safeParse('mid-career').success).toBe(false);
  });
});

describe('DEFAULT_WEIGHT_SET', () => {
  it('is the table of docs/domain.md §2', () => {
    expect(DEFAULT_WEIGHT_SET.version).toBe('2024.1');
    expect(DEFAULT_WEIGHT_SET.effectiveFrom).toBe('2024-04-01');
    expect(DEFAULT_WEIGHT_SET.weights).toEqual({
      'new-graduate': { potential: 35, stance: 35, interpersonal: 15, problem: 15, ict: 0, technical: 0 },
      experienced: { potential: 20, stance: 25, interpersonal: 20, problem: 20, ict: 15, technical: 0 },
      specialist: { potential: 15, stance: 20, interpersonal: 15, problem: 15, ict: 10, technical: 25 },
    });
  });

  it('passes its own schema', () => {
    expect(weightSetSchema.parse(DEFAULT_WEIGHT_SET)).toEqual(DEFAULT_WEIGHT_SET);
  });
});

describe('layerWeightsSchema', () => {
  const ok = { potential: 35, stance: 35, interpersonal: 15, problem: 15, ict: 0, technical: 0 };

  it('accepts integer weights that add up to 100', () => {
    expect(layerWeightsSchema.safeParse(ok).success).toBe(true);
  });

  it('rejects a sum other than 100 with a Japanese message', () => {
    const r = layerWeightsSchema.safeParse({ ...ok, technical: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('重みの合計は100にしてください');
  });

  it('rejects fractions, negatives, values over 100 and missing layers', () => {
    expect(layerWeightsSchema.safeParse({ ...ok, potential: 34.5, stance: 35.5 }).success).toBe(false);
    expect(layerWeightsSchema.safeParse({ ...ok, ict: -5, technical: 5 }).success).toBe(false);
    expect(
      layerWeightsSchema.safeParse({
        potential: 101,
        stance: 0,
        interpersonal: 0,
        problem: 0,
        ict: 0,
        technical: -1,
      }).success,
    ).toBe(false);
    const { technical: _t, ...missing } = ok;
    expect(layerWeightsSchema.safeParse(missing).success).toBe(false);
  });
});

describe('askedLayers', () => {
  it('lists the layers with a weight above 0, in pyramid order', () => {
    expect(askedLayers(DEFAULT_WEIGHT_SET.weights['new-graduate'])).toEqual([
      'potential',
      'stance',
      'interpersonal',
      'problem',
    ]);
    expect(askedLayers(DEFAULT_WEIGHT_SET.weights.specialist)).toEqual([...LAYER_CODES]);
  });
});

describe('weightedTotal', () => {
  const w = DEFAULT_WEIGHT_SET.weights['new-graduate'];

  it('is the weighted mean over the asked layers', () => {
    // (35*5 + 35*3 + 15*4 + 15*2) / 100 = 3.7
    expect(weightedTotal({ potential: 5, stance: 3, interpersonal: 4, problem: 2 }, w)).toBeCloseTo(3.7, 12);
  });

  it('ignores scores of layers with weight 0', () => {
    expect(
      weightedTotal({ potential: 4, stance: 4, interpersonal: 4, problem: 4, ict: 1, technical: 1 }, w),
    ).toBe(4);
  });

  it('is null when an asked layer has no score', () => {
    expect(weightedTotal({ potential: 4, stance: 4, interpersonal: 4 }, w)).toBeNull();
    expect(weightedTotal({ potential: 4, stance: 4, interpersonal: 4, problem: null }, w)).toBeNull();
    expect(weightedTotal({ potential: 4, stance: 4, interpersonal: 4, problem: Number.NaN }, w)).toBeNull();
  });

  it('stays on the 1–5 scale', () => {
    const s = DEFAULT_WEIGHT_SET.weights.specialist;
    const all = (v: number) => Object.fromEntries(LAYER_CODES.map((l) => [l, v]));
    expect(weightedTotal(all(1), s)).toBe(1);
    expect(weightedTotal(all(5), s)).toBe(5);
  });
});
