import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { DEFAULT_WEIGHT_SET, GRADES, gradeByCode } from '@jinzai/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';

interface Grades {
  grades: {
    code: string;
    family: { code: string; nameJa: string };
    nameJa: string;
    competencies: { layer: string; nameJa: string; descriptionJa: string }[];
  }[];
}
interface Tracks {
  weightSet: { version: string };
  tracks: { code: string; nameJa: string; weights: Record<string, number>; version: string }[];
}

const newSet = (version: string, effectiveFrom = '2025-04-01') => ({
  version,
  effectiveFrom,
  weights: {
    ...DEFAULT_WEIGHT_SET.weights,
    'new-graduate': { potential: 40, stance: 30, interpersonal: 15, problem: 15, ict: 0, technical: 0 },
  },
});

describe.each(testDialects())('standards routes on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
  });
  afterEach(async () => h.dispose());

  it('lists the ten grades with their items as the policy has them', async () => {
    const cookie = await h.login('staff');
    const body = (await (await h.request('/api/standards/grades', { cookie })).json()) as Grades;
    // The catalogue's ten grades in its order (packages/model grades.test pins the policy's names).
    expect(body.grades.map((g) => g.nameJa)).toEqual(GRADES.map((g) => g.nameJa));
    expect(body.grades).toHaveLength(10);
    const shuji = body.grades.find((g) => g.code === 'shuji');
    expect(shuji?.family.nameJa).toBe('事務系・福祉系・一般技術系・医療技術系');
    expect(shuji?.competencies[0]).toMatchObject({
      layer: 'stance',
      nameJa: '倫理',
      descriptionJa:
        '全体の奉仕者として、責任を持って業務に取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
    });
    const bucho = body.grades.find((g) => g.code === 'bucho');
    // The catalogue's items of the grade in its order (packages/model grades.test pins the policy's names).
    expect(bucho?.competencies.map((c) => c.nameJa)).toEqual(
      gradeByCode('bucho').competencies.map((c) => c.nameJa),
    );
    expect(bucho?.competencies).toHaveLength(6);
  });

  it('lists the tracks with the default weights in per cent', async () => {
    const cookie = await h.login('recruiter');
    const body = (await (await h.request('/api/standards/tracks', { cookie })).json()) as Tracks;
    expect(body.tracks.map((t) => t.code)).toEqual(['new-graduate', 'experienced', 'specialist']);
    expect(body.tracks[2]?.weights).toEqual({
      potential: 15,
      stance: 20,
      interpersonal: 15,
      problem: 15,
      ict: 10,
      technical: 25,
    });
    expect(body.tracks[0]?.nameJa).toBe('新卒採用');
  });

  it('lists the KPIs with computed targets', async () => {
    const cookie = await h.login('hr');
    const body = (await (await h.request('/api/standards/kpis', { cookie })).json()) as {
      kpis: { code: string; baseline: number; target: number; outcome: string }[];
    };
    expect(body.kpis).toHaveLength(15);
    expect(body.kpis[5]).toMatchObject({ code: 'q06', outcome: '01', baseline: 2.29, target: 2.5 });
    expect(body.kpis[6]).toMatchObject({ code: 'q07', baseline: 2.506, target: 3 });
  });

  it('needs a session', async () => {
    for (const p of ['grades', 'tracks', 'kpis'])
      await expectError(await h.request(`/api/standards/${p}`), 401);
  });

  it('lets HR publish a new weight version without changing the old one', async () => {
    const hr = await h.login('hr');
    const res = await h.request('/api/standards/tracks/weights', json(newSet('2025.1'), 'PUT', hr));
    expect(res.status).toBe(201);
    const body = (await (await h.request('/api/standards/tracks', { cookie: hr })).json()) as Tracks;
    expect(body.weightSet.version).toBe('2025.1');
    expect(body.tracks[0]?.weights['potential']).toBe(40);
    expect((await listAudit(h.db.db, { entity: 'weight_set' }))[0]).toMatchObject({
      action: 'create',
      entityId: '2025.1',
    });
    await expectError(
      await h.request('/api/standards/tracks/weights', json(newSet('2025.1'), 'PUT', hr)),
      409,
    );
  });

  it('keeps a future version out of force until its date', async () => {
    const hr = await h.login('hr');
    await h.request('/api/standards/tracks/weights', json(newSet('2030.1', '2030-04-01'), 'PUT', hr));
    const body = (await (await h.request('/api/standards/tracks', { cookie: hr })).json()) as Tracks;
    expect(body.weightSet.version).toBe(DEFAULT_WEIGHT_SET.version);
  });

  it('refuses weights that do not sum to 100, and other roles', async () => {
    const hr = await h.login('hr');
    const bad = newSet('2025.2');
    bad.weights['new-graduate'].potential = 41;
    await expectError(await h.request('/api/standards/tracks/weights', json(bad, 'PUT', hr)), 400);
    await expectError(
      await h.request('/api/standards/tracks/weights', json({ version: 'x' }, 'PUT', hr)),
      400,
    );
    const recruiter = await h.login('recruiter');
    await expectError(
      await h.request('/api/standards/tracks/weights', json(newSet('2025.3'), 'PUT', recruiter)),
      403,
    );
    await expectError(await h.request('/api/standards/tracks/weights', json(newSet('2025.3'), 'PUT')), 401);
  });
});
