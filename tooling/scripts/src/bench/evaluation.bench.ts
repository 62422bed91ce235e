import { join } from 'node:path';
import { fmt, latency, ratio, signIn, withServer, work, type BenchRow } from './harness.js';

/**
 * Issue 4 (evaluation): on the demo ward (4,000 staff, results for 2021–2025 and the open 2026 period with its
 * sheets), HR's distribution view (< 200 ms) and an evaluator's queue (< 50 ms), median after warm-up, against
 * the health route as the baseline of a request's own cost.
 */
export async function evaluationBench(rows: BenchRow[]): Promise<void> {
  await withServer(join(work, 'evaluation.db'), true, async () => {
    const hr = await signIn('hr');
    const evaluator = await signIn('evaluator1');
    const health = await latency('/api/health', hr, 30);
    const analytics = await latency('/api/review/analytics?fiscalYear=2025', hr, 30);
    const current = await latency('/api/review/analytics?fiscalYear=2026', hr, 30);
    const queue = await latency('/api/review/queue', evaluator, 30);
    rows.push(
      {
        measure: 'HR distribution view, FY2025 (4,000 staff, 5 years)',
        value: `${fmt(analytics, 1)} ms`,
        baseline: `${fmt(health, 2)} ms health`,
        ratio: ratio(analytics, health),
        target: '< 200 ms',
      },
      {
        measure: 'HR view of the open period (sheets, tendencies, agreement)',
        value: `${fmt(current, 1)} ms`,
        baseline: `${fmt(health, 2)} ms health`,
        ratio: ratio(current, health),
        target: '< 200 ms',
      },
      {
        measure: 'Evaluator queue (evaluator1)',
        value: `${fmt(queue, 1)} ms`,
        baseline: `${fmt(health, 2)} ms health`,
        ratio: ratio(queue, health),
        target: '< 50 ms',
      },
    );
  });
}
