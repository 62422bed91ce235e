import { zValidator } from '@hono/zod-validator';
import { safeJson } from '@jinzai/model';
import type { Hono, MiddlewareHandler, ValidationTargets } from 'hono';
import { z } from 'zod';
import { errorBody } from './errors.js';

/**
 * The OpenAPI document is generated from the routes themselves: `describe()` and `validate()` attach their
 * metadata to the middleware they return, and `buildOpenApi()` walks `app.routes` to collect it. Nothing is written
 * by hand twice, and a route without `describe()` still appears.
 */
const DOC = Symbol.for('jinzai.openapi');

export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  /** false for the few public routes (health, openapi, login). */
  auth?: boolean;
  roles?: readonly string[];
  /** A file upload: CSV (and .xlsx) body. */
  upload?: { columns: readonly string[]; optional?: readonly string[] };
  responses?: Record<number, { description: string; schema?: z.ZodType }>;
}

type DocPart = { route?: RouteDoc; request?: { target: keyof ValidationTargets; schema: z.ZodType } };
type Documented = MiddlewareHandler & { [DOC]?: DocPart };

/** Attaches a route's documentation to one of its middlewares. */
export function documented<M extends MiddlewareHandler>(mw: M, doc: RouteDoc): M {
  (mw as Documented)[DOC] = { route: doc };
  return mw;
}

/** Documentation alone (a no-op middleware), for the public routes; signed-in routes use `guard()`. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  return documented(async (_c, next) => {
    await next();
  }, doc);
}

/**
 * zValidator with the project's error shape, documented in the OpenAPI document: a bad body or query is a 400, a
 * path parameter that is not a canonical id (or code) a 404.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  // A JSON body is first checked for characters no text may hold (docs/domain.md §8); the types stay the schema's.
  const checked = target === 'json' ? (safeJson.pipe(schema) as unknown as S) : schema;
  const mw = zValidator(target, checked, (result, c) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      // A path that names nothing is not there: `/rounds/0x10` or `/rounds/abc` is a 404 like `/rounds/999999`.
      if (target === 'param')
        return c.json(errorBody('not_found', '指定されたものが見つかりません', details), 404);
      return c.json(errorBody('invalid_input', '入力内容に誤りがあります', details), 400);
    }
  });
  (mw as Documented)[DOC] = { request: { target, schema } };
  return mw;
}

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** Builds the OpenAPI 3.1 document of every route of app. */
export function buildOpenApi(
  app: Hono<never, never, string> | Hono,
  info: { title: string; version: string },
) {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const r of (app as Hono).routes) {
    if (r.method === 'ALL') continue;
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = r.method.toLowerCase();
    const op = ((paths[path] ??= {})[method] ??= {
      parameters: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      responses: {},
    });
    const part = (r.handler as Documented)[DOC];
    if (part?.route) {
      const d = part.route;
      op.summary = d.summary;
      if (d.description || d.roles) {
        op.description = [d.description, d.roles ? `Roles: ${d.roles.join(', ')}` : undefined]
          .filter(Boolean)
          .join('\n\n');
      }
      if (d.tags) op.tags = d.tags;
      op.security = d.auth === false ? [] : [{ session: [] }];
      for (const [status, res] of Object.entries(d.responses ?? {})) {
        op.responses[status] = {
          description: res.description,
          ...(res.schema
            ? { content: { 'application/json': { schema: toJson(res.schema, 'output') } } }
            : {}),
        };
      }
      if (d.upload) {
        const cols = [...d.upload.columns, ...(d.upload.optional ?? []).map((c) => `${c} (optional)`)];
        op.requestBody = {
          required: true,
          description: `CSV (UTF-8 with or without BOM, or CP932) or .xlsx; header: ${cols.join(', ')}`,
          content: {
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        };
      }
    }
    if (part?.request) {
      const { target, schema } = part.request;
      if (target === 'json') {
        op.requestBody = {
          required: true,
          content: { 'application/json': { schema: toJson(schema, 'input') } },
        };
      } else if (target === 'query' || target === 'param') {
        const js = toJson(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
        for (const [name, s] of Object.entries(js.properties ?? {})) {
          const where = target === 'query' ? 'query' : 'path';
          op.parameters = op.parameters.filter((p) => (p as { name: string }).name !== name);
          op.parameters.push({ name, in: where, required: js.required?.includes(name) ?? false, schema: s });
        }
      }
    }
  }
  for (const ops of Object.values(paths)) {
    for (const op of Object.values(ops)) {
      op.responses['200'] ??= { description: 'OK' };
      if (op.requestBody || op.parameters.length > 0) {
        op.responses['400'] ??= {
          description: 'Bad input',
          content: { 'application/json': { schema: errorSchema } },
        };
      }
      if (!op.security || op.security.length > 0) {
        op.responses['401'] ??= {
          description: 'No session',
          content: { 'application/json': { schema: errorSchema } },
        };
        op.responses['403'] ??= {
          description: 'Not allowed (role, object or cross-site request)',
          content: { 'application/json': { schema: errorSchema } },
        };
      }
    }
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jinzai_session' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
