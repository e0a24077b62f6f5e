// The error boundary: known errors keep their code, unknown ones leak nothing but a correlation id.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.js';
import { conflict, msg } from './errors.js';

async function appThrowing(error: unknown) {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.get('/boom', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe('error handler', () => {
  it('turns an unexpected error into a 500 problem with a correlation id and no internals', async () => {
    const app = await appThrowing(new Error('password=hunter2 at /srv/custos/secret.ts:12'));
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('http.internal');
    expect(body.correlationId).toBe(res.json().correlationId);
    expect(body.message['zh-CN']).toContain(body.correlationId);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('secret.ts');
  });

  it('keeps the status, code, message and data of an application error', async () => {
    const app = await appThrowing(conflict('thing.taken', msg('已被占用。', 'Taken.'), { by: 'x' }));
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'thing.taken',
      message: { 'zh-CN': '已被占用。', en: 'Taken.' },
      data: { by: 'x' },
    });
  });
});
