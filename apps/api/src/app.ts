import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, Deps } from './deps.js';
import { errorBody, handleError, tooLarge } from './errors.js';
import { csrf } from './middleware/csrf.js';
import { loadSession, passwordChangeGate } from './middleware/session.js';
import { authRoutes, meRoutes } from './routes/auth.routes.js';
import { mountDocs } from './routes/docs.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { evaluationRoutes } from './routes/evaluation.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { recruitmentRoutes } from './routes/recruitment.routes.js';
import { standardsRoutes } from './routes/standards.routes.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { kpiRoutes } from './routes/kpi.routes.js';
import { noticesRoutes } from './routes/notices.routes.js';
import { surveyRoutes } from './routes/survey.routes.js';
import { customSurveyRoutes } from './routes/custom-survey.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { tasksRoutes } from './routes/tasks.routes.js';
import { talentRoutes } from './routes/talent.routes.js';

/** Every API route, chained so that the apps' typed client sees their types. */
export const apiRoutes = new Hono<AppEnv>()
  .basePath('/api')
  .route('/health', healthRoutes)
  .route('/auth', authRoutes)
  .route('/me/tasks', tasksRoutes)
  .route('/me', meRoutes)
  .route('/me/notices', noticesRoutes)
  .route('/users', usersRoutes)
  .route('/standards', standardsRoutes)
  .route('/org', orgRoutes)
  .route('/review', evaluationRoutes)
  .route('/recruit', recruitmentRoutes)
  .route('/surveys/custom', customSurveyRoutes)
  .route('/surveys', surveyRoutes)
  .route('/kpis', kpiRoutes)
  .route('/analytics', analyticsRoutes)
  .route('/talent', talentRoutes);

/** The route tree the SvelteKit apps' `hc<AppType>` client is typed with. */
export type AppType = typeof apiRoutes;

/** Uploads (CSV, .xlsx) get their own, larger limit on their routes; every other body is small. */
const FILE_TYPES = /text\/csv|spreadsheetml|octet-stream/i;
const jsonLimit = bodyLimit({
  maxSize: 256 * 1024,
  onError: (c) => tooLarge(c),
});

export const API_INFO = { title: 'Jinzai API', version: '0.1.0' };

/** The API with its middleware: secure headers, the request's deps, session, CSRF, the error shape. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  // Answers carry personal data (staff records, sheets, exports): no browser or proxy may keep a copy, unless a
  // route says otherwise.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', async (c, next) =>
    FILE_TYPES.test(c.req.header('content-type') ?? '') ? next() : jsonLimit(c, next),
  );
  app.use('/api/*', csrf());
  app.use('/api/*', loadSession());
  app.use('/api/*', passwordChangeGate());
  app.route('/', apiRoutes);
  mountDocs(app, API_INFO);
  app.notFound((c) => c.json(errorBody('not_found', 'ページが見つかりません'), 404));
  app.onError(handleError);
  return app;
}

export type { AppEnv, Deps } from './deps.js';
