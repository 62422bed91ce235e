// Demo data for the KPI survey: two years of answers near the policy's baselines, and programme use counts.
import { insertKpiResponses, rosterAttributes, upsertProgrammeCounts, type Database } from '@jinzai/db';
import { createRandom, type Random } from '@jinzai/db/demo';
import { KPI_QUESTIONS, PROGRAMMES, ageBandOf, type AgreementValue, type KpiResponse } from '@jinzai/model';
import type { Kysely } from 'kysely';

/** The demo survey years: answers for both, so the KPI board shows figures and a change at once. */
export const DEMO_SURVEY_YEARS = [2024, 2025] as const;
const RESPONDENTS = 1800;

function normal(rnd: Random): number {
  const u = Math.max(rnd.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.next());
}

/** How each KPI has moved from its baseline by each demo year: some improve, some slip. */
function drift(code: string, year: number, rnd: Random): number {
  const step = year - 2023;
  const trend = ['q06', 'q08', 'q11', 'q13'].includes(code) ? 0.09 : code === 'q07' ? -0.04 : 0.03;
  return trend * step + (rnd.next() - 0.5) * 0.04;
}

/**
 * KPI survey answers for fiscal years 2024 and 2025 (about 1,800 respondents each, means near the policy's
 * baselines with some drift) and programme use counts for 2023–2025. Deterministic. Nobody has answered the 2026
 * survey online, so staff1 can.
 */
export async function seedSurveyDemo(trx: Kysely<Database>, _now: Date): Promise<{ responses: number }> {
  const staff = await rosterAttributes(trx);
  if (staff.length === 0) return { responses: 0 };
  let total = 0;
  for (const year of DEMO_SURVEY_YEARS) {
    const rnd = createRandom(20240322 + year);
    const means = new Map(KPI_QUESTIONS.map((k) => [k.code, k.baseline + drift(k.code, year, rnd)]));
    // Each 課 leans a little one way or the other, so that breakdowns differ.
    const lean = new Map<string, number>();
    const respondents = rnd.shuffle(staff).slice(0, Math.min(RESPONDENTS, staff.length));
    const responses: KpiResponse[] = respondents.map((s) => {
      const unitKey = s.unitCode.slice(0, 4);
      if (!lean.has(unitKey)) lean.set(unitKey, normal(rnd) * 0.18);
      const person = normal(rnd) * 0.45 + (lean.get(unitKey) ?? 0);
      const answers = Object.fromEntries(
        KPI_QUESTIONS.map((k) => {
          if (rnd.chance(0.015)) return [k.code, null];
          const latent = (means.get(k.code) ?? 2.5) + person + normal(rnd) * 0.6;
          return [k.code, Math.min(4, Math.max(1, Math.round(latent))) as AgreementValue];
        }),
      ) as KpiResponse['answers'];
      return {
        unitCode: s.unitCode,
        gradeCode: s.gradeCode,
        ageBand: ageBandOf(s.birthYear, year),
        employmentType: s.employmentType,
        answers,
      };
    });
    await insertKpiResponses(trx, year, 'import', responses);
    total += responses.length;
  }
  const base: Record<string, number> = {
    'shift-work': 310,
    telework: 640,
    'annual-leave': 3650,
    'family-care-leave': 38,
    'partial-leave': 72,
    'child-nursing-leave': 214,
    'short-hours-childcare': 41,
    'paternity-leave': 58,
    'sick-leave': 162,
    'sick-absence': 47,
  };
  for (const [i, year] of [2023, 2024, 2025].entries()) {
    const rnd = createRandom(777 + year);
    const growth = (code: string) =>
      code === 'telework' || code === 'paternity-leave' ? 1 + 0.25 * i : 1 + 0.04 * i;
    await upsertProgrammeCounts(
      trx,
      year,
      PROGRAMMES.map((p) => ({
        programmeCode: p.code,
        count: Math.round((base[p.code] ?? 0) * growth(p.code) * (0.95 + rnd.next() * 0.1)),
      })),
      `${year + 1}-04-01T00:00:00.000Z`,
    );
  }
  return { responses: total };
}
