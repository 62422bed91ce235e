// Talent data (docs/interfaces.md "Talent data", docs/domain.md §10): training completions, the profile, 自己申告
// and its windows, 面談 records, self-development and the training catalogue.
import {
  declarationSchema,
  declarationWindowSchema,
  interviewSchema,
  LAYER_CODES,
  OUTCOME_CODES,
  selfDevelopmentKindCodes,
  TRAINING_COLUMNS,
  transferWishCodes,
  MAX_TRAINING_HOURS,
  isCalendarDate,
  GRADE_CODES,
  movesSchema,
} from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { actorOf } from '../http/actor.js';
import { guard } from '../http/guard.js';
import { fiscalYearText, idParam, optionalText } from '../http/params.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { importTraining } from '../services/talent-import.service.js';
import {
  apply,
  decideApplication,
  placementView,
  postings,
  postingWithApplicants,
  postPosition,
} from '../services/talent-placement.service.js';
import {
  acknowledge,
  addSelfDevelopment,
  declarationList,
  declarationWindows,
  decideSelfDevelopmentRecord,
  myDeclaration,
  openDeclarationWindow,
  pendingSelfDevelopmentList,
  recordInterview,
  saveCourse,
  submitDeclaration,
  talentProfile,
  trainingCatalogue,
} from '../services/talent.service.js';

const importResult = z.object({ rows: z.number(), created: z.number(), updated: z.number() });
const staffParam = z.object({ staffNo: z.string().min(1).max(32) });

const layerMean = z.object({
  layer: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  mean: z.number().nullable(),
});
const unitRef = z.object({ code: z.string(), name: z.string() });
const profileSchema = z.object({
  staffNo: z.string(),
  name: z.string(),
  nameKana: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  gradeCode: z.string(),
  gradeName: z.string(),
  relation: z.enum(['hr', 'self', 'first', 'second']),
  history: z.array(
    z.object({
      fiscalYear: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      gradeCode: z.string(),
      gradeName: z.string(),
    }),
  ),
  evaluations: z.array(z.object({ fiscalYear: z.number(), overall: z.string(), layers: z.array(layerMean) })),
  training: z.array(
    z.object({
      course: z.string(),
      layer: z.string(),
      completedOn: z.string(),
      hours: z.number(),
      source: z.string(),
      kind: z.string().nullable(),
      subsidyYen: z.number().nullable(),
      status: z.string(),
    }),
  ),
  declarations: z.array(
    z.object({
      fiscalYear: z.number(),
      transferWish: z.enum(transferWishCodes),
      wishedUnits: z.array(unitRef),
      reason: z.string(),
      careerGoal: z.string(),
      growthLayer: z.string().nullable(),
      managerExamInterest: z.boolean(),
      /** HR and the person only; null for evaluators. */
      circumstances: z.string().nullable(),
    }),
  ),
  applications: z.array(
    z.object({
      postingId: z.number(),
      title: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      appliedAt: z.string(),
      outcome: z.string(),
    }),
  ),
  interviews: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      heldOn: z.string(),
      topics: z.string(),
      actions: z.string(),
      /** HR (and whoever wrote them) only; null otherwise. */
      privateNotes: z.string().nullable(),
      recordedByName: z.string(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
  /** Counts only, never the text; null for evaluators. */
  iMessages: z.object({ received: z.number(), sent: z.number() }).nullable(),
});

const windowSchema = z.object({
  fiscalYear: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
});

const listQuery = z.object({
  fiscalYear: fiscalYearText,
  transferWish: z.enum(transferWishCodes).optional(),
  unit: optionalText,
  managerExam: z
    .enum(['yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'yes')),
});

const selfDevelopmentSchema = z.object({
  course: z.string().trim().min(1).max(200),
  kind: z.enum(selfDevelopmentKindCodes),
  layer: z.enum(LAYER_CODES),
  completedOn: z.string().refine(isCalendarDate, '日付は YYYY-MM-DD で指定してください'),
  hours: z.number().positive().max(MAX_TRAINING_HOURS),
  subsidyYen: z.number().int().min(0).max(10_000_000).nullable().default(null),
});

const courseSchema = z.object({
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).nullable().default(null),
  layer: z.enum(LAYER_CODES),
  outcome: z.enum(OUTCOME_CODES),
  active: z.boolean().default(true),
});

const postingSchema = z.object({
  title: z.string().trim().min(1).max(200),
  unitCode: z.string().trim().min(1).max(32),
  gradeMin: z.enum(GRADE_CODES),
  gradeMax: z.enum(GRADE_CODES),
  needs: z.partialRecord(z.enum(LAYER_CODES), z.string().trim().max(500)).default({}),
  description: z.string().trim().max(2000).default(''),
  deadline: z.string().refine(isCalendarDate, '日付は YYYY-MM-DD で指定してください'),
});

const declare = (correct: boolean) =>
  [
    guard({
      summary: correct
        ? 'Corrects the signed-in person’s 自己申告 of a year within its window (404 when none; 409 when the window is closed)'
        : 'The signed-in person’s 自己申告 of a year: 409 when the window is closed or the year is already declared (a correction is a PUT)',
      tags: ['talent'],
      roles: ['staff'],
      responses: {
        [correct ? 200 : 201]: { description: correct ? 'Corrected' : 'Declared' },
        404: { description: 'Nothing to correct' },
        409: { description: 'Window closed, or already declared' },
      },
    }),
    validate('json', declarationSchema),
  ] as const;

export const talentRoutes = new Hono<AppEnv>()
  .post(
    '/training',
    guard({
      summary:
        'Import training completions (staff_no,course,layer,completed_on,hours): all or nothing; a completion already imported (same person, course, day) is updated; 201 when any was new',
      tags: ['talent'],
      roles: ['hr'],
      upload: { columns: TRAINING_COLUMNS.required, optional: TRAINING_COLUMNS.optional },
      responses: {
        200: { description: 'Updated only', schema: importResult },
        201: { description: 'Imported', schema: importResult },
      },
    }),
    uploadLimit,
    async (c) => {
      const { db, now } = c.var.deps;
      const r = await importTraining(db, await uploadedFile(c), actorOf(c), now());
      return c.json(r, r.created > 0 ? 201 : 200);
    },
  )
  .get(
    '/staff/:staffNo',
    guard({
      summary:
        'A person’s profile: grade and unit history, evaluations overall and by layer, training, declarations, 公募, 面談, I・メッセージ counts; HR, the person and their current evaluators (403 others, 404 unknown); audited',
      tags: ['talent'],
      responses: {
        200: { description: 'The profile', schema: profileSchema },
        404: { description: 'Unknown number' },
      },
    }),
    validate('param', staffParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await talentProfile(db, currentUser(c), now(), c.req.valid('param').staffNo), 200);
    },
  )
  .post('/declarations', ...declare(false), async (c) => {
    const { db, now } = c.var.deps;
    return c.json(await submitDeclaration(db, currentUser(c), now(), c.req.valid('json')), 201);
  })
  .put('/declarations', ...declare(true), async (c) => {
    const { db, now } = c.var.deps;
    return c.json(await submitDeclaration(db, currentUser(c), now(), c.req.valid('json'), true), 200);
  })
  .get(
    '/declarations/me',
    guard({
      summary:
        'The 自己申告 window open today (else the latest) and the signed-in person’s declaration of its year',
      tags: ['talent'],
      roles: ['staff'],
    }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await myDeclaration(db, currentUser(c), now()), 200);
    },
  )
  .get(
    '/declarations',
    guard({
      summary:
        'HR’s list of a year’s 自己申告 (filters: transferWish, unit with the units under it, managerExam=yes|no) and the summary by unit',
      tags: ['talent'],
      roles: ['hr'],
    }),
    validate('query', listQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await declarationList(db, actorOf(c), now(), c.req.valid('query')), 200);
    },
  )
  .get(
    '/declaration-windows',
    guard({
      summary: 'The 自己申告 windows, newest year first, each saying whether it is open today',
      tags: ['talent'],
      responses: { 200: { description: 'Windows', schema: z.object({ windows: z.array(windowSchema) }) } },
    }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json({ windows: await declarationWindows(db, now()) }, 200);
    },
  )
  .post(
    '/declaration-windows',
    guard({
      summary: 'HR opens (or moves) a year’s 自己申告 window: { fiscalYear, opensOn, closesOn }',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 200: { description: 'The window', schema: windowSchema } },
    }),
    validate('json', declarationWindowSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await openDeclarationWindow(db, actorOf(c), now(), c.req.valid('json')), 200);
    },
  )
  .post(
    '/interviews',
    guard({
      summary:
        'Records a 面談 (kind start|mid|end|one-on-one): the person’s current first or second evaluator, or HR; private notes are never shown to the person',
      tags: ['talent'],
      roles: ['evaluator'],
      responses: { 201: { description: 'Recorded' }, 404: { description: 'Unknown number' } },
    }),
    validate('json', interviewSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const r = await recordInterview(db, currentUser(c), now(), c.req.valid('json'));
      return c.json({ id: r.id }, 201);
    },
  )
  .post(
    '/interviews/:id/acknowledge',
    guard({
      summary: 'The person acknowledges a 面談 of theirs (確認しました); another person’s is 404',
      tags: ['talent'],
      roles: ['staff'],
      responses: { 404: { description: 'Not one’s own' } },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await acknowledge(db, currentUser(c), now(), c.req.valid('param').id), 200);
    },
  )
  .post(
    '/self-development',
    guard({
      summary:
        'The signed-in person adds a self-development (自己啓発: course, qualification, graduate study) for HR to approve',
      tags: ['talent'],
      roles: ['staff'],
      responses: { 201: { description: 'Added, pending' } },
    }),
    validate('json', selfDevelopmentSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await addSelfDevelopment(db, currentUser(c), now(), c.req.valid('json')), 201);
    },
  )
  .get(
    '/self-development/pending',
    guard({ summary: 'Self-developments waiting for HR, oldest first', tags: ['talent'], roles: ['hr'] }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json({ records: await pendingSelfDevelopmentList(db, actorOf(c), now()) }, 200);
    },
  )
  .post(
    '/self-development/:id/decision',
    guard({
      summary: 'HR approves or rejects a pending self-development: { status: approved | rejected }',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 404: { description: 'No such pending record' } },
    }),
    validate('param', idParam),
    validate('json', z.object({ status: z.enum(['approved', 'rejected']) })),
    async (c) => {
      const { db, now } = c.var.deps;
      const id = c.req.valid('param').id;
      return c.json(
        await decideSelfDevelopmentRecord(db, actorOf(c), now(), id, c.req.valid('json').status),
        200,
      );
    },
  )
  .get(
    '/courses',
    guard({
      summary: 'The training catalogue, each course with its layer and the logic-model outcome it serves',
      tags: ['talent'],
    }),
    async (c) => c.json({ courses: await trainingCatalogue(c.var.deps.db) }, 200),
  )
  .put(
    '/courses/:code',
    guard({
      summary: 'HR adds or changes a course of the training catalogue',
      tags: ['talent'],
      roles: ['hr'],
    }),
    validate('param', z.object({ code: z.string().regex(/^[0-9a-z-]{1,40}$/) })),
    validate('json', courseSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(
        await saveCourse(db, actorOf(c), now(), { code: c.req.valid('param').code, ...c.req.valid('json') }),
        200,
      );
    },
  )
  .get(
    '/postings',
    guard({
      summary:
        '公募 postings, latest deadline first, each with its applicants’ number, whether it is open and whether the caller applied',
      tags: ['talent'],
      roles: ['staff'],
    }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json({ postings: await postings(db, currentUser(c), now()) }, 200);
    },
  )
  .post(
    '/postings',
    guard({
      summary: 'HR posts a position: unit, grade range, what it needs by layer, deadline',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 201: { description: 'Posted' } },
    }),
    validate('json', postingSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await postPosition(db, actorOf(c), now(), c.req.valid('json')), 201);
    },
  )
  .get(
    '/postings/:id',
    guard({
      summary:
        'HR’s view of a posting: its applicants side by side (latest evaluation and layers, years in the unit, training hours by layer)',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 404: { description: 'No such posting' } },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await postingWithApplicants(db, actorOf(c), now(), c.req.valid('param').id), 200);
    },
  )
  .post(
    '/postings/:id/applications',
    guard({
      summary:
        'The signed-in person applies with a statement (409 past the deadline or when already applied)',
      tags: ['talent'],
      roles: ['staff'],
      responses: {
        201: { description: 'Applied' },
        404: { description: 'No such posting' },
        409: { description: 'Closed or already applied' },
      },
    }),
    validate('param', idParam),
    validate('json', z.object({ statement: z.string().trim().min(1).max(2000) })),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(
        await apply(db, currentUser(c), now(), c.req.valid('param').id, c.req.valid('json').statement),
        201,
      );
    },
  )
  .post(
    '/postings/:id/applications/:staffNo/outcome',
    guard({
      summary: 'HR records the outcome of an application: accepted, declined or pending',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 404: { description: 'No such application' } },
    }),
    validate('param', idParam.extend({ staffNo: z.string().min(1).max(32) })),
    validate('json', z.object({ outcome: z.enum(['accepted', 'declined', 'pending']) })),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, staffNo } = c.req.valid('param');
      return c.json(
        await decideApplication(db, actorOf(c), now(), id, staffNo, c.req.valid('json').outcome),
        200,
      );
    },
  )
  .post(
    '/placement',
    guard({
      summary:
        '配置検討 for a unit: who wishes to come and who wishes to leave (latest year’s declarations) with grade, years in the unit, layer scores and training; the headcount by grade per unit after the what-if moves',
      tags: ['talent'],
      roles: ['hr'],
      responses: { 404: { description: 'No such unit' } },
    }),
    validate(
      'json',
      z.object({ unitCode: z.string().trim().min(1).max(32), moves: movesSchema.default([]) }),
    ),
    async (c) => {
      const { db, now } = c.var.deps;
      const { unitCode, moves } = c.req.valid('json');
      return c.json(await placementView(db, actorOf(c), now(), unitCode, moves), 200);
    },
  );
