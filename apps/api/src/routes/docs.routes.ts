// The API described: the OpenAPI document and a reference page to browse it (public, generated from the routes).
import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../deps.js';
import { buildOpenApi } from '../openapi.js';

type Doc = ReturnType<typeof buildOpenApi>;
type Op = Doc['paths'][string][string];

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

function operationHtml(method: string, path: string, op: Op): string {
  const params = op.parameters as { name: string; in: string; required: boolean }[];
  const body = op.requestBody as
    { description?: string; content?: Record<string, { schema?: unknown }> } | undefined;
  return `<section class="op" id="${esc(method + path)}">
  <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
  <p>${esc(op.summary ?? '')}</p>${op.description ? `<p class="d">${esc(op.description)}</p>` : ''}
  ${params.length ? `<p><strong>Parameters:</strong> ${params.map((p) => `<code>${esc(p.name)}</code> (${p.in}${p.required ? ', required' : ''})`).join(', ')}</p>` : ''}
  ${body ? `<details><summary>Request body: ${esc(Object.keys(body.content ?? {}).join(', '))}</summary>${body.description ? `<p>${esc(body.description)}</p>` : ''}<pre>${esc(JSON.stringify(Object.values(body.content ?? {})[0]?.schema ?? {}, null, 2))}</pre></details>` : ''}
  <p><strong>Responses:</strong> ${Object.entries(op.responses)
    .map(([s, r]) => `<code>${s}</code> ${esc((r as { description: string }).description)}`)
    .join(' · ')}</p>
</section>`;
}

/** GET /api/openapi.json and its browsable reference page /api/docs: public, generated from the routes. */
export function mountDocs(app: Hono<AppEnv>, info: { title: string; version: string }) {
  let cached: Doc | undefined;
  const doc = () => (cached ??= buildOpenApi(app as unknown as Hono, info));
  app.get('/api/openapi.json', (c) => c.json(doc()));
  app.get('/api/docs', (c) => {
    // The page is static HTML with one inline style sheet: nothing else may load or run.
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const d = doc();
    const byTag = new Map<string, string[]>();
    for (const [path, ops] of Object.entries(d.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const tag = op.tags?.[0] ?? 'other';
        byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
      }
    }
    const sections = [...byTag.entries()]
      .map(([tag, ops]) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.join('\n')}`)
      .join('\n');
    return c.html(
      html`<!doctype html>
        <html lang="ja">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Jinzai API リファレンス</title>
            <style>
              body {
                font-family: 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif;
                margin: 0 auto;
                max-width: 960px;
                padding: 1rem 1.5rem;
                color: #1b1f24;
                line-height: 1.6;
              }
              h1 {
                font-size: 1.6rem;
              }
              h2 {
                border-bottom: 2px solid #0b5394;
                padding-bottom: 0.2rem;
                margin-top: 2rem;
              }
              .op {
                border: 1px solid #c9d1d9;
                border-radius: 6px;
                padding: 0.5rem 1rem;
                margin: 0.75rem 0;
              }
              .op h3 {
                font-size: 1rem;
                margin: 0.3rem 0;
              }
              .m {
                display: inline-block;
                min-width: 4.2em;
                text-align: center;
                border-radius: 4px;
                color: #fff;
                padding: 0 0.3em;
                font-size: 0.85rem;
              }
              .m-get {
                background: #0b5394;
              }
              .m-post {
                background: #1e6b30;
              }
              .m-put {
                background: #7a4a00;
              }
              .m-delete,
              .m-patch {
                background: #a4161a;
              }
              pre {
                background: #f4f6f8;
                padding: 0.5rem;
                overflow: auto;
                font-size: 0.8rem;
              }
              .d {
                color: #444;
              }
            </style>
          </head>
          <body>
            <main>
              <h1>Jinzai API リファレンス</h1>
              <p>
                ${d.info.title} ${d.info.version} — 機械可読版:
                <a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）。エラーは
                <code>{ "error": { "code", "message", "details" } }</code> で返ります。
              </p>
              ${raw(sections)}
            </main>
          </body>
        </html>`,
    );
  });
}
